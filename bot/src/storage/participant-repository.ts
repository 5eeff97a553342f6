import { odata } from "@azure/data-tables";
import { NotFound } from "../domain/errors";
import type { BoardId, Instant, Participant, ParticipantId } from "../domain/types";
import { EntityStore, type Page } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { erasedParticipant, participantKeys, participantMapping } from "./participant-entity";
import type { Tables } from "./table-clients";

export interface ParticipantRepository {
  /** The whole caseload of a board (follows continuation tokens). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Participant>>>;
  /** One page of the caseload, for an API that pages. */
  listPage(boardId: BoardId, options?: { cursor?: string; pageSize?: number }): Promise<Page<Stored<Participant>>>;
  get(boardId: BoardId, participantId: ParticipantId): Promise<Stored<Participant> | undefined>;
  /** Idempotent for identical content; otherwise AlreadyExists. */
  create(participant: Participant): Promise<Stored<Participant>>;
  /**
   * An import's new participants: creates in transactions of 100 under deterministic ids. Never
   * overwrites: a row that exists meanwhile fails its batch (AlreadyExists); the import decides
   * beforehand which lines create, and a retry after a failure midway finds the rows written.
   */
  createMany(participants: Participant[]): Promise<void>;
  /** Replaces the participant; a stale ETag is a Conflict. */
  update(participant: Participant, options: { expectedEtag: string }): Promise<Stored<Participant>>;
  /** Replaces the record with what remains after erasure (see erasedParticipant). */
  erase(boardId: BoardId, participantId: ParticipantId, options: { expectedEtag: string; erasedAt: Instant }): Promise<Stored<Participant>>;
  /** Removes the row entirely (a participant registered by mistake). */
  delete(boardId: BoardId, participantId: ParticipantId, options: { expectedEtag: string }): Promise<void>;
  /** Participants who left the team and are not erased yet: the retention job's work list. */
  listLeftTeam(boardId: BoardId): Promise<Array<Stored<Participant>>>;
}

export function participantRepository(tables: Tables): ParticipantRepository {
  const store = new EntityStore(tables.participants, participantMapping);
  const get = (boardId: BoardId, participantId: ParticipantId) => {
    const k = participantKeys(boardId, participantId);
    return store.get(k.partitionKey, k.rowKey);
  };
  return {
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    listPage: async (boardId, options) => store.page(odata`PartitionKey eq ${boardPartition(boardId)}`, options),
    get,
    create: async (participant) => store.create(participant),
    createMany: async (participants) => store.createMany(participants),
    update: async (participant, { expectedEtag }) => store.update(participant, "Replace", expectedEtag),
    async erase(boardId, participantId, { expectedEtag, erasedAt }) {
      const current = await get(boardId, participantId);
      if (!current) throw new NotFound("Participant");
      // Replace guarded by the caller's ETag: erasure decided on a stale read is refused.
      return store.update(erasedParticipant(current, erasedAt), "Replace", expectedEtag);
    },
    async delete(boardId, participantId, { expectedEtag }) {
      const k = participantKeys(boardId, participantId);
      await store.delete(k.partitionKey, k.rowKey, expectedEtag);
    },
    async listLeftTeam(boardId) {
      // An absent property compares false, so `gt ''` selects the rows where leftTeamOn is set.
      const left = await store.list(odata`PartitionKey eq ${boardPartition(boardId)} and leftTeamOn gt ${""}`);
      return left.filter((p) => p.erasedAt === undefined);
    },
  };
}
