import type { BoardRow, WalkthroughView } from "@fact-board/contract";
import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import { ConsentSection } from "../../board/ConsentSection";
import { ContactsSection } from "../../board/ContactsSection";
import { EntryDetails } from "../../board/EntryDetails";
import { GoalSection } from "../../board/GoalSection";
import { InterventionsSection } from "../../board/InterventionsSection";
import { SignalsSection } from "../../board/SignalsSection";
import { SinceLastSection } from "../../board/SinceLastSection";
import { useBoardContext } from "../../board/BoardContext";
import { organisationName } from "../../board/model";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalL },
  // Two columns on a wide stage, so the whole participant fits without scrolling.
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(24rem, 1fr))",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  side: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  placeholder: { padding: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground2 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface CurrentParticipantProps {
  current: NonNullable<WalkthroughView["current"]>;
  total: number;
  /** The row as the board shows it now (fresher ETag), else the walkthrough's own copy. */
  row?: BoardRow;
}

/**
 * The participant the presenter is on, as this viewer's organisation may see them: full details,
 * or a placeholder that names nothing (no code, initials or reason).
 */
export const CurrentParticipant = forwardRef<HTMLHeadingElement, CurrentParticipantProps>(function CurrentParticipant(
  { current, total, row },
  headingRef,
) {
  const { t } = useI18n();
  const styles = useStyles();
  const { board } = useBoardContext();
  const position = { index: current.index + 1, total };
  const shown = current.shown === "details" ? (row ?? current.row) : undefined;

  // Raised for today (Ta upp idag): not on the board, so no entry; each organisation's reason, as its consent allows.
  if (current.shown === "raised" && current.raised) {
    const { participant, reasons } = current.raised;
    return (
      <Card className={styles.card} data-current-index={current.index} data-raised="true">
        <div className={styles.head}>
          <h2 ref={headingRef} tabIndex={-1} className={styles.heading} data-current-participant={participant.code}>
            {participant.code} · {participant.initials}
          </h2>
          <Text>{t("stage.position", position)}</Text>
          <Text weight="semibold">{t("stage.raisedParticipant")}</Text>
        </div>
        <section aria-label={t("stage.raisedReasons")}>
          <Text as="h3" weight="semibold" size={400}>
            {t("stage.raisedReasons")}
          </Text>
          {reasons.length === 0 ? (
            <Text as="p">{t("stage.raisedNoReason")}</Text>
          ) : (
            <ul>
              {reasons.map((r) => (
                <li key={r.organisationId} data-raise-reason={r.organisationId}>
                  <Text size={400}>{r.reason}</Text> <Text size={300}>({organisationName(board, r.organisationId)})</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>
    );
  }

  if (!shown) {
    return (
      <Card className={styles.placeholder} data-current-index={current.index}>
        <h2 ref={headingRef} tabIndex={-1} className={styles.heading} data-current-placeholder="true">
          {current.shown === "offBoard" ? t("stage.offBoardParticipant", position) : t("stage.hiddenParticipant", position)}
        </h2>
      </Card>
    );
  }
  return (
    <Card className={styles.card} data-current-index={current.index}>
      <div className={styles.head}>
        <h2 ref={headingRef} tabIndex={-1} className={styles.heading} data-current-participant={shown.participant.code}>
          {shown.participant.code} · {shown.participant.initials}
        </h2>
        <Text>{t("stage.position", position)}</Text>
        {/* The participant's own goal heads the stage, beside the code: a line saved keeps the plan in view. */}
        <GoalSection participant={shown.participant} may={shown.may} />
      </div>
      <div className={styles.columns}>
        <EntryDetails row={shown} withSinceLast={false} />
        <div className={styles.side}>
          <SinceLastSection row={shown} />
          {/* Read with the move (no request of its own); an answer without them still asks. */}
          <ContactsSection participant={shown.participant} compact {...(current.contacts ? { contacts: current.contacts } : {})} />
          <InterventionsSection row={shown} />
          <ConsentSection participant={shown.participant} />
          <SignalsSection participant={shown.participant} />
        </div>
      </div>
    </Card>
  );
});
