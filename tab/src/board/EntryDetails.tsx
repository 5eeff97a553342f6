import type { BoardRow } from "@fact-board/contract";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../i18n";
import { ActionPlan } from "./ActionPlan";
import { useBoardContext } from "./BoardContext";
import { caseManagerCover, coverText } from "./cover";
import { EntryBadges } from "./EntryBadges";
import { EntryEditDialog } from "./EntryEditDialog";
import { useEntryActions } from "./EntryActions";
import { memberName } from "./model";
import { PriorityBadge } from "./PriorityBadge";
import { SinceLastSection } from "./SinceLastSection";
import { TakeOffDialog } from "./TakeOffDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(10rem, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { display: "flex", flexDirection: "column", margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function EntryDetails({
  row,
  onReviewed,
  onActionAdded,
  onTakenOff,
  large = false,
  withSinceLast = true,
}: {
  row: BoardRow;
  onReviewed?: () => void;
  onActionAdded?: () => void;
  onTakenOff?: () => void;
  large?: boolean;
  /** Sedan sist in the entry (the drawer); the stage shows it in its side column instead, so the plan stays in view. */
  withSinceLast?: boolean;
}) {
  const { board } = useBoardContext();
  const { submit } = useEntryActions();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [reviewing, setReviewing] = useState(false);
  const { participant, entry } = row;
  const reviewedToday = entry.lastReviewedOn === board.today;
  const cover = coverText(t, board, caseManagerCover(board, participant));
  const caseManager = `${memberName(board, participant.caseManagerId)}${cover ? ` (${cover})` : ""}`;

  const review = async () => {
    setReviewing(true);
    const outcome = await submit(row, { kind: "review" });
    setReviewing(false);
    if (outcome.saved) onReviewed?.();
  };

  const fact = (term: string, value: React.ReactNode, className?: string) => (
    <div className={styles.fact}>
      <dt className={styles.term}>
        <Caption1>{term}</Caption1>
      </dt>
      <dd className={styles.dd}>
        <Text size={large ? 500 : 300} className={className}>
          {value}
        </Text>
      </dd>
    </div>
  );

  return (
    <div className={styles.root}>
      <EntryBadges row={row} size={large ? "large" : "medium"} />
      <dl className={styles.facts}>
        {fact(t("priority.label"), <PriorityBadge priority={entry.priority} size={large ? "extra-large" : "medium"} />)}
        {fact(t("reason.label"), `${t(`reason.${entry.reason}`)}${entry.reasonNote ? ` – ${entry.reasonNote}` : ""}`)}
        {fact(t("board.onBoard"), t("board.daysOnBoard", { count: entry.daysOnBoard }))}
        {fact(t("board.nextEvaluation"), formatDate(entry.nextEvaluationOn), entry.evaluationDue ? styles.due : undefined)}
        {fact(t("board.caseManager"), caseManager)}
        {fact(
          t("board.lastReviewed"),
          entry.lastReviewedOn
            ? `${formatDate(entry.lastReviewedOn)}${entry.lastReviewedBy ? `, ${memberName(board, entry.lastReviewedBy)}` : ""}`
            : t("board.neverReviewed"),
        )}
        {fact(t("badge.crisisPlan"), participant.crisisPlan ? t("detail.crisisPlanYes") : t("detail.crisisPlanNo"))}
        {fact(
          t("badge.sip"),
          participant.sip.inPlace
            ? `${t("detail.sipYes")}${participant.sip.date ? ` (${formatDate(participant.sip.date)})` : ""}`
            : t("detail.sipNo"),
        )}
      </dl>
      {withSinceLast && <SinceLastSection row={row} />}
      <ActionPlan row={row} onActionAdded={onActionAdded} />
      <div className={styles.buttons}>
        {row.may.review && (
          <Button appearance={reviewedToday ? "secondary" : "primary"} disabled={reviewing} onClick={() => void review()}>
            {reviewedToday ? `✓ ${t("board.reviewedToday")}` : t("entry.review")}
          </Button>
        )}
        {row.may.editEntry && <EntryEditDialog row={row} trigger={<Button>{t("entry.edit")}</Button>} />}
        {row.may.takeOff && <TakeOffDialog row={row} onTakenOff={onTakenOff} trigger={<Button>{t("entry.takeOff")}</Button>} />}
      </div>
    </div>
  );
}
