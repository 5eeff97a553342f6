import { Forbidden, Invalid, InvalidTransition } from "./errors";
import { ALL_MEETINGS } from "./meeting-schedule";
import type { BoardId, CalendarDate, Instant, MemberId, OrganisationId, ParticipantId } from "./types";

// The shared walkthrough (genomgång) of one occurrence of a board's recurring meeting. Every attendee's client
// renders the stage itself, so the walkthrough lives on the server and holds only ids: which
// participant is current, in what order, who joined. What each attendee sees of the current
// participant is decided per viewer when they read it, never stored here.

export { ALL_MEETINGS } from "./meeting-schedule";

export interface WalkthroughAttendee {
  memberId: MemberId;
  organisationId: OrganisationId;
  joinedAt: Instant;
}

export interface Walkthrough {
  boardId: BoardId;
  date: CalendarDate;
  meetingId: string;
  presenterId: MemberId;
  startedAt: Instant;
  endedAt?: Instant;
  /** Participant ids in walkthrough order. */
  order: ParticipantId[];
  currentIndex: number;
  /** When the current participant became current (for per-participant time). */
  currentSince: Instant;
  /** Seconds spent per participant, summed over every visit. */
  secondsByParticipant: Record<ParticipantId, number>;
  /** What happened on the board while it ran, recorded by the use-cases that did it (see `recordOnWalkthrough`). */
  reviewed: ParticipantId[];
  added: ParticipantId[];
  removed: ParticipantId[];
  /** Ids of the actions added while it ran: a set, so a retried or repeated record counts once. */
  agreedActionIds: string[];
  attendees: WalkthroughAttendee[];
  /** The Teams meeting chats it was run from (ids only): where the summary goes when it ends. */
  chatIds?: string[];
}

export type WalkthroughEvent =
  | { type: "join"; memberId: MemberId; organisationId: OrganisationId; chatId?: string }
  | { type: "moveTo"; by: MemberId; index: number }
  /** `presenterLeftAt`: the last heartbeat of a presenter who has gone; the time since counts for nobody. */
  | { type: "takeOver"; by: MemberId; organisationId: OrganisationId; presenterLeftAt?: Instant }
  | { type: "end"; by: MemberId }
  | { type: "reopen"; by: MemberId; organisationId: OrganisationId };

/**
 * Something that happened on the board, as the use-case that did it tells the walkthrough: never a
 * browser's report. `happenedAt` only on a retry that finishes an earlier attempt, where it is
 * known: a thing done before the walkthrough started is not counted in it by its retry.
 */
export type WalkthroughFact = ({ type: "reviewed" | "added" | "removed" | "raised" } | { type: "actionAgreed"; actionId: string }) & {
  participantId: ParticipantId;
  happenedAt?: Instant;
};

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const seconds = (from: Instant, to: Instant): number => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * The order of a new walkthrough: participants not reached at the last check-in come first (they
 * waited a day already), then the rest of today's board in its check-in order.
 */
export function walkthroughOrder(boardOrder: readonly ParticipantId[], notReachedLastTime: readonly ParticipantId[]): ParticipantId[] {
  const onBoard = new Set(boardOrder);
  const carried = notReachedLastTime.filter((id) => onBoard.has(id));
  return unique([...carried, ...boardOrder]);
}

/** Participants in the order that were neither reviewed nor taken off. */
export function notReached(w: Pick<Walkthrough, "order" | "reviewed" | "removed">): ParticipantId[] {
  const handled = new Set([...w.reviewed, ...w.removed]);
  return w.order.filter((id) => !handled.has(id));
}

export function startWalkthrough(input: {
  boardId: BoardId;
  date: CalendarDate;
  meetingId?: string;
  presenter: { memberId: MemberId; organisationId: OrganisationId };
  order: ParticipantId[];
  now: Instant;
}): Walkthrough {
  return {
    boardId: input.boardId,
    date: input.date,
    meetingId: input.meetingId ?? ALL_MEETINGS,
    presenterId: input.presenter.memberId,
    startedAt: input.now,
    order: unique(input.order),
    currentIndex: 0,
    currentSince: input.now,
    secondsByParticipant: {},
    reviewed: [],
    added: [],
    removed: [],
    agreedActionIds: [],
    attendees: [{ memberId: input.presenter.memberId, organisationId: input.presenter.organisationId, joinedAt: input.now }],
  };
}

export function currentParticipantId(w: Pick<Walkthrough, "order" | "currentIndex">): ParticipantId | undefined {
  return w.order[w.currentIndex];
}

/** Closes the current participant's time up to `now`. */
function settleTime(w: Walkthrough, now: Instant): Walkthrough {
  const id = currentParticipantId(w);
  if (id === undefined || w.endedAt) return w;
  const spent = seconds(w.currentSince, now);
  return { ...w, secondsByParticipant: { ...w.secondsByParticipant, [id]: (w.secondsByParticipant[id] ?? 0) + spent }, currentSince: now };
}

function assertPresenter(w: Walkthrough, by: MemberId): void {
  if (w.presenterId !== by) throw new Forbidden("Only the presenter moves the walkthrough; take over first.");
}

function assertOpen(w: Walkthrough, event: string): void {
  if (w.endedAt) throw new InvalidTransition("walkthrough", "ended", event);
}

function withAttendee(w: Walkthrough, memberId: MemberId, organisationId: OrganisationId, now: Instant): Walkthrough {
  if (w.attendees.some((a) => a.memberId === memberId)) return w;
  return { ...w, attendees: [...w.attendees, { memberId, organisationId, joinedAt: now }] };
}

