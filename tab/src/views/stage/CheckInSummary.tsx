import type { WalkthroughView } from "@fact-board/contract";
import { Card, Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import { useI18n } from "../../i18n";
import { formatDuration } from "./useWalkthrough";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "56rem" },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { margin: 0, display: "flex", flexDirection: "column" },
  value: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // Title 2 as a plain h2: Fluent's Title2 takes no ref, and focus moves here.
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** The end of the morning check-in: the server recorded it from the walkthrough; these are its counts. */
export function CheckInSummary({ walkthrough, children }: { walkthrough: WalkthroughView; children?: ReactNode }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { counts, total } = walkthrough;
  const handled = total - counts.notReached;
  const heading = useRef<HTMLHeadingElement>(null);
  // "Avsluta morgonmötet" is gone with the walkthrough: focus moves to what replaced it (unless someone is typing).
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest("input, textarea, select, [role='dialog']")) return;
    heading.current?.focus();
  }, []);
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
      <h2 ref={heading} tabIndex={-1} className={styles.heading}>
        {t("stage.summaryTitle")}
      </h2>
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
