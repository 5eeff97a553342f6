import {
  type AdaptiveCard,
  type CardRef,
  buildAbsenceCard,
  buildAbsenceFormCard,
  buildCheckInSummaryCard,
  buildConsentCard,
  buildCoverCard,
  buildFollowWalkthroughCard,
  buildHelpCard,
  buildManagerAlertCard,
  buildMorningBriefCard,
  buildMyParticipantsCard,
  buildNotLoggedCard,
  buildPlansCard,
  buildSignalCard,
  buildSignalFormCard,
  buildSignalNoticeCard,
  localDateTime,
  type BoardForm,
  t,
} from "../cards";
import { type LinkTargets, type OpenItem, browserItemUrl, itemDeepLink } from "@fact-board/contract";
import type { CardSubject, CardView, Core, OpenedCard } from "../core";
import { ALL_MEETINGS } from "../domain/meeting-schedule";
import { type Viewer, boardAboutUrl, boardDeepLink, userIds } from "./viewer";

// Every card the bot shows is the core's answer (core.viewCard), which decided what this viewer
// may see and do and logged the read; here it only becomes an Adaptive Card in the viewer's
// language, with the line saying what happened and who Teams refreshes it for.

export async function renderCard(core: Core, links: LinkTargets, subject: CardSubject | OpenedCard, viewer: Viewer): Promise<AdaptiveCard> {
  const view = await core.viewCard({ ...(viewer.member ? { member: viewer.member } : {}), audience: viewer.audience }, subject);
  const boardId = "boardId" in view ? view.boardId : undefined;
  // A channel tab's deep link names its channel: the board's (brief) channel, where the tab was added.
  const channelId = boardId && links.teamsAppId ? await core.briefChannelOf(boardId) : undefined;
  const linkTo = (item?: OpenItem) =>
    itemDeepLink(
      links,
      boardId ? { id: boardId, ...("boardName" in view ? { name: view.boardName } : {}), ...(channelId ? { channelId } : {}) } : undefined,
      item,
    );
  return cardOf(view, viewer, links, linkTo);
}

/** The same form in the tab, for the board choice card (the tab asks which board itself). */
export const formLink = (links: LinkTargets, form: BoardForm): string =>
  itemDeepLink(links, undefined, { item: form === "myParticipants" ? "myParticipants" : form });

