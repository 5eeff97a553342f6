import { odata } from "@azure/data-tables";
import type { SinceLastNote } from "../domain/since-last";
import type { BoardId, CalendarDate, OrganisationId, ParticipantId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, dateKey } from "./entity-support";
import { sinceLastKeys, sinceLastMapping } from "./since-last-entity";
import type { Tables } from "./table-clients";

export interface SinceLastRepository {
  get(
    boardId: BoardId,
    on: CalendarDate,
    participantId: ParticipantId,
    organisationId: OrganisationId,
  ): Promise<Stored<SinceLastNote> | undefined>;
  /** The day's first note of an organisation: AlreadyExists when it has one (then it is edited under its ETag). */
  create(note: SinceLastNote): Promise<Stored<SinceLastNote>>;
  /** A guarded Replace: Conflict when someone changed it since it was read. */
  save(note: SinceLastNote, options: { expectedEtag: string }): Promise<Stored<SinceLastNote>>;
  /** The board's notes dated `from` or later (the stage's "since the last meeting"). */
  listFrom(boardId: BoardId, from: CalendarDate): Promise<Array<Stored<SinceLastNote>>>;
  /** Every note on one participant (the drawer's history). */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<SinceLastNote>>>;
  /** Erasure after the retention period: the notes are free text about the participant. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function sinceLastRepository(tables: Tables): SinceLastRepository {
  const store = new EntityStore(tables.sinceLastNotes, sinceLastMapping);
  const listForParticipant = (boardId: BoardId, participantId: ParticipantId) =>
    store.list(odata`PartitionKey eq ${boardPartition(boardId)} and participantId eq ${participantId}`);
  return {
    get: (boardId, on, participantId, organisationId) => {
      const k = sinceLastKeys(boardId, on, participantId, organisationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: (note) => store.create(note),
    save: (note, { expectedEtag }) => store.update(note, "Replace", expectedEtag),
    listFrom: (boardId, from) => store.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${dateKey(from, "From")}`),
    listForParticipant,
    async deleteForParticipant(boardId, participantId) {
      for (const n of await listForParticipant(boardId, participantId)) {
        const k = sinceLastKeys(n.boardId, n.on, n.participantId, n.organisationId);
        await store.delete(k.partitionKey, k.rowKey, n.etag);
      }
    },
  };
}
