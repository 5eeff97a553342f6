import type { WalkthroughView } from "@fact-board/contract";
import { Card, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n";
import { formatDuration } from "./useWalkthrough";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "56rem" },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { margin: 0, display: "flex", flexDirection: "column" },
  value: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** The end of the morning check-in: the server recorded it from the walkthrough; these are its counts. */
export function CheckInSummary({ walkthrough, children }: { walkthrough: WalkthroughView; children?: ReactNode }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { counts, total } = walkthrough;
  const handled = total - counts.notReached;
  const duration = walkthrough.endedAt ? Math.round((Date.parse(walkthrough.endedAt) - Date.parse(walkthrough.startedAt)) / 1000) : 0;

  const figure = (label: string, value: string | number) => (
    <div className={styles.figure}>
      <dt>
        <Text>{label}</Text>
      </dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );

  return (
    <Card className={styles.root}>
      <Title2 as="h2">{t("stage.summaryTitle")}</Title2>
      <dl className={styles.figures}>
        {figure(t("stage.summaryReviewed"), t("stage.ofTotal", { n: handled, total }))}
        {figure(t("stage.summaryAdded"), counts.added)}
        {figure(t("stage.summaryRemoved"), counts.removed)}
        {figure(t("stage.summaryActions"), counts.actionsAgreed)}
        {figure(t("stage.summaryNotReached"), counts.notReached)}
        {figure(t("stage.summaryDuration"), formatDuration(duration))}
        {figure(t("stage.summaryAttendees"), walkthrough.attendees.length)}
      </dl>
      <Text role="status" size={500} weight="semibold" data-checkin-saved="true">
        ✓ {t("stage.summarySaved")}
      </Text>
      {children}
    </Card>
  );
}
