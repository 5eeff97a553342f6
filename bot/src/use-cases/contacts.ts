import type { ContactView, ContactsResponse, SetContactBody } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import {
  type ContactPerson,
  type ParticipantContact,
  assertContactPerson,
  readableContacts,
  samePerson,
  writeContact,
} from "../domain/contacts";
import { AlreadyExists, Conflict, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { mayWriteContact } from "../domain/viewer-rights";
import type { Actor, BoardId, Member, OrganisationId, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { nowOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";

// Kontakter: each organisation's contact person for a participant, its own item, shown by its
// consent. A member contact carries the member's name, work phone and the object id a Teams chat
// link names, read from the member record at each request (a changed phone shows at once).

type StoredContact = ParticipantContact & { etag?: string };

function toContactView(c: StoredContact, viewer: OrganisationId, members: ReadonlyMap<string, Member>): ContactView | undefined {
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
  const m = members.get(c.person.memberId);
  // A member who left names nobody any more: the organisation names someone else.
  if (!m || m.leftAt) return undefined;
  return {
    ...base,
    kind: "member",
    name: m.displayName,
    memberId: m.id,
    teamsUser: m.objectId,
    ...(m.workPhone ? { phone: m.workPhone } : {}),
  };
}

async function membersOf(deps: UseCaseDeps, boardId: BoardId, contacts: readonly StoredContact[]): Promise<Map<string, Member>> {
  const ids = [...new Set(contacts.flatMap((c) => (c.person.kind === "member" ? [c.person.memberId] : [])))];
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
  const readable = readableContacts(ctx.visibility, stored);
  const members = await membersOf(deps, boardId, readable);
  await recordAccess(deps, actor, "viewedDetails", [ctx.participant]);
  return {
    participantId,
    contacts: readable.flatMap((c) => toContactView(c, ctx.visibility.viewer, members) ?? []),
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
  const members = new Map(named ? [[named.id, named]] : []);
  const own = async (c: StoredContact) =>
    toContactView(c, org, c.person.kind === "member" ? await membersOf(deps, boardId, [c]) : members)!;
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
  return toContactView(saved, org, members)!;
}
