import { setTimeout as sleep } from "node:timers/promises";
import { AlreadyExists, Conflict } from "../domain/errors";
import type { BoardId } from "../domain/types";
import {
  type BoardVersion,
  type PresenterHeartbeat,
  type WalkthroughMark,
  boardVersionKeys,
  boardVersionMapping,
} from "./board-version-entity";
import { EntityStore } from "./entity-store";
import { write } from "./storage-errors";
import type { Tables } from "./table-clients";

export type { BoardVersion, PresenterHeartbeat, WalkthroughMark } from "./board-version-entity";

/** What live viewers need to know has changed on a board; version 0 before the first change. */
export type LiveState = Omit<BoardVersion, "boardId">;

export interface BoardVersionRepository {
  /** The board's change counter; 0 before the first change. */
  current(boardId: BoardId): Promise<number>;
  /** The board's version, the walkthrough's version and position, and the presenter's last heartbeat: one point read. */
  live(boardId: BoardId): Promise<LiveState>;
  /** Adds one and returns the new number. Concurrent bumps all count (ETag-guarded, retried). */
  bump(boardId: BoardId): Promise<number>;
  /** Adds one to the walkthrough's own version (the board's stays) and records its position; returns the new mark. */
  bumpWalkthrough(boardId: BoardId, position: Omit<WalkthroughMark, "version">): Promise<WalkthroughMark>;
  /** Records the presenting stage's heartbeat (or that it left: undefined). */
  markPresenter(boardId: BoardId, heartbeat: PresenterHeartbeat | undefined): Promise<void>;
}

/** Enough for a morning check-in's burst of edits; past it the caller sees a Conflict rather than a lost bump. */
const MAX_ATTEMPTS = 12;

export function boardVersionRepository(tables: Tables): BoardVersionRepository {
  const store = new EntityStore(tables.boardVersions, boardVersionMapping);
  const read = (boardId: BoardId) => {
    const k = boardVersionKeys(boardId);
    return store.get(k.partitionKey, k.rowKey);
  };
  /** Read, change, write under the ETag; again after a short random pause when another writer won. */
  async function changeOf(boardId: BoardId, next: (v: BoardVersion) => BoardVersion): Promise<BoardVersion> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await read(boardId);
      try {
        if (!stored) {
          // Not store.create: its retry-tolerance would let two first bumps both return 1.
          const first = next({ boardId, version: 0 });
          await write(boardVersionMapping.what, () => tables.boardVersions.createEntity(boardVersionMapping.toEntity(first)));
          return first;
        }
        const { etag: _etag, ...was } = stored;
        return await store.update(next(was), "Replace", stored.etag);
      } catch (e) {
        // Someone wrote first (412) or created first (409): read again, after a short random pause
        // so that racing writers spread out.
        if (!(e instanceof Conflict) && !(e instanceof AlreadyExists)) throw e;
        await sleep(Math.floor(Math.random() * 10 * attempt));
      }
    }
    throw new Conflict(boardVersionMapping.what);
  }
  return {
    current: async (boardId) => (await read(boardId))?.version ?? 0,
    async live(boardId) {
      const stored = await read(boardId);
      if (!stored) return { version: 0 };
      const { etag: _etag, boardId: _id, ...state } = stored;
      return state;
    },
    bump: async (boardId) => (await changeOf(boardId, (v) => ({ ...v, version: v.version + 1 }))).version,
    async bumpWalkthrough(boardId, position) {
      const saved = await changeOf(boardId, (v) => ({ ...v, walkthrough: { ...position, version: (v.walkthrough?.version ?? 0) + 1 } }));
      return saved.walkthrough!;
    },
    async markPresenter(boardId, heartbeat) {
      await changeOf(boardId, ({ presenter: _was, ...v }) => (heartbeat ? { ...v, presenter: heartbeat } : v));
    },
  };
}
