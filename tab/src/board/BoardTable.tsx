import type { BoardRow } from "@fact-board/contract";
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { EntryBadges } from "./EntryBadges";
import { memberName } from "./model";
import { PriorityBadge } from "./PriorityBadge";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  code: { fontWeight: tokens.fontWeightSemibold },
});

/** The channel tab's full board. */
export function BoardTable({ rows, onOpen }: { rows: readonly BoardRow[]; onOpen: (row: BoardRow) => void }) {
  const { board } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-label={t("board.onBoard")} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("board.participant")}</TableHeaderCell>
            <TableHeaderCell>{t("priority.label")}</TableHeaderCell>
            <TableHeaderCell>{t("reason.label")}</TableHeaderCell>
            <TableHeaderCell>{t("board.daysOnBoardHeader")}</TableHeaderCell>
            <TableHeaderCell>{t("board.nextEvaluation")}</TableHeaderCell>
            <TableHeaderCell>{t("board.caseManager")}</TableHeaderCell>
            <TableHeaderCell>{t("plan.title")}</TableHeaderCell>
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
                  <Link as="button" className={styles.code} onClick={() => onOpen(row)}>
                    {participant.code} · {participant.initials}
                  </Link>
                  <EntryBadges row={row} size="small" />
                </TableCell>
                <TableCell>
                  <PriorityBadge priority={entry.priority} />
                </TableCell>
                <TableCell>{t(`reason.${entry.reason}`)}</TableCell>
                <TableCell>{entry.daysOnBoard}</TableCell>
                <TableCell className={entry.evaluationDue ? styles.due : undefined}>{formatDate(entry.nextEvaluationOn)}</TableCell>
                <TableCell>{memberName(board, participant.caseManagerStandInId ?? participant.caseManagerId)}</TableCell>
                <TableCell>{entry.actions.length ? t("board.actionsCount", { done, count: entry.actions.length }) : "–"}</TableCell>
                <TableCell>{entry.lastReviewedOn ? formatDate(entry.lastReviewedOn) : t("board.neverReviewed")}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
