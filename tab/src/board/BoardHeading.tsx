import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";

// What every surface says first about the board (issue 24): what it is — FACT, förstärkt samverkan
// or another collaboration, never one presented as another — and how much of the team's caseload
// is on it, a count the server makes from the registered participants who have not left.

const useStyles = makeStyles({
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
  share: { color: tokens.colorNeutralForeground2 },
});

export function BoardModelBadge({ size = "medium" }: { size?: "small" | "medium" | "large" }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const model = board.board.model;
  const word = t(`boardModel.${model}`);
  return (
    <Badge
      appearance={model === "fact" ? "tint" : "filled"}
      color={model === "fact" ? "brand" : "important"}
      size={size}
      className={styles.badge}
      aria-label={`${t("board.modelLabel")}: ${word}`}
      data-board-model={model}
    >
      {word}
    </Badge>
  );
}

/** "12 av 200 deltagare på tavlan (6 %)": every entry on the board counts, shown or not (a count names nobody). */
export function CaseloadShare() {
  const { board } = useBoardContext();
  const { t, formatShare } = useI18n();
  const styles = useStyles();
  const onBoard = board.rows.length + board.hiddenCount;
  const caseload = board.board.caseload;
  return (
    <Caption1 className={styles.share} data-caseload={caseload}>
      {t("board.caseloadShare", {
        onBoard,
        caseload,
        percent: formatShare(onBoard, caseload),
      })}
    </Caption1>
  );
}
