import type { AuditPage } from "@fact-board/contract";
import {
  Button,
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { saveBlob } from "../../api/download";
import { errorText } from "../../api/errorText";
import { useBoardContext } from "../../board/BoardContext";
import { organisationName } from "../../board/model";
import { useI18n, type MessageKey } from "../../i18n";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
});

/** Loggkontroll: who looked at or changed a participant, or what a member looked at. */
export default function AuditPanel() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const styles = useStyles();
  const [participantId, setParticipantId] = useState(board.rows[0]?.participant.id ?? "");
  const [memberId, setMemberId] = useState("");
  const [page, setPage] = useState<AuditPage>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const filter = memberId ? { memberId } : { participantId };

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const next = await client.audit(boardId, { ...filter, cursor });
      setPage((prev) => (cursor && prev ? { records: [...prev.records, ...next.records], cursor: next.cursor } : next));
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (participantId || memberId) void load();
    // Reload when the filter changes only (load reads the filter from this render).
  }, [participantId, memberId]);

  const exportCsv = async () => {
    try {
      saveBlob(await client.auditCsv(boardId, filter), `loggkontroll-${memberId || participantId}.csv`);
    } catch (e) {
      setError(errorText(i18n, e));
    }
  };

  // The log stores codes (viewedDetails, tab, allowed); show them in words, and an unknown code as it is.
  const words = (prefix: "auditWhat" | "auditChannel" | "auditOutcome", code: string) =>
    t(`${prefix}.${code}` as MessageKey, { defaultValue: code });
  const who = (objectId: string) => board.members.find((m) => m.id.endsWith(objectId))?.displayName ?? objectId;

  return (
    <section className={styles.root} aria-label={t("audit.title")}>
      <div className={styles.form}>
        <Field label={t("term.participant")}>
          <Select
            value={participantId}
            onChange={(_e, d) => {
              setParticipantId(d.value);
              setMemberId("");
            }}
          >
            <option value="">–</option>
            {board.rows.map((r) => (
              <option key={r.participant.id} value={r.participant.id}>
                {r.participant.code}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("audit.member")}>
          <Select value={memberId} onChange={(_e, d) => setMemberId(d.value)}>
            <option value="">–</option>
            {board.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void exportCsv()} disabled={!participantId && !memberId}>
          {t("audit.export")}
        </Button>
      </div>
      {error && <Text role="alert">{error}</Text>}
      {!participantId && !memberId && <Text>{t("audit.pick")}</Text>}
      {page && page.records.length === 0 && <Text>{t("audit.empty")}</Text>}
      {page && page.records.length > 0 && (
        <TableRegion label={t("audit.title")}>
          <Table size="small" aria-label={t("audit.title")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("audit.at")}</TableHeaderCell>
                <TableHeaderCell>{t("audit.who")}</TableHeaderCell>
                <TableHeaderCell>{t("audit.organisation")}</TableHeaderCell>
                <TableHeaderCell>{t("audit.what")}</TableHeaderCell>
                <TableHeaderCell>{t("term.participant")}</TableHeaderCell>
                <TableHeaderCell>{t("audit.channel")}</TableHeaderCell>
                <TableHeaderCell>{t("audit.outcome")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.records.map((r, i) => (
                <TableRow key={`${r.at}-${i}`}>
                  <TableCell>
                    {formatDateTime(r.at)}
                    {/* A folded record: identical views from the first time to the last (no extra column: the table must fit the channel tab). */}
                    {r.count > 1 && (
                      <>
                        <br />
                        <Text size={200}>{t("audit.repeated", { count: r.count, last: formatDateTime(r.lastAt) })}</Text>
                      </>
                    )}
                  </TableCell>
                  <TableCell>{who(r.objectId)}</TableCell>
                  <TableCell>{organisationName(board, r.organisationId)}</TableCell>
                  <TableCell>{words("auditWhat", r.what)}</TableCell>
                  <TableCell>{r.participantCode}</TableCell>
                  <TableCell>{words("auditChannel", r.channel)}</TableCell>
                  <TableCell>{words("auditOutcome", r.outcome)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      {loading && <Spinner size="tiny" label={t("app.loading")} />}
      {page?.cursor && !loading && <Button onClick={() => void load(page.cursor)}>{t("audit.more")}</Button>}
    </section>
  );
}
