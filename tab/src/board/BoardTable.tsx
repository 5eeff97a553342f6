import type { BoardRow } from "@fact-board/contract";
import {
  Link,
  Table,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  useRestoreFocusTarget,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { caseManagerCover } from "./cover";
import { EntryBadges } from "./EntryBadges";
import { prefetchParticipantDetail } from "./lazyParts";
import { memberName } from "./model";
import { PriorityBadge } from "./PriorityBadge";
import { TableRegion } from "./TableRegion";

const useStyles = makeStyles({
  // Fluent's tables share the width equally (table-layout: fixed): "Samordningsbehov" then ran into
  // the next column and badges were squeezed. Sized by content, each column is at least as wide as
  // its longest word or badge, and the rest wraps between words.
  table: { tableLayout: "auto" },
  cell: { overflowWrap: "break-word" },
  participant: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  nowrap: { whiteSpace: "nowrap" },
  // Preferred widths: the participant column as wide as its widest badge (its badges would otherwise
  // claim the width of all of them side by side), today's plan on two lines rather than four.
  participantColumn: { width: "11rem" },
  planColumn: { width: "8rem" },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  tr: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  td: { padding: `0 ${tokens.spacingHorizontalS}`, height: "34px", verticalAlign: "middle" },
  code: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap", textAlign: "start" },
});

/** The channel tab's full board. */
export function BoardTable({ rows, onOpen }: { rows: readonly BoardRow[]; onOpen: (row: BoardRow) => void }) {
  const { board } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  // The drawer opened from a row gives focus back to that row when it closes.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <TableRegion label={t("term.onBoard")}>
      <Table aria-label={t("term.onBoard")} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.participantColumn}>{t("term.participant")}</TableHeaderCell>
            <TableHeaderCell>{t("term.priority")}</TableHeaderCell>
            <TableHeaderCell>{t("term.reason")}</TableHeaderCell>
            <TableHeaderCell>{t("board.daysOnBoardHeader")}</TableHeaderCell>
            <TableHeaderCell>{t("term.nextEvaluation")}</TableHeaderCell>
            <TableHeaderCell>{t("term.caseManager")}</TableHeaderCell>
            <TableHeaderCell className={styles.planColumn}>{t("plan.title")}</TableHeaderCell>
            <TableHeaderCell>{t("board.lastReviewed")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <tbody>
          {rows.map((row) => {
            const { participant, entry } = row;
            const done = entry.actions.filter((a) => a.done).length;
            return (
              <tr key={participant.id} data-participant={participant.code} className={styles.tr}>
                <td className={styles.td}>
                  <div className={styles.participant}>
                    <Link
                      as="button"
                      {...restoreFocus}
                      className={styles.code}
                      onClick={() => onOpen(row)}
                      onPointerEnter={prefetchParticipantDetail}
                      onFocus={prefetchParticipantDetail}
                    >
                      {participant.code} · {participant.initials}
                    </Link>
                    <EntryBadges row={row} size="small" />
                  </div>
                </td>
                <td className={styles.td}>
                  <PriorityBadge priority={entry.priority} />
                </td>
                <td className={mergeClasses(styles.td, styles.cell)}>{t(`reason.${entry.reason}`)}</td>
                <td className={styles.td}>{entry.daysOnBoard}</td>
                <td className={mergeClasses(styles.td, styles.nowrap, entry.evaluationDue && styles.due)}>
                  {entry.nextEvaluationOn ? formatDate(entry.nextEvaluationOn) : t("entry.fieldHidden")}
                </td>
                {/* The contact today: the substitute while one covers (the badge says the case manager is away). */}
                <td className={mergeClasses(styles.td, styles.cell)}>
                  {memberName(board, caseManagerCover(board, participant).contactId)}
                </td>
                <td className={mergeClasses(styles.td, styles.cell)}>
                  {entry.actions.length ? t("board.actionsCount", { done, count: entry.actions.length }) : "–"}
                </td>
                <td className={mergeClasses(styles.td, entry.lastReviewedOn ? styles.nowrap : styles.cell)}>
                  {entry.lastReviewedOn ? formatDate(entry.lastReviewedOn) : t("board.neverReviewed")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </TableRegion>
  );
}
