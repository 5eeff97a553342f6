import { odata } from "@azure/data-tables";
import type { BoardId, Signal, ParticipantId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { signalKeys, signalMapping } from "./signal-entity";
import type { Tables } from "./table-clients";

export interface SignalRepository {
  /** Signals still waiting for an answer or a resolution (open or acknowledged). */
  listOpen(boardId: BoardId): Promise<Array<Stored<Signal>>>;
  /** All signals about one participant, in any state. */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<Signal>>>;
  /** Every signal of the board, in any state (fidelity and statistics: one partition query). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Signal>>>;
  get(boardId: BoardId, signalId: string): Promise<Stored<Signal> | undefined>;
  /** Idempotent for identical content; otherwise AlreadyExists. */
  create(signal: Signal): Promise<Stored<Signal>>;
  /** Replaces the signal (a state transition, a reminder count); a stale ETag is a Conflict. */
  update(signal: Signal, options: { expectedEtag: string }): Promise<Stored<Signal>>;
}

export function signalRepository(tables: Tables): SignalRepository {
  const store = new EntityStore(tables.signals, signalMapping);
  const open: Signal["state"] = "open";
  const acknowledged: Signal["state"] = "acknowledged";
  return {
    listOpen: async (boardId) =>
      store.list(odata`PartitionKey eq ${boardPartition(boardId)} and (state eq ${open} or state eq ${acknowledged})`),
    listForParticipant: async (boardId, participantId) =>
      store.list(odata`PartitionKey eq ${boardPartition(boardId)} and participantId eq ${participantId}`),
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get: async (boardId, signalId) => {
      const k = signalKeys(boardId, signalId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: async (signal) => store.create(signal),
    update: async (signal, { expectedEtag }) => store.update(signal, "Replace", expectedEtag),
  };
}