function cardOf(view: CardView, viewer: Viewer, links: LinkTargets, linkTo: (item?: OpenItem) => string): AdaptiveCard {
  const { locale } = viewer;
  const { teamsAppId } = links;
  // The stage in a browser, signed in with the person's own organisation: for attendees from other
  // tenants, who get no meeting side panel or stage in Teams.
  const followUrl = (boardId: string, meetingId: string) =>
    browserItemUrl(links.publicUrl, boardId, undefined, { view: "stage", ...(meetingId === ALL_MEETINGS ? {} : { meeting: meetingId }) });
  const shown = { refreshUserIds: userIds(viewer), ...(viewer.message ? { message: viewer.message } : {}) };
  switch (view.card) {
    case "signal": {
      const { signal, timeZone, rights, card: _card, ...rest } = view;
      const times = { raisedAt: localDateTime(signal.raisedAt, timeZone), answerBy: localDateTime(signal.answerBy, timeZone) };
      const openInBoard = linkTo({ item: "signal", signalId: signal.id });
      return buildSignalCard({ ...rest, signal: { ...signal, ...times }, viewer: rights, ...shown, openInBoard }, locale);
    }
    case "signalNotice": {
      const { card: _card, boardName: _name, ...rest } = view;
      // Refreshing a notice gives the notice again (with its current state), never a personal card.
      return buildSignalNoticeCard({ ...rest, boardUrl: linkTo({ item: "signal", signalId: view.signalId }), ...shown }, locale);
    }
    case "signalAlert": {
      const { card: _card, boardName: _name, timeZone, signal, ...rest } = view;
      const times = { raisedAt: localDateTime(signal.raisedAt, timeZone), answerBy: localDateTime(signal.answerBy, timeZone) };
      const openInBoard = linkTo({ item: "signal", signalId: signal.id });
      return buildManagerAlertCard({ kind: "unansweredSignal", ...rest, signal: { ...signal, ...times }, openInBoard, ...shown }, locale);
    }
    case "coverAlert": {
      const { card: _card, boardName: _name, ...rest } = view;
      const openInBoard = linkTo({ item: "absence", absenceId: view.absence.id });
      return buildManagerAlertCard({ kind: "coverWithoutSubstitute", ...rest, openInBoard, ...shown }, locale);
    }
    case "consent":
      return buildConsentCard(
        {
          ...view,
          ...shown,
          openInBoard: linkTo({ item: "consent", participantId: view.participant.id, organisationId: view.disclosingOrganisation.id }),
        },
        locale,
      );
    case "cover":
      return buildCoverCard({ ...view, ...shown, openInBoard: linkTo({ item: "cover", absenceId: view.absence.id }) }, locale);
    case "absence":
      return buildAbsenceCard({ ...view, ...shown, openInBoard: linkTo({ item: "absence", absenceId: view.absence.id }) }, locale);
    case "morningBrief":
      return buildMorningBriefCard(
        {
          ...view,
          boardDeepLink: boardDeepLink(teamsAppId, view.boardId, view.boardName),
          ...(view.meeting ? { followUrl: followUrl(view.boardId, view.meeting.id) } : {}),
          ...shown,
        },
        locale,
      );
    case "followWalkthrough": {
      const { boardName, meetingName, date } = view;
      return buildFollowWalkthroughCard(
        { boardName, ...(meetingName ? { meetingName } : {}), date, followUrl: followUrl(view.boardId, view.meetingId) },
        locale,
      );
    }
    case "checkInSummary":
      return buildCheckInSummaryCard({ ...view, boardDeepLink: boardDeepLink(teamsAppId, view.boardId, view.boardName) }, locale);
    case "help": {
      const message = viewer.message ?? (view.personalChatOnly ? t(locale).personalChatOnly : undefined);
      const aboutUrl = view.boardId && view.boardName ? boardAboutUrl(teamsAppId, view.boardId, view.boardName) : undefined;
      return buildHelpCard(
        {
          ...(view.boardId ? { boardId: view.boardId } : { notMember: true }),
          ...(aboutUrl ? { aboutUrl } : {}),
          ...(view.severalBoards ? { severalBoards: true } : {}),
          ...(viewer.notUnderstood ? { notUnderstood: true } : {}),
          refreshUserIds: shown.refreshUserIds,
          ...(message ? { message } : {}),
          // On several boards the tab asks which itself; on one, its board.
          openInBoard: linkTo(),
        },
        locale,
      );
    }
    case "absenceForm":
      return buildAbsenceFormCard(
        { boardId: view.boardId, today: view.today, requestId: view.requestId, ...shown, openInBoard: linkTo({ item: "absenceForm" }) },
        locale,
      );
    case "signalForm":
      return buildSignalFormCard({ ...view, ...shown, openInBoard: linkTo({ item: "signalForm" }) }, locale);
    case "myParticipants": {
      const { card: _card, ...rest } = view;
      const aboutUrl = boardAboutUrl(teamsAppId, view.boardId, view.board.name);
      return buildMyParticipantsCard(
        { ...rest, ...(aboutUrl ? { aboutUrl } : {}), ...shown, openInBoard: linkTo({ item: "myParticipants" }) },
        locale,
      );
    }
    case "participantPlans": {
      const { card: _card, boardName, ...rest } = view;
      const aboutUrl = boardAboutUrl(teamsAppId, view.boardId, boardName);
      return buildPlansCard(
        {
          ...rest,
          ...(aboutUrl ? { aboutUrl } : {}),
          ...shown,
          openInBoard: linkTo({ item: "participant", participantId: view.participantId }),
        },
        locale,
      );
    }
    case "notLogged":
      // Its refresh asks again, so the card comes back once the log can be written.
      return buildNotLoggedCard({ ref: refOf(view.subject), refreshUserIds: shown.refreshUserIds }, locale);
  }
}

/** Every subject but the meeting summary (which shows no participant, so is never "not logged") is a card's refresh data. */
function refOf(subject: CardSubject | OpenedCard): CardRef {
  if (subject.card === "checkInSummary" || subject.card === "followWalkthrough") throw new Error("A meeting chat's card has no refresh.");
  return subject;
}

/** The core and the way its answers become cards: what the bot's handlers and delivery work with. */
export interface Cards {
  core: Core;
  /** Where the cards' links point (the Teams app, the server's address). */
  links: LinkTargets;
  render(subject: CardSubject | OpenedCard, viewer: Viewer): Promise<AdaptiveCard>;
}

export const cardsOf = (core: Core, links: LinkTargets): Cards => ({
  core,
  links,
  render: (subject, viewer) => renderCard(core, links, subject, viewer),
});
