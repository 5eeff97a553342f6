import type { AdminAuditPage } from "@fact-board/contract";
import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import type { AdminState } from "./useAdmin";

/** Ändringslogg: who changed which member, organisation or setting, and when (newest first). */
export function AdminAuditSection({ admin }: { admin: AdminState }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [page, setPage] = useState<AdminAuditPage>();
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
              <TableCell>{e.actor.displayName}</TableCell>
              <TableCell>{t(`adminWhat.${e.what}`, { defaultValue: e.what })}</TableCell>
              <TableCell>{e.subject.name ?? e.subject.id}</TableCell>
              <TableCell>{[e.fields?.join(", "), e.detail].filter(Boolean).join(" · ")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page.cursor && <Button onClick={() => void load(page.cursor)}>{t("audit.more")}</Button>}
    </>
  );
}
