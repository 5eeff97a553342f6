import {
  type AdaptiveCard,
  type CardRef,
  type Locale,
  boardTabDeepLink,
  buildAbsenceFormCard,
  buildConsentCard,
  buildCoverCard,
  buildEscalationCard,
  buildHelpCard,
  buildManagerAlertCard,
  buildMorningBriefCard,
  buildMyParticipantsCard,
  buildSignalFormCard,
  localDateTime,
} from "../cards";
import { daysUntilExpiry, consentStatusOn, hasConsentProblem } from "../domain/consent";
import { askedSubstitute } from "../domain/cover";
import { addDays } from "../domain/dates";
import { boardCounts } from "../domain/indicators";
import { NotFound } from "../domain/errors";
import { canApplyEscalationEvent, isOverdue } from "../domain/escalation";
import { isAllowed } from "../domain/permissions";
import type { Member } from "../domain/types";
import { visibilityFor, canRead } from "../domain/visibility";
import { todayOf, type UseCaseDeps } from "../use-cases/deps";
import { listParticipants } from "../use-cases/participants";
import { relationOf } from "../use-cases/relation";

// Builds each card as it is now, for one viewer, from storage: the one place that turns a card
// reference (from a refresh, an action or a notification) into card data. Which buttons appear
// follows from the state machine and the permission matrix, never from the card's own data.

export interface CardViewDeps {
  useCases: UseCaseDeps;
  /** The Teams app id (manifest id) and the board tab's entity id, for deep links. */
  teamsAppId: string;
  boardEntityId: string;
}

/** Teams' user MRI for an Entra user: what refresh.userIds holds. */
export const mriOf = (m: Pick<Member, "objectId">): string => `8:orgid:${m.objectId}`;

export interface Viewer {
  member?: Member;
  /** Channel posts show the pseudonymous code only. */
  audience: "personal" | "channel";
  locale: Locale;
  message?: string;
  /** Extra users to refresh automatically (a channel card: the people concerned). */
  refreshUserIds?: string[];
}

const userIds = (v: Viewer): string[] => [...(v.member ? [mriOf(v.member)] : []), ...(v.refreshUserIds ?? [])];

export async function buildCardFor(deps: CardViewDeps, ref: CardRef, viewer: Viewer): Promise<AdaptiveCard> {
  switch (ref.card) {
    case "escalation":
      return escalationCard(deps, ref.boardId, ref.escalationId, { ...viewer, audience: ref.audience === "channel" ? "channel" : viewer.audience });
    case "consent":
      return consentCard(deps, ref.boardId, ref.participantId, ref.disclosingOrganisationId, viewer);
    case "cover":
      return coverCard(deps, ref.boardId, ref.absenceId, viewer);
    case "coverAlert":
      return coverAlertCard(deps, ref.boardId, ref.absenceId, viewer);
    case "signalAlert":
      return signalAlertCard(deps, ref.boardId, ref.escalationId, "manager", viewer);
    case "morningBrief":
      return morningBriefCard(deps, ref.boardId, viewer);
    case "help":
      return helpCard(deps, viewer);
    case "absenceForm":
      return buildAbsenceFormCard({ boardId: ref.boardId, today: todayOf(deps.useCases), refreshUserIds: userIds(viewer), ...(viewer.message ? { message: viewer.message } : {}) }, viewer.locale);
    case "signalForm":
      return signalFormCard(deps, ref.boardId, viewer);
    case "myParticipants":
      return myParticipantsCard(deps, ref.boardId, viewer);
  }
}

