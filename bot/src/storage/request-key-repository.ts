import { AlreadyExists, Conflict, NotFound } from "../domain/errors";
import { EntityStore } from "./entity-store";
import type { Stored } from "./entity-support";
import { type RequestKey, requestKeyKeys, requestKeyMapping } from "./request-key-entity";
import type { Tables } from "./table-clients";

export interface RequestKeyRepository {
  /**
   * Claims the key for `resultId`: the stored row, which names another result when an earlier
   * request claimed it first (createEntity, 409: never read-then-write).
   */
  claim(key: RequestKey): Promise<Stored<RequestKey>>;
  /** Points a claimed key at a new result (the first one was cancelled or never made); a Conflict when someone else did so first. */
  takeOver(row: Stored<RequestKey>, resultId: string, at: string): Promise<Stored<RequestKey>>;
  /** Frees a key whose request failed, so that a retry is not answered with what was never made. */
  release(row: Stored<RequestKey>): Promise<void>;
}

export function requestKeyRepository(tables: Tables): RequestKeyRepository {
  const store = new EntityStore(tables.requestKeys, requestKeyMapping);
  const get = (k: RequestKey) => {
    const keys = requestKeyKeys(k.boardId, k.key);
    return store.get(keys.partitionKey, keys.rowKey);
  };
  return {
    async claim(key) {
      try {
        return await store.create(key);
      } catch (e) {
        if (!(e instanceof AlreadyExists)) throw e;
        const first = await get(key);
        // Released between our create and our read: claim again (once is enough in practice; a
        // second race reports itself as AlreadyExists).
        return first ?? (await store.create(key));
      }
    },
    takeOver: (row, resultId, at) => store.update({ ...row, resultId, at }, "Replace", row.etag),
    async release(row) {
      const keys = requestKeyKeys(row.boardId, row.key);
      try {
        await store.delete(keys.partitionKey, keys.rowKey, row.etag);
      } catch (e) {
        // Taken over or released already: it is not ours to free any more.
        if (!(e instanceof Conflict || e instanceof NotFound)) throw e;
      }
    },
  };
}
