import type { TableClient, TransactionAction } from "@azure/data-tables";
import { AlreadyExists } from "../domain/errors";
import { type Entity, type Mapping, type RawEntity, type Stored, sameContent } from "./entity-support";
import { DecodedVersions } from "./decoded-versions";
import { isStatus, readOrUndefined, translate, write } from "./storage-errors";

// The only code that calls TableClient for domain things. Every write is explicit about its
// guard: creates use createEntity, updates and deletes carry the caller's ETag (the SDK's default
// is "*", i.e. unconditional, so it is never left to default).

/** Table Storage returns at most 1,000 entities per page. */
export const MAX_PAGE = 1000;
/** A transaction holds at most 100 actions, all in one partition. */
export const MAX_BATCH = 100;

export interface Page<T> {
  items: T[];
  /** Present when there may be more: pass it back to get the next page. */
  cursor?: string;
}

export class EntityStore<D> {
  private readonly decoded = new DecodedVersions<Stored<D>>();

  constructor(
    readonly client: TableClient,
    readonly mapping: Mapping<D>,
  ) {}

  get(partitionKey: string, rowKey: string): Promise<Stored<D> | undefined> {
    return readOrUndefined(this.mapping.what, async () =>
      this.decode(await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey)),
    );
  }

  /** A stored entity as the domain thing: validated, once per stored version (decoded-versions.ts). */
  private decode(raw: RawEntity): Stored<D> {
    return this.decoded.decode(raw, (r) => this.mapping.fromEntity(r));
  }

  /** Every entity matching the filter, following continuation tokens (a page may be empty and still carry one). */
  async list(filter: string): Promise<Array<Stored<D>>> {
    const out: Array<Stored<D>> = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.onePage(filter, MAX_PAGE, continuationToken);
      for (const raw of page) out.push(this.decode(raw));
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return out;
  }

  /** One page for an API. Skips empty pages that still carry a token, so `items` is empty only at the end. */
  async page(filter: string, options: { cursor?: string; pageSize?: number } = {}): Promise<Page<Stored<D>>> {
    const pageSize = Math.min(Math.max(options.pageSize ?? MAX_PAGE, 1), MAX_PAGE);
    let continuationToken = options.cursor;
    for (;;) {
      const page = await this.onePage(filter, pageSize, continuationToken);
      continuationToken = page.continuationToken;
      if (page.length > 0 || !continuationToken) {
        const items = page.map((raw) => this.decode(raw));
        return continuationToken ? { items, cursor: continuationToken } : { items };
      }
    }
  }

  private async onePage(filter: string, maxPageSize: number, continuationToken: string | undefined) {
    const pages = this.client
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage(continuationToken ? { maxPageSize, continuationToken } : { maxPageSize });
    const { value } = await pages.next();
    return (value ?? []) as RawEntity[] & { continuationToken?: string };
  }

  /**
   * Creates the thing. A repeated create (a retried request) finds the stored one: identical
   * content counts as success; anything else is `onDifferent` (default AlreadyExists).
   */
  async create(thing: D, onDifferent?: (existing: Stored<D>) => Error): Promise<Stored<D>> {
    const e = this.mapping.toEntity(thing);
    try {
      const { etag } = await this.client.createEntity(e);
      return this.storedAs(e, etag);
    } catch (err) {
      if (!isStatus(err, 409)) throw translate(err, this.mapping.what);
      const existing = await this.get(e.partitionKey, e.rowKey);
      if (existing && sameContent(this.mapping, existing, thing)) return existing;
      if (existing && onDifferent) throw onDifferent(existing);
      throw new AlreadyExists(this.mapping.what);
    }
  }

  /** Conditional write of the whole thing (Replace) or of the given properties (Merge). */
  async update(thing: D, mode: "Replace" | "Merge", expectedEtag: string): Promise<Stored<D>> {
    const e = this.mapping.toEntity(thing);
    const { etag } = await write(
      this.mapping.what,
      () => this.client.updateEntity(e, mode, { etag: expectedEtag }),
      () => this.get(e.partitionKey, e.rowKey),
    );
    return mode === "Replace" ? this.storedAs(e, etag) : this.mustGet(e.partitionKey, e.rowKey);
  }

  /**
   * Replaces the thing under its ETag while the `witnesses` (entities of the same partition) are
   * still as read: one transaction that also touches each witness under its own ETag, so it fails
   * as a whole (a Conflict) if any of them changed meanwhile. Touching a witness changes its ETag,
   * which is the point: two such writes naming each other cannot both succeed.
   */
  async updateWhileUnchanged(
    thing: D,
    expectedEtag: string,
    witnesses: ReadonlyArray<{ rowKey: string; etag: string }>,
  ): Promise<Stored<D>> {
    if (witnesses.length === 0) return this.update(thing, "Replace", expectedEtag);
    if (witnesses.length >= MAX_BATCH) throw new Error(`${this.mapping.table}: at most ${MAX_BATCH - 1} witnesses in one transaction`);
    const e = this.mapping.toEntity(thing);
    const actions: TransactionAction[] = [
      ["update", e, "Replace", { etag: expectedEtag }],
      ...witnesses.map((w): TransactionAction => ["update", { partitionKey: e.partitionKey, rowKey: w.rowKey }, "Merge", { etag: w.etag }]),
    ];
    const result = await write(
      this.mapping.what,
      () => this.client.submitTransaction(actions),
      () => this.get(e.partitionKey, e.rowKey),
    );
    return this.storedAs(e, result.getResponseForEntity(e.rowKey)?.etag ?? result.subResponses[0]?.etag);
  }

  /** Conditional delete: a stale ETag is a Conflict carrying what is stored now. */
  async delete(partitionKey: string, rowKey: string, expectedEtag: string): Promise<void> {
    await write(
      this.mapping.what,
      () => this.client.deleteEntity(partitionKey, rowKey, { etag: expectedEtag }),
      () => this.get(partitionKey, rowKey),
    );
    this.decoded.forget(partitionKey, rowKey);
  }

  /** Creates many entities, one transaction per partition and 100 actions; throws if any batch fails. */
  async createMany(things: D[]): Promise<void> {
    await submitCreates(
      this.client,
      things.map((t) => this.mapping.toEntity(t)),
    );
  }

  private storedAs(e: Entity, etag: string | undefined): Stored<D> {
    // The service always returns an ETag on success; without it no later write could be guarded.
    if (!etag) throw new Error(`${this.mapping.table}: write returned no ETag`);
    return this.mapping.fromEntity({ ...e, etag } as RawEntity);
  }

  private async mustGet(partitionKey: string, rowKey: string): Promise<Stored<D>> {
    const stored = await this.get(partitionKey, rowKey);
    if (!stored) throw new Error(`${this.mapping.table}(${partitionKey}, ${rowKey}) vanished right after a write`);
    return stored;
  }
}

/** Groups creates by partition and submits them in transactions of at most 100 actions, in parallel. */
export async function submitCreates(client: TableClient, entities: Entity[]): Promise<void> {
  await submitActions(client, entities, (e) => ["create", e]);
}

async function submitActions(client: TableClient, entities: Entity[], action: (e: Entity) => TransactionAction): Promise<void> {
  const byPartition = new Map<string, Entity[]>();
  for (const e of entities) {
    const list = byPartition.get(e.partitionKey) ?? [];
    list.push(e);
    byPartition.set(e.partitionKey, list);
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += MAX_BATCH) {
      batches.push(list.slice(i, i + MAX_BATCH).map(action));
    }
  }
  await Promise.all(batches.map((actions) => write("Batch", () => client.submitTransaction(actions))));
}
