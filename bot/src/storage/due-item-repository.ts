import { odata } from "@azure/data-tables";
import { AlreadyExists, Conflict } from "../domain/errors";
import type { Instant } from "../domain/types";
import { DUE_PARTITION, type DueItem, dueItemKeys, dueItemMapping, dueUpTo, normaliseInstant } from "./due-item-entity";
import { EntityStore } from "./entity-store";
import type { Stored } from "./entity-support";
import { isStatus, write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface ScheduleDueItem {
  kind: string;
  id: string;
  dueAt: Instant;
  payload: Record<string, unknown>;
}

export interface DueItemRepository {
  /** Idempotent: the same kind, id, time and payload again returns the stored item; a different payload is AlreadyExists. */
  schedule(item: ScheduleDueItem): Promise<Stored<DueItem>>;
  /** Items due at or before `now` that nobody holds a live lease on, earliest first. */
  listDue(now: Instant, limit: number): Promise<Array<Stored<DueItem>>>;
  /** Takes the item for `claimant` until `leaseUntil`. undefined when another instance got it first. */
  claim(item: DueItem, options: { expectedEtag: string; claimant: string; leaseUntil: Instant }): Promise<Stored<DueItem> | undefined>;
  /** Done: removes the item (guarded: Conflict if someone else took it over meanwhile). Already gone is fine. */
  complete(item: DueItem, options: { expectedEtag: string }): Promise<void>;
  /** Moves the item to a new time (and payload), unclaimed. Conflict if it changed since `expectedEtag`. */
  reschedule(
    item: DueItem,
    to: { dueAt: Instant; payload?: Record<string, unknown> },
    options: { expectedEtag: string },
  ): Promise<Stored<DueItem>>;
  /** Drops a scheduled item that is no longer needed (a signal answered before its reminder); absent is fine. */
  cancel(item: Pick<DueItem, "kind" | "id" | "dueAt">): Promise<void>;
}

const samePlan = (a: DueItem, b: ScheduleDueItem) =>
  a.kind === b.kind &&
  a.id === b.id &&
  a.dueAt === normaliseInstant(b.dueAt, "Due time") &&
  JSON.stringify(a.payload) === JSON.stringify(b.payload);

export function dueItemRepository(tables: Tables): DueItemRepository {
  const store = new EntityStore(tables.dueItems, dueItemMapping);
  const what = dueItemMapping.what;

  async function schedule(item: ScheduleDueItem): Promise<Stored<DueItem>> {
    try {
      return await store.create(item);
    } catch (e) {
      if (!(e instanceof AlreadyExists)) throw e;
      // Scheduled before and since claimed: the plan is what decides whether this is a repeat.
      const k = dueItemKeys(item);
      const existing = await store.get(k.partitionKey, k.rowKey);
      if (existing && samePlan(existing, item)) return existing;
      throw e;
    }
  }

  return {
    schedule,

    async listDue(now, limit) {
      const nowIso = normaliseInstant(now, "Now");
      const filter = odata`PartitionKey eq ${DUE_PARTITION} and RowKey lt ${dueUpTo(nowIso)} and leaseUntil lt ${nowIso}`;
      const out: Array<Stored<DueItem>> = [];
      let cursor: string | undefined;
      do {
        const page = await store.page(filter, cursor ? { cursor, pageSize: limit - out.length } : { pageSize: limit - out.length });
        out.push(...page.items);
        cursor = page.cursor;
      } while (cursor && out.length < limit);
      return out.slice(0, limit);
    },

    async claim(item, { expectedEtag, claimant, leaseUntil }) {
      const claimed: DueItem = { ...item, claimant, leaseUntil: normaliseInstant(leaseUntil, "Lease") };
      const k = dueItemKeys(item);
      try {
        // Merge of the lease columns only, guarded by the ETag the claimant listed it with.
        const { etag } = await tables.dueItems.updateEntity({ ...k, claimant, leaseUntil: claimed.leaseUntil ?? "" }, "Merge", {
          etag: expectedEtag,
        });
        if (!etag) throw new Error("DueItems: claim returned no ETag");
        return { ...claimed, etag };
      } catch (e) {
        // 412: another instance claimed it first. 404: it was completed already.
        if (isStatus(e, 412) || isStatus(e, 404)) return undefined;
        throw e;
      }
    },

    async complete(item, { expectedEtag }) {
      const k = dueItemKeys(item);
      try {
        await tables.dueItems.deleteEntity(k.partitionKey, k.rowKey, { etag: expectedEtag });
      } catch (e) {
        if (isStatus(e, 404)) return;
        if (isStatus(e, 412)) throw new Conflict(what, await store.get(k.partitionKey, k.rowKey));
        throw e;
      }
    },

    async reschedule(item, to, { expectedEtag }) {
      const next: ScheduleDueItem = { kind: item.kind, id: item.id, dueAt: to.dueAt, payload: to.payload ?? item.payload };
      const from = dueItemKeys(item);
      const target = dueItemKeys(next);
      if (from.rowKey === target.rowKey) {
        return store.update({ ...next }, "Replace", expectedEtag);
      }
      // New row first, then the guarded delete of the old one: a crash in between leaves the item
      // twice (the job checks the state it is about), never not at all.
      const created = await schedule(next);
      try {
        await tables.dueItems.deleteEntity(from.partitionKey, from.rowKey, { etag: expectedEtag });
      } catch (e) {
        if (!isStatus(e, 412) && !isStatus(e, 404)) throw e;
        await write(what, () => tables.dueItems.deleteEntity(target.partitionKey, target.rowKey, { etag: created.etag })).catch(
          (rollback: unknown) => {
            if (!(rollback instanceof Conflict)) throw rollback;
          },
        );
        throw new Conflict(what, undefined);
      }
      return created;
    },

    async cancel(item) {
      const k = dueItemKeys(item);
      try {
        // Unconditional on purpose: cancelling wins over a claim in progress; the job re-checks state.
        await tables.dueItems.deleteEntity(k.partitionKey, k.rowKey, { etag: "*" });
      } catch (e) {
        if (!isStatus(e, 404)) throw e;
      }
    },
  };
}
