import { type AdaptiveCard, type CardAction, type Locale, card, execute, facts, notice, openInBoardAction, text, title } from "./card-kit";
import { t } from "./strings";

export interface HelpCardData {
  /** The board the buttons open forms for; absent when the person is on no board. */
  boardId?: string;
  /** On several boards: the buttons ask which board first (the board choice card), instead of quietly opening the first. */
  severalBoards?: boolean;
  notUnderstood?: boolean;
  notMember?: boolean;
  /** "Om tavlan" of the one board: the team's routine and admission criteria. */
  aboutUrl?: string;
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": the board (or, on several boards, the tab's board choice), where the same forms are. */
  openInBoard: string;
}

export function buildHelpCard(data: HelpCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const actions: CardAction[] = [];
  if (data.boardId && data.severalBoards) {
    actions.push(
      execute(s.myParticipants, "open.myParticipants", { card: "myParticipants" }, { associatedInputs: "none" }),
      execute(s.absence, "open.absenceForm", { card: "absenceForm" }, { associatedInputs: "none" }),
      execute(s.raiseSignal, "open.signalForm", { card: "signalForm" }, { associatedInputs: "none" }),
    );
  } else if (data.boardId) {
    const boardId = data.boardId;
    actions.push(
      execute(s.myParticipants, "open.myParticipants", { card: "myParticipants", boardId }, { associatedInputs: "none" }),
      execute(s.absence, "open.absenceForm", { card: "absenceForm", boardId }, { associatedInputs: "none" }),
      execute(s.raiseSignal, "open.signalForm", { card: "signalForm", boardId }, { associatedInputs: "none" }),
    );
  }
  if (actions.length > 0) actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  if (data.aboutUrl) actions.push({ type: "Action.OpenUrl", title: s.aboutBoard, url: data.aboutUrl, mode: "secondary" });
  return card(
    [
      ...notice(data.message),
      ...(data.notUnderstood ? [text(s.notUnderstood)] : []),
      title(s.helpTitle),
      ...(data.notMember ? [text(s.notMember, { color: "attention" as const })] : [text(s.helpIntro)]),
      facts(s.helpCommands),
      ...(actions.length > 0 ? [text(s.openFormInBoardHint, { isSubtle: true, size: "small" as const })] : []),
    ],
    { actions, refresh: { data: { card: "help" }, userIds: data.refreshUserIds }, fallbackText: s.helpTitle },
  );
}
