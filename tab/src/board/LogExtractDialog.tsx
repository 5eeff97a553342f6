import type { LogExtract } from "@fact-board/contract";
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
import { useState } from "react";
import { useApi } from "../api/ApiContext";
import { saveBlob } from "../api/download";
import { errorText } from "../api/errorText";
import { useI18n, type I18n, type MessageKey } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { PrintableDialog, usePrintableStyles, useReadOnOpen } from "./PrintableDialog";
import { TableRegion } from "./TableRegion";

const useStyles = makeStyles({
  organisation: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** The extract's content, the same on screen and on paper. */
function ExtractTables({ extract, i18n, headingLevel }: { extract: LogExtract; i18n: I18n; headingLevel: "h2" | "h3" }) {
  const { t, formatDateTime } = i18n;
  const styles = { ...usePrintableStyles(), ...useStyles() };
  const Heading = headingLevel;
  const words = (prefix: "auditWhat" | "auditChannel" | "organisationKind", code: string) =>
    t(`${prefix}.${code}` as MessageKey, { defaultValue: code });
  if (extract.organisations.length === 0) return <Text>{t("logExtract.empty")}</Text>;
  return (
    <>
      {extract.organisations.map((o) => (
        <section key={o.organisationId} className={styles.organisation} aria-label={o.organisationName}>
          <Heading className={styles.heading}>
            {t("logExtract.organisation", { name: o.organisationName, unit: words("organisationKind", o.unit) })}
          </Heading>
          <TableRegion label={t("logExtract.accessesOf", { name: o.organisationName })}>
            <Table size="small" aria-label={t("logExtract.accessesOf", { name: o.organisationName })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("logExtract.at")}</TableHeaderCell>
                  <TableHeaderCell>{t("logExtract.lastAt")}</TableHeaderCell>
                  <TableHeaderCell>{t("logExtract.count")}</TableHeaderCell>
                  <TableHeaderCell>{t("audit.what")}</TableHeaderCell>
                  <TableHeaderCell>{t("audit.channel")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {o.accesses.map((a, i) => (
                  <TableRow key={`${a.at}-${i}`}>
                    <TableCell>{formatDateTime(a.at)}</TableCell>
                    <TableCell>{a.count > 1 ? formatDateTime(a.lastAt) : "–"}</TableCell>
                    <TableCell>{a.count}</TableCell>
                    <TableCell>{words("auditWhat", a.what)}</TableCell>
                    <TableCell>{words("auditChannel", a.channel)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableRegion>
        </section>
      ))}
    </>
  );
}

/**
 * The participant's log extract (PDL 8 kap. 5 §): which organisation and unit accessed their
 * details and when — no staff names. Printable and as CSV, for all organisations or one.
 */
export default function LogExtractDialog({ participantId, code, onClose }: { participantId: string; code: string; onClose: () => void }) {
  const client = useApi();
  const { boardId, board } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const styles = usePrintableStyles();
  const {
    value: extract,
    error,
    setError,
  } = useReadOnOpen(() => client.logExtract(boardId, participantId), [client, boardId, participantId]);
  const [organisationId, setOrganisationId] = useState("");

  const download = async () => {
    try {
      saveBlob(
        await client.logExtractCsv(boardId, participantId, organisationId || undefined),
        `registerutdrag-${code}${organisationId ? `-${organisationId}` : ""}.csv`,
      );
    } catch (e) {
      setError(errorText(i18n, e));
    }
  };

  const title = t("logExtract.title", { code });
  return (
    <PrintableDialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t("detail.close")}</Button>
          <Button onClick={() => window.print()} disabled={!extract}>
            {t("logExtract.print")}
          </Button>
          <Button appearance="primary" onClick={() => void download()} disabled={!extract}>
            {t("logExtract.downloadCsv")}
          </Button>
        </>
      }
      paper={
        extract && (
          <>
            <h1>{title}</h1>
            <p>{t("logExtract.printedOn", { board: board.board.name, date: formatDate(board.today) })}</p>
            <ExtractTables extract={extract} i18n={i18n} headingLevel="h2" />
          </>
        )
      }
    >
      <Text className={styles.meta}>{t("logExtract.intro")}</Text>
      {error && <Text role="alert">{error}</Text>}
      {!extract && !error && <Spinner size="tiny" label={t("app.loading")} />}
      {extract && <ExtractTables extract={extract} i18n={i18n} headingLevel="h3" />}
      {extract && extract.organisations.length > 0 && (
        <Field label={t("logExtract.csvFor")}>
          <Select value={organisationId} onChange={(_e, d) => setOrganisationId(d.value)}>
            <option value="">{t("logExtract.allOrganisations")}</option>
            {extract.organisations.map((o) => (
              <option key={o.organisationId} value={o.organisationId}>
                {o.organisationName}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </PrintableDialog>
  );
}
