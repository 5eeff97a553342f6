import type { BoardRow } from "@fact-board/contract";
import { Caption1, Text, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { EntryBadges } from "./EntryBadges";
import { organisationName } from "./model";
import { prefetchParticipantDetail } from "./lazyParts";
import { PriorityBadge } from "./PriorityBadge";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  high: {
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
  },
  medium: {
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteMarigoldBorder2,
  },
  low: {
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteGreenBorder2,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The side panel's board: one compact row per entry, readable at 280 px. */
export function CompactBoard({ rows, onOpen }: { rows: readonly BoardRow[]; onOpen: (row: BoardRow) => void }) {
  const styles = useStyles();
  // The drawer opened from a row gives focus back to that row when it closes.
  const restoreFocus = useRestoreFocusTarget();
  const { t, formatDate } = useI18n();
  const { board } = useBoardContext();
  return (
    <ul className={styles.list} aria-label={t("term.onBoard")}>
      {rows.map((row) => {
        const { participant, entry } = row;
        // Sedan sist leads: the newest note since the last meeting, with the organisation that wrote it.
        const newest = row.sinceLast[0];
        return (
          <li key={participant.id}>
            <button
              type="button"
              {...restoreFocus}
              className={mergeClasses(styles.row, entry.priority && styles[entry.priority])}
              onClick={() => onOpen(row)}
              onPointerEnter={prefetchParticipantDetail}
              onFocus={prefetchParticipantDetail}
              data-participant={participant.code}
            >
              <span className={styles.head}>
                <Text weight="semibold">
                  {participant.code} · {participant.initials}
                </Text>
                <PriorityBadge priority={entry.priority} size="small" />
              </span>
              {newest && (
                <Caption1 data-since-last-newest={newest.organisationId}>
                  {t("sinceLast.title")}: {newest.text} ({organisationName(board, newest.organisationId)})
                  {row.sinceLast.length > 1 ? ` +${row.sinceLast.length - 1}` : ""}
                </Caption1>
              )}
              <Caption1 className={styles.meta}>
                {t(`reason.${entry.reason}`)} · {t("board.daysOnBoard", { count: entry.daysOnBoard })}
              </Caption1>
              <Caption1 className={entry.evaluationDue ? styles.due : styles.meta}>
                {entry.nextEvaluationOn
                  ? t("board.nextEvaluationOn", { date: formatDate(entry.nextEvaluationOn) })
                  : `${t("term.nextEvaluation")}: ${t("entry.fieldHidden")}`}
              </Caption1>
              <EntryBadges row={row} size="small" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
