import type { ContactView, ContactsResponse, SetContactBody } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import {
  type ContactPerson,
  type ParticipantContact,
  assertContactPerson,
  contactAway,
  readableContacts,
  samePerson,
  writeContact,
} from "../domain/contacts";
import { AlreadyExists, Conflict, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { mayWriteContact } from "../domain/viewer-rights";
import type { Absence, Actor, BoardId, CalendarDate, Consent, Member, OrganisationId, ParticipantId } from "../domain/types";
import type { ParticipantVisibility } from "../domain/visibility";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";

// Kontakter: each organisation's contact person for a participant, its own item, shown by its
// consent. A member contact carries the member's name, work phone and the user principal name a
// Teams chat link names, read from the member record at each request (a changed phone shows at
// once); a member away today is shown away, with the substitute who covers this participant.

type StoredContact = ParticipantContact & { etag?: string };

/** What a contact view is built from besides the contacts: the board's people and today's absences. */
export interface ContactSources {
  members: ReadonlyMap<string, Member>;
  absences: readonly Absence[];
  consents: readonly Consent[];
  today: CalendarDate;
}

const chatUserOf = (m: Member) => (m.upn ? { chatUser: m.upn } : {});

function toContactView(c: StoredContact, viewer: OrganisationId, sources: ContactSources): ContactView | undefined {
  const base = {
    organisationId: c.organisationId,
    writtenBy: c.writtenBy,
    writtenAt: c.writtenAt,
    ...(c.organisationId === viewer && c.etag ? { etag: c.etag } : {}),
  };
  if (c.person.kind === "external")
    return {
      ...base,
      kind: "external",
      name: c.person.name,
      role: c.person.role,
      ...(c.person.phone ? { phone: c.person.phone } : {}),
    };
  const m = sources.members.get(c.person.memberId);
  // A member who left names nobody any more: the organisation names someone else.
  if (!m || m.leftAt) return undefined;
  const away = contactAway(m.id, sources.absences, sources.today, { participantId: c.participantId, consents: sources.consents });
  const substitute = away?.substituteId === undefined ? undefined : sources.members.get(away.substituteId);
  return {
    ...base,
    kind: "member",
    name: m.displayName,
    memberId: m.id,
    ...chatUserOf(m),
    ...(m.workPhone ? { phone: m.workPhone } : {}),
    ...(away ? { away: true } : {}),
    ...(substitute && !substitute.leftAt
      ? {
          substitute: {
            memberId: substitute.id,
            name: substitute.displayName,
            ...(substitute.workPhone ? { phone: substitute.workPhone } : {}),
            ...chatUserOf(substitute),
          },
        }
      : {}),
  };
}

/**
 * One participant's contacts as the viewer's organisation may read them (by its visibility), from
 * the stored contacts of the participant or of the whole board: the contacts view and the
 * walkthrough's current participant are built by this one function.
 */
export function visibleContacts(
  visibility: Pick<ParticipantVisibility, "readable" | "viewer" | "participant">,
  contacts: readonly StoredContact[],
  sources: ContactSources,
): ContactView[] {
  const own = contacts.filter((c) => c.participantId === visibility.participant.id);
  return readableContacts(visibility, own).flatMap((c) => toContactView(c, visibility.viewer, sources) ?? []);
}

/** The members a set of contacts names: each member contact, and the substitute covering an absent one. */
function memberIdsOf(contacts: readonly StoredContact[], absences: readonly Absence[], consents: readonly Consent[], today: CalendarDate) {
  const ids = contacts.flatMap((c) => {
    if (c.person.kind !== "member") return [];
    const away = contactAway(c.person.memberId, absences, today, { participantId: c.participantId, consents });
    return away?.substituteId ? [c.person.memberId, away.substituteId] : [c.person.memberId];
  });
  return [...new Set(ids)];
}

async function membersOf(deps: UseCaseDeps, boardId: BoardId, ids: readonly string[]): Promise<Map<string, Member>> {
  const found = await Promise.all(ids.map((id) => deps.storage.members.get(boardId, id)));
  return new Map(found.flatMap((m) => (m ? [[m.id, m] as const] : [])));
}

/** The contacts of one participant the viewer's organisation may read (one access record). */
export async function readContacts(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ContactsResponse> {
  assertAllowed(actor.member, "board.read");
  const [ctx, stored] = await Promise.all([
    loadVisibleParticipant(deps, actor, boardId, participantId),
    deps.storage.contacts.listForParticipant(boardId, participantId),
  ]);
  const today = todayOf(deps);
  const readable = readableContacts(ctx.visibility, stored);
  const members = await membersOf(deps, boardId, memberIdsOf(readable, ctx.absences, ctx.consents, today));
  await recordAccess(deps, actor, "viewedDetails", [ctx.participant]);
  return {
    participantId,
    contacts: visibleContacts(ctx.visibility, readable, { members, absences: ctx.absences, consents: ctx.consents, today }),
    mayWrite: mayWriteContact(actor.member, ctx.relation),
  };
}

const personOf = (body: SetContactBody): ContactPerson =>
  body.kind === "member"
    ? { kind: "member", memberId: body.memberId }
    : { kind: "external", name: body.name, role: body.role, ...(body.phone ? { phone: body.phone } : {}) };

/** The own organisation's contact: a first write, or a change under the ETag of the contact the person saw. */
export async function setContact(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: SetContactBody,
): Promise<ContactView> {
  const org = actor.member.organisationId;
  const person = personOf(body);
  const [ctx, existing, named] = await Promise.all([
    loadVisibleParticipant(deps, actor, boardId, participantId),
    deps.storage.contacts.get(boardId, participantId, org),
    person.kind === "member" ? deps.storage.members.get(boardId, person.memberId) : Promise.resolve(undefined),
  ]);
  assertAllowed(actor.member, "contact.write", ctx.relation);
  // Always the actor's own item: the key carries their organisation, so no one else's contact is touched.
  assertMayChange("contact.write", org, org);
  assertContactPerson(person, org, named);
  const today = todayOf(deps);
  const sourcesFor = async (c: StoredContact): Promise<ContactSources> => ({
    members: await membersOf(deps, boardId, memberIdsOf([c], ctx.absences, ctx.consents, today)),
    absences: ctx.absences,
    consents: ctx.consents,
    today,
  });
  const own = async (c: StoredContact) => toContactView(c, org, await sourcesFor(c))!;
  if (existing && body.etag === undefined) {
    // The same person again is a retried first write; someone else without the ETag would overwrite unseen.
    if (samePerson(existing.person, person) && existing.writtenBy === actor.member.id) return own(existing);
    throw new Conflict("The organisation's contact", await own(existing));
  }
  if (existing && existing.etag !== body.etag) throw new Conflict("The organisation's contact", await own(existing));
  if (!existing && body.etag !== undefined) throw new NotFound("The organisation's contact");
  const contact = writeContact({ boardId, participantId, organisationId: org, person, by: actor.member.id }, nowOf(deps));
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  let saved: StoredContact;
  try {
    saved = existing
      ? await deps.storage.contacts.save(contact, { expectedEtag: body.etag! })
      : await deps.storage.contacts.create(contact);
  } catch (e) {
    if (e instanceof Conflict || e instanceof AlreadyExists) {
      const current = await deps.storage.contacts.get(boardId, participantId, org);
      throw new Conflict("The organisation's contact", current && (await own(current)));
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  return own(saved);
}
