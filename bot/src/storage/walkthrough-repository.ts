import { odata } from "@azure/data-tables";
import { addDays } from "../domain/dates";
import type { BoardId, CalendarDate } from "../domain/types";
import type { Walkthrough } from "../domain/walkthrough";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, dateKey } from "./entity-support";
import type { Tables } from "./table-clients";
import { walkthroughKeys, walkthroughMapping } from "./walkthrough-entity";

export interface WalkthroughRepository {
  get(boardId: BoardId, date: CalendarDate, meetingId: string): Promise<Stored<Walkthrough> | undefined>;
  /** The first walkthrough of the day: AlreadyExists when another attendee started it first. */
  create(w: Walkthrough): Promise<Stored<Walkthrough>>;
  /** A guarded Replace: Conflict when someone else changed it since it was read. */
  save(w: Walkthrough, options: { expectedEtag: string }): Promise<Stored<Walkthrough>>;
  /** Every walkthrough of the board on `date` (one per meeting held), in one partition range query. */
  listOn(boardId: BoardId, date: CalendarDate): Promise<Stored<Walkthrough>[]>;
  /** The meeting's newest walkthrough from `from` up to (not including) `before`, for the carry-over. */
  latestBetween(boardId: BoardId, from: CalendarDate, before: CalendarDate, meetingId: string): Promise<Stored<Walkthrough> | undefined>;
}

export function walkthroughRepository(tables: Tables): WalkthroughRepository {
  const store = new EntityStore(tables.walkthroughs, walkthroughMapping);
  return {
    get: async (boardId, date, meetingId) => {
      const k = walkthroughKeys(boardId, date, meetingId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: (w) => store.create(w),
    save: (w, { expectedEtag }) => store.update(w, "Replace", expectedEtag),
    listOn: (boardId, date) =>
      store.list(
        odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${dateKey(date, "Walkthrough date")} and RowKey lt ${addDays(date, 1)}`,
      ),
    latestBetween: async (boardId, from, before, meetingId) => {
      const list = await store.list(
        odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${dateKey(from, "From")} and RowKey lt ${dateKey(before, "Before")}`,
      );
      return list.filter((w) => w.meetingId === meetingId).at(-1);
    },
  };
}
