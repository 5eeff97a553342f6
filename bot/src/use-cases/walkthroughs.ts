import { lastMeetingDay } from "../domain/since-last";
import type { WalkthroughAttendeeView, WalkthroughEventBody, WalkthroughView } from "@fact-board/contract";
import { checkInOrder } from "../domain/board";
import { addDays } from "../domain/dates";
import { AlreadyExists, Conflict, NotFound } from "../domain/errors";
import { assertAllowed, leaderRelation } from "../domain/permissions";
import { ALL_MEETINGS, meetingCovers, meetingOfTheDay, meetingParticipants, meetingsOf } from "../domain/meeting-schedule";
import { raisedToday } from "../domain/raise-today";
import { arrangeWalkthrough, walkthroughSections } from "../domain/walkthrough-order";
import type { Actor, BoardId, CheckIn, Member, Participant, RecurringMeeting } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import {
  applyWalkthroughEvent,
  currentParticipantId,
  durationSeconds,
  isPresenterPresent,
  notReached,
  startWalkthrough,
  walkthroughOrder,
  withNewEntries,
  type Walkthrough,
  type WalkthroughEvent,
} from "../domain/walkthrough";
import type { LiveState } from "../storage/board-version-repository";
import type { Stored } from "../storage/entity-support";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { currentFor } from "./walkthrough-moves";

// The shared walkthrough: one per occurrence of the board's recurring meetings (a board without a
// schedule has one implicit meeting, "all", every working day), held here so every attendee's
// stage and side panel follow the same presenter. It covers the participants on the board that
// involve the meeting's organisations, plus anyone put on during it. Changes bump the walkthrough's
// own version (not the board's), which the live stream announces to every instance's viewers; on a
// move each viewer reads only the move view (walkthrough-moves.ts), otherwise the walkthrough as
// their own organisation may see it.

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
  return meetingOfTheDay(board, todayOf(deps));
}

/**
 * The board's current entries this meeting covers, in check-in order, plus those its walkthrough
 * put on; then the participants raised for today that the meeting covers (Ta upp idag); and how
 * to tell each one's organisation (their case manager's) for a meeting ordered by organisation.
 */
