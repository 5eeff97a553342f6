import { visibleNotes } from "./since-last";
import { lastMeetingDay } from "../domain/since-last";
import { hasReviewedOn } from "../domain/board";
import type { WalkthroughAttendeeView, WalkthroughEventBody, WalkthroughView } from "@fact-board/contract";
import { checkInOrder } from "../domain/board";
import { addDays } from "../domain/dates";
import { AlreadyExists, Conflict, Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { ALL_MEETINGS, isScheduledOn, meetingParticipants, meetingsOf } from "../domain/meeting-schedule";
import type { Actor, BoardId, CheckIn, Member, Participant, RecurringMeeting } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { rowRights } from "../domain/viewer-rights";
import {
  applyWalkthroughEvent,
  currentParticipantId,
  durationSeconds,
  notReached,
  startWalkthrough,
  walkthroughOrder,
  withNewEntries,
  type Walkthrough,
  type WalkthroughEvent,
} from "../domain/walkthrough";
import type { Stored } from "../storage/entity-support";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { toEntryView, toParticipantView } from "./view-mappers";

// The shared walkthrough: one per occurrence of the board's recurring meetings (a board without a
// schedule has one implicit meeting, "all", every working day), held here so every attendee's
// stage and side panel follow the same presenter. It covers the participants on the board that
// involve the meeting's organisations, plus anyone put on during it. Changes bump the board's
// version, which the live stream already announces to every instance's viewers; each viewer then
// reads the walkthrough as their own organisation may see it.

/** How far back the carry-over looks for the last walkthrough. */
const CARRY_OVER_DAYS = 14;
/** Concurrent joins and counts are commutative: on a stale ETag, read again and re-apply. */
const ATTEMPTS = 8;

/**
 * The meeting a request means. A tab linked to a meeting names it; a caller naming none (a channel
 * tab, a tab configured before meetings existed) gets the board's first meeting held today in the
 * admins' order (else its first): predictable, and on a board without a schedule the implicit one.
 */
async function meetingFor(deps: UseCaseDeps, boardId: BoardId, meetingId: string | undefined): Promise<RecurringMeeting> {
  const board = await deps.storage.boards.get(boardId);
  if (!board) throw new NotFound("The board");
  const meetings = meetingsOf(board);
  if (meetingId !== undefined) {
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new NotFound("The meeting");
    return meeting;
  }
  const today = todayOf(deps);
  return meetings.find((m) => isScheduledOn(m, today)) ?? meetings[0]!;
}

/** The board's current entries this meeting covers, in check-in order, plus those its walkthrough put on. */
async function boardOrderOf(
  deps: UseCaseDeps,
  boardId: BoardId,
  meeting: RecurringMeeting,
  putOnDuringMeeting: readonly string[] = [],
): Promise<string[]> {
  const [entries, participants] = await Promise.all([
    deps.storage.entries.listCurrent(boardId),
    deps.storage.participants.listForBoard(boardId),
  ]);
  const order = checkInOrder(entries).map((e) => e.participantId);
  return meetingParticipants(meeting, order, new Map(participants.map((p) => [p.id, p])), putOnDuringMeeting);
}

/** Loads today's walkthrough of the meeting, applies the change and saves it with its ETag, again on a lost race. */
async function change(
  deps: UseCaseDeps,
  boardId: BoardId,
  meetingId: string,
  change: (w: Stored<Walkthrough>) => Walkthrough | Promise<Walkthrough>,
): Promise<Stored<Walkthrough>> {
  const today = todayOf(deps);
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.storage.walkthroughs.get(boardId, today, meetingId);
    if (!stored) throw new NotFound("Today's walkthrough");
    const next = await change(stored);
    if (next === stored) return stored;
    try {
      const saved = await deps.storage.walkthroughs.save(next, { expectedEtag: stored.etag });
      await deps.storage.boardVersions.bump(boardId);
      return saved;
    } catch (e) {
      if (!(e instanceof Conflict) || attempt >= ATTEMPTS) throw e;
    }
  }
}

