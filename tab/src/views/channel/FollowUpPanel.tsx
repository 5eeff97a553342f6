import type { FollowUpView } from "@fact-board/contract";
import {
  Button,
  Caption1,
  Card,
  Field,
  Select,
  Spinner,
  Subtitle2,
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
import { HorizontalBarChartWithAxis } from "@fluentui/react-charts";
import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { saveBlob } from "../../api/download";
import { errorText } from "../../api/errorText";
import { useBoardContext } from "../../board/BoardContext";
import { TableRegion } from "../../board/TableRegion";
import { can } from "../../board/model";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  controls: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
  // Columns as wide as their content (a long organisation name wraps), not eight equal parts.
  table: { tableLayout: "auto" },
  name: { overflowWrap: "anywhere", minWidth: "8rem" },
  number: { textAlign: "end" },
});

/**
 * The follow-up per organisation (issue 28): per year, the participants each organisation of the
 * board had at the end of the year and the new ones, against the board's yearly target; today's
 * board, SIP, crisis plan and research study. Counts from the server; shown only to those it lets read them.
 */
export function FollowUpPanel() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDate, locale } = i18n;
  const styles = useStyles();
  const allowed = can(board, "followUp.read");
  const [year, setYear] = useState<number>();
  const [view, setView] = useState<FollowUpView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!allowed) return;
    let cancelled = false;
    client.followUp(boardId, year).then(
      (v) => !cancelled && (setView(v), setError(undefined)),
      (e: unknown) => !cancelled && setError(errorText(i18n, e)),
    );
    return () => {
      cancelled = true;
    };
  }, [allowed, client, boardId, year, board.version, i18n]);

  if (!allowed) return null;
  const title = t("followUp.title");
  const download = async (y: number) => {
    setBusy(true);
    try {
      saveBlob(await client.followUpCsv(boardId, y), `uppfoljning-${y}.csv`);
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };
  const ofCounted = (count: number, of: number) => t("followUp.ofCounted", { part: count, of });

  return (
    <Card>
      <section className={styles.root} aria-label={title}>
        <Subtitle2 as="h2">{title}</Subtitle2>
        {error && <Text role="alert">{error}</Text>}
        {!view ? (
          !error && <Spinner label={t("app.loading")} />
        ) : (
          <>
            <div className={styles.controls}>
              <Field label={t("followUp.year")}>
                <Select value={String(view.year)} onChange={(_e, d) => setYear(Number(d.value))}>
                  {view.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button onClick={() => void download(view.year)} disabled={busy}>
                {t("followUp.download")}
              </Button>
            </div>
            <Caption1 className={styles.hint}>{t("followUp.asOf", { date: formatDate(view.asOf) })}</Caption1>
            <TableRegion label={title}>
              <Table size="small" className={styles.table} aria-label={`${title} ${view.year}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("followUp.organisation")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.involvedAtYearEnd")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.newInYear")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.target")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.onBoardNow")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.sipHeld")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.sipOverdue")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.crisisPlan")}</TableHeaderCell>
                    <TableHeaderCell>{t("followUp.inStudy")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {view.organisations.map((o) => (
                    <TableRow key={o.organisationId} data-organisation={o.organisationId}>
                      <TableCell className={styles.name}>{o.name}</TableCell>
                      <TableCell className={styles.number}>{o.involvedAtYearEnd}</TableCell>
                      <TableCell className={styles.number}>{o.newInYear}</TableCell>
                      <TableCell className={styles.number}>{o.target ?? t("followUp.noTarget")}</TableCell>
                      <TableCell className={styles.number}>{o.onBoardNow}</TableCell>
                      <TableCell className={styles.number}>{ofCounted(o.sip.yes, o.plansCounted)}</TableCell>
                      <TableCell className={styles.number}>{o.sipFollowUpOverdue}</TableCell>
                      <TableCell className={styles.number}>{ofCounted(o.crisisPlan.yes, o.plansCounted)}</TableCell>
                      <TableCell className={styles.number}>{ofCounted(o.inStudy, o.plansCounted)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableRegion>
            <Caption1 className={styles.hint}>{t("followUp.hint")}</Caption1>
            {/* The table's first figures as a picture, read faster against each other. */}
            <Subtitle2 as="h3">{t("followUp.chart")}</Subtitle2>
            <HorizontalBarChartWithAxis
              culture={locale}
              height={Math.max(160, view.organisations.length * 32)}
              chartTitle={t("followUp.chart")}
              hideLegend
              showYAxisLables
              data={view.organisations.map((o) => ({
                x: o.involvedAtYearEnd,
                y: o.name,
                legend: t("followUp.chartLegend"),
                color: tokens.colorBrandBackground,
              }))}
            />
          </>
        )}
      </section>
    </Card>
  );
}
