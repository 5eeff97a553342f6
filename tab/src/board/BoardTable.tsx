import type { BoardRow } from "@fact-board/contract";
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
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

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
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
  code: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap", textAlign: "start" },
});

/** The channel tab's full board. */
export function BoardTable({ rows, onOpen }: { rows: readonly BoardRow[]; onOpen: (row: BoardRow) => void }) {
  const { board } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-label={t("board.onBoard")} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.participantColumn}>{t("board.participant")}</TableHeaderCell>
            <TableHeaderCell>{t("priority.label")}</TableHeaderCell>
            <TableHeaderCell>{t("reason.label")}</TableHeaderCell>
            <TableHeaderCell>{t("board.daysOnBoardHeader")}</TableHeaderCell>
            <TableHeaderCell>{t("board.nextEvaluation")}</TableHeaderCell>
            <TableHeaderCell>{t("board.caseManager")}</TableHeaderCell>
            <TableHeaderCell className={styles.planColumn}>{t("plan.title")}</TableHeaderCell>
            <TableHeaderCell>{t("board.lastReviewed")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const { participant, entry } = row;
            const done = entry.actions.filter((a) => a.done).length;
            return (
              <TableRow key={participant.id} data-participant={participant.code}>
                <TableCell>
                  <div className={styles.participant}>
                    <Link
                      as="button"
                      className={styles.code}
                      onClick={() => onOpen(row)}
                      onPointerEnter={prefetchParticipantDetail}
                      onFocus={prefetchParticipantDetail}
                    >
                      {participant.code} · {participant.initials}
                    </Link>
                    <EntryBadges row={row} size="small" />
                  </div>
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={entry.priority} />
                </TableCell>
                <TableCell className={styles.cell}>{t(`reason.${entry.reason}`)}</TableCell>
                <TableCell>{entry.daysOnBoard}</TableCell>
                <TableCell className={mergeClasses(styles.nowrap, entry.evaluationDue && styles.due)}>
                  {entry.nextEvaluationOn ? formatDate(entry.nextEvaluationOn) : t("entry.fieldHidden")}
                </TableCell>
                {/* The contact today: the substitute while one covers (the badge says the case manager is away). */}
                <TableCell className={styles.cell}>{memberName(board, caseManagerCover(board, participant).contactId)}</TableCell>
                <TableCell className={styles.cell}>
                  {entry.actions.length ? t("board.actionsCount", { done, count: entry.actions.length }) : "–"}
                </TableCell>
                <TableCell className={entry.lastReviewedOn ? styles.nowrap : styles.cell}>
                  {entry.lastReviewedOn ? formatDate(entry.lastReviewedOn) : t("board.neverReviewed")}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
