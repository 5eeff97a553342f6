import { odata } from "@azure/data-tables";
import type { ParticipantContact } from "../domain/contacts";
import type { BoardId, OrganisationId, ParticipantId } from "../domain/types";
import { contactKeys, contactMapping, participantPrefix } from "./contact-entity";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import type { Tables } from "./table-clients";

export interface ContactRepository {
  get(boardId: BoardId, participantId: ParticipantId, organisationId: OrganisationId): Promise<Stored<ParticipantContact> | undefined>;
  /** The organisation's first contact for the participant: AlreadyExists when it has one (then it is changed under its ETag). */
  create(contact: ParticipantContact): Promise<Stored<ParticipantContact>>;
  /** A guarded Replace: Conflict when someone changed it since it was read. */
  save(contact: ParticipantContact, options: { expectedEtag: string }): Promise<Stored<ParticipantContact>>;
  /** The board's contacts, every participant's and organisation's (the walkthrough's data as of a version). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<ParticipantContact>>>;
  /** One participant's contacts, every organisation's (visibility is the domain's to decide). */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<ParticipantContact>>>;
  /** Erasure after the retention period: an external contact's name is about the participant's network. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function contactRepository(tables: Tables): ContactRepository {
  const store = new EntityStore(tables.contacts, contactMapping);
  // async: a key that cannot be a key is a rejected promise, never a throw while a caller builds its Promise.all.
  const listForParticipant = async (boardId: BoardId, participantId: ParticipantId) => {
    const from = participantPrefix(participantId);
    // "`" is the character after "_": the range holds exactly the keys starting with the prefix.
    const to = `${from.slice(0, -1)}\``;
    return store.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${from} and RowKey lt ${to}`);
  };
  return {
    get: (boardId, participantId, organisationId) => {
      const k = contactKeys(boardId, participantId, organisationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: (contact) => store.create(contact),
    save: (contact, { expectedEtag }) => store.update(contact, "Replace", expectedEtag),
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    listForParticipant,
    async deleteForParticipant(boardId, participantId) {
      for (const c of await listForParticipant(boardId, participantId)) {
        const k = contactKeys(c.boardId, c.participantId, c.organisationId);
        await store.delete(k.partitionKey, k.rowKey, c.etag);
      }
    },
  };
}
