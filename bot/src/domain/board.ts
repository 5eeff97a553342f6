import type { BoardReason, Priority, TakeOffOutcome } from "@fact-board/contract";
import { assertMayChange } from "./authorship";
import { AlreadyExists, Invalid } from "./errors";
import type {
  BoardAction,
  BoardEntry,
  CalendarDate,
  ClosedBoardEntry,
  Instant,
  Member,
  OrganisationId,
  OrganisationReview,
  Participant,
  ExternalOwner,
} from "./types";

// Putting on and taking off the board. A participant is on the board while a current entry exists;
// taking off closes the entry into history with its outcome, so the past is never overwritten.
// Every change checks authorship (authorship.ts): nobody's words are written under another's name.

export const DEFAULT_EVALUATION_DAYS = 7;

export interface PutOnBoard {
  entryId: string;
  reason: BoardReason;
  reasonNote?: string;
  priority: Priority;
  nextEvaluationOn: CalendarDate;
}

export function putOnBoard(
  participant: Participant,
  current: BoardEntry | undefined,
  by: Member,
  input: PutOnBoard,
  today: CalendarDate,
  now: Instant,
): { participant: Participant; entry: BoardEntry } {
  if (current || participant.onBoard) throw new AlreadyExists("The participant's board entry");
  if (participant.leftTeamOn) throw new Invalid("The participant has left the FACT team.");
  if (input.nextEvaluationOn < today) throw new Invalid("The next evaluation cannot be in the past.");
  const entry: BoardEntry = {
    id: input.entryId,
    boardId: participant.boardId,
    participantId: participant.id,
    writtenBy: by.organisationId,
    reason: input.reason,
    ...(input.reasonNote ? { reasonNote: input.reasonNote } : {}),
    priority: input.priority,
    putOnOn: today,
    putOnBy: by.id,
    nextEvaluationOn: input.nextEvaluationOn,
    actions: [],
    reviews: [],
    updatedAt: now,
    updatedBy: by.id,
  };
  return { participant: { ...participant, onBoard: true }, entry };
}

export interface EntryEdit {
  reason?: BoardReason;
  reasonNote?: string | null;
  priority?: Priority;
  nextEvaluationOn?: CalendarDate;
}

/** Whether an edit changes the entry's reason or reason note (the putting-on organisation's alone). */
export const editsReason = (edit: EntryEdit): boolean => edit.reason !== undefined || edit.reasonNote !== undefined;
/** Whether an edit changes priority or next evaluation (which the board's lead organisation may also change, as its own item). */
export const editsSteering = (edit: EntryEdit): boolean => edit.priority !== undefined || edit.nextEvaluationOn !== undefined;

/**
 * `lead`: the board's lead organisation (huvudman). It may change priority and next evaluation of
 * any entry; each field then carries it as writer, so it is shown under the lead's consent, while
 * the reason and its note stay the putting-on organisation's. The writer changing a field back
 * makes it the writer's again.
 */
export function editEntry(
  entry: BoardEntry,
  by: Member,
  edit: EntryEdit,
  today: CalendarDate,
  now: Instant,
  lead?: OrganisationId,
): BoardEntry {
  if (editsReason(edit)) assertMayChange("entry.sharedFields", by.organisationId, entry.writtenBy);
  if (editsSteering(edit)) assertMayChange("entry.steer", by.organisationId, entry.writtenBy, lead);
  if (edit.nextEvaluationOn !== undefined && edit.nextEvaluationOn < today) {
    throw new Invalid("The next evaluation cannot be in the past.");
  }
  const next: BoardEntry = { ...entry, updatedAt: now, updatedBy: by.id };
  const writer = by.organisationId === entry.writtenBy ? undefined : by.organisationId;
  if (edit.reason !== undefined) next.reason = edit.reason;
  if (edit.priority !== undefined) {
    if (edit.priority !== entry.priority) next.prioritySetOn = today;
    next.priority = edit.priority;
    if (writer) next.priorityWrittenBy = writer;
    else delete next.priorityWrittenBy;
  }
  if (edit.nextEvaluationOn !== undefined) {
    next.nextEvaluationOn = edit.nextEvaluationOn;
    if (writer) next.nextEvaluationWrittenBy = writer;
    else delete next.nextEvaluationWrittenBy;
  }
  if (edit.reasonNote === null) delete next.reasonNote;
  else if (edit.reasonNote !== undefined) next.reasonNote = edit.reasonNote;
  return next;
}

/** The organisation whose item the entry's priority is: the lead organisation after it changed it, else the entry's writer. */
export const priorityWriterOf = (e: Pick<BoardEntry, "writtenBy" | "priorityWrittenBy">): OrganisationId =>
  e.priorityWrittenBy ?? e.writtenBy;
export const nextEvaluationWriterOf = (e: Pick<BoardEntry, "writtenBy" | "nextEvaluationWrittenBy">): OrganisationId =>
  e.nextEvaluationWrittenBy ?? e.writtenBy;
/** The organisation whose item a closed entry's outcome (and note) is. */
export const outcomeWriterOf = (e: Pick<ClosedBoardEntry, "writtenBy" | "takenOffByOrganisation">): OrganisationId =>
  e.takenOffByOrganisation ?? e.writtenBy;