async function boardOrderOf(
  deps: UseCaseDeps,
  boardId: BoardId,
  meeting: RecurringMeeting,
  putOnDuringMeeting: readonly string[] = [],
): Promise<{ board: string[]; raised: string[]; organisationOf: (id: string) => string | undefined; organisationOrder: string[] }> {
  const today = todayOf(deps);
  const [entries, participants, raises, members, organisations] = await Promise.all([
    deps.storage.entries.listCurrent(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.raised.listOn(boardId, today),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const order = checkInOrder(entries).map((e) => e.participantId);
  const board = meetingParticipants(meeting, order, byId, putOnDuringMeeting);
  const onBoard = new Set(entries.map((e) => e.participantId));
  const raised = raisedToday(raises, today, onBoard).filter((id) => {
    const p = byId.get(id);
    return p !== undefined && !p.leftTeamOn && !p.erasedAt && meetingCovers(meeting, p);
  });
  const memberOrg = new Map(members.map((m) => [m.id, m.organisationId]));
  const organisationOf = (id: string) => {
    const p = byId.get(id);
    return p && (memberOrg.get(p.caseManagerId) ?? p.writtenBy);
  };
  // The meeting's own list first (the admins' order), then the board's other organisations by name.
  const others = [...organisations].sort((a, b) => a.name.localeCompare(b.name, "sv")).map((o) => o.id);
  const organisationOrder = [...new Set([...meeting.organisationIds, ...others])];
  return { board, raised, organisationOf, organisationOrder };
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
      // The walkthrough's own version: attendees follow it without the board being read again.
      await deps.storage.boardVersions.bumpWalkthrough(boardId, {
        meetingId,
        index: saved.currentIndex,
        change: isMoveOnly(stored, saved) ? "move" : "other",
      });
      return saved;
    } catch (e) {
      if (!(e instanceof Conflict) || attempt >= ATTEMPTS) throw e;
    }
  }
}

/** A change of position only: attendees read the move view, not the whole walkthrough. */
function isMoveOnly(was: Walkthrough, now: Walkthrough): boolean {
  return (
    now.currentIndex !== was.currentIndex &&
    now.presenterId === was.presenterId &&
    now.endedAt === was.endedAt &&
    now.order.length === was.order.length &&
    now.attendees.length === was.attendees.length
  );
}

/** Starts today's walkthrough of the meeting, or joins it when another attendee started it first; an ended one continues. */
export async function startOrJoinWalkthrough(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  meetingId?: string,
  teamsChatId?: string,
): Promise<WalkthroughView> {
  assertAllowed(actor.member, "checkIn.record", leaderRelation(actor.member));
  const meeting = await meetingFor(deps, boardId, meetingId);
  const today = todayOf(deps);
  const me = { memberId: actor.member.id, organisationId: actor.member.organisationId };
  if (!(await deps.storage.walkthroughs.get(boardId, today, meeting.id))) {
    const [sources, last] = await Promise.all([
      boardOrderOf(deps, boardId, meeting),
      deps.storage.walkthroughs.latestBetween(boardId, addDays(today, -CARRY_OVER_DAYS), today, meeting.id),
    ]);
    // Yesterday's raised participants are not carried: walkthroughOrder keeps only those on the board.
    const order = arrangeWalkthrough(walkthroughOrder(sources.board, last ? notReached(last) : []), sources.raised, {
      ...(meeting.walkthroughOrder ? { order: meeting.walkthroughOrder } : {}),
      organisationOf: sources.organisationOf,
      organisationOrder: sources.organisationOrder,
    });
    const w = startWalkthrough({ boardId, date: today, meetingId: meeting.id, presenter: me, order, now: nowOf(deps) });
    try {
      await deps.storage.walkthroughs.create(w);
      await deps.storage.boardVersions.bumpWalkthrough(boardId, { meetingId: meeting.id, index: w.currentIndex, change: "other" });
    } catch (e) {
      if (!(e instanceof AlreadyExists)) throw e;
    }
  }
  const live = await deps.storage.boardVersions.live(boardId);
  let newChat = false;
  const saved = await change(deps, boardId, meeting.id, async (w) => {
    newChat = teamsChatId !== undefined && !(w.chatIds ?? []).includes(teamsChatId);
    const now = nowOf(deps);
    const joined = applyWalkthroughEvent(
      w.endedAt ? applyWalkthroughEvent(w, { type: "reopen", by: me.memberId, organisationId: me.organisationId }, now) : w,
      { type: "join", ...me, ...(teamsChatId ? { chatId: teamsChatId } : {}) },
      now,
    );
    const sources = await boardOrderOf(deps, boardId, meeting, w.added);
    return withNewEntries(joined, [...sources.board, ...sources.raised]);
  });
  if (newChat) await deps.notifier.notify({ type: "walkthroughInChat", boardId, date: saved.date, meetingId: meeting.id });
  return viewOf(deps, actor, saved, meeting, live);
}

/** Today's walkthrough of the meeting as this viewer may see it, or undefined before anyone started it. */
export async function readWalkthrough(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  meetingId?: string,
): Promise<WalkthroughView | undefined> {
  assertAllowed(actor.member, "board.read");
  const [meeting, live] = await Promise.all([meetingFor(deps, boardId, meetingId), deps.storage.boardVersions.live(boardId)]);
  const w = await deps.storage.walkthroughs.get(boardId, todayOf(deps), meeting.id);
  return w && viewOf(deps, actor, w, meeting, live);
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
  const [meeting, live] = await Promise.all([meetingFor(deps, boardId, meetingId), deps.storage.boardVersions.live(boardId)]);
  const join = {
    type: "join" as const,
    memberId: actor.member.id,
    organisationId: actor.member.organisationId,
    ...(teamsChatId ? { chatId: teamsChatId } : {}),
  };
  let newChat = false;
  const saved = await change(deps, boardId, meeting.id, (w) => {
    newChat = teamsChatId !== undefined && !(w.chatIds ?? []).includes(teamsChatId);
    return applyWalkthroughEvent(w, join, nowOf(deps));
  });
  if (newChat) await deps.notifier.notify({ type: "walkthroughInChat", boardId, date: saved.date, meetingId: meeting.id });
  return viewOf(deps, actor, saved, meeting, live);
}

/**
 * What a presenter does: move on, take over, end. Everything the walkthrough counts (reviewed, put
 * on, taken off, actions agreed) is recorded by the use-case that did it (walkthrough-counts.ts);
 * the contract refuses a browser's report of it with a 400.
 */
export async function reportWalkthroughEvent(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: WalkthroughEventBody,
  meetingId?: string,
): Promise<WalkthroughView> {
  assertAllowed(actor.member, "checkIn.record", leaderRelation(actor.member));
  const [meeting, live] = await Promise.all([meetingFor(deps, boardId, meetingId), deps.storage.boardVersions.live(boardId)]);
  const by = actor.member.id;
  // A take-over after the presenter's stage stopped beating: the time since counts for nobody.
  const heartbeat = body.type === "takeOver" ? live.presenter : undefined;
  const saved = await change(deps, boardId, meeting.id, (w) => {
    const now = nowOf(deps);
    const presenterLeftAt = heartbeat && !isPresenterPresent(w, heartbeat, now) ? heartbeat.seenAt : undefined;
    const event: WalkthroughEvent =
      body.type === "moveTo"
        ? { type: "moveTo", by, index: body.index }
        : body.type === "takeOver"
          ? { type: "takeOver", by, organisationId: actor.member.organisationId, ...(presenterLeftAt ? { presenterLeftAt } : {}) }
          : { type: "end", by };
    return applyWalkthroughEvent(w, event, now);
  });
  if (body.type === "end") await recordCheckInFrom(deps, saved);
  return viewOf(deps, actor, saved, meeting, live);
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
    actionsAgreed: Math.max(w.agreedActionIds.length, stored?.actionsAgreed ?? 0),
    recordedBy: w.presenterId,
  };
  await deps.storage.checkIns.save(checkIn, stored ? { expectedEtag: stored.etag } : {});
  await deps.storage.boardVersions.bump(w.boardId);
  await deps.notifier.notify({ type: "checkInRecorded", boardId: w.boardId, date: w.date, meetingId: w.meetingId });
}