/** Starts today's walkthrough of the meeting, or joins it when another attendee started it first; an ended one continues. */
export async function startOrJoinWalkthrough(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  meetingId?: string,
  teamsChatId?: string,
): Promise<WalkthroughView> {
  assertAllowed(actor.member, "checkIn.record");
  const meeting = await meetingFor(deps, boardId, meetingId);
  const today = todayOf(deps);
  const me = { memberId: actor.member.id, organisationId: actor.member.organisationId };
  if (!(await deps.storage.walkthroughs.get(boardId, today, meeting.id))) {
    const [boardOrder, last] = await Promise.all([
      boardOrderOf(deps, boardId, meeting),
      deps.storage.walkthroughs.latestBetween(boardId, addDays(today, -CARRY_OVER_DAYS), today, meeting.id),
    ]);
    const w = startWalkthrough({
      boardId,
      date: today,
      meetingId: meeting.id,
      presenter: me,
      order: walkthroughOrder(boardOrder, last ? notReached(last) : []),
      now: nowOf(deps),
    });
    try {
      await deps.storage.walkthroughs.create(w);
      await deps.storage.boardVersions.bump(boardId);
    } catch (e) {
      if (!(e instanceof AlreadyExists)) throw e;
    }
  }
  const saved = await change(deps, boardId, meeting.id, async (w) => {
    const now = nowOf(deps);
    const joined = applyWalkthroughEvent(
      w.endedAt ? applyWalkthroughEvent(w, { type: "reopen", by: me.memberId, organisationId: me.organisationId }, now) : w,
      { type: "join", ...me, ...(teamsChatId ? { chatId: teamsChatId } : {}) },
      now,
    );
    return withNewEntries(joined, await boardOrderOf(deps, boardId, meeting, w.added));
  });
  return viewOf(deps, actor, saved, meeting);
}

/** Today's walkthrough of the meeting as this viewer may see it, or undefined before anyone started it. */
export async function readWalkthrough(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  meetingId?: string,
): Promise<WalkthroughView | undefined> {
  assertAllowed(actor.member, "board.read");
  const meeting = await meetingFor(deps, boardId, meetingId);
  const w = await deps.storage.walkthroughs.get(boardId, todayOf(deps), meeting.id);
  return w && viewOf(deps, actor, w, meeting);
}

/** A stage or side panel opened during the walkthrough: its viewer attends (attendance comes from here). */
export async function joinWalkthrough(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  meetingId?: string,
  teamsChatId?: string,
): Promise<WalkthroughView> {
  assertAllowed(actor.member, "board.read");
  const meeting = await meetingFor(deps, boardId, meetingId);
  const join = {
    type: "join" as const,
    memberId: actor.member.id,
    organisationId: actor.member.organisationId,
    ...(teamsChatId ? { chatId: teamsChatId } : {}),
  };
  const saved = await change(deps, boardId, meeting.id, (w) => applyWalkthroughEvent(w, join, nowOf(deps)));
  return viewOf(deps, actor, saved, meeting);
}

export async function reportWalkthroughEvent(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: WalkthroughEventBody,
  meetingId?: string,
): Promise<WalkthroughView> {
  const meeting = await meetingFor(deps, boardId, meetingId);
  const by = actor.member.id;
  let event: WalkthroughEvent;
  switch (body.type) {
    case "moveTo":
      assertAllowed(actor.member, "checkIn.record");
      event = { type: "moveTo", by, index: body.index };
      break;
    case "takeOver":
      assertAllowed(actor.member, "checkIn.record");
      event = { type: "takeOver", by, organisationId: actor.member.organisationId };
      break;
    case "end":
      assertAllowed(actor.member, "checkIn.record");
      event = { type: "end", by };
      break;
    case "actionAgreed":
      assertAllowed(actor.member, "board.read");
      event = { type: "actionAgreed", by };
      break;
    default:
      assertAllowed(actor.member, "board.read");
      await assertReportable(deps, actor, boardId, body.type, body.participantId);
      event = { type: body.type, by, participantId: body.participantId };
  }
  const saved = await change(deps, boardId, meeting.id, (w) => applyWalkthroughEvent(w, event, nowOf(deps)));
  if (body.type === "end") await recordCheckInFrom(deps, saved);
  return viewOf(deps, actor, saved, meeting);
}