export const MAX_ACTIONS_PER_ENTRY = 30;

export function addAction(
  entry: BoardEntry,
  by: Member,
  action: { id: string; what: string; responsibleId: string; byWhen: CalendarDate; external?: ExternalOwner },
  now: Instant,
): BoardEntry {
  if (entry.actions.some((a) => a.id === action.id)) return entry; // a retried request adds nothing twice
  if (entry.actions.length >= MAX_ACTIONS_PER_ENTRY) throw new Invalid("Too many actions on one entry; mark done ones or take some away.");
  const added: BoardAction = { ...action, done: false, writtenBy: by.organisationId, createdBy: by.id, createdAt: now };
  return { ...entry, actions: [...entry.actions, added], updatedAt: now, updatedBy: by.id };
}

export function setActionDone(entry: BoardEntry, by: Member, actionId: string, done: boolean, now: Instant): BoardEntry {
  const action = entry.actions.find((a) => a.id === actionId);
  if (!action) throw new Invalid("No such action on this entry.");
  // "Done" is a fact about the writer's own plan; another organisation's "done" would be its news
  // shown under the writer's consent, so it adds an action of its own instead.
  assertMayChange("action.markDone", by.organisationId, action.writtenBy);
  return {
    ...entry,
    actions: entry.actions.map((a) => (a.id === actionId ? { ...a, done } : a)),
    updatedAt: now,
    updatedBy: by.id,
  };
}

export function removeAction(entry: BoardEntry, by: Member, actionId: string, now: Instant): BoardEntry {
  const action = entry.actions.find((a) => a.id === actionId);
  if (action) assertMayChange("action.markDone", by.organisationId, action.writtenBy);
  return { ...entry, actions: entry.actions.filter((a) => a.id !== actionId), updatedAt: now, updatedBy: by.id };
}

/** The organisation's review of the entry today; reviewing twice on one day is one review per organisation. */
export function markReviewed(entry: BoardEntry, by: Member, today: CalendarDate, now: Instant): BoardEntry {
  if (hasReviewedOn(entry, by.organisationId, today)) return entry;
  const review: OrganisationReview = { organisationId: by.organisationId, on: today, by: by.id };
  const others = entry.reviews.filter((r) => r.organisationId !== by.organisationId);
  return { ...entry, reviews: [...others, review], updatedAt: now, updatedBy: by.id };
}

export function hasReviewedOn(entry: Pick<BoardEntry, "reviews">, organisationId: string, day: CalendarDate): boolean {
  return entry.reviews.some((r) => r.organisationId === organisationId && r.on === day);
}

/** The most recent review among those by organisations `readable` says the viewer may read. */
export function lastReviewReadable(
  entry: Pick<BoardEntry, "reviews">,
  readable: (organisationId: string) => boolean,
): OrganisationReview | undefined {
  return entry.reviews
    .filter((r) => readable(r.organisationId))
    .reduce<OrganisationReview | undefined>((last, r) => (!last || r.on > last.on ? r : last), undefined);
}

export function takeOffBoard(
  participant: Participant,
  entry: BoardEntry,
  by: Member,
  outcome: { outcome: TakeOffOutcome; note?: string },
  today: CalendarDate,
  now: Instant,
  lead?: OrganisationId,
): { participant: Participant; closed: ClosedBoardEntry } {
  // The lead organisation takes any entry off; its outcome and note are then its own item.
  assertMayChange("entry.takeOff", by.organisationId, entry.writtenBy, lead);
  return closeEntry(participant, entry, by, outcome, today, now);
}

/**
 * Leaving the FACT team is the base record's writer's decision (authorship "participant.leave"):
 * it closes the current entry, whoever wrote it, with the fixed outcome "left FACT" and no note, so
 * no words of the leaving organisation land in another's entry.
 */
export function closeOnLeavingTeam(participant: Participant, entry: BoardEntry, by: Member, today: CalendarDate, now: Instant) {
  assertMayChange("participant.leave", by.organisationId, participant.writtenBy);
  return closeEntry(participant, entry, by, { outcome: "leftFact" }, today, now);
}

function closeEntry(
  participant: Participant,
  entry: BoardEntry,
  by: Member,
  outcome: { outcome: TakeOffOutcome; note?: string },
  today: CalendarDate,
  now: Instant,
): { participant: Participant; closed: ClosedBoardEntry } {
  const { etag: _etag, ...rest } = entry;
  const closed: ClosedBoardEntry = {
    ...rest,
    updatedAt: now,
    updatedBy: by.id,
    takenOffOn: today,
    takenOffBy: by.id,
    ...(by.organisationId !== entry.writtenBy ? { takenOffByOrganisation: by.organisationId } : {}),
    outcome: outcome.outcome,
    ...(outcome.note ? { outcomeNote: outcome.note } : {}),
  };
  return { participant: { ...participant, onBoard: false }, closed };
}

export const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** The walkthrough order of the morning check-in: highest priority first, then longest on the board. */
export function checkInOrder<T extends Pick<BoardEntry, "priority" | "putOnOn">>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.putOnOn.localeCompare(b.putOnOn));
}
