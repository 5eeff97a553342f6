import { odata } from "@azure/data-tables";
import { addDays } from "../domain/dates";
import { Conflict } from "../domain/errors";
import type { BoardId, CalendarDate, CheckIn } from "../domain/types";
import { checkInKeys, checkInMapping } from "./check-in-entity";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, dateKey } from "./entity-support";
import type { Tables } from "./table-clients";

export interface CheckInRepository {
  get(boardId: BoardId, date: CalendarDate, meetingId: string): Promise<Stored<CheckIn> | undefined>;
  /** Without an ETag: the day's first record (Conflict carrying the stored one if it exists and differs). With one: a guarded Replace. */
  save(checkIn: CheckIn, options?: { expectedEtag?: string }): Promise<Stored<CheckIn>>;
  /** Check-ins (of every meeting) from `from` to `to`, both included, oldest first. */
  listBetween(boardId: BoardId, from: CalendarDate, to: CalendarDate): Promise<Array<Stored<CheckIn>>>;
}

export function checkInRepository(tables: Tables): CheckInRepository {
  const store = new EntityStore(tables.checkIns, checkInMapping);
  return {
    get: async (boardId, date, meetingId) => {
      const k = checkInKeys(boardId, date, meetingId);
      return store.get(k.partitionKey, k.rowKey);
    },
    save: async (checkIn, options = {}) =>
      options.expectedEtag === undefined
        ? store.create(checkIn, (existing) => new Conflict(checkInMapping.what, existing))
        : store.update(checkIn, "Replace", options.expectedEtag),
    listBetween: async (boardId, from, to) =>
      store.list(
        odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${dateKey(from, "From")} and RowKey lt ${dateKey(addDays(to, 1), "To")}`,
      ),
  };
}