export async function escalationCard(deps: CardViewDeps, boardId: string, escalationId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const u = deps.useCases;
  const s = u.storage;
  const today = todayOf(u);
  const e = await s.escalations.get(boardId, escalationId);
  if (!e) throw new NotFound("The signal");
  const [participant, consents, absences, from, to, entry] = await Promise.all([
    s.participants.get(boardId, e.participantId),
    s.consents.listForParticipant(boardId, e.participantId),
    s.absences.listCurrent(boardId, today),
    s.organisations.get(boardId, e.fromOrganisationId),
    s.organisations.get(boardId, e.toOrganisationId),
    s.entries.getCurrent(boardId, e.participantId),
  ]);
  if (!participant || participant.erasedAt) throw new NotFound("The signal");
  const member = viewer.member;
  const visibility = member && viewer.audience === "personal" ? visibilityFor(participant, consents, member.organisationId, today) : undefined;
  const seesDetails = visibility !== undefined && canRead(visibility, e.fromOrganisationId);
  let rights: { acknowledge: boolean; resolve: boolean; decline: boolean; putOnBoard: boolean } | undefined;
  if (member && (viewer.audience === "personal" || viewer.member)) {
    const relation = { ...relationOf({ member, channel: "bot" }, participant, absences, today), ownOrganisation: member.organisationId === e.toOrganisationId };
    // Without sight of the participant nobody gets a button: the use-case would refuse anyway.
    const mayAnswer = visibilityFor(participant, consents, member.organisationId, today) !== undefined && isAllowed(member.role, "escalation.answer", relation);
    const open = e.state === "open" || e.state === "acknowledged";
    rights = {
      acknowledge: mayAnswer && canApplyEscalationEvent(e.state, "acknowledge"),
      resolve: mayAnswer && canApplyEscalationEvent(e.state, "resolve"),
      decline: mayAnswer && canApplyEscalationEvent(e.state, "decline"),
      putOnBoard: open && !entry && visibilityFor(participant, consents, member.organisationId, today) !== undefined && isAllowed(member.role, "entry.putOn", relation),
    };
  }
  return buildEscalationCard(
    {
      boardId,
      audience: viewer.audience,
      escalation: {
        id: e.id,
        etag: e.etag,
        kind: e.kind,
        urgency: e.urgency,
        state: e.state,
        proposeBoard: e.proposeBoard,
        raisedAt: localDateTime(e.raisedAt, u.timeZone),
        answerBy: localDateTime(e.answerBy, u.timeZone),
        overdue: isOverdue(e, u.clock()),
        ...(seesDetails && e.note ? { note: e.note } : {}),
        ...(seesDetails && e.declineReason ? { declineReason: e.declineReason } : {}),
      },
      participant: { id: participant.id, code: participant.code, onBoard: entry !== undefined, ...(seesDetails ? { initials: participant.initials } : {}) },
      fromOrganisation: from?.name ?? "—",
      toOrganisation: to?.name ?? "—",
      ...(rights ? { viewer: rights } : {}),
      today,
      defaultNextEvaluationOn: addDays(today, 7),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function consentCard(deps: CardViewDeps, boardId: string, participantId: string, disclosingOrganisationId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const u = deps.useCases;
  const s = u.storage;
  const today = todayOf(u);
  const member = viewer.member;
  if (!member) throw new NotFound("The participant");
  const [participant, consents, absences, organisations] = await Promise.all([
    s.participants.get(boardId, participantId),
    s.consents.listForParticipant(boardId, participantId),
    s.absences.listCurrent(boardId, today),
    s.organisations.listForBoard(boardId),
  ]);
  if (!participant || !visibilityFor(participant, consents, member.organisationId, today)) throw new NotFound("The participant");
  const consent = consents.find((c) => c.disclosingOrganisationId === disclosingOrganisationId);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const receivers = participant.organisationIds.filter((id) => id !== disclosingOrganisationId);
  const relation = { ...relationOf({ member, channel: "bot" }, participant, absences, today), ownOrganisation: member.organisationId === disclosingOrganisationId };
  const left = daysUntilExpiry(consent, today);
  return buildConsentCard(
    {
      boardId,
      participant: { id: participant.id, code: participant.code, initials: participant.initials },
      disclosingOrganisation: { id: disclosingOrganisationId, name: names.get(disclosingOrganisationId) ?? "—" },
      receivingOrganisations: receivers.map((id) => ({ id, name: names.get(id) ?? id, selected: consent ? consent.receivingOrganisationIds.includes(id) : true })),
      status: consentStatusOn(consent, today),
      ...(left !== undefined ? { daysUntilExpiry: left } : {}),
      ...(consent?.givenOn ? { givenOn: consent.givenOn } : {}),
      ...(consent?.validUntil ? { validUntil: consent.validUntil } : {}),
      ...(consent?.withdrawnOn ? { withdrawnOn: consent.withdrawnOn } : {}),
      ...(consent?.etag ? { etag: consent.etag } : {}),
      canRecord: receivers.length > 0 && isAllowed(member.role, "consent.record", relation),
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

function boardUrl(deps: CardViewDeps, boardName: string): string | undefined {
  return deps.teamsAppId ? boardTabDeepLink(deps.teamsAppId, deps.boardEntityId, boardName) : undefined;
}

export async function coverAlertCard(deps: CardViewDeps, boardId: string, absenceId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const [absence, names, board] = await Promise.all([s.absences.get(boardId, absenceId), memberNames(deps, boardId), s.boards.get(boardId)]);
  if (!absence) throw new NotFound("The absence");
  const url = boardUrl(deps, board?.name ?? "FACT");
  return buildManagerAlertCard(
    {
      kind: "coverWithoutSubstitute",
      boardId,
      absence: { id: absence.id, from: absence.from, to: absence.to, state: absence.cover.state },
      absentMemberName: names.get(absence.memberId) ?? "—",
      ...(url ? { boardUrl: url } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function signalAlertCard(deps: CardViewDeps, boardId: string, escalationId: string, stage: "reminder" | "manager", viewer: Viewer): Promise<AdaptiveCard> {
  const u = deps.useCases;
  const s = u.storage;
  const e = await s.escalations.get(boardId, escalationId);
  if (!e) throw new NotFound("The signal");
  const [participant, from, to, board] = await Promise.all([
    s.participants.get(boardId, e.participantId),
    s.organisations.get(boardId, e.fromOrganisationId),
    s.organisations.get(boardId, e.toOrganisationId),
    s.boards.get(boardId),
  ]);
  const url = boardUrl(deps, board?.name ?? "FACT");
  return buildManagerAlertCard(
    {
      kind: "unansweredSignal",
      boardId,
      escalation: { id: e.id, kind: e.kind, urgency: e.urgency, state: e.state, raisedAt: localDateTime(e.raisedAt, u.timeZone), answerBy: localDateTime(e.answerBy, u.timeZone) },
      participantCode: participant && !participant.erasedAt ? participant.code : "—",
      fromOrganisation: from?.name ?? "—",
      toOrganisation: to?.name ?? "—",
      stage,
      ...(url ? { boardUrl: url } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function morningBriefCounts(deps: CardViewDeps, boardId: string) {
  const u = deps.useCases;
  const today = todayOf(u);
  const snap = await u.storage.loadBoardSnapshot(boardId, today);
  if (!snap.board) throw new NotFound("The board");
  const counts = boardCounts(snap, today, u.clock());
  return {
    board: snap.board,
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

export async function morningBriefCard(deps: CardViewDeps, boardId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const { board, today, counts } = await morningBriefCounts(deps, boardId);
  return buildMorningBriefCard(
    {
      boardId,
      boardName: board.name,
      date: today,
      counts,
      boardDeepLink: boardTabDeepLink(deps.teamsAppId || "fact-board", deps.boardEntityId, board.name),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

export async function helpCard(deps: CardViewDeps, viewer: Viewer & { notUnderstood?: boolean }): Promise<AdaptiveCard> {
  const boardId = viewer.member?.boardId;
  return buildHelpCard(
    {
      ...(boardId ? { boardId } : { notMember: true }),
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
  const [list, organisations] = await Promise.all([listParticipants(u, { member, channel: "bot" }, boardId, {}), u.storage.organisations.listForBoard(boardId)]);
  return buildSignalFormCard(
    {
      boardId,
      participants: list.participants.map((p) => ({ id: p.id, code: p.code, initials: p.initials })),
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
  const [list, organisations] = await Promise.all([listParticipants(u, { member, channel: "bot" }, boardId, { mine: true }), u.storage.organisations.listForBoard(boardId)]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return buildMyParticipantsCard(
    {
      boardId,
      participants: list.participants.map((p) => ({
        code: p.code,
        initials: p.initials,
        onBoard: p.onBoard,
        consentProblem: p.consentProblem,
        consents: p.organisationIds.length > 1 ? p.consents.map((c) => ({ organisation: names.get(c.disclosingOrganisationId) ?? "—", status: c.status })) : [],
      })),
      hiddenCount: list.hiddenCount,
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
