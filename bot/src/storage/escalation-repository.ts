import { odata } from "@azure/data-tables";
import type { BoardId, Escalation, ParticipantId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { escalationKeys, escalationMapping } from "./escalation-entity";
import type { Tables } from "./table-clients";

export interface EscalationRepository {
  /** Escalations still waiting for an answer or a resolution (open or acknowledged). */
  listOpen(boardId: BoardId): Promise<Array<Stored<Escalation>>>;
  /** All escalations about one participant, in any state. */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<Escalation>>>;
  /** Every escalation of the board, in any state (fidelity and statistics: one partition query). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Escalation>>>;
  get(boardId: BoardId, escalationId: string): Promise<Stored<Escalation> | undefined>;
  /** Idempotent for identical content; otherwise AlreadyExists. */
  create(escalation: Escalation): Promise<Stored<Escalation>>;
  /** Replaces the escalation (a state transition, a reminder count); a stale ETag is a Conflict. */
  update(escalation: Escalation, options: { expectedEtag: string }): Promise<Stored<Escalation>>;
}

export function escalationRepository(tables: Tables): EscalationRepository {
  const store = new EntityStore(tables.escalations, escalationMapping);
  const open: Escalation["state"] = "open";
  const acknowledged: Escalation["state"] = "acknowledged";
  return {
    listOpen: async (boardId) =>
      store.list(odata`PartitionKey eq ${boardPartition(boardId)} and (state eq ${open} or state eq ${acknowledged})`),
    listForParticipant: async (boardId, participantId) =>
      store.list(odata`PartitionKey eq ${boardPartition(boardId)} and participantId eq ${participantId}`),
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get: async (boardId, escalationId) => {
      const k = escalationKeys(boardId, escalationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: async (escalation) => store.create(escalation),
    update: async (escalation, { expectedEtag }) => store.update(escalation, "Replace", expectedEtag),
  };
}
