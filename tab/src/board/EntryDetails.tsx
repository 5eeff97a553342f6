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
import { memberName, organisationName } from "./model";
import { PlansDialog } from "./PlansDialog";
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
  onTakenOff,
  large = false,
  withSinceLast = true,
}: {
  row: BoardRow;
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
    // During a walkthrough the server counts the review in it: nothing more to report.
    await submit(row, { kind: "review" });
    setReviewing(false);
  };

  // One short fact for the whole SIP, so the stage's participant still fits without scrolling: held (when), the next
  // follow-up; who convenes it is named in the drawer's organisations.
  const sipText = (sip: typeof participant.plans.sip) =>
    [
      [t(`planStatus.${sip.held}`), sip.heldOn ? `(${formatDate(sip.heldOn)})` : ""].filter(Boolean).join(" "),
      sip.nextFollowUpOn ? t("plans.sipNext", { date: formatDate(sip.nextFollowUpOn) }) : "",
    ]
      .filter(Boolean)
      .join(", ");

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
        {fact(
          t("term.priority"),
          <>
            <PriorityBadge priority={entry.priority} size={large ? "extra-large" : "medium"} />
            {entry.priorityWrittenBy && (
              <Caption1> {t("entry.setBy", { organisation: organisationName(board, entry.priorityWrittenBy) })}</Caption1>
            )}
          </>,
        )}
        {fact(
          t("term.reason"),
          // Another organisation's words carry its name (authorship): the viewer reads, it owns them.
          `${t(`reason.${entry.reason}`)}${entry.reasonNote ? ` – ${entry.reasonNote}` : ""}${
            entry.writtenBy !== board.viewer.organisationId ? ` (${organisationName(board, entry.writtenBy)})` : ""
          }`,
        )}
        {fact(t("term.onBoard"), t("board.daysOnBoard", { count: entry.daysOnBoard }))}
        {fact(
          t("term.nextEvaluation"),
          entry.nextEvaluationOn
            ? `${formatDate(entry.nextEvaluationOn)}${entry.nextEvaluationWrittenBy ? ` (${t("entry.setBy", { organisation: organisationName(board, entry.nextEvaluationWrittenBy) })})` : ""}`
            : t("entry.fieldHidden"),
          entry.evaluationDue ? styles.due : undefined,
        )}
        {fact(t("term.caseManager"), caseManager)}
        {fact(
          t("board.lastReviewed"),
          entry.lastReviewedOn
            ? `${formatDate(entry.lastReviewedOn)}${entry.lastReviewedBy ? `, ${memberName(board, entry.lastReviewedBy)}` : ""}`
            : t("board.neverReviewed"),
        )}
        {/* The plans are the record's: "Ej angivet" until its writer says, never "Ingen". */}
        {fact(t("plans.crisisPlan"), t(`planStatus.${participant.plans.crisisPlan}`))}
        {fact(t("plans.earlySignsPlan"), t(`planStatus.${participant.plans.earlySignsPlan}`))}
        {fact(t("plans.sip"), sipText(participant.plans.sip), participant.plans.sip.followUpOverdue ? styles.due : undefined)}
      </dl>
      {withSinceLast && <SinceLastSection row={row} />}
      <ActionPlan row={row} />
      <div className={styles.buttons}>
        {row.may.review && (
          <Button appearance={reviewedToday ? "secondary" : "primary"} disabled={reviewing} onClick={() => void review()}>
            {reviewedToday ? `✓ ${t("board.reviewedToday")}` : t("entry.review")}
          </Button>
        )}
        {(row.may.editEntry || row.may.steer) && <EntryEditDialog row={row} trigger={<Button>{t("entry.edit")}</Button>} />}
        {participant.plans.may?.set && <PlansDialog participant={participant} trigger={<Button>{t("plans.edit")}</Button>} />}
        {row.may.takeOff && <TakeOffDialog row={row} onTakenOff={onTakenOff} trigger={<Button>{t("entry.takeOff")}</Button>} />}
      </div>
    </div>
  );
}
