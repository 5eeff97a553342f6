import { type AdaptiveCard, type Locale, card, execute, openInBoardAction, text, title } from "./card-kit";
import { t } from "./strings";

export type BoardForm = "absenceForm" | "signalForm" | "myParticipants";

/**
 * For someone on several boards: which board a form is for. The chosen board travels as the
 * `boardId` input, merged by Teams into the button's data; the bot re-checks membership of it.
 * Nothing is chosen for the person: the board must be picked (the input is required).
 */
export function buildBoardChoiceCard(
  form: BoardForm,
  boards: Array<{ id: string; name: string }>,
  locale: Locale,
  /** "Öppna i FACT-tavlan": the same form in the tab, which asks for the board itself. */
  openInBoard: string,
): AdaptiveCard {
  const s = t(locale);
  const verb = form === "absenceForm" ? "open.absenceForm" : form === "signalForm" ? "open.signalForm" : "open.myParticipants";
  return card(
    [
      title(s.chooseBoardTitle),
      text(s.chooseBoardIntro),
      text(s.openFormInBoardHint, { isSubtle: true, size: "small" }),
      {
        type: "Input.ChoiceSet",
        id: "boardId",
        label: s.boardLabel,
        style: "expanded",
        choices: boards.map((b) => ({ title: b.name, value: b.id })),
        isRequired: true,
        errorMessage: s.requiredChoice,
      },
    ],
    {
      actions: [execute(s.open, verb, { card: form }, { style: "positive" }), openInBoardAction(s.openInBoard, openInBoard)],
      fallbackText: s.chooseBoardTitle,
    },
  );
}
