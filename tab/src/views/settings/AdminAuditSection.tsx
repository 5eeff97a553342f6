import type { AdminAuditPage } from "@fact-board/contract";
import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import { PersonIdentity } from "./PersonIdentity";
import type { AdminState } from "./useAdmin";
import { TableRegion } from "../../board/TableRegion";

/** The few words the server's own details are made of (roles, "left", "line", counts), in the viewer's language. */
const DETAIL_WORDS = /\b(staff|coordinator|manager|admin|left|line|imported|updated|refused)\b|name or substitutes/g;
/** Events whose detail the server writes itself; others (a leaver's reason) carry someone's own words, shown as written. */
const SERVER_DETAILS = new Set([
  "roleGrantRefused",
  "memberAdded",
  "memberChanged",
  "joinApproved",
  "participantImported",
  "participantChanged",
  "participantsImported",
]);

/**
 * Ändringslogg: who changed which member, organisation or setting, and when (newest first). Who is
 * shown with their organisation and tenant, not by display name alone; refused attempts to grant a
 * role beyond one's reach stand out.
 */
export function AdminAuditSection({ admin }: { admin: AdminState }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [page, setPage] = useState<AdminAuditPage>();
  const orgName = (id: string) => admin.overview?.organisations.find((o) => o.id === id)?.name ?? (id || t("admin.identity.notMember"));
  // A study's export says how many participants it carried (a count, in the server's detail).
  const detailText = (what: string, detail: string) =>
    what === "studyExported" ? t("study.exportedCount", { count: Number(detail) }) : SERVER_DETAILS.has(what) ? words(detail) : detail;
  const words = (detail: string) =>
    detail.replace(DETAIL_WORDS, (w: string) =>
      w === "name or substitutes"
        ? t("admin.log.word.nameOrSubstitutes")
        : ["staff", "coordinator", "manager", "admin"].includes(w)
          ? t(`role.${w as "staff"}`)
          : t(`admin.log.word.${w as "left"}`),
    );
  const [error, setError] = useState<string>();
  const load = useCallback(
    async (cursor?: string) => {
      try {
        const next = await admin.client.adminAudit(admin.boardId, cursor);
        setPage((prev) =>
          cursor && prev ? { events: [...prev.events, ...next.events], ...(next.cursor ? { cursor: next.cursor } : {}) } : next,
        );
      } catch (e) {
        setError(errorText(i18n, e));
      }
    },
    [admin.client, admin.boardId, i18n],
  );
  useEffect(() => {
    void load();
  }, [load, admin.overview]);

  if (error) return <AdminMessages admin={{ error, notice: undefined }} />;
  if (!page) return <Spinner label={t("app.loading")} />;
  if (page.events.length === 0) return <Text>{t("admin.log.empty")}</Text>;
  return (
    <>
      <TableRegion label={t("admin.page.log")}>
        <Table aria-label={t("admin.page.log")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("audit.at")}</TableHeaderCell>
              <TableHeaderCell>{t("audit.who")}</TableHeaderCell>
              <TableHeaderCell>{t("audit.what")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.log.subject")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.log.detail")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.events.map((e, i) => (
              <TableRow key={`${e.at}-${i}`}>
                <TableCell>{formatDateTime(e.at)}</TableCell>
                <TableCell>
                  <PersonIdentity
                    displayName={e.actor.displayName}
                    tenantId={e.actor.tenantId}
                    organisation={orgName(e.actor.organisationId)}
                    ownWords={e.what === "joinRequested"}
                  />
                </TableCell>
                <TableCell>
                  {(e.what === "roleGrantRefused" || e.what === "studyExportRefused") && (
                    <Badge appearance="filled" color="danger">
                      {t("admin.log.refused")}
                    </Badge>
                  )}{" "}
                  {t(`adminWhat.${e.what}`, { defaultValue: e.what })}
                </TableCell>
                <TableCell>{e.subject.name ?? e.subject.id}</TableCell>
                <TableCell>{[e.fields?.join(", "), e.detail && detailText(e.what, e.detail)].filter(Boolean).join(" · ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
      {page.cursor && <Button onClick={() => void load(page.cursor)}>{t("audit.more")}</Button>}
    </>
  );
}
