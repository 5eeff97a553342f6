import { type TransactionAction, odata } from "@azure/data-tables";
import { Conflict, Invalid } from "../domain/errors";
import type { BoardEntry, BoardId, CalendarDate, ClosedBoardEntry, ParticipantId } from "../domain/types";
import { boardEntryKeys, boardEntryMapping, closedBoardEntryMapping, historyKeys, historyPartition } from "./board-entry-entity";
import { EntityStore, MAX_BATCH } from "./entity-store";
import { type Stored, boardPartition, sameContent } from "./entity-support";
import { isStatus, translate, write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface BoardEntryRepository {
  /** Every participant currently on the board. */
  listCurrent(boardId: BoardId): Promise<Array<Stored<BoardEntry>>>;
  getCurrent(boardId: BoardId, participantId: ParticipantId): Promise<Stored<BoardEntry> | undefined>;
  /** Puts a participant on the board. AlreadyExists when they already are (unless it is the same entry, retried). */
  create(entry: BoardEntry): Promise<Stored<BoardEntry>>;
  /** Replaces the current entry; a stale ETag is a Conflict carrying the stored entry. */
  update(entry: BoardEntry, options: { expectedEtag: string }): Promise<Stored<BoardEntry>>;
  /** Takes the participant off the board: the entry moves to the history. Conflict if it changed since `expectedEtag`. */
  close(entry: BoardEntry, closed: ClosedBoardEntry, options: { expectedEtag: string }): Promise<ClosedBoardEntry>;
  /** A participant's closed entries, newest first. */
  history(boardId: BoardId, participantId: ParticipantId): Promise<ClosedBoardEntry[]>;
  /**
   * Closed entries of every participant of the board taken off on or after `from` (fidelity and
   * statistics). One range query over the board's history partitions, whose names all start with the board's.
   */
  historyForBoard(boardId: BoardId, from: CalendarDate): Promise<ClosedBoardEntry[]>;
  /** Deletes a participant's whole history (erasure after retention). */
  eraseHistory(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function boardEntryRepository(tables: Tables): BoardEntryRepository {
  const current = new EntityStore(tables.boardEntries, boardEntryMapping);
  const history = new EntityStore(tables.entryHistory, closedBoardEntryMapping);
  const what = boardEntryMapping.what;

  const getCurrent = (boardId: BoardId, participantId: ParticipantId) => {
    const k = boardEntryKeys(boardId, participantId);
    return current.get(k.partitionKey, k.rowKey);
  };

  return {
    listCurrent: async (boardId) => current.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    getCurrent,
    create: async (entry) => current.create(entry),
    update: async (entry, { expectedEtag }) => current.update(entry, "Replace", expectedEtag),

    async close(entry, closed, { expectedEtag }) {
      if (closed.id !== entry.id || closed.boardId !== entry.boardId || closed.participantId !== entry.participantId) {
        throw new Invalid("The closed entry is not the entry being taken off the board.");
      }
      const ck = boardEntryKeys(entry.boardId, entry.participantId);
      const hk = historyKeys(closed);

      // No transaction spans two tables, and a delete inside a transaction carries no If-Match.
      // So: (1) claim the entry with a conditional Merge that changes nothing but its ETag: of
      // two people closing or editing concurrently exactly one passes; (2) write the history row
      // under a deterministic key (a retry overwrites, never duplicates); (3) delete the current
      // row with the ETag from (1). If (3) loses to an edit made after (1), the history row is
      // withdrawn again and the closer gets a Conflict.
      let claimedEtag: string | undefined;
      try {
        ({ etag: claimedEtag } = await tables.boardEntries.updateEntity(ck, "Merge", { etag: expectedEtag }));
      } catch (e) {
        if (isStatus(e, 404)) {
          // Already gone: a retry of a close that completed is a success, anything else a Conflict.
          const done = await history.get(hk.partitionKey, hk.rowKey);
          if (done && sameContent(closedBoardEntryMapping, done, closed)) return done;
          throw new Conflict(what, undefined);
        }
        const translated = translate(e, what);
        if (translated instanceof Conflict) throw new Conflict(what, await getCurrent(entry.boardId, entry.participantId));
        throw translated;
      }
      if (!claimedEtag) throw new Error("BoardEntries: claim returned no ETag");

      const historyEntity = closedBoardEntryMapping.toEntity(closed);
      const { etag: historyEtag } = await write(what, () => tables.entryHistory.upsertEntity(historyEntity, "Replace"));
      try {
        await tables.boardEntries.deleteEntity(ck.partitionKey, ck.rowKey, { etag: claimedEtag });
      } catch (e) {
        if (!isStatus(e, 412) && !isStatus(e, 404)) throw e;
        try {
          await tables.entryHistory.deleteEntity(hk.partitionKey, hk.rowKey, { etag: historyEtag ?? "*" });
        } catch (rollback) {
          // 412/404: someone who closed after us has rewritten or removed the row; it is theirs.
          if (!isStatus(rollback, 412) && !isStatus(rollback, 404)) throw rollback;
        }
        throw new Conflict(what, await getCurrent(entry.boardId, entry.participantId));
      }
      return closedBoardEntryMapping.fromEntity({ ...historyEntity, etag: historyEtag ?? "" });
    },

    async history(boardId, participantId) {
      const rows = await history.list(odata`PartitionKey eq ${historyPartition(boardId, participantId)}`);
      return rows.reverse();
    },

    async historyForBoard(boardId, from) {
      const prefix = `${boardPartition(boardId)}_`;
      // "`" is the character after "_": every partition `${board}_${participant}` sorts in [prefix, end).
      const end = `${boardPartition(boardId)}\``;
      return history.list(odata`PartitionKey ge ${prefix} and PartitionKey lt ${end} and RowKey ge ${from}`);
    },

    async eraseHistory(boardId, participantId) {
      const partitionKey = historyPartition(boardId, participantId);
      const rows = await tables.entryHistory
        .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ["RowKey"] } })
        .byPage({ maxPageSize: 1000 });
      const keys: string[] = [];
      for await (const page of rows) for (const r of page) if (r.rowKey) keys.push(r.rowKey);
      for (let i = 0; i < keys.length; i += MAX_BATCH) {
        const actions = keys.slice(i, i + MAX_BATCH).map((rowKey): TransactionAction => ["delete", { partitionKey, rowKey }]);
        await write("Entry history", () => tables.entryHistory.submitTransaction(actions));
      }
    },
  };
}
