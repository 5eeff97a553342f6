import { type TableClient, type TransactionAction, odata } from "@azure/data-tables";
import { AlreadyExists, Conflict } from "../domain/errors";
import type { AuditEvent } from "../domain/types";
import { auditMapping, foldKeys } from "./audit-entity";
import { MAX_BATCH } from "./entity-store";
import type { Entity } from "./entity-support";
import { write } from "./storage-errors";

// Writing folded views (see audit-entity.ts): one transaction per 100 rows creates the missing
// rows and raises the counts of the others under their ETags. A transaction is all or nothing, so
// when another instance wrote one of the rows first (409 on a create, 412 on a stale ETag) nothing
// of it was applied: read the person's rows in the window (one range query) and retry. Counts are
// never lost and never doubled.
//
// To keep a board view at one round trip, the ETag and count this process last wrote for a row are
// remembered as a hint: a live board's next refresh raises the counts under those ETags without
// reading first. The hint is never trusted beyond its ETag — a stale one is a 412 and a read — and
// nothing is skipped on its account: every view is written to storage before it is served.

/** Enough for any realistic race (two tabs and a card refreshing at once); then the read fails. */
const MAX_ATTEMPTS = 8;
/** Rows whose last write this process remembers (a few hundred viewers × a board of views). */
const MAX_REMEMBERED = 20_000;

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
  const rows = client.listEntities<{ at: string; count?: number; lastAt?: string }>({
    queryOptions: { filter, select: ["RowKey", "at", "count", "lastAt"] },
  });
  for await (const row of rows) {
    if (!row.rowKey || !row.etag) continue;
    out.set(row.rowKey, { etag: row.etag, at: row.at, count: row.count ?? 1, lastAt: row.lastAt ?? row.at });
  }
  return out;
}

function actionFor(f: Folded, stored: StoredFold | undefined): TransactionAction {
  // The whole row only when it is new: a refresh raises the count and touches nothing else.
  if (!stored)
    return [
      "create",
      { ...auditMapping.toEntity({ ...f.event, count: f.count, lastAt: f.lastAt }), partitionKey: f.partitionKey, rowKey: f.rowKey },
    ];
  const raise: Entity = {
    partitionKey: f.partitionKey,
    rowKey: f.rowKey,
    at: earlier(stored.at, f.event.at),
    count: stored.count + f.count,
    lastAt: later(stored.lastAt, f.lastAt),
  };
  return ["update", raise, "Merge", { etag: stored.etag }];
}

export class FoldedAuditWriter {
  /** `${partitionKey}|${rowKey}` → what this process last wrote there. A hint only (see above). */
  private readonly remembered = new Map<string, StoredFold>();

  constructor(private readonly client: TableClient) {}

  /** Appends foldable views: new rows, or a higher count on the row of the same view in the same window. */
  async append(events: AuditEvent[]): Promise<void> {
    const groups = new Map<string, Folded[]>();
    for (const f of foldInMemory(events)) {
      const id = `${f.partitionKey}|${f.actorPrefix}`;
      const list = groups.get(id) ?? [];
      list.push(f);
      groups.set(id, list);
    }
    const chunks: Folded[][] = [];
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += MAX_BATCH) chunks.push(group.slice(i, i + MAX_BATCH));
    }
    await Promise.all(chunks.map((chunk) => this.writeChunk(chunk)));
  }

  private async writeChunk(chunk: Folded[]): Promise<void> {
    const key = (f: Folded) => `${f.partitionKey}|${f.rowKey}`;
    // First try: what this process wrote last (absent: a new row). Later tries: what storage holds.
    let stored = new Map<string, StoredFold>();
    for (const f of chunk) {
      const known = this.remembered.get(key(f));
      if (known) stored.set(f.rowKey, known);
    }
    for (let attempt = 1; ; attempt++) {
      const actions = chunk.map((f) => actionFor(f, stored.get(f.rowKey)));
      try {
        const result = await write("Audit event", () => this.client.submitTransaction(actions));
        // Sub-responses come in the order of the actions.
        chunk.forEach((f, i) => {
          const etag = result.subResponses[i]?.etag;
          const before = stored.get(f.rowKey);
          if (!etag) {
            this.remembered.delete(key(f));
            return;
          }
          this.remember(key(f), {
            etag,
            at: before ? earlier(before.at, f.event.at) : f.event.at,
            count: (before?.count ?? 0) + f.count,
            lastAt: before ? later(before.lastAt, f.lastAt) : f.lastAt,
          });
        });
        return;
      } catch (e) {
        for (const f of chunk) this.remembered.delete(key(f));
        // write() has turned a 409 into AlreadyExists and a 412 into Conflict.
        if (attempt >= MAX_ATTEMPTS || !(e instanceof AlreadyExists || e instanceof Conflict)) throw e;
        if (attempt > 1) await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        stored = await readFolds(this.client, chunk[0]!.partitionKey, chunk[0]!.actorPrefix);
      }
    }
  }

  private remember(id: string, fold: StoredFold): void {
    this.remembered.delete(id);
    this.remembered.set(id, fold);
    if (this.remembered.size > MAX_REMEMBERED) {
      // Forget the oldest tenth (a Map iterates in insertion order).
      let drop = Math.ceil(MAX_REMEMBERED / 10);
      for (const k of this.remembered.keys()) {
        if (drop-- <= 0) break;
        this.remembered.delete(k);
      }
    }
  }
}
