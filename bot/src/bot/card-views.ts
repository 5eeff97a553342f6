import { boardTabEntityId } from "@fact-board/contract";
import {
  type AdaptiveCard,
  type Locale,
  type CardRef,
  boardTabDeepLink,
  buildAbsenceCard,
  buildAbsenceFormCard,
  buildCheckInSummaryCard,
  buildConsentCard,
  buildCoverCard,
  buildHelpCard,
  buildManagerAlertCard,
  buildMorningBriefCard,
  buildMyParticipantsCard,
  buildPlansCard,
  buildNotLoggedCard,
  buildSignalFormCard,
  t,
} from "../cards";
import { hasConsentProblem } from "../domain/consent";
import { askedSubstitute } from "../domain/cover";
import { addDays } from "../domain/dates";
import { boardCounts } from "../domain/indicators";
import { ALL_MEETINGS, meetingById, meetingCovers } from "../domain/meeting-schedule";
import type { RecurringMeeting } from "../domain/types";
import { NotFound } from "../domain/errors";
import { AccessNotLogged } from "../use-cases/audit";
import { mayCancelAbsence } from "../use-cases/absences";
import { todayOf } from "../use-cases/deps";
import { listParticipants } from "../use-cases/participants";
import { readParticipant } from "../use-cases/participant-plans";
import { boardHeaderOf } from "../use-cases/read-board";
import { readConsentFor } from "../use-cases/read-consent";
import { searchParticipantsToSignal } from "../use-cases/signal-search";
import { readCheckInSummary } from "../use-cases/walkthroughs";
import { escalationCard, signalAlertCard } from "./signal-views";
import { type CardViewDeps, type Viewer, actorOf, boardAboutUrl, boardUrl, userIds } from "./viewer";

export { type CardViewDeps, type Viewer, mriOf } from "./viewer";
export { escalationCard, signalAlertCard } from "./signal-views";

// Builds each card as it is now, for one viewer: the one place that turns a card reference (from a
// refresh, an action or a notification) into card data. A card that shows a participant is a view
// of a use-case's answer (readSignal, readConsentFor, listParticipants), which decides what this
// person may see and may do, and writes the access log (channel `bot`) before anything is shown.
// If the log cannot be written the card says so and shows nothing else. Shared conversations
// (channel, group chat, meeting chat) are told counts and a link, never anything about a participant.

/** Cards that show a participant: only in a personal chat, only to a member. */
const PERSONAL_ONLY: ReadonlySet<CardRef["card"]> = new Set(["consent", "signalAlert", "signalForm", "myParticipants", "participantPlans"]);

export async function buildCardFor(deps: CardViewDeps, ref: CardRef, viewer: Viewer): Promise<AdaptiveCard> {
  try {
    return await cardFor(deps, ref, viewer);
  } catch (e) {
    if (!(e instanceof AccessNotLogged)) throw e;
    return buildNotLoggedCard({ ref, refreshUserIds: userIds(viewer) }, viewer.locale);
  }
}

async function cardFor(deps: CardViewDeps, ref: CardRef, viewer: Viewer): Promise<AdaptiveCard> {
  if (viewer.audience === "channel" && PERSONAL_ONLY.has(ref.card)) {
    return helpCard(deps, { ...viewer, message: viewer.message ?? t(viewer.locale).personalChatOnly });
  }
  switch (ref.card) {
    case "escalation":
      // A card posted to a shared conversation stays a notice there, whoever refreshes it.
      return escalationCard(deps, ref.boardId, ref.escalationId, ref.audience === "channel" ? { ...viewer, audience: "channel" } : viewer);
    case "consent":
      return consentCard(deps, ref.boardId, ref.participantId, ref.disclosingOrganisationId, viewer);
    case "cover":
      return coverCard(deps, ref.boardId, ref.absenceId, viewer);
    case "coverAlert":
      return coverAlertCard(deps, ref.boardId, ref.absenceId, viewer);
    case "absence":
      return absenceCard(deps, ref.boardId, ref.absenceId, viewer);
    case "signalAlert":
      return signalAlertCard(deps, ref.boardId, ref.escalationId, "manager", viewer);
    case "morningBrief":
      return morningBriefCard(deps, ref.boardId, viewer, ref.meetingId);
    case "help":
      return helpCard(deps, viewer);
    case "absenceForm":
      return buildAbsenceFormCard(
        {
          boardId: ref.boardId,
          today: todayOf(deps.useCases),
          refreshUserIds: userIds(viewer),
          ...(viewer.message ? { message: viewer.message } : {}),
        },
        viewer.locale,
      );
    case "signalForm":
      return signalFormCard(deps, ref.boardId, viewer);
    case "myParticipants":
      return myParticipantsCard(deps, ref.boardId, viewer);
    case "participantPlans":
      return participantPlansCard(deps, ref.boardId, ref.participantId, viewer);
  }
}