/**
 * The walkthrough counts what happened on the board, so it is checked against the board: a review
 * today, an entry put on, an entry gone. Unknown and hidden participants get the same answer.
 */
async function assertReportable(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  type: "reviewed" | "added" | "removed",
  participantId: string,
): Promise<void> {
  const today = todayOf(deps);
  const [participant, consents, entry] = await Promise.all([
    deps.storage.participants.get(boardId, participantId),
    deps.storage.consents.listForParticipant(boardId, participantId),
    deps.storage.entries.getCurrent(boardId, participantId),
  ]);
  const invalid = () => new Invalid("participantId: not a participant of this board that you may see.", "participantId");
  if (!participant || !visibilityFor(participant, consents, actor.member.organisationId, today)) throw invalid();
  const ok =
    type === "reviewed"
      ? entry !== undefined && hasReviewedOn(entry, actor.member.organisationId, today)
      : type === "added"
        ? entry !== undefined
        : entry === undefined;
  if (!ok) throw new Invalid(`participantId: the board does not show this participant as ${type} today.`, "participantId");
}

/** The check-in is the walkthrough's record: the server writes it, nobody's browser merges it. */
async function recordCheckInFrom(deps: UseCaseDeps, w: Walkthrough): Promise<void> {
  const endedAt = w.endedAt ?? nowOf(deps);
  const stored = await deps.storage.checkIns.get(w.boardId, w.date, w.meetingId);
  const union = (a: readonly string[], b: readonly string[] = []) => [...new Set([...b, ...a])];
  const checkIn: CheckIn = {
    boardId: w.boardId,
    date: w.date,
    meetingId: w.meetingId,
    startedAt: stored && stored.startedAt < w.startedAt ? stored.startedAt : w.startedAt,
    endedAt,
    durationSeconds: durationSeconds(w, endedAt),
    attendeeIds: union(
      w.attendees.map((a) => a.memberId),
      stored?.attendeeIds,
    ),
    reviewedParticipantIds: union(w.reviewed, stored?.reviewedParticipantIds),
    addedParticipantIds: union(w.added, stored?.addedParticipantIds),
    removedParticipantIds: union(w.removed, stored?.removedParticipantIds),
    actionsAgreed: Math.max(w.actionsAgreed, stored?.actionsAgreed ?? 0),
    recordedBy: w.presenterId,
  };
  await deps.storage.checkIns.save(checkIn, stored ? { expectedEtag: stored.etag } : {});
  await deps.storage.boardVersions.bump(w.boardId);
  await deps.notifier.notify({ type: "checkInRecorded", boardId: w.boardId, date: w.date, meetingId: w.meetingId });
}

function attendeeView(members: ReadonlyMap<string, Member>, memberId: string, organisationId: string): WalkthroughAttendeeView {
  return { memberId, displayName: members.get(memberId)?.displayName ?? memberId, organisationId };
}

