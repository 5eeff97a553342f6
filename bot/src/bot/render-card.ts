import {
  type AdaptiveCard,
  type CardRef,
  buildAbsenceCard,
  buildAbsenceFormCard,
  buildCheckInSummaryCard,
  buildConsentCard,
  buildCoverCard,
  buildHelpCard,
  buildManagerAlertCard,
  buildMorningBriefCard,
  buildMyParticipantsCard,
  buildNotLoggedCard,
  buildSignalCard,
  buildSignalFormCard,
  buildSignalNoticeCard,
  localDateTime,
  t,
} from "../cards";
import type { CardSubject, CardView, Core, OpenedCard } from "../core";
import { type Viewer, boardDeepLink, boardUrl, userIds } from "./viewer";

// Every card the bot shows is the core's answer (core.viewCard), which decided what this viewer
// may see and do and logged the read; here it only becomes an Adaptive Card in the viewer's
// language, with the line saying what happened and who Teams refreshes it for.

export async function renderCard(core: Core, teamsAppId: string, subject: CardSubject | OpenedCard, viewer: Viewer): Promise<AdaptiveCard> {
  const view = await core.viewCard({ ...(viewer.member ? { member: viewer.member } : {}), audience: viewer.audience }, subject);
  return cardOf(view, viewer, teamsAppId);
}

function cardOf(view: CardView, viewer: Viewer, teamsAppId: string): AdaptiveCard {
  const { locale } = viewer;
  const shown = { refreshUserIds: userIds(viewer), ...(viewer.message ? { message: viewer.message } : {}) };
  switch (view.card) {
    case "signal": {
      const { signal, timeZone, rights, card: _card, ...rest } = view;
      const times = { raisedAt: localDateTime(signal.raisedAt, timeZone), answerBy: localDateTime(signal.answerBy, timeZone) };
      return buildSignalCard({ ...rest, signal: { ...signal, ...times }, viewer: rights, ...shown }, locale);
    }
    case "signalNotice": {
      const { card: _card, boardName, ...rest } = view;
      const url = boardUrl(teamsAppId, view.boardId, boardName);
      // Refreshing a notice gives the notice again (with its current state), never a personal card.
      return buildSignalNoticeCard({ ...rest, ...(url ? { boardUrl: url } : {}), ...shown }, locale);
    }
    case "signalAlert": {
      const { card: _card, boardName, timeZone, signal, ...rest } = view;
      const url = boardUrl(teamsAppId, view.boardId, boardName);
      const times = { raisedAt: localDateTime(signal.raisedAt, timeZone), answerBy: localDateTime(signal.answerBy, timeZone) };
      return buildManagerAlertCard(
        { kind: "unansweredSignal", ...rest, signal: { ...signal, ...times }, ...(url ? { boardUrl: url } : {}), ...shown },
        locale,
      );
    }
    case "coverAlert": {
      const { card: _card, boardName, ...rest } = view;
      const url = boardUrl(teamsAppId, view.boardId, boardName);
      return buildManagerAlertCard({ kind: "coverWithoutSubstitute", ...rest, ...(url ? { boardUrl: url } : {}), ...shown }, locale);
    }
    case "consent":
      return buildConsentCard({ ...view, ...shown }, locale);
    case "cover":
      return buildCoverCard({ ...view, ...shown }, locale);
    case "absence":
      return buildAbsenceCard({ ...view, ...shown }, locale);
    case "morningBrief":
      return buildMorningBriefCard({ ...view, boardDeepLink: boardDeepLink(teamsAppId, view.boardId, view.boardName), ...shown }, locale);
    case "checkInSummary":
      return buildCheckInSummaryCard({ ...view, boardDeepLink: boardDeepLink(teamsAppId, view.boardId, view.boardName) }, locale);
    case "help": {
      const message = viewer.message ?? (view.personalChatOnly ? t(locale).personalChatOnly : undefined);
      return buildHelpCard(
        {
          ...(view.boardId ? { boardId: view.boardId } : { notMember: true }),
          ...(view.severalBoards ? { severalBoards: true } : {}),
          ...(viewer.notUnderstood ? { notUnderstood: true } : {}),
          refreshUserIds: shown.refreshUserIds,
          ...(message ? { message } : {}),
        },
        locale,
      );
    }
    case "absenceForm":
      return buildAbsenceFormCard({ boardId: view.boardId, today: view.today, requestId: view.requestId, ...shown }, locale);
    case "signalForm":
      return buildSignalFormCard({ ...view, ...shown }, locale);
    case "myParticipants":
      return buildMyParticipantsCard({ ...view, ...shown }, locale);
    case "notLogged":
      // Its refresh asks again, so the card comes back once the log can be written.
      return buildNotLoggedCard({ ref: refOf(view.subject), refreshUserIds: shown.refreshUserIds }, locale);
  }
}

/** Every subject but the meeting summary (which shows no participant, so is never "not logged") is a card's refresh data. */
function refOf(subject: CardSubject | OpenedCard): CardRef {
  if (subject.card === "checkInSummary") throw new Error("A meeting summary has no refresh.");
  return subject;
}

/** The core and the way its answers become cards: what the bot's handlers and delivery work with. */
export interface Cards {
  core: Core;
  render(subject: CardSubject | OpenedCard, viewer: Viewer): Promise<AdaptiveCard>;
}

export const cardsOf = (core: Core, teamsAppId: string): Cards => ({
  core,
  render: (subject, viewer) => renderCard(core, teamsAppId, subject, viewer),
});
