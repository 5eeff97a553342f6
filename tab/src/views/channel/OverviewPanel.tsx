import type { Overview } from "@fact-board/contract";
import { Card, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { HorizontalBarChartWithAxis, LineChart } from "@fluentui/react-charts";
import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { errorText } from "../../api/errorText";
import { useBoardContext } from "../../board/BoardContext";
import { can, organisationName } from "../../board/model";
import { toLocalDate, useI18n } from "../../i18n";
import { ChartTable } from "./ChartTable";
import { FidelityPanel } from "./FidelityPanel";
import { FollowUpPanel } from "./FollowUpPanel";
import { LogReviewSection } from "./LogReviewSection";
import { NotReachedList } from "./NotReachedList";
import { ReviewedDaysStrip } from "./ReviewedDaysStrip";
import { StatisticsExportButton } from "./StatisticsExportButton";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(12rem, 100%), 1fr))",
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  // A plain div: a Card would add role="group", which a <dl> may not contain.
  figure: {
    padding: tokens.spacingHorizontalM,
    margin: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  warn: { color: tokens.colorPaletteRedForeground1 },
  // Side by side where two fit, one under the other on a phone (never wider than the screen).
  charts: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(22rem, 100%), 1fr))", gap: tokens.spacingHorizontalL },
  chart: { minWidth: 0 },
});

/** The manager overview: load, fidelity and gaps, with charts where a picture reads faster. */
export default function OverviewPanel() {
  const client = useApi();
  const { boardId, board } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDate, formatNumber, formatShare, locale } = i18n;
  const styles = useStyles();
  const [overview, setOverview] = useState<Overview>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    client.overview(boardId).then(
      (o) => !cancelled && setOverview(o),
      (e: unknown) => !cancelled && setError(errorText(i18n, e)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, boardId, board.version, i18n]);

  if (error) return <Text role="alert">{error}</Text>;
  if (!overview) return <Spinner label={t("app.loading")} />;

  // Days the board's schedule expected a meeting: a day without one is neither reviewed nor missed.
  const expectedDays = overview.reviewedDays.filter((d) => d.scheduled > 0);
  const reviewedCount = expectedDays.filter((d) => d.reviewed).length;
  const figure = (label: string, value: string | number, warn = false) => (
    <div className={styles.figure}>
      <dt>
        <Text>{label}</Text>
      </dt>
      <dd className={mergeClasses(styles.value, warn && styles.warn)}>{value}</dd>
    </div>
  );

  return (
    <section className={styles.root} aria-label={t("overview.title")}>
      <dl className={styles.figures}>
        {figure(
          t("term.onBoard"),
          t("overview.onBoardOfCaseload", {
            onBoard: overview.onBoard,
            caseload: overview.caseload,
            percent: formatShare(overview.onBoard, overview.caseload),
          }),
        )}
        {figure(t("overview.averageDays"), formatNumber(overview.averageDaysOnBoard, { maximumFractionDigits: 1 }))}
        {figure(t("overview.consentsMissing"), overview.consentsMissing, overview.consentsMissing > 0)}
        {figure(t("overview.consentsExpiring"), overview.consentsExpiringSoon, overview.consentsExpiringSoon > 0)}
        {figure(t("overview.signalsOpen"), overview.signalsOpen)}
        {figure(t("overview.signalsOverdue"), overview.signalsOverdue, overview.signalsOverdue > 0)}
        {figure(t("overview.absencesWithoutCover"), overview.absencesWithoutCover, overview.absencesWithoutCover > 0)}
        {figure(
          t("overview.reviewedDays"),
          t("overview.reviewedDaysValue", { reviewed: reviewedCount, count: expectedDays.length }),
          reviewedCount < expectedDays.length,
        )}
      </dl>
      <section aria-label={t("overview.caseloadByOrganisation")}>
        <Subtitle2 as="h2">{t("overview.caseloadByOrganisation")}</Subtitle2>
        <dl className={styles.figures}>
          {overview.caseloadByOrganisation.map((c) => (
            <div key={c.organisationId} className={styles.figure}>
              <dt>
                <Text>{organisationName(board, c.organisationId)}</Text>
              </dt>
              <dd className={styles.value}>{c.caseload}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ReviewedDaysStrip days={overview.reviewedDays} today={board.today} />
      <NotReachedList people={overview.notReached} />
      <div className={styles.charts}>
        <Card className={styles.chart}>
          <Subtitle2 as="h2">{t("overview.boardSizeChart")}</Subtitle2>
          <LineChart
            culture={locale}
            height={260}
            data={{
              chartTitle: t("overview.boardSizeChart"),
              lineChartData: [
                {
                  legend: t("term.onBoard"),
                  color: tokens.colorBrandBackground,
                  data: overview.boardSizeOverTime.map((p) => ({
                    x: toLocalDate(p.date),
                    y: p.onBoard,
                    xAxisCalloutData: formatDate(p.date),
                  })),
                },
              ],
            }}
          />
          <ChartTable
            caption={t("overview.boardSizeChart")}
            headers={[t("overview.date"), t("term.onBoard")]}
            rows={overview.boardSizeOverTime.map((p) => [formatDate(p.date), p.onBoard] as const)}
          />
        </Card>
        <Card className={styles.chart}>
          <Subtitle2 as="h2">{t("overview.daysChart")}</Subtitle2>
          <HorizontalBarChartWithAxis
            culture={locale}
            height={Math.max(200, overview.daysOnBoard.length * 22)}
            chartTitle={t("overview.daysChart")}
            hideLegend
            showYAxisLables
            data={[...overview.daysOnBoard]
              .sort((a, b) => a.days - b.days)
              .map((d) => ({ x: d.days, y: d.code, legend: t("overview.chartLegendDays"), color: tokens.colorBrandBackground }))}
          />
          <ChartTable
            caption={t("overview.daysChart")}
            headers={[t("term.participant"), t("overview.chartLegendDays")]}
            rows={[...overview.daysOnBoard].sort((a, b) => b.days - a.days).map((d) => [d.code, d.days] as const)}
          />
        </Card>
      </div>
      {/* FACT fidelity figures only for a FACT board: the server leaves them out for another model. */}
      {overview.fidelity ? (
        <FidelityPanel fidelity={overview.fidelity} />
      ) : (
        <Text data-not-fact="true">{t("about.notFact", { model: t(`boardModel.${overview.model}`) })}</Text>
      )}
      <FollowUpPanel />
      <StatisticsExportButton />
      {can(board, "logReview.appoint") && <LogReviewSection />}
    </section>
  );
}
