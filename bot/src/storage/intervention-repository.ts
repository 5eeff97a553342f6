import { odata } from "@azure/data-tables";
import type { Intervention } from "../domain/interventions";
import type { BoardId, ParticipantId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { interventionKeys, interventionMapping } from "./intervention-entity";
import type { Tables } from "./table-clients";

export interface InterventionRepository {
  get(boardId: BoardId, participantId: ParticipantId, id: string): Promise<Stored<Intervention> | undefined>;
  /** A retried create with the same content finds the stored one; different content is AlreadyExists. */
  create(intervention: Intervention): Promise<Stored<Intervention>>;
  /** A guarded Replace: Conflict when someone changed it since it was read. */
  save(intervention: Intervention, options: { expectedEtag: string }): Promise<Stored<Intervention>>;
  /** The board's ongoing interventions (the board, the stage). */
  listOngoing(boardId: BoardId): Promise<Array<Stored<Intervention>>>;
  /** Every intervention on the board, ended ones too (de-identified statistics). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Intervention>>>;
  /** One participant's, ongoing and ended (the drawer's history). */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<Intervention>>>;
  /** Erasure after the retention period. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function interventionRepository(tables: Tables): InterventionRepository {
  const store = new EntityStore(tables.interventions, interventionMapping);
  const listForParticipant = (boardId: BoardId, participantId: ParticipantId) =>
    store.list(odata`PartitionKey eq ${boardPartition(boardId)} and participantId eq ${participantId}`);
  return {
    get: (boardId, participantId, id) => {
      const k = interventionKeys(boardId, participantId, id);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: (i) => store.create(i),
    save: (i, { expectedEtag }) => store.update(i, "Replace", expectedEtag),
    listOngoing: (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)} and ended eq false`),
    listForBoard: (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    listForParticipant,
    async deleteForParticipant(boardId, participantId) {
      for (const i of await listForParticipant(boardId, participantId)) {
        const k = interventionKeys(i.boardId, i.participantId, i.id);
        await store.delete(k.partitionKey, k.rowKey, i.etag);
      }
    },
  };
}
