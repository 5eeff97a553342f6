import { odata } from "@azure/data-tables";
import type { RaisedParticipant } from "../domain/raise-today";
import type { BoardId, CalendarDate, OrganisationId, ParticipantId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, dateKey } from "./entity-support";
import { raisedKeys, raisedMapping } from "./raised-entity";
import type { Tables } from "./table-clients";

export interface RaisedRepository {
  get(
    boardId: BoardId,
    on: CalendarDate,
    participantId: ParticipantId,
    organisationId: OrganisationId,
  ): Promise<Stored<RaisedParticipant> | undefined>;
  /** AlreadyExists when the organisation raised the participant that day already. */
  create(raise: RaisedParticipant): Promise<Stored<RaisedParticipant>>;
  /** One day's raises on the board (one RowKey range). */
  listOn(boardId: BoardId, on: CalendarDate): Promise<Array<Stored<RaisedParticipant>>>;
  /** Erasure after the retention period: the reasons are free text about the participant. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function raisedRepository(tables: Tables): RaisedRepository {
  const store = new EntityStore(tables.raisedParticipants, raisedMapping);
  return {
    get: async (boardId, on, participantId, organisationId) => {
      const k = raisedKeys(boardId, on, participantId, organisationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: (raise) => store.create(raise),
    listOn: async (boardId, on) => {
      const day = dateKey(on, "Raise date");
      // "_" < "`": every RowKey of the day sorts between `${day}_` and `${day}\``.
      return store.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${`${day}_`} and RowKey lt ${`${day}\``}`);
    },
    async deleteForParticipant(boardId, participantId) {
      const raises = await store.list(odata`PartitionKey eq ${boardPartition(boardId)} and participantId eq ${participantId}`);
      for (const r of raises) {
        const k = raisedKeys(r.boardId, r.on, r.participantId, r.organisationId);
        await store.delete(k.partitionKey, k.rowKey, r.etag);
      }
    },
  };
}
