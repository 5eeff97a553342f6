import type { BoardRow } from "@fact-board/contract";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { hasExpiringConsent, memberName, openSignalsFor } from "./model";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // Long texts (an absent case manager and the substitute) wrap inside the badge at 280 px.
  wrap: { height: "auto", minHeight: "fit-content", whiteSpace: "normal", textAlign: "start" },
});

/** The things a coordinator must not miss: consent, open signals, an absent case manager and who covers. */
export function EntryBadges({ row, size = "medium" }: { row: BoardRow; size?: "small" | "medium" | "large" }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const { participant } = row;
  const signals = openSignalsFor(board, participant.id).length;
  const expiring = !participant.consentProblem && hasExpiringConsent(participant);
  if (!participant.consentProblem && !expiring && signals === 0 && !participant.caseManagerAbsent) return null;
  return (
    <span className={styles.badges}>
      {participant.consentProblem && (
        <Badge size={size} appearance="tint" color="danger">
          {t("badge.consentProblem")}
        </Badge>
      )}
      {expiring && (
        <Badge size={size} appearance="tint" color="warning">
          {t("badge.consentExpiring")}
        </Badge>
      )}
      {signals > 0 && (
        <Badge size={size} appearance="tint" color="important">
          {t("badge.openSignals", { count: signals })}
        </Badge>
      )}
      {participant.caseManagerAbsent && (
        <Badge size={size} appearance="tint" color="informative" className={styles.wrap}>
          {t("badge.absentCaseManager")} ·{" "}
          {participant.caseManagerStandInId ? t("badge.standIn", { name: memberName(board, participant.caseManagerStandInId) }) : t("badge.noStandIn")}
        </Badge>
      )}
    </span>
  );
}
