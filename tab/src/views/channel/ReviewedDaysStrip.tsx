import type { Overview } from "@fact-board/contract";
import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { toLocalDate, useI18n } from "../../i18n";

type DayState = "all" | "some" | "none" | "today" | "notExpected";

// Colour AND a symbol per state: readable in high contrast, in grey scale and for colour blindness.
const symbol: Record<DayState, string> = { all: "✓", some: "◐", none: "✕", today: "–", notExpected: "·" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  strip: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXS,
    rowGap: tokens.spacingVerticalXS,
  },
  // A gap before each Monday makes the weeks readable at a glance.
  weekStart: { marginInlineStart: tokens.spacingHorizontalS },
  cell: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    width: "2rem",
    paddingBlock: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "default",
  },
  symbol: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase300 },
  day: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, fontVariantNumeric: "tabular-nums" },
  all: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    color: tokens.colorStatusSuccessForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
  },
  some: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorStatusWarningForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
  },
  none: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  },
  today: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  notExpected: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "1.25rem", paddingBlock: 0 },
  range: { color: tokens.colorNeutralForeground2 },
});

/** Genomgången som planerat: one small cell per working day against the board's meetings, so a missed meeting stands out and a day without one does not. */
export function ReviewedDaysStrip({ days, today }: { days: Overview["reviewedDays"]; today: string }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const stateOf = (d: Overview["reviewedDays"][number]): DayState =>
    d.scheduled === 0 ? "notExpected" : d.reviewed ? (d.allEntriesReviewed ? "all" : "some") : d.date === today ? "today" : "none";
  const text: Record<DayState, string> = {
    all: t("overview.reviewedAll"),
    some: t("overview.reviewedYes"),
    none: t("overview.reviewedNo"),
    today: t("overview.reviewedPending"),
    notExpected: t("overview.reviewedNotExpected"),
  };
  const shown = new Set(days.map(stateOf));
  const first = days[0];
  const last = days[days.length - 1];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t("overview.reviewedDays")}
      </Subtitle2>
      <ol className={styles.strip} aria-labelledby={headingId}>
        {days.map((d, i) => {
          const state = stateOf(d);
          const date = toLocalDate(d.date);
          const label = `${formatDate(d.date)}: ${text[state]}`;
          return (
            <li
              key={d.date}
              className={i > 0 && date.getDay() === 1 ? styles.weekStart : undefined}
              data-reviewed={state}
              data-date={d.date}
            >
              <span role="img" aria-label={label} title={label} className={mergeClasses(styles.cell, styles[state])}>
                <span className={styles.symbol}>{symbol[state]}</span>
                <span className={styles.day}>{date.getDate()}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {first && last && (
        <Caption1 className={styles.range}>
          {formatDate(first.date)} – {formatDate(last.date)}
        </Caption1>
      )}
      <ul className={styles.legend} aria-label={t("overview.legend")}>
        {(["all", "some", "none", "today", "notExpected"] as const)
          .filter((state) => shown.has(state) || (state !== "today" && state !== "notExpected"))
          .map((state) => (
            <li key={state} className={styles.legendItem}>
              <span aria-hidden="true" className={mergeClasses(styles.cell, styles.swatch, styles[state])}>
                <span className={styles.symbol}>{symbol[state]}</span>
              </span>
              <Caption1>{text[state]}</Caption1>
            </li>
          ))}
      </ul>
    </section>
  );
}