export async function consentCard(
  deps: CardViewDeps,
  boardId: string,
  participantId: string,
  disclosingOrganisationId: string,
  viewer: Viewer,
): Promise<AdaptiveCard> {
  const u = deps.useCases;
  const today = todayOf(u);
  const member = viewer.member;
  if (!member) throw new NotFound("The participant");
  const answer = await readConsentFor(u, actorOf(member), boardId, participantId, disclosingOrganisationId);
  const c = answer.consent;
  return buildConsentCard(
    {
      boardId,
      participant: answer.participant,
      disclosingOrganisation: answer.disclosingOrganisation,
      receivingOrganisations: answer.receivingOrganisations,
      status: c.status,
      ...(c.daysUntilExpiry !== undefined ? { daysUntilExpiry: c.daysUntilExpiry } : {}),
      ...(c.givenOn ? { givenOn: c.givenOn } : {}),
      ...(c.validUntil ? { validUntil: c.validUntil } : {}),
      ...(c.withdrawnOn ? { withdrawnOn: c.withdrawnOn } : {}),
      ...(c.etag ? { etag: c.etag } : {}),
      canRecord: answer.canRecord,
      today,
      defaultValidUntil: addDays(today, 365),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

async function memberNames(deps: CardViewDeps, boardId: string): Promise<Map<string, string>> {
  return new Map((await deps.useCases.storage.members.listForBoard(boardId)).map((m) => [m.id, m.displayName]));
}

export async function coverCard(deps: CardViewDeps, boardId: string, absenceId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const [absence, names] = await Promise.all([s.absences.get(boardId, absenceId), memberNames(deps, boardId)]);
  if (!absence) throw new NotFound("The cover request");
  const asked = askedSubstitute(absence.cover);
  return buildCoverCard(
    {
      boardId,
      absence: { id: absence.id, etag: absence.etag, from: absence.from, to: absence.to, state: absence.cover.state },
      absentMemberName: names.get(absence.memberId) ?? "—",
      ...(asked ? { askedSubstituteName: names.get(asked) ?? "—" } : {}),
      ...(absence.cover.coveredBy ? { coveredByName: names.get(absence.cover.coveredBy) ?? "—" } : {}),
      viewerIsAsked: viewer.member !== undefined && asked === viewer.member.id,
      viewerIsCovering: viewer.member !== undefined && absence.cover.coveredBy === viewer.member.id,
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** The absent person's own view of their absence (or their manager's): who is asked, who covers. */
export async function absenceCard(deps: CardViewDeps, boardId: string, absenceId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const [absence, names] = await Promise.all([s.absences.get(boardId, absenceId), memberNames(deps, boardId)]);
  const member = viewer.member;
  // Colleagues' absences are the absent person's and their manager's business only.
  if (!absence || !member || !mayCancelAbsence(member, absence)) throw new NotFound("The absence");
  const asked = askedSubstitute(absence.cover);
  return buildAbsenceCard(
    {
      boardId,
      absence: { id: absence.id, etag: absence.etag, from: absence.from, to: absence.to, state: absence.cover.state },
      ...(absence.memberId !== member.id ? { absentMemberName: names.get(absence.memberId) ?? "—" } : {}),
      ...(asked ? { askedSubstituteName: names.get(asked) ?? "—" } : {}),
      ...(absence.cover.coveredBy ? { coveredByName: names.get(absence.cover.coveredBy) ?? "—" } : {}),
      canCancel: absence.to >= todayOf(deps.useCases),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function coverAlertCard(deps: CardViewDeps, boardId: string, absenceId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const [absence, names, board] = await Promise.all([
    s.absences.get(boardId, absenceId),
    memberNames(deps, boardId),
    s.boards.get(boardId),
  ]);
  if (!absence) throw new NotFound("The absence");
  const url = boardUrl(deps, boardId, board?.name ?? "FACT");
  return buildManagerAlertCard(
    {
      kind: "coverWithoutSubstitute",
      boardId,
      absence: { id: absence.id, from: absence.from, to: absence.to, state: absence.cover.state, etag: absence.etag },
      absentMemberName: names.get(absence.memberId) ?? "—",
      canCancel: viewer.member !== undefined && mayCancelAbsence(viewer.member, absence),
      ...(url ? { boardUrl: url } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** The board as one meeting sees it: its participants, their entries, consents and open signals (absences stay the team's). */
function snapshotFor<
  S extends {
    participants: Array<{ id: string; organisationIds: string[] }>;
    entries: Array<{ participantId: string }>;
    consents: Array<{ participantId: string }>;
    openEscalations: Array<{ participantId: string }>;
  },
>(snap: S, meeting: RecurringMeeting): S {
  const ids = new Set(snap.participants.filter((p) => meetingCovers(meeting, p)).map((p) => p.id));
  return {
    ...snap,
    participants: snap.participants.filter((p) => ids.has(p.id)),
    entries: snap.entries.filter((e) => ids.has(e.participantId)),
    consents: snap.consents.filter((c) => ids.has(c.participantId)),
    openEscalations: snap.openEscalations.filter((e) => ids.has(e.participantId)),
  };
}

/** The brief's counts: for the whole board, or before a recurring meeting for the participants it covers. */
export async function morningBriefCounts(deps: CardViewDeps, boardId: string, meetingId?: string) {
  const u = deps.useCases;
  const today = todayOf(u);
  const whole = await u.storage.loadBoardSnapshot(boardId, today);
  if (!whole.board) throw new NotFound("The board");
  const meeting = meetingId === undefined ? undefined : meetingById(whole.board, meetingId);
  if (meetingId !== undefined && !meeting) throw new NotFound("The meeting");
  const snap = meeting ? snapshotFor(whole, meeting) : whole;
  const counts = boardCounts(snap, today, u.clock());
  return {
    board: whole.board,
    ...(meeting && meeting.id !== ALL_MEETINGS ? { meeting: { id: meeting.id, name: meeting.name } } : {}),
    today,
    members: snap.members,
    counts: {
      onBoard: counts.onBoard,
      newSinceYesterday: counts.newSinceYesterday,
      evaluationsDue: counts.evaluationsDue,
      openEscalations: counts.openEscalations,
      consentProblems: counts.participantsWithConsentProblem,
      absencesWithoutCover: counts.absencesWithoutCover,
    },
  };
}

export async function morningBriefCard(deps: CardViewDeps, boardId: string, viewer: Viewer, meetingId?: string): Promise<AdaptiveCard> {
  const { board, meeting, today, counts } = await morningBriefCounts(deps, boardId, meetingId);
  return buildMorningBriefCard(
    {
      boardId,
      boardName: board.name,
      ...(meeting ? { meeting } : {}),
      date: today,
      counts,
      boardDeepLink: boardTabDeepLink(deps.teamsAppId || "fact-board", boardTabEntityId(boardId), board.name),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** The meeting chat's summary when a walkthrough ends: counts only, and a link to the board. */
export async function checkInSummaryCard(
  deps: CardViewDeps,
  boardId: string,
  date: string,
  meetingId: string,
  locale: Locale,
): Promise<{ card: AdaptiveCard; chatIds: string[] } | undefined> {
  const summary = await readCheckInSummary(deps.useCases, boardId, date, meetingId);
  if (!summary) return undefined;
  const card = buildCheckInSummaryCard(
    {
      boardName: summary.boardName,
      ...(summary.meetingName ? { meetingName: summary.meetingName } : {}),
      date: summary.date,
      counts: summary.counts,
      boardDeepLink: boardTabDeepLink(deps.teamsAppId || "fact-board", boardTabEntityId(boardId), summary.boardName),
    },
    locale,
  );
  return { card, chatIds: summary.chatIds };
}

export async function helpCard(deps: CardViewDeps, viewer: Viewer & { notUnderstood?: boolean }): Promise<AdaptiveCard> {
  const boardId = viewer.member?.boardId;
  const severalBoards = viewer.member ? (await deps.useCases.storage.members.boardsOf(viewer.member.id)).length > 1 : false;
  const board = boardId && !severalBoards ? await deps.useCases.storage.boards.get(boardId) : undefined;
  const aboutUrl = board ? boardAboutUrl(deps, board.id, board.name) : undefined;
  return buildHelpCard(
    {
      ...(boardId ? { boardId } : { notMember: true }),
      ...(aboutUrl ? { aboutUrl } : {}),
      ...(severalBoards ? { severalBoards: true } : {}),
      ...(viewer.notUnderstood ? { notUnderstood: true } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function signalFormCard(deps: CardViewDeps, boardId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const member = viewer.member;
  if (!member) throw new NotFound("The board");
  const u = deps.useCases;
  const [first, organisations] = await Promise.all([
    searchParticipantsToSignal(u, { member, channel: "bot" }, boardId, ""),
    u.storage.organisations.listForBoard(boardId),
  ]);
  return buildSignalFormCard(
    {
      boardId,
      participants: first.map((p) => ({ id: p.id, code: p.code, initials: p.initials })),
      organisations: organisations.filter((o) => o.id !== member.organisationId).map((o) => ({ id: o.id, name: o.name })),
      requestId: u.newId(),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function myParticipantsCard(deps: CardViewDeps, boardId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const member = viewer.member;
  if (!member) throw new NotFound("The board");
  const u = deps.useCases;
  // The use-case lists (and audits) only the viewer's own participants as case manager.
  const today = todayOf(u);
  // The whole board for its header's counts only (the caseload and every entry on the board, shown or not: counts name nobody).
  const [list, snapshot] = await Promise.all([
    listParticipants(u, { member, channel: "bot" }, boardId, { mine: true }),
    u.storage.loadBoardSnapshot(boardId, today),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  const header = boardHeaderOf(snapshot.board, snapshot.participants, today);
  const names = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const aboutUrl = boardAboutUrl(deps, boardId, header.name);
  return buildMyParticipantsCard(
    {
      boardId,
      board: { name: header.name, model: header.model, onBoard: snapshot.entries.length, caseload: header.caseload },
      ...(aboutUrl ? { aboutUrl } : {}),
      participants: list.participants.map((p) => ({
        id: p.id,
        code: p.code,
        initials: p.initials,
        onBoard: p.onBoard,
        plans: p.plans,
        consentProblem: p.consentProblem,
        consents:
          p.organisationIds.length > 1
            ? p.consents.map((c) => ({ organisation: names.get(c.disclosingOrganisationId) ?? "—", status: c.status }))
            : [],
      })),
      hiddenCount: list.hiddenCount,
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** One participant's plans (issue 24), read through the use-case as the person (and logged); the form only for the record's writer. */
export async function participantPlansCard(
  deps: CardViewDeps,
  boardId: string,
  participantId: string,
  viewer: Viewer,
): Promise<AdaptiveCard> {
  const member = viewer.member;
  if (!member) throw new NotFound("The participant");
  const u = deps.useCases;
  const [p, organisations, board] = await Promise.all([
    readParticipant(u, actorOf(member), boardId, participantId),
    u.storage.organisations.listForBoard(boardId),
    u.storage.boards.get(boardId),
  ]);
  const aboutUrl = boardAboutUrl(deps, boardId, board?.name ?? "FACT");
  return buildPlansCard(
    {
      boardId,
      participantId,
      code: p.code,
      plans: p.plans,
      organisations: organisations.filter((o) => p.organisationIds.includes(o.id)).map((o) => ({ id: o.id, name: o.name })),
      ...(p.etag ? { etag: p.etag } : {}),
      ...(aboutUrl ? { aboutUrl } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** Consent problems that should reach someone: used by the daily scan. */
export function consentNeedsAttention(consent: Parameters<typeof hasConsentProblem>[0], today: string): boolean {
  return hasConsentProblem(consent, today);
}
