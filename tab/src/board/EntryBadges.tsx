import type { BoardRow, ParticipantView } from "@fact-board/contract";
import { Badge, makeStyles, mergeClasses, tokens, type BadgeProps } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { caseManagerCover, coverText, type CaseManagerCover } from "./cover";
import { consentProblemOf, openSignalsFor } from "./model";

const useStyles = makeStyles({
  // Badges wrap as whole pills; a pill's own text never wraps (it would be drawn across its border).
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  badge: { whiteSpace: "nowrap", maxWidth: "100%", flexShrink: 0 },
  // A very long substitute name ends in an ellipsis inside the pill rather than past its edge.
  text: { overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  // "Vård- och stödsamordnare frånvarande" is longer than a 280 px panel's pill: a tag that may wrap
  // between its words, drawn like an informative badge.
  tag: {
    display: "inline-block",
    maxWidth: "100%",
    boxSizing: "border-box",
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  small: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase200 },
  medium: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  large: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

const coverColour: Record<Exclude<CaseManagerCover["state"], "present">, BadgeProps["color"]> = {
  covered: "informative",
  requesting: "warning",
  uncovered: "danger",
};

/**
 * The server's consent problem as a badge: "Samtycke saknas", or "Samtycke går ut om 12 d" when every
 * consent is valid and one ends soon (days shortened like "12 d på tavlan": the badge sets the width of
 * the board's participant column at 918 px). Nothing when the server flags no problem.
 */
export function consentBadge(
  t: TFunction,
  participant: Pick<ParticipantView, "consentProblem" | "consents">,
): { color: "danger" | "warning"; text: string } | undefined {
  const problem = consentProblemOf(participant);
  if (!problem) return undefined;
  return problem.kind === "missing"
    ? { color: "danger", text: t("badge.consentProblem") }
    : { color: "warning", text: t("badge.consentExpiresIn", { count: problem.days }) };
}

/** The things a coordinator must not miss: consent, open signals, an overdue SIP follow-up, an absent case manager and who covers. */
export function EntryBadges({ row, size = "medium" }: { row: BoardRow; size?: "small" | "medium" | "large" }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const { participant } = row;
  const signals = openSignalsFor(board, participant.id).length;
  const consent = consentBadge(t, participant);
  const cover = caseManagerCover(board, participant);
  // A SIP follow-up date that has passed: the statutory joint plan is due for review (the server says so).
  const sipOverdue = participant.plans.sip.followUpOverdue;
  if (!consent && signals === 0 && cover.state === "present" && !sipOverdue) return null;

  const badge = (color: BadgeProps["color"], text: ReactNode, title?: string) => (
    <Badge size={size} appearance="tint" color={color} className={styles.badge} title={title}>
      <span className={styles.text}>{text}</span>
    </Badge>
  );
  const coverLabel = coverText(t, board, cover);
  return (
    <span className={styles.badges}>
      {consent && badge(consent.color, consent.text)}
      {signals > 0 && badge("important", t("badge.openSignals", { count: signals }))}
      {sipOverdue && badge("warning", t("plans.sipFollowUpOverdue"))}
      {cover.state !== "present" && (
        <>
          <span className={mergeClasses(styles.tag, styles[size])} data-absent-case-manager>
            {t("badge.absentCaseManager")}
          </span>
          {badge(coverColour[cover.state], coverLabel, coverLabel)}
        </>
      )}
    </span>
  );
}
