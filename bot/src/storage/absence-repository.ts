import { odata } from "@azure/data-tables";
import type { Absence, BoardId, CalendarDate, MemberId } from "../domain/types";
import { absenceKeys, absenceMapping } from "./absence-entity";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, dateKey } from "./entity-support";
import type { Tables } from "./table-clients";

export interface AbsenceRepository {
  /** Absences that end today or later (current and planned). */
  listCurrent(boardId: BoardId, today: CalendarDate): Promise<Array<Stored<Absence>>>;
  listForMember(boardId: BoardId, memberId: MemberId): Promise<Array<Stored<Absence>>>;
  /** Every absence of the board (statistics: cover requests per month; one partition query). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Absence>>>;
  get(boardId: BoardId, absenceId: string): Promise<Stored<Absence> | undefined>;
  /** Idempotent for identical content; otherwise AlreadyExists. */
  create(absence: Absence): Promise<Stored<Absence>>;
  /** Replaces the absence (dates, cover progress); a stale ETag is a Conflict. */
  update(absence: Absence, options: { expectedEtag: string }): Promise<Stored<Absence>>;
}

export function absenceRepository(tables: Tables): AbsenceRepository {
  const store = new EntityStore(tables.absences, absenceMapping);
  return {
    listCurrent: async (boardId, today) =>
      store.list(odata`PartitionKey eq ${boardPartition(boardId)} and toDate ge ${dateKey(today, "Today")}`),
    listForMember: async (boardId, memberId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)} and memberId eq ${memberId}`),
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get: async (boardId, absenceId) => {
      const k = absenceKeys(boardId, absenceId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: async (absence) => store.create(absence),
    update: async (absence, { expectedEtag }) => store.update(absence, "Replace", expectedEtag),
  };
}
