import { type CoverSubject, isAbsentOn, standInFor } from "./cover";
import { Invalid } from "./errors";
import { isActive } from "./membership";
import type { Absence, CalendarDate, Instant, Member, MemberId, OrganisationId, ParticipantId } from "./types";
import type { ParticipantVisibility } from "./visibility";

// Contacts per organisation (Kontakter, issue 26 item 3): for each participant, each organisation
// names one contact person — one of its own members of the board, or someone outside the board by
// name and role. The contact is the naming organisation's own item, shown only by its consent.

export type ContactPerson = { kind: "member"; memberId: MemberId } | { kind: "external"; name: string; role: string; phone?: string };

export interface ParticipantContact {
  boardId: string;
  participantId: ParticipantId;
  organisationId: OrganisationId;
  person: ContactPerson;
  writtenBy: MemberId;
  writtenAt: Instant;
}

/** The contacts the viewer's organisation may read, one per organisation, ordered by organisation. */
export function readableContacts<C extends Pick<ParticipantContact, "organisationId">>(
  visibility: Pick<ParticipantVisibility, "readable">,
  contacts: readonly C[],
): C[] {
  return contacts.filter((c) => visibility.readable.has(c.organisationId)).sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/**
 * A member named as contact is an active member of the naming organisation: the organisation
 * answers for its own contact, and a colleague of another organisation is that one's to name.
 */
export function assertContactPerson(person: ContactPerson, organisationId: OrganisationId, member: Member | undefined): void {
  if (person.kind !== "member") return;
  if (!member || !isActive(member)) throw new Invalid("Not a member of this board.", "memberId");
  if (member.organisationId !== organisationId) throw new Invalid("The contact must be a member of your own organisation.", "memberId");
}

/** The organisation's contact, new or changed: always the writer's own organisation's item. */
export function writeContact(
  input: { boardId: string; participantId: ParticipantId; organisationId: OrganisationId; person: ContactPerson; by: MemberId },
  now: Instant,
): ParticipantContact {
  return {
    boardId: input.boardId,
    participantId: input.participantId,
    organisationId: input.organisationId,
    person: input.person,
    writtenBy: input.by,
    writtenAt: now,
  };
}

/** Whether two contact persons are the same (a retried first write is answered, not refused). */
export function samePerson(a: ContactPerson, b: ContactPerson): boolean {
  if (a.kind === "member") return b.kind === "member" && a.memberId === b.memberId;
  return b.kind === "external" && a.name === b.name && a.role === b.role && (a.phone ?? "") === (b.phone ?? "");
}

/** A member contact who is away on the day: and who covers this participant for them, if anyone does. */
export interface ContactAway {
  away: true;
  substituteId?: MemberId;
}

/**
 * Whether a member named as contact is away on `date` (a registered absence that was not
 * cancelled), and who to turn to instead: the cover's substitute when the cover hands them this
 * participant (a substitute of another organisation only where the absent member's organisation's
 * consent names theirs, cover.ts standInFor); otherwise nobody is named, only that they are away.
 */
export function contactAway(
  memberId: MemberId,
  absences: readonly Absence[],
  date: CalendarDate,
  subject: CoverSubject,
): ContactAway | undefined {
  if (!isAbsentOn(memberId, absences, date)) return undefined;
  const cover = absences.find((a) => a.memberId === memberId && a.cover.state === "covered" && a.from <= date && date <= a.to)?.cover;
  const standIn = standInFor(memberId, absences, date, subject);
  return cover?.coveredBy !== undefined && standIn === cover.coveredBy ? { away: true, substituteId: standIn } : { away: true };
}