function attendeeView(members: ReadonlyMap<string, Member>, memberId: string, organisationId: string): WalkthroughAttendeeView {
  return { memberId, displayName: members.get(memberId)?.displayName ?? memberId, organisationId };
}

/** The current participant's contacts, every organisation's (currentFor shows those the viewer may read). */
async function currentContacts(deps: UseCaseDeps, w: Walkthrough) {
  const id = currentParticipantId(w);
  return id === undefined ? [] : deps.storage.contacts.listForParticipant(w.boardId, id);
}

/** The walkthrough for one viewer: ids and positions of whom they may see, the current participant's details only if they may. */
/**
 * `live`: the board's live entity, read before `w` was read or changed. Its walkthrough version is
 * then one the view's content has reached (a change saves the walkthrough before it bumps the
 * version), never one it may lack: read after, a move made meanwhile would give the view a version
 * it does not show, and the attendee's stage would ignore that move's event as already seen.
 */
async function viewOf(
  deps: UseCaseDeps,
  actor: Actor,
  w: Walkthrough,
  meeting: RecurringMeeting,
  live: LiveState,
): Promise<WalkthroughView> {
  const today = todayOf(deps);
  const [participants, consents, members, absences, entries, raises] = await Promise.all([
    deps.storage.participants.listForBoard(w.boardId),
    deps.storage.consents.listForBoard(w.boardId),
    deps.storage.members.listForBoard(w.boardId),
    deps.storage.absences.listCurrent(w.boardId, today),
    deps.storage.entries.listCurrent(w.boardId),
    deps.storage.raised.listOn(w.boardId, w.date),
  ]);
  const byConsent = groupConsentsByParticipant(consents);
  const byId = new Map<string, Participant>(participants.map((p) => [p.id, p]));
  const memberById = new Map(members.map((m) => [m.id, m]));
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

  const current = await currentFor(deps, actor, w, {
    participants,
    consents,
    entries,
    absences,
    lead: (await deps.storage.boards.get(w.boardId))?.leadOrganisationId,
    // This meeting's "since the last meeting": from its own last day.
    sinceLastNotes: await deps.storage.sinceLast.listFrom(w.boardId, lastMeetingDay([meeting], today)),
    raises,
    interventions: await deps.storage.interventions.listOngoing(w.boardId),
    members,
    contacts: await currentContacts(deps, w),
  });
  const onBoard = new Set(entries.map((e) => e.participantId));
  const sections = walkthroughSections(w.order, {
    ...(meeting.walkthroughOrder ? { order: meeting.walkthroughOrder } : {}),
    organisationOf: (id) => {
      const p = byId.get(id);
      return p && (memberById.get(p.caseManagerId)?.organisationId ?? p.writtenBy);
    },
    raised: new Set(raisedToday(raises, w.date, onBoard)),
  });

  return {
    date: w.date,
    meetingId: w.meetingId,
    ...(meeting.id !== ALL_MEETINGS ? { meetingName: meeting.name } : {}),
    presenter: attendeeView(memberById, w.presenterId, memberById.get(w.presenterId)?.organisationId ?? ""),
    isPresenter: w.presenterId === actor.member.id,
    presenterPresent: isPresenterPresent(w, live.presenter, nowOf(deps)),
    version: live.walkthrough?.meetingId === w.meetingId ? live.walkthrough.version : 0,
    startedAt: w.startedAt,
    ...(w.endedAt ? { endedAt: w.endedAt } : {}),
    total: w.order.length,
    ...(current ? { current } : {}),
    visible,
    ...(sections.length ? { sections } : {}),
    counts: {
      reviewed: w.reviewed.length,
      added: w.added.length,
      removed: w.removed.length,
      actionsAgreed: w.agreedActionIds.length,
      notReached: notReached(w).length,
    },
    attendees: w.attendees.map((a) => attendeeView(memberById, a.memberId, a.organisationId)),
  };
}

export interface WalkthroughChats {
  boardName: string;
  meetingName?: string;
  date: string;
  /** The Teams meeting chats the walkthrough runs in: where "Följ genomgången" goes. */
  chatIds: string[];
}

/** The meeting chats of a walkthrough, and what the chat may be told of it (names of the board and the meeting, the date). */
export async function readWalkthroughChats(
  deps: UseCaseDeps,
  boardId: BoardId,
  date: string,
  meetingId: string,
): Promise<WalkthroughChats | undefined> {
  const [board, w] = await Promise.all([deps.storage.boards.get(boardId), deps.storage.walkthroughs.get(boardId, date, meetingId)]);
  if (!board || !w) return undefined;
  const meeting = meetingId === ALL_MEETINGS ? undefined : meetingsOf(board).find((m) => m.id === meetingId);
  return { boardName: board.name, ...(meeting ? { meetingName: meeting.name } : {}), date, chatIds: w.chatIds ?? [] };
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
      actionsAgreed: w.agreedActionIds.length,
      notReached: notReached(w).length,
    },
    chatIds: w.chatIds ?? [],
  };
}
