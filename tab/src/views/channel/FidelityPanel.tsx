import type { FidelityIndicators, FidelityMonth } from "@fact-board/contract";
import {
  Card,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LineChart } from "@fluentui/react-charts";
import { toLocalDate, useI18n } from "../../i18n";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type Key = "shareOfCaseloadPercent" | "checkInDayShare" | "reviewedShare" | "multiOrganisationActionShare" | "consentCoverage";

/** Fidelity month by month (FACTs): a chart of the shares and a table of every indicator, as the server counted them for this viewer. */
export function FidelityPanel({ fidelity }: { fidelity: FidelityIndicators }) {
  const { t, formatNumber, locale } = useI18n();
  const styles = useStyles();
  const pct = (v: number | null) => (v === null ? "–" : formatNumber(v / 100, { style: "percent", maximumFractionDigits: 1 }));
  const num = (v: number | null) => (v === null ? "–" : formatNumber(v, { maximumFractionDigits: 1 }));
  const lines: Array<{ key: Key; color: string }> = [
    { key: "shareOfCaseloadPercent", color: tokens.colorBrandBackground },
    { key: "checkInDayShare", color: tokens.colorPaletteGreenBorderActive },
    { key: "reviewedShare", color: tokens.colorPaletteDarkOrangeBorderActive },
  ];
  const rows: Array<{ label: string; value: (m: FidelityMonth) => string }> = [
    { label: t("fidelity.onBoard"), value: (m) => `${m.onBoard} (${pct(m.shareOfCaseloadPercent)})` },
    { label: t("fidelity.putOn"), value: (m) => String(m.putOn) },
    { label: t("fidelity.takenOff"), value: (m) => String(m.takenOff) },
    { label: t("fidelity.medianDays"), value: (m) => num(m.medianDaysOnBoard) },
    { label: t("fidelity.longerThanLimit", { days: fidelity.settings.longStayDays }), value: (m) => String(m.longerThanLimit) },
    { label: t("fidelity.checkInDayShare"), value: (m) => `${m.checkInDays}/${m.expectedCheckInDays} (${pct(m.checkInDayShare)})` },
    { label: t("fidelity.reviewedShare"), value: (m) => pct(m.reviewedShare) },
    { label: t("fidelity.secondsPerParticipant"), value: (m) => num(m.secondsPerParticipant) },
    { label: t("fidelity.notReached"), value: (m) => `${m.notReached} / ${m.carriedOver}` },
    { label: t("fidelity.multiOrganisation"), value: (m) => pct(m.multiOrganisationActionShare) },
    {
      label: t("fidelity.signalsInTime"),
      value: (m) => {
        const raised = m.signalsByPair.reduce((a, p) => a + p.raised, 0);
        return `${m.signalsByPair.reduce((a, p) => a + p.answeredInTime, 0)}/${raised}`;
      },
    },
    { label: t("fidelity.consentCoverage"), value: (m) => pct(m.consentCoverage) },
  ];
  return (
    <Card className={styles.root}>
      <Subtitle2 as="h2">
        {t("fidelity.title", { low: fidelity.settings.bandLowPercent, high: fidelity.settings.bandHighPercent })}
      </Subtitle2>
      <LineChart
        culture={locale}
        height={260}
        data={{
          chartTitle: t("fidelity.chart"),
          lineChartData: lines.map((l) => ({
            legend: t(`fidelity.${l.key}`),
            color: l.color,
            data: fidelity.months.map((m) => ({ x: toLocalDate(`${m.month}-01`), y: m[l.key] ?? 0, xAxisCalloutData: m.month })),
          })),
        }}
      />
      <TableRegion label={t("fidelity.table")}>
        <Table size="small" aria-label={t("fidelity.table")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("fidelity.indicator")}</TableHeaderCell>
              {fidelity.months.map((m) => (
                <TableHeaderCell key={m.month}>{m.month}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                {fidelity.months.map((m) => (
                  <TableCell key={m.month}>{r.value(m)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </Card>
  );
}