/**
 * The one place a walkthrough changes by what its attendees do. Returns the same object when
 * nothing changes (a repeated join, a move to where it is), so callers can skip the write.
 */
export function applyWalkthroughEvent(w: Walkthrough, event: WalkthroughEvent, now: Instant): Walkthrough {
  switch (event.type) {
    case "join": {
      const joined = withAttendee(w, event.memberId, event.organisationId, now);
      if (event.chatId === undefined || (w.chatIds ?? []).includes(event.chatId)) return joined;
      return { ...joined, chatIds: [...(w.chatIds ?? []), event.chatId] };
    }
    case "moveTo": {
      assertOpen(w, "move");
      assertPresenter(w, event.by);
      if (!Number.isInteger(event.index) || event.index < 0 || event.index >= w.order.length) {
        throw new Invalid(`There is no participant ${event.index + 1} in this walkthrough.`, "index");
      }
      if (event.index === w.currentIndex) return w;
      return { ...settleTime(w, now), currentIndex: event.index, currentSince: now };
    }
    case "takeOver":
      assertOpen(w, "take over");
      if (w.presenterId === event.by) return w;
      return {
        ...withAttendee(resumedAfterLeaving(w, event.presenterLeftAt, now), event.by, event.organisationId, now),
        presenterId: event.by,
      };
    case "end": {
      if (w.endedAt) return w;
      assertPresenter(w, event.by);
      return { ...settleTime(w, now), endedAt: now };
    }
    case "reopen": {
      // Starting again the same day continues where the walkthrough stopped, never at participant 1.
      if (!w.endedAt) return w;
      const { endedAt: _ended, ...open } = w;
      return { ...withAttendee(open, event.by, event.organisationId, now), presenterId: event.by, currentSince: now };
    }
  }
}

/**
 * Whether a fact belongs in this walkthrough: it ran at that moment (started, not ended) and covers
 * the participant (in its order, or involving the meeting's organisations: `covered`). Outside a
 * running walkthrough a change counts in nothing.
 */
export function isRecordedBy(w: Pick<Walkthrough, "startedAt" | "endedAt" | "order">, fact: WalkthroughFact, covered: boolean): boolean {
  if (w.endedAt !== undefined || (fact.happenedAt !== undefined && fact.happenedAt < w.startedAt)) return false;
  return covered || w.order.includes(fact.participantId);
}

/**
 * Records a fact in a running walkthrough, once: every list is a set, so a review clicked twice, by
 * two organisations or retried after a lost answer counts the participant once, and an action once
 * by its id. Returns the same object when nothing changes (already counted, or ended meanwhile).
 */
export function recordOnWalkthrough(w: Walkthrough, fact: WalkthroughFact): Walkthrough {
  if (w.endedAt) return w;
  switch (fact.type) {
    case "reviewed":
    case "removed":
      if (w[fact.type].includes(fact.participantId)) return w;
      return { ...w, [fact.type]: [...w[fact.type], fact.participantId] };
    case "added": {
      if (w.added.includes(fact.participantId)) return w;
      // Someone put on the board during the meeting joins the end of the walkthrough.
      const order = w.order.includes(fact.participantId) ? w.order : [...w.order, fact.participantId];
      return { ...w, order, added: [...w.added, fact.participantId] };
    }
    case "raised":
      // Raised for today during the meeting (Ta upp idag): taken at the end, counted in nothing.
      return w.order.includes(fact.participantId) ? w : { ...w, order: [...w.order, fact.participantId] };
    case "actionAgreed":
      if (w.agreedActionIds.includes(fact.actionId)) return w;
      return { ...w, agreedActionIds: [...w.agreedActionIds, fact.actionId] };
  }
}

/**
 * The timers paused while nobody presented: the participant on screen is given the time until the
 * presenter's stage last beat, and the clock starts again at the take-over.
 */
function resumedAfterLeaving(w: Walkthrough, presenterLeftAt: Instant | undefined, now: Instant): Walkthrough {
  if (!presenterLeftAt || presenterLeftAt <= w.currentSince || presenterLeftAt >= now) return w;
  return { ...settleTime(w, presenterLeftAt), currentSince: now };
}

/** Adds participants put on the board since the walkthrough started (anywhere; the caller passes those the meeting covers) to its end. */
export function withNewEntries(w: Walkthrough, boardOrder: readonly ParticipantId[]): Walkthrough {
  const extra = boardOrder.filter((id) => !w.order.includes(id));
  return extra.length ? { ...w, order: [...w.order, ...extra] } : w;
}

export function durationSeconds(w: Pick<Walkthrough, "startedAt" | "endedAt">, now: Instant): number {
  return seconds(w.startedAt, w.endedAt ?? now);
}

/** A presenting stage beats every few seconds; missing this long means it closed or lost its connection. */
export const PRESENTER_GONE_AFTER_MS = 8_000;

/**
 * Whether the presenter is still there, from their stage's last heartbeat. A presenter whose stage
 * never beat (driving from a side panel, or a stage not opened yet) is not reported gone: only a
 * heartbeat that stopped is.
 */
export function isPresenterPresent(
  w: Pick<Walkthrough, "meetingId" | "presenterId" | "endedAt">,
  heartbeat: { meetingId: string; memberId: MemberId; seenAt: Instant } | undefined,
  now: Instant,
): boolean {
  if (w.endedAt || !heartbeat || heartbeat.meetingId !== w.meetingId || heartbeat.memberId !== w.presenterId) return true;
  return Date.parse(now) - Date.parse(heartbeat.seenAt) < PRESENTER_GONE_AFTER_MS;
}
