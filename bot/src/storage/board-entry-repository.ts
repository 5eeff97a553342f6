import { type TransactionAction, odata } from "@azure/data-tables";
import { Conflict, Invalid } from "../domain/errors";
import type { BoardEntry, BoardId, CalendarDate, ClosedBoardEntry, ParticipantId } from "../domain/types";
import {
  type ClosingMarker,
  boardEntryKeys,
  boardEntryMapping,
  closedBoardEntryMapping,
  closingMarkerOf,
  historyKeys,
  historyPartition,
} from "./board-entry-entity";
import { EntityStore, MAX_BATCH, MAX_PAGE } from "./entity-store";
import { DecodedVersions } from "./decoded-versions";
import { type RawEntity, type Stored, boardPartition } from "./entity-support";
import { isStatus, readOrUndefined, translate, write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface BoardEntryRepository {
  /** Every participant currently on the board (a take-off interrupted after its history write is completed on the way). */
  listCurrent(boardId: BoardId): Promise<Array<Stored<BoardEntry>>>;
  getCurrent(boardId: BoardId, participantId: ParticipantId): Promise<Stored<BoardEntry> | undefined>;
  /** Puts a participant on the board. AlreadyExists when they already are (unless it is the same entry, retried). */
  create(entry: BoardEntry): Promise<Stored<BoardEntry>>;
  /** Replaces the current entry; a stale ETag is a Conflict carrying the stored entry. */
  update(entry: BoardEntry, options: { expectedEtag: string }): Promise<Stored<BoardEntry>>;
  /** Takes the participant off the board: the entry moves to the history. Conflict if it changed since `expectedEtag`. */
  close(entry: BoardEntry, closed: ClosedBoardEntry, options: { expectedEtag: string }): Promise<ClosedBoardEntry>;
  /** The version a take-off started from, when one was interrupted after claiming the current row (and nobody edited it since). */
  closingFrom(boardId: BoardId, participantId: ParticipantId): Promise<string | undefined>;
  /** The closed entry a take-off from the version `etag` produced, if that take-off completed: a retry's answer. */
  findClosedFrom(boardId: BoardId, participantId: ParticipantId, etag: string): Promise<ClosedBoardEntry | undefined>;
  /** A participant's closed entries, newest first. */
  history(boardId: BoardId, participantId: ParticipantId): Promise<ClosedBoardEntry[]>;
  /**
   * The current entry and the history, settled: a move left half-done by a crash is completed
   * (claimed and in history: the current row goes) or withdrawn (in history but edited since:
   * the history row goes), so an entry is never both current and closed. Returns what was repaired.
   */
  settle(
    boardId: BoardId,
    participantId: ParticipantId,
  ): Promise<{ current?: Stored<BoardEntry>; closed: ClosedBoardEntry[]; repaired: number }>;
  /**
   * Closed entries of every participant of the board taken off on or after `from` (fidelity and
   * statistics). One range query over the board's history partitions, whose names all start with the board's.
   */
  historyForBoard(boardId: BoardId, from: CalendarDate): Promise<ClosedBoardEntry[]>;
  /** Deletes a participant's whole history (erasure after retention). */
  eraseHistory(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

// Taking off the board moves a row between two tables, which no transaction spans, and a delete
// inside a transaction carries no If-Match. So: (1) claim the current row with a conditional
// Merge that writes only a marker (where its history row goes, and the ETag the closer read): of
// two people closing or editing concurrently exactly one passes; (2) write the history row under
// its deterministic key (a retry overwrites, never duplicates); (3) delete the current row with
// the ETag from (1). If (3) loses to an edit made after (1), the history row is withdrawn again
// and the closer gets a Conflict.
//
// A crash between the steps leaves a state every reader can settle:
//   after (1): marker, no history row  -> still current; a retry with the same ETag resumes it;
//                                         an edit (Replace) drops the marker.
//   after (2): marker + history row    -> the move is completed by whoever reads the row next
//                                         (the current row is deleted with its ETag).
//   (3) lost, crash before withdrawing -> history row of an entry that is current without a
//                                         marker for it: withdrawn by settle() and the sweep.

/** The same take-off asked again (the time may differ): same person, outcome and note. */
const sameClose = (a: ClosedBoardEntry, b: ClosedBoardEntry) =>
  a.id === b.id && a.takenOffBy === b.takenOffBy && a.outcome === b.outcome && (a.outcomeNote ?? "") === (b.outcomeNote ?? "");

/** Column of a history row: the ETag of the current row it was closed from (named literally in findClosedFrom's filter). */
const CLOSED_FROM = "closedFrom";

export function boardEntryRepository(tables: Tables): BoardEntryRepository {
  const current = new EntityStore(tables.boardEntries, boardEntryMapping);
  const history = new EntityStore(tables.entryHistory, closedBoardEntryMapping);
  const what = boardEntryMapping.what;
  const decodedCurrent = new DecodedVersions<Stored<BoardEntry>>();

  interface Read {
    entry: Stored<BoardEntry>;
    marker?: ClosingMarker;
  }
  const toRead = (raw: RawEntity): Read => {
    const marker = closingMarkerOf(raw);
    return { entry: decodedCurrent.decode(raw, boardEntryMapping.fromEntity), ...(marker ? { marker } : {}) };
  };

  const readCurrent = (boardId: BoardId, participantId: ParticipantId): Promise<Read | undefined> => {
    const k = boardEntryKeys(boardId, participantId);
    return readOrUndefined(what, async () =>
      toRead(await tables.boardEntries.getEntity<Record<string, unknown>>(k.partitionKey, k.rowKey)),
    );
  };

  /** A claimed row whose history row exists: the move got past (2); complete it. undefined when it is no longer current. */
  async function finishMove(read: Read): Promise<Stored<BoardEntry> | undefined> {
    if (!read.marker) return read.entry;
    const { entry, marker } = read;
    const moved = await history.get(historyPartition(entry.boardId, entry.participantId), marker.closingTo);
    if (!moved || moved.id !== entry.id) return entry; // (1) done, (2) not (yet): still current
    const ck = boardEntryKeys(entry.boardId, entry.participantId);
    try {
      await tables.boardEntries.deleteEntity(ck.partitionKey, ck.rowKey, { etag: entry.etag });
      decodedCurrent.forget(ck.partitionKey, ck.rowKey);
      return undefined;
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      if (!isStatus(e, 412)) throw translate(e, what);
      // Changed while we looked: read again and settle what is there now.
      const again = await readCurrent(entry.boardId, entry.participantId);
      return again && (again.marker ? finishMove(again) : again.entry);
    }
  }

  const getCurrent = async (boardId: BoardId, participantId: ParticipantId) => {
    const read = await readCurrent(boardId, participantId);
    return read && finishMove(read);
  };

  async function listHistory(boardId: BoardId, participantId: ParticipantId) {
    return history.list(odata`PartitionKey eq ${historyPartition(boardId, participantId)}`);
  }

  async function findClosedFrom(boardId: BoardId, participantId: ParticipantId, etag: string): Promise<ClosedBoardEntry | undefined> {
    const filter = odata`PartitionKey eq ${historyPartition(boardId, participantId)} and closedFrom eq ${etag}`;
    const [row] = await history.list(filter);
    return row;
  }

  async function claim(ck: { partitionKey: string; rowKey: string }, marker: ClosingMarker, etag: string): Promise<string> {
    const { etag: claimed } = await tables.boardEntries.updateEntity({ ...ck, ...marker }, "Merge", { etag });
    if (!claimed) throw new Error("BoardEntries: claim returned no ETag");
    return claimed;
  }

  return {
    async listCurrent(boardId) {
      const rows: Read[] = [];
      const pages = tables.boardEntries
        .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${boardPartition(boardId)}` } })
        .byPage({ maxPageSize: MAX_PAGE });
      for await (const page of pages) for (const raw of page) rows.push(toRead(raw as RawEntity));
      const settled = await Promise.all(rows.map((r) => (r.marker ? finishMove(r) : r.entry)));
      return settled.filter((e): e is Stored<BoardEntry> => e !== undefined);
    },
    getCurrent,
    findClosedFrom,
    closingFrom: async (boardId, participantId) => (await readCurrent(boardId, participantId))?.marker?.closingFrom,
    create: async (entry) => current.create(entry),
    update: async (entry, { expectedEtag }) => current.update(entry, "Replace", expectedEtag),

    async close(entry, closed, { expectedEtag }) {
      if (closed.id !== entry.id || closed.boardId !== entry.boardId || closed.participantId !== entry.participantId) {
        throw new Invalid("The closed entry is not the entry being taken off the board.");
      }
      const ck = boardEntryKeys(entry.boardId, entry.participantId);
      const hk = historyKeys(closed);
      const marker: ClosingMarker = { closingTo: hk.rowKey, closingFrom: expectedEtag };

      let claimedEtag: string;
      try {
        claimedEtag = await claim(ck, marker, expectedEtag);
      } catch (e) {
        if (isStatus(e, 404)) {
          // Already gone: a retry of a close that completed is a success, anything else a Conflict.
          const done = await findClosedFrom(entry.boardId, entry.participantId, expectedEtag);
          if (done && sameClose(done, closed)) return done;
          throw new Conflict(what, undefined);
        }
        const translated = translate(e, what);
        if (!(translated instanceof Conflict)) throw translated;
        // A retry of our own take-off that was interrupted after (1): the row still carries the
        // marker of a close from the very version we read, and nobody has edited it since. Resume.
        const now = await readCurrent(entry.boardId, entry.participantId);
        if (!now || now.marker?.closingFrom !== expectedEtag || now.entry.id !== entry.id) {
          throw new Conflict(what, now && (await finishMove(now)));
        }
        claimedEtag = await write(
          what,
          () => claim(ck, marker, now.entry.etag),
          () => getCurrent(entry.boardId, entry.participantId),
        );
      }

      // The history row remembers the version it was closed from, so a retry can find its answer.
      const historyEntity = { ...closedBoardEntryMapping.toEntity(closed), [CLOSED_FROM]: expectedEtag };
      const { etag: historyEtag } = await write(what, () => tables.entryHistory.upsertEntity(historyEntity, "Replace"));
      try {
        await tables.boardEntries.deleteEntity(ck.partitionKey, ck.rowKey, { etag: claimedEtag });
        decodedCurrent.forget(ck.partitionKey, ck.rowKey);
      } catch (e) {
        if (!isStatus(e, 412) && !isStatus(e, 404)) throw translate(e, what);
        if (isStatus(e, 404)) {
          // A reader found our claim and history row and completed the move for us.
          const ours = await history.get(hk.partitionKey, hk.rowKey);
          if (ours && ours.etag === historyEtag) return ours;
        }
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
      return (await listHistory(boardId, participantId)).reverse();
    },

    async settle(boardId, participantId) {
      const [read, rows] = await Promise.all([readCurrent(boardId, participantId), listHistory(boardId, participantId)]);
      let repaired = 0;
      let now = read?.entry;
      if (read?.marker) {
        now = await finishMove(read);
        if (!now) repaired++;
      }
      const closed: ClosedBoardEntry[] = [];
      // A history row of the entry that is still current, other than the one its claim points to:
      // the close lost to an edit and stopped before withdrawing it. It never happened.
      const orphans = rows.filter((row) => now && row.id === now.id && historyKeys(row).rowKey !== read?.marker?.closingTo);
      // The two reads ran side by side: a close that claimed after the first and wrote its history
      // before the second would look like an orphan. Its claim is visible now (the claim comes
      // before the history write), so read the row again and withdraw only if nothing moved.
      const again = orphans.length > 0 ? await readCurrent(boardId, participantId) : undefined;
      const unmoved = again !== undefined && now !== undefined && again.entry.etag === now.etag;
      for (const row of rows) {
        const hk = historyKeys(row);
        if (!orphans.includes(row) || !unmoved || again?.marker?.closingTo === hk.rowKey) {
          closed.push(row);
          continue;
        }
        try {
          await tables.entryHistory.deleteEntity(hk.partitionKey, hk.rowKey, { etag: row.etag });
          repaired++;
        } catch (e) {
          if (!isStatus(e, 404) && !isStatus(e, 412)) throw translate(e, what);
        }
      }
      return { ...(now ? { current: now } : {}), closed: closed.reverse(), repaired };
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
