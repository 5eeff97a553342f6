import { z } from "zod";
import type { ParticipantContact } from "../domain/contacts";
import type { BoardId, OrganisationId, ParticipantId } from "../domain/types";
import { type Mapping, boardPartition, entity, keyPart, parseStored, storedInstant } from "./entity-support";

// Contacts per organisation (Kontakter): PartitionKey boardId, RowKey `${participantId}_${organisationId}`:
// the key is the rule "one contact per organisation and participant" (a second create is a 409,
// a change goes under the contact's ETag), and a RowKey range reads one participant's contacts.

export const contactKeys = (boardId: BoardId, participantId: ParticipantId, organisationId: OrganisationId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${participantPrefix(participantId)}${keyPart(organisationId, "Organisation id")}`,
});

/** Every RowKey of one participant's contacts starts with this. */
export const participantPrefix = (participantId: ParticipantId): string =>
  `${keyPart(participantId, "Participant id", { composite: true })}_`;

const ContactEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  participantId: z.string(),
  organisationId: z.string(),
  kind: z.enum(["member", "external"]),
  memberId: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  phone: z.string().optional(),
  writtenBy: z.string(),
  writtenAt: storedInstant,
});

export const contactMapping: Mapping<ParticipantContact> = {
  table: "Contacts",
  what: "Contact",
  toEntity: (c) =>
    entity(contactKeys(c.boardId, c.participantId, c.organisationId), {
      participantId: c.participantId,
      organisationId: c.organisationId,
      kind: c.person.kind,
      ...(c.person.kind === "member"
        ? { memberId: c.person.memberId }
        : { name: c.person.name, role: c.person.role, phone: c.person.phone }),
      writtenBy: c.writtenBy,
      writtenAt: c.writtenAt,
    }),
  fromEntity: (raw) => {
    const e = parseStored(ContactEntity, "Contacts", raw);
    const person: ParticipantContact["person"] =
      e.kind === "member"
        ? { kind: "member", memberId: e.memberId ?? "" }
        : { kind: "external", name: e.name ?? "", role: e.role ?? "", ...(e.phone ? { phone: e.phone } : {}) };
    return {
      boardId: e.partitionKey,
      participantId: e.participantId,
      organisationId: e.organisationId,
      person,
      writtenBy: e.writtenBy,
      writtenAt: e.writtenAt,
      etag: e.etag,
    };
  },
};
