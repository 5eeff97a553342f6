import { type WorkingCalendar, SWEDISH_WORKING_HOURS, addWorkingHours } from "./working-hours";
import { Forbidden, Invalid, InvalidTransition } from "./errors";
import type { CoverState } from "@fact-board/contract";
import type { Absence, CalendarDate, Cover, Instant, Member, MemberId } from "./types";

// Absence cover (frånvaro och ersättare): substitutes from the absent member's own organisation
// are asked in order; the first to accept covers those days. Only the same organisation may cover,
// because consent is given per organisation. The one place a cover's state changes is transitionCover.
//   requesting --accept (by the asked substitute)--> covered
//   requesting --decline | timeout--> requesting (next available substitute) | uncovered (nobody left)
//   requesting | covered | uncovered --cancel--> cancelled
//   uncovered --managerAlerted--> uncovered (alert recorded)

export const COVER_ANSWER_HOURS = 2;

export type CoverEvent =
  | { type: "accept"; by: MemberId; at: Instant }
  | { type: "decline"; by: MemberId; at: Instant }
  | { type: "timeout"; at: Instant }
  | { type: "cancel"; at: Instant }
  | { type: "managerAlerted"; at: Instant };

const allowed: Record<CoverState, ReadonlyArray<CoverEvent["type"]>> = {
  requesting: ["accept", "decline", "timeout", "cancel"],
  covered: ["cancel"],
  uncovered: ["cancel", "managerAlerted"],
  cancelled: [],
};

export function canApplyCoverEvent(state: CoverState, event: CoverEvent["type"]): boolean {
  return allowed[state].includes(event);
}

export function datesOverlap(a: { from: CalendarDate; to: CalendarDate }, b: { from: CalendarDate; to: CalendarDate }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Members absent at any time during [from, to], from absences that are still live. */
export function absentDuring(absences: readonly Absence[], period: { from: CalendarDate; to: CalendarDate }): Set<MemberId> {
  return new Set(absences.filter((a) => a.cover.state !== "cancelled" && datesOverlap(a, period)).map((a) => a.memberId));
}

function askFrom(cover: Cover, startIndex: number, unavailable: ReadonlySet<MemberId>, at: Instant, cal: WorkingCalendar): Cover {
  let i = startIndex;
  while (i < cover.candidateIds.length && unavailable.has(cover.candidateIds[i]!)) i++;
  if (i >= cover.candidateIds.length) {
    const { askedAt: _a, answerBy: _b, ...rest } = cover;
    return { ...rest, state: "uncovered", askedIndex: cover.candidateIds.length };
  }
  return {
    ...cover,
    state: "requesting",
    askedIndex: i,
    askedAt: at,
    // Working hours: a request at 16:30 on Friday waits until Monday 09:30, nobody is asked at night.
    answerBy: addWorkingHours(new Date(at), COVER_ANSWER_HOURS, cal).toISOString(),
  };
}

/** The substitute being asked now, if any. */
export function askedSubstitute(cover: Cover): MemberId | undefined {
  return cover.state === "requesting" ? cover.candidateIds[cover.askedIndex] : undefined;
}

export interface RegisterAbsence {
  id: string;
  member: Member;
  from: CalendarDate;
  to: CalendarDate;
  reason: Absence["reason"];
  registeredBy: Member;
}

/**
 * A new absence and its first cover request. Overlapping absences of the same member are refused
 * (change the existing one instead); substitutes who are themselves absent then are skipped.
 */
export function registerAbsence(
  input: RegisterAbsence,
  members: readonly Member[],
  absences: readonly Absence[],
  today: CalendarDate,
  now: Instant,
  cal: WorkingCalendar = SWEDISH_WORKING_HOURS,
): Absence {
  if (input.to < input.from) throw new Invalid("The absence ends before it starts.");
  if (input.to < today) throw new Invalid("The absence is already over.");
  const own = absences.filter((a) => a.memberId === input.member.id && a.cover.state !== "cancelled");
  if (own.some((a) => datesOverlap(a, input))) throw new Invalid("An absence is already registered for some of these days.");
  const sameOrganisation = new Set(members.filter((m) => m.organisationId === input.member.organisationId).map((m) => m.id));
  const candidateIds = input.member.substituteIds.filter((id) => id !== input.member.id && sameOrganisation.has(id));
  const cover: Cover = { state: "requesting", candidateIds, askedIndex: 0, declinedBy: [], managerAlerted: false };
  return {
    id: input.id,
    boardId: input.member.boardId,
    memberId: input.member.id,
    organisationId: input.member.organisationId,
    from: input.from,
    to: input.to,
    reason: input.reason,
    registeredBy: input.registeredBy.id,
    registeredAt: now,
    cover: askFrom(cover, 0, absentDuring(absences, input), now, cal),
  };
}

/** `unavailable`: members absent during this absence (recomputed by the caller when moving on). */
export function transitionCover(
  absence: Absence,
  event: CoverEvent,
  unavailable: ReadonlySet<MemberId>,
  cal: WorkingCalendar = SWEDISH_WORKING_HOURS,
): Absence {
  const cover = absence.cover;
  if (!canApplyCoverEvent(cover.state, event.type)) throw new InvalidTransition("cover request", cover.state, event.type);
  switch (event.type) {
    case "accept": {
      if (askedSubstitute(cover) !== event.by) throw new Forbidden("Only the substitute being asked can accept this cover.");
      const { answerBy: _answerBy, ...rest } = cover;
      return { ...absence, cover: { ...rest, state: "covered", coveredBy: event.by } };
    }
    case "decline": {
      if (askedSubstitute(cover) !== event.by) throw new Forbidden("Only the substitute being asked can decline this cover.");
      const declined = { ...cover, declinedBy: [...cover.declinedBy, event.by] };
      return { ...absence, cover: askFrom(declined, cover.askedIndex + 1, unavailable, event.at, cal) };
    }
    case "timeout":
      return { ...absence, cover: askFrom(cover, cover.askedIndex + 1, unavailable, event.at, cal) };
    case "cancel":
      return { ...absence, cover: { ...cover, state: "cancelled" } };
    case "managerAlerted":
      return { ...absence, cover: { ...cover, managerAlerted: true } };
  }
}

/** Who stands in for `memberId` on `date`: the covering substitute, or the member themself. */
export function standInFor(memberId: MemberId, absences: readonly Absence[], date: CalendarDate): MemberId {
  const covered = absences.find((a) => a.memberId === memberId && a.cover.state === "covered" && a.from <= date && date <= a.to);
  return covered?.cover.coveredBy ?? memberId;
}

export function isAbsentOn(memberId: MemberId, absences: readonly Absence[], date: CalendarDate): boolean {
  return absences.some((a) => a.memberId === memberId && a.cover.state !== "cancelled" && a.from <= date && date <= a.to);
}
