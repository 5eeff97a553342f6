import { type TableClient, type TransactionAction, odata } from "@azure/data-tables";
import { AlreadyExists, Conflict } from "../domain/errors";
import type { AuditEvent } from "../domain/types";
import { auditMapping, foldKeys } from "./audit-entity";
import { MAX_BATCH } from "./entity-store";
import type { Entity } from "./entity-support";
import { write } from "./storage-errors";

// Writing folded views (see audit-entity.ts): one range query finds the person's rows in the
// window, then one transaction per 100 rows creates the missing ones and raises the counts of the
// others under their ETags. A transaction is all or nothing, so when another instance wrote one of
// the rows first (409 on a create, 412 on a stale ETag) nothing of it was applied: read again and
// retry. Counts are never lost and never doubled.

/** Enough for any realistic race (two tabs and a card refreshing at once); then the read fails. */
const MAX_ATTEMPTS = 8;

interface Folded {
  partitionKey: string;
  rowKey: string;
  actorPrefix: string;
  event: AuditEvent;
  count: number;
  lastAt: string;
}

interface StoredFold {
  etag: string;
  at: string;
  count: number;
  lastAt: string;
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/** Identical views in one call become one fold (a transaction may touch a row only once). */
function foldInMemory(events: AuditEvent[]): Folded[] {
  const byRow = new Map<string, Folded>();
  for (const e of events) {
    const keys = foldKeys(e);
    const id = `${keys.partitionKey}|${keys.rowKey}`;
    const lastAt = e.lastAt ?? e.at;
    const seen = byRow.get(id);
    if (!seen) {
      byRow.set(id, { ...keys, event: e, count: e.count ?? 1, lastAt });
      continue;
    }
    seen.count += e.count ?? 1;
    seen.lastAt = later(seen.lastAt, lastAt);
    if (Date.parse(e.at) < Date.parse(seen.event.at)) seen.event = { ...seen.event, at: e.at };
  }
  return [...byRow.values()];
}

async function readFolds(client: TableClient, partitionKey: string, actorPrefix: string): Promise<Map<string, StoredFold>> {
  const out = new Map<string, StoredFold>();
  // Row keys after the prefix are hex digits, all below "~".
  const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${actorPrefix} and RowKey lt ${`${actorPrefix}~`}`;
  const rows = client.listEntities<{ at: string; count?: number; lastAt?: string }>({ queryOptions: { filter, select: ["RowKey", "at", "count", "lastAt"] } });
  for await (const row of rows) {
    if (!row.rowKey || !row.etag) continue;
    out.set(row.rowKey, { etag: row.etag, at: row.at, count: row.count ?? 1, lastAt: row.lastAt ?? row.at });
  }
  return out;
}

function actionFor(f: Folded, stored: StoredFold | undefined): TransactionAction {
  const whole = auditMapping.toEntity({ ...f.event, count: f.count, lastAt: f.lastAt });
  if (!stored) return ["create", { ...whole, partitionKey: f.partitionKey, rowKey: f.rowKey }];
  const raise: Entity = {
    partitionKey: f.partitionKey,
    rowKey: f.rowKey,
    at: earlier(stored.at, f.event.at),
    count: stored.count + f.count,
    lastAt: later(stored.lastAt, f.lastAt),
  };
  return ["update", raise, "Merge", { etag: stored.etag }];
}

async function writeChunk(client: TableClient, chunk: Folded[], first: Map<string, StoredFold>): Promise<void> {
  let stored = first;
  for (let attempt = 1; ; attempt++) {
    try {
      await write("Audit event", () => client.submitTransaction(chunk.map((f) => actionFor(f, stored.get(f.rowKey)))));
      return;
    } catch (e) {
      // write() has turned a 409 into AlreadyExists and a 412 into Conflict.
      if (attempt >= MAX_ATTEMPTS || !(e instanceof AlreadyExists || e instanceof Conflict)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      stored = await readFolds(client, chunk[0]!.partitionKey, chunk[0]!.actorPrefix);
    }
  }
}

/** Appends foldable views: new rows, or a higher count on the row of the same view in the same window. */
export async function appendFolded(client: TableClient, events: AuditEvent[]): Promise<void> {
  const groups = new Map<string, Folded[]>();
  for (const f of foldInMemory(events)) {
    const id = `${f.partitionKey}|${f.actorPrefix}`;
    const list = groups.get(id) ?? [];
    list.push(f);
    groups.set(id, list);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const stored = await readFolds(client, group[0]!.partitionKey, group[0]!.actorPrefix);
      const chunks: Folded[][] = [];
      for (let i = 0; i < group.length; i += MAX_BATCH) chunks.push(group.slice(i, i + MAX_BATCH));
      await Promise.all(chunks.map((chunk) => writeChunk(client, chunk, stored)));
    }),
  );
}
