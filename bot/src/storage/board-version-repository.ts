import { setTimeout as sleep } from "node:timers/promises";
import { AlreadyExists, Conflict } from "../domain/errors";
import type { BoardId } from "../domain/types";
import { boardVersionKeys, boardVersionMapping } from "./board-version-entity";
import { EntityStore } from "./entity-store";
import { write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface BoardVersionRepository {
  /** The board's change counter; 0 before the first change. */
  current(boardId: BoardId): Promise<number>;
  /** Adds one and returns the new number. Concurrent bumps all count (ETag-guarded, retried). */
  bump(boardId: BoardId): Promise<number>;
}

/** Enough for a morning check-in's burst of edits; past it the caller sees a Conflict rather than a lost bump. */
const MAX_ATTEMPTS = 12;

export function boardVersionRepository(tables: Tables): BoardVersionRepository {
  const store = new EntityStore(tables.boardVersions, boardVersionMapping);
  const read = (boardId: BoardId) => {
    const k = boardVersionKeys(boardId);
    return store.get(k.partitionKey, k.rowKey);
  };
  return {
    current: async (boardId) => (await read(boardId))?.version ?? 0,
    async bump(boardId) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const stored = await read(boardId);
        try {
          if (!stored) {
            // Not store.create: its retry-tolerance would let two first bumps both return 1.
            const first = boardVersionMapping.toEntity({ boardId, version: 1 });
            await write(boardVersionMapping.what, () => tables.boardVersions.createEntity(first));
            return 1;
          }
          return (await store.update({ boardId, version: stored.version + 1 }, "Replace", stored.etag)).version;
        } catch (e) {
          // Someone bumped first (412) or created first (409): read again, after a short random pause
          // so that racing writers spread out.
          if (!(e instanceof Conflict) && !(e instanceof AlreadyExists)) throw e;
          await sleep(Math.floor(Math.random() * 10 * attempt));
        }
      }
      throw new Conflict(boardVersionMapping.what);
    },
  };
}
