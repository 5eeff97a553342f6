import type { ImportReport } from "@fact-board/contract";
import {
  Button,
  Caption1,
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
import { useId, useState } from "react";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import { importReason } from "./importReasons";
import type { AdminState } from "./useAdmin";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** A file's bytes (the text, where a test's stand-in file has no arrayBuffer()). */
const bytesOf = (file: File): Promise<string | ArrayBuffer> =>
  typeof (file as Partial<File>).arrayBuffer === "function" ? file.arrayBuffer() : file.text();

/**
 * The first day's caseload from a CSV file: checked first (a dry run reporting every line with its
 * number and what it does, or why it is refused), then imported. The server writes nothing of a file
 * it cannot read, and changes an existing participant only for a line with the action update.
 */
export function ImportParticipants({ admin }: { admin: AdminState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; bytes: string | ArrayBuffer }>();
  const [report, setReport] = useState<{ dryRun: boolean; report: ImportReport }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await admin.client.importParticipants(admin.boardId, file.bytes, dryRun);
      setReport({ dryRun, report: result });
      if (!dryRun) await admin.reload();
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={t("admin.import.title")}>
      <Text weight="semibold">{t("admin.import.title")}</Text>
      <Caption1>{t("admin.import.format")}</Caption1>
      <div className={styles.row}>
        <label htmlFor={inputId}>{t("admin.import.file")}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            setReport(undefined);
            // The bytes as they are: Swedish Excel writes Windows-1252 (or UTF-8 with a BOM); the server reads both.
            if (picked) void bytesOf(picked).then((bytes) => setFile({ name: picked.name, bytes }));
          }}
        />
        <Button disabled={!file || busy} onClick={() => void send(true)}>
          {t("admin.import.check")}
        </Button>
        <Button appearance="primary" disabled={!file || busy || !report?.dryRun} onClick={() => void send(false)}>
          {t("admin.import.run")}
        </Button>
      </div>
      {error && <AdminMessages admin={{ error, notice: undefined }} />}
      {report && (
        <>
          <Text role="status">
            {report.dryRun
              ? t("admin.import.checked", { refused: report.report.refused.length, already: report.report.alreadyThere })
              : report.report.updated > 0
                ? t("admin.import.updated", {
                    imported: report.report.imported,
                    updated: report.report.updated,
                    refused: report.report.refused.length,
                    already: report.report.alreadyThere,
                  })
                : t("admin.import.done", {
                    imported: report.report.imported,
                    refused: report.report.refused.length,
                    already: report.report.alreadyThere,
                  })}
          </Text>
          {report.report.refused.length > 0 && (
            <TableRegion label={t("admin.import.refused")}>
              <Table aria-label={t("admin.import.refused")} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("admin.import.line")}</TableHeaderCell>
                    <TableHeaderCell>{t("admin.import.reason")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.report.refused.map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>
                        {importReason(i18n, r.reason)}
                        {r.column ? ` ${t("admin.import.column", { column: r.column })}` : ""}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableRegion>
          )}
          {report.report.lines.length > 0 && (
            <TableRegion label={t("admin.import.lines")}>
              <Table aria-label={t("admin.import.lines")} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("admin.import.line")}</TableHeaderCell>
                    <TableHeaderCell>{t("admin.import.outcome")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.report.lines.map((l) => (
                    <TableRow key={l.line}>
                      <TableCell>{l.line}</TableCell>
                      <TableCell>
                        {l.outcome === "updated"
                          ? t("admin.import.outcome.updated", {
                              fields: (l.fields ?? [])
                                .map((f) => t(`admin.import.field.${f as "initials"}`, { defaultValue: f }))
                                .join(", "),
                            })
                          : t(`admin.import.outcome.${l.outcome}`)}
                        {l.consent
                          ? `; ${t("admin.import.outcome.consent", { status: t(`consent.${l.consent.status}`).toLowerCase() })}`
                          : ""}
                        {l.plans?.length
                          ? `; ${t("admin.import.outcome.plans", { plans: l.plans.map((p) => t(`admin.import.field.${p as "sip"}`, { defaultValue: p })).join(", ") })}`
                          : ""}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableRegion>
          )}
        </>
      )}
    </section>
  );
}