/** The walkthrough for one viewer: ids and positions of whom they may see, the current participant's details only if they may. */
async function viewOf(deps: UseCaseDeps, actor: Actor, w: Walkthrough, meeting: RecurringMeeting): Promise<WalkthroughView> {
  const today = todayOf(deps);
  const [participants, consents, members, absences, entries] = await Promise.all([
    deps.storage.participants.listForBoard(w.boardId),
    deps.storage.consents.listForBoard(w.boardId),
    deps.storage.members.listForBoard(w.boardId),
    deps.storage.absences.listCurrent(w.boardId, today),
    deps.storage.entries.listCurrent(w.boardId),
  ]);
  const byConsent = groupConsentsByParticipant(consents);
  const byId = new Map<string, Participant>(participants.map((p) => [p.id, p]));
  const memberById = new Map(members.map((m) => [m.id, m]));
  const entryById = new Map(entries.map((e) => [e.participantId, e]));
  const org = actor.member.organisationId;
  const visibilityOf = (id: string) => {
    const p = byId.get(id);
    return p && visibilityFor(p, byConsent.get(id) ?? [], org, today);
  };

  const visible: WalkthroughView["visible"] = [];
  w.order.forEach((participantId, index) => {
    if (visibilityOf(participantId)) {
      visible.push({
        index,
        participantId,
        reviewed: w.reviewed.includes(participantId),
        secondsSpent: w.secondsByParticipant[participantId] ?? 0,
      });
    }
  });

  let current: WalkthroughView["current"];
  const currentId = currentParticipantId(w);
  if (currentId !== undefined) {
    const visibility = visibilityOf(currentId);
    const entry = entryById.get(currentId);
    const entryView = visibility && entry && toEntryView(visibility, entry, today);
    if (visibility && entryView) {
      const viewer = { member: actor.member, relation: relationOf(actor, visibility.participant, absences, today) };
      const row = {
        participant: toParticipantView(visibility, byConsent.get(currentId) ?? [], absences, true, today, viewer),
        entry: entryView,
        may: rowRights(actor.member, viewer.relation, visibility.participant, entry),
        sinceLast: visibleNotes(visibility, await deps.storage.sinceLast.listForParticipant(w.boardId, currentId)).filter(
          (n) => n.on >= lastMeetingDay([meeting], today),
        ),
      };
      current = { index: w.currentIndex, since: w.currentSince, shown: "details", participantId: currentId, row };
      await recordAccess(deps, actor, "viewedDetails", [visibility.participant]);
    } else if (visibility) {
      current = { index: w.currentIndex, since: w.currentSince, shown: "offBoard", participantId: currentId };
    } else {
      current = { index: w.currentIndex, since: w.currentSince, shown: "hidden" };
    }
  }

  return {
    date: w.date,
    meetingId: w.meetingId,
    ...(meeting.id !== ALL_MEETINGS ? { meetingName: meeting.name } : {}),
    presenter: attendeeView(memberById, w.presenterId, memberById.get(w.presenterId)?.organisationId ?? ""),
    isPresenter: w.presenterId === actor.member.id,
    startedAt: w.startedAt,
    ...(w.endedAt ? { endedAt: w.endedAt } : {}),
    total: w.order.length,
    ...(current ? { current } : {}),
    visible,
    counts: {
      reviewed: w.reviewed.length,
      added: w.added.length,
      removed: w.removed.length,
      actionsAgreed: w.actionsAgreed,
      notReached: notReached(w).length,
    },
    attendees: w.attendees.map((a) => attendeeView(memberById, a.memberId, a.organisationId)),
  };
}

export interface CheckInSummary {
  boardName: string;
  meetingName?: string;
  date: string;
  counts: { reviewed: number; total: number; putOn: number; takenOff: number; actionsAgreed: number; notReached: number };
  /** The Teams meeting chats the walkthrough ran in: where the summary goes. */
  chatIds: string[];
}

/**
 * What the meeting chat is told when a walkthrough ends: counts only (the chat is read by every
 * attendee, whatever their organisation may see), so no viewer and no access log are involved.
 */
export async function readCheckInSummary(
  deps: UseCaseDeps,
  boardId: BoardId,
  date: string,
  meetingId: string,
): Promise<CheckInSummary | undefined> {
  const [board, w] = await Promise.all([deps.storage.boards.get(boardId), deps.storage.walkthroughs.get(boardId, date, meetingId)]);
  if (!board || !w) return undefined;
  const meeting = meetingId === ALL_MEETINGS ? undefined : meetingsOf(board).find((m) => m.id === meetingId);
  return {
    boardName: board.name,
    ...(meeting ? { meetingName: meeting.name } : {}),
    date,
    counts: {
      reviewed: w.reviewed.length,
      total: w.order.length,
      putOn: w.added.length,
      takenOff: w.removed.length,
      actionsAgreed: w.actionsAgreed,
      notReached: notReached(w).length,
    },
    chatIds: w.chatIds ?? [],
  };
}
