import { type WorkingCalendar, SWEDISH_WORKING_HOURS, addWorkingHours } from "./working-hours";
import { isConsentValidOn } from "./consent";
import { Forbidden, Invalid, InvalidTransition } from "./errors";
import type { CoverState } from "@fact-board/contract";
import type { Absence, CalendarDate, Consent, Cover, Instant, Member, MemberId, OrganisationId, Participant, ParticipantId } from "./types";

// Absence cover (frånvaro och ersättare): the absent member's substitutes are asked in order; the
// first to accept covers those days. A substitute of another organisation (admins pair them, as
// coordinators of two municipal administrations stand in for each other) covers only the
// participants whose consent from the absent member's organisation names the substitute's, checked
// each day; the rest stay with an own-organisation colleague (coverAcross, standInFor). The one
// place a cover's state changes is transitionCover.
//   requesting --accept (by the asked substitute)--> covered
//   requesting --decline | timeout--> requesting (next available substitute) | uncovered (nobody left)
//   requesting | covered | uncovered --cancel--> cancelled
//   uncovered --managerAlerted--> uncovered (alert recorded)

export const COVER_ANSWER_HOURS = 2;

export type CoverEvent =
  /** `across`: the substitute is of another organisation (coverAcross says who keeps the rest). */
  | { type: "accept"; by: MemberId; at: Instant; across?: NonNullable<Cover["across"]> }
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

/** The board's calendar, or each member's own (their working pattern: a time-out counts the asked person's hours). */
export type CalendarOfMember = WorkingCalendar | ((memberId: MemberId) => WorkingCalendar);

function askFrom(cover: Cover, startIndex: number, unavailable: ReadonlySet<MemberId>, at: Instant, calendars: CalendarOfMember): Cover {
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
    answerBy: addWorkingHours(new Date(at), COVER_ANSWER_HOURS, calendarFrom(calendars, cover.candidateIds[i]!)).toISOString(),
  };
}

const calendarFrom = (calendars: CalendarOfMember, id: MemberId): WorkingCalendar =>
  typeof calendars === "function" ? calendars(id) : calendars;

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
  cal: CalendarOfMember = SWEDISH_WORKING_HOURS,
): Absence {
  if (input.to < input.from) throw new Invalid("The absence ends before it starts.");
  if (input.to < today) throw new Invalid("The absence is already over.");
  const own = absences.filter((a) => a.memberId === input.member.id && a.cover.state !== "cancelled");
  if (own.some((a) => datesOverlap(a, input))) throw new Invalid("An absence is already registered for some of these days.");
  // Substitutes of any organisation: an admin paired them (membership.ts), and consent decides per participant what they cover.
  const onBoard = new Set(members.filter((m) => m.leftAt === undefined).map((m) => m.id));
  const candidateIds = input.member.substituteIds.filter((id) => id !== input.member.id && onBoard.has(id));
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
  cal: CalendarOfMember = SWEDISH_WORKING_HOURS,
): Absence {
  const cover = absence.cover;
  if (!canApplyCoverEvent(cover.state, event.type)) throw new InvalidTransition("cover request", cover.state, event.type);
  switch (event.type) {
    case "accept": {
      if (askedSubstitute(cover) !== event.by) throw new Forbidden("Only the substitute being asked can accept this cover.");
      const { answerBy: _answerBy, ...rest } = cover;
      return { ...absence, cover: { ...rest, state: "covered", coveredBy: event.by, ...(event.across ? { across: event.across } : {}) } };
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

/** What a stand-in decision needs about one participant: who they are and their consents (validity checked on the date). */
export interface CoverSubject {
  participantId: ParticipantId;
  consents: readonly Consent[];
}

/**
 * Who stands in for `memberId` on `date`: the covering substitute, or the member themself. A
 * substitute of another organisation stands in only for a participant whose consent from the
 * absent member's organisation names the substitute's organisation that day; for the others (and
 * where no participant is named) the own-organisation colleague the cover left them with.
 */
export function standInFor(memberId: MemberId, absences: readonly Absence[], date: CalendarDate, about?: CoverSubject): MemberId {
  const covered = absences.find((a) => a.memberId === memberId && a.cover.state === "covered" && a.from <= date && date <= a.to);
  if (!covered?.cover.coveredBy) return memberId;
  const across = covered.cover.across;
  if (!across) return covered.cover.coveredBy;
  const consented =
    about !== undefined && consentNames(about.consents, about.participantId, covered.organisationId, across.organisationId, date);
  return consented ? covered.cover.coveredBy : (across.othersTo ?? memberId);
}

/** Whether `discloser`'s consent about the participant, valid on `date`, names `receiver`. */
function consentNames(
  consents: readonly Consent[],
  participantId: ParticipantId,
  discloser: OrganisationId,
  receiver: OrganisationId,
  date: CalendarDate,
): boolean {
  return consents.some(
    (c) =>
      c.participantId === participantId &&
      c.disclosingOrganisationId === discloser &&
      c.receivingOrganisationIds.includes(receiver) &&
      isConsentValidOn(c, date),
  );
}

/**
 * A cross-organisation cover, decided when the substitute accepts: who of the absent member's own
 * organisation keeps the participants the substitute may not cover — the first own-organisation
 * substitute not away then, else a manager of the organisation (none: the absent member stays named).
 */
export function coverAcross(
  absence: Pick<Absence, "memberId" | "organisationId">,
  substitute: Pick<Member, "id" | "organisationId">,
  absent: Pick<Member, "substituteIds"> | undefined,
  members: readonly Member[],
  unavailable: ReadonlySet<MemberId>,
): Cover["across"] {
  if (substitute.organisationId === absence.organisationId) return undefined;
  const byId = new Map(members.map((m) => [m.id, m]));
  const own = (m: Member | undefined): m is Member =>
    !!m && m.organisationId === absence.organisationId && m.leftAt === undefined && m.id !== absence.memberId && !unavailable.has(m.id);
  const keeper = (absent?.substituteIds ?? []).map((id) => byId.get(id)).find(own) ?? members.find((m) => own(m) && m.role === "manager");
  return { organisationId: substitute.organisationId, ...(keeper ? { othersTo: keeper.id } : {}) };
}

/** Which of the absent member's participants a cover hands to the substitute on `date`, and which stay in the own organisation. */
export interface CoverSplit {
  toSubstitute: ParticipantId[];
  toOwnOrganisation: ParticipantId[];
}

export function splitCover(
  absence: Absence,
  participants: ReadonlyArray<Pick<Participant, "id" | "caseManagerId">>,
  consents: readonly Consent[],
  date: CalendarDate,
): CoverSplit {
  const split: CoverSplit = { toSubstitute: [], toOwnOrganisation: [] };
  const coveredBy = absence.cover.state === "covered" ? absence.cover.coveredBy : undefined;
  for (const p of participants) {
    if (p.caseManagerId !== absence.memberId) continue;
    const to = coveredBy && standInFor(absence.memberId, [absence], date, { participantId: p.id, consents });
    (to === coveredBy ? split.toSubstitute : split.toOwnOrganisation).push(p.id);
  }
  return split;
}

export function isAbsentOn(memberId: MemberId, absences: readonly Absence[], date: CalendarDate): boolean {
  return absences.some((a) => a.memberId === memberId && a.cover.state !== "cancelled" && a.from <= date && date <= a.to);
}
