import type { AbsenceView } from "@fact-board/contract";
import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { absenceCover, coverText } from "./cover";
import { memberName } from "./model";
import { RegisterAbsenceDialog } from "./lazyParts";
import { openedAbsenceId, openedForm } from "./useOpenItem";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  // The absence a card's link opened: marked, and focused once, so its buttons are the next stop.
  opened: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

const coverColour = { present: "informative", covered: "success", requesting: "warning", uncovered: "danger" } as const;
/** The answers are the domain's terms ("Jag täcker", "Kan inte"), the same on the cover card. */
const coverWord = { accept: "term.coverAccept", decline: "term.coverDecline" } as const;

/**
 * Frånvaro: who is away now or soon and who covers for them, Registrera frånvaro, and for the
 * substitute being asked, Jag täcker / Kan inte. `compact` (a narrow screen): only what asks this
 * person to act is listed at once, the rest behind "Visa frånvaro", so the board starts on the first screen.
 */
export function AbsencePanel({ compact = false }: { compact?: boolean }) {
  const client = useApi();
  const { board, boardId, openItem } = useBoardContext();
  const openedId = openedAbsenceId(openItem);
  const focusOnce = useRef(false);
  const focusOpened = (el: HTMLLIElement | null) => {
    if (!el || focusOnce.current) return;
    focusOnce.current = true;
    el.scrollIntoView({ block: "center" });
    el.focus();
  };
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const headingId = useId("absences");
  const { send } = useVersionedChange();
  const me = board.viewer.memberId;
  const absences = board.absences.filter((a) => a.coverState !== "cancelled");
  const canRegister = board.viewer.permissions.includes("absence.registerOwn");
  const [expanded, setExpanded] = useState(false);
  const listId = useId("absence-list");
  const asksMe = (a: AbsenceView) => a.coverState === "requesting" && a.askedSubstituteId === me;
  const listed = compact && !expanded ? absences.filter(asksMe) : absences;
  const folded = compact && absences.some((a) => !asksMe(a));

  const answer = (absence: AbsenceView, kind: "accept" | "decline") =>
    send<AbsenceView>({
      before: absence,
      save: (etag) => client.answerCover(boardId, absence.id, { etag: etag ?? "", answer: kind }),
      title: t("cover.conflictTitle", { name: memberName(board, absence.memberId) }),
      yours: t(coverWord[kind]),
      rows: (before, current) => [
        {
          label: t("term.substitute"),
          before: before ? (coverText(t, board, absenceCover(before)) ?? "–") : "–",
          theirs: coverText(t, board, absenceCover(current)) ?? "–",
          yours: t(coverWord[kind]),
        },
      ],
      savedMessage: t(`cover.${kind}Saved`),
    });

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId}>
          {t("term.absence")}
        </Subtitle2>
        {absences.length > 0 && <Caption1 className={styles.meta}>{t("absence.count", { count: absences.length })}</Caption1>}
        {folded && (
          <Button size="small" appearance="subtle" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((e) => !e)}>
            {expanded ? t("absence.hide") : t("absence.show")}
          </Button>
        )}
        {canRegister && (
          <RegisterAbsenceDialog
            send={send}
            openAtStart={openedForm(openItem) === "absenceForm"}
            trigger={<Button size="small">{t("absence.register")}</Button>}
          />
        )}
      </div>
      {absences.length === 0 ? (
        <Caption1 className={styles.meta}>{t("absence.none")}</Caption1>
      ) : (
        <ul className={styles.list} id={listId}>
          {listed.map((absence) => {
            const cover = absenceCover(absence);
            const nameId = `${headingId}-${absence.id}`;
            const askedMe = asksMe(absence);
            return (
              <li
                key={absence.id}
                className={mergeClasses(styles.item, absence.id === openedId && styles.opened)}
                data-absence={absence.id}
                data-cover={absence.coverState}
                {...(absence.id === openedId
                  ? { ref: focusOpened, tabIndex: -1, "aria-current": "true" as const, "aria-labelledby": nameId }
                  : {})}
              >
                <div className={styles.line}>
                  <Text weight="semibold" id={nameId}>
                    {memberName(board, absence.memberId)}
                  </Text>
                  <Badge appearance="tint" color={coverColour[cover.state]}>
                    {coverText(t, board, cover)}
                  </Badge>
                </div>
                <Caption1 className={styles.meta}>
                  {t("absence.period", { from: formatDate(absence.from), to: formatDate(absence.to) })} ·{" "}
                  {t(`absenceReason.${absence.reason}`)}
                  {cover.state === "requesting" && cover.askedSubstituteId
                    ? ` · ${t("absence.asked", { name: memberName(board, cover.askedSubstituteId) })}`
                    : ""}
                </Caption1>
                {absence.coverState === "covered" && absence.split && (
                  <Caption1 className={styles.meta} data-split>
                    {t("absence.split", {
                      toSubstitute: absence.split.toSubstitute,
                      toOwn: absence.split.toOwnOrganisation,
                      name: absence.split.othersTo ? memberName(board, absence.split.othersTo) : t("absence.splitNobody"),
                    })}
                  </Caption1>
                )}
                {askedMe && (
                  <div className={styles.buttons} role="group" aria-label={t("absence.askedYou")} aria-describedby={nameId}>
                    <Button size="small" appearance="primary" aria-describedby={nameId} onClick={() => void answer(absence, "accept")}>
                      {t("term.coverAccept")}
                    </Button>
                    <Button size="small" aria-describedby={nameId} onClick={() => void answer(absence, "decline")}>
                      {t("term.coverDecline")}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
