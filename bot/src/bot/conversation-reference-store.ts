import type { TableClient } from "@azure/data-tables";
import type { ConversationReferenceStore, ConversationReferenceStoreAddOptions, PagedData } from "@microsoft/teamsfx";
import type { ConversationReference } from "botbuilder";
import { ConcurrentChange, readOrUndefined, safeKey, statusOf } from "./bot-tables";

// Where the bot can write to: one row per installation (personal chat, team channel, group chat),
// stored when the app is installed and removed when it is uninstalled. It implements teamsfx's
// ConversationReferenceStore so teamsfx's notification helpers could use it as they are.
//   PartitionKey: personal | channel | groupChat
//   RowKey: personal chats by member id `${tenantId}.${aadObjectId}` (a point read per person);
//           channels and group chats by conversation id.
// teamsfx's own `key` argument is ignored: the key is derived from the reference, so the same
// conversation always lands on the same row whoever stores it.

export type ConversationKind = "personal" | "channel" | "groupChat";

export interface StoredReference {
  kind: ConversationKind;
  key: string;
  reference: Partial<ConversationReference>;
  tenantId?: string;
  /** Personal chats: the member id of the person. */
  memberId?: string;
  /** Channels and group chats: the boards of the person who installed the app there. */
  boardIds: string[];
  /** Channels: the Teams team the channel belongs to (channelData.team.id). */
  teamId?: string;
  locale?: string;
  /** Personal chats: the language the person chose with the language command; wins over `locale`. */
  chosenLocale?: "sv" | "en";
  etag: string;
}

interface Row {
  partitionKey: string;
  rowKey: string;
  reference: string;
  tenantId?: string;
  memberId?: string;
  boardIds?: string;
  teamId?: string;
  locale?: string;
  chosenLocale?: string;
  updatedAt: string;
}

export function kindOf(reference: Partial<ConversationReference>): ConversationKind {
  const type = reference.conversation?.conversationType;
  if (type === "channel") return "channel";
  if (type === "groupChat") return "groupChat";
  return "personal";
}

export function tenantOf(reference: Partial<ConversationReference>): string | undefined {
  return reference.conversation?.tenantId ?? undefined;
}

export function keyOf(reference: Partial<ConversationReference>): { kind: ConversationKind; key: string } {
  const kind = kindOf(reference);
  if (kind === "personal") {
    const tenantId = tenantOf(reference);
    const objectId = reference.user?.aadObjectId;
    if (tenantId && objectId) return { kind, key: safeKey(`${tenantId}.${objectId}`) };
  }
  const id = reference.conversation?.id;
  if (!id) throw new Error("A conversation reference without a conversation id cannot be stored.");
  return { kind, key: safeKey(id) };
}

export class TableConversationReferenceStore implements ConversationReferenceStore {
  constructor(private readonly table: TableClient) {}

  /** teamsfx's interface: true when added or changed. */
  async add(_key: string, reference: Partial<ConversationReference>, options: ConversationReferenceStoreAddOptions): Promise<boolean> {
    const { kind, key } = keyOf(reference);
    const existing = await this.get(kind, key);
    if (existing && !options.overwrite) return false;
    await this.save(
      reference,
      {
        boardIds: existing?.boardIds ?? [],
        ...(existing?.teamId ? { teamId: existing.teamId } : {}),
        ...(existing?.locale ? { locale: existing.locale } : {}),
        ...(existing?.chosenLocale ? { chosenLocale: existing.chosenLocale } : {}),
      },
      existing?.etag,
    );
    return true;
  }

  /** Stores (or refreshes) a reference; `expectedEtag` guards an update, absent means create-or-replace. */
  async save(reference: Partial<ConversationReference>, extra: { boardIds?: string[]; locale?: string; teamId?: string; chosenLocale?: "sv" | "en" } = {}, expectedEtag?: string): Promise<void> {
    const { kind, key } = keyOf(reference);
    const tenantId = tenantOf(reference);
    const row: Row = {
      partitionKey: kind,
      rowKey: key,
      reference: JSON.stringify(reference),
      updatedAt: new Date().toISOString(),
      ...(tenantId ? { tenantId } : {}),
      ...(kind === "personal" && tenantId && reference.user?.aadObjectId ? { memberId: `${tenantId}.${reference.user.aadObjectId}` } : {}),
      ...(extra.boardIds && extra.boardIds.length > 0 ? { boardIds: JSON.stringify(extra.boardIds) } : {}),
      ...(extra.locale ? { locale: extra.locale } : {}),
      ...(extra.teamId ? { teamId: extra.teamId } : {}),
      ...(extra.chosenLocale ? { chosenLocale: extra.chosenLocale } : {}),
    };
    try {
      if (expectedEtag) await this.table.updateEntity(row, "Replace", { etag: expectedEtag });
      else await this.table.upsertEntity(row, "Replace");
    } catch (e) {
      if (statusOf(e) === 412) throw new ConcurrentChange("The conversation reference");
      throw e;
    }
  }

  async remove(_key: string, reference: Partial<ConversationReference>): Promise<boolean> {
    const { kind, key } = keyOf(reference);
    try {
      await this.table.deleteEntity(kind, key);
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
  }

  async list(pageSize = 100, continuationToken?: string): Promise<PagedData<Partial<ConversationReference>>> {
    const page = await this.page(undefined, pageSize, continuationToken);
    return { data: page.items.map((r) => r.reference), ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
  }

  async get(kind: ConversationKind, key: string): Promise<StoredReference | undefined> {
    const row = await readOrUndefined(() => this.table.getEntity<Row>(kind, key));
    return row && fromRow(row as Row & { etag: string });
  }

  /** Stores the language a person chose on their personal chat's row (Merge: nothing else changes). */
  async chooseLocale(memberId: string, locale: "sv" | "en"): Promise<boolean> {
    try {
      await this.table.updateEntity({ partitionKey: "personal", rowKey: safeKey(memberId), chosenLocale: locale }, "Merge");
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
  }

  /** The personal chat with a member, if they have installed the app. */
  personal(memberId: string): Promise<StoredReference | undefined> {
    return this.get("personal", safeKey(memberId));
  }

  /** Channels (and group chats) linked to a board. A board has a handful: one query, filtered here. */
  async channelsOf(boardId: string): Promise<StoredReference[]> {
    const out: StoredReference[] = [];
    let token: string | undefined;
    do {
      const page = await this.page("channel", 1000, token);
      out.push(...page.items.filter((r) => r.boardIds.includes(boardId)));
      token = page.continuationToken;
    } while (token);
    return out;
  }

  /** Channels already linked in a Teams team (any board). */
  async channelsOfTeam(teamId: string): Promise<StoredReference[]> {
    const out: StoredReference[] = [];
    let token: string | undefined;
    do {
      const page = await this.page("channel", 1000, token);
      out.push(...page.items.filter((r) => r.teamId === teamId));
      token = page.continuationToken;
    } while (token);
    return out;
  }

  private async page(kind: ConversationKind | undefined, pageSize: number, continuationToken?: string) {
    const queryOptions = kind ? { filter: `PartitionKey eq '${kind}'` } : {};
    const pages = this.table.listEntities<Row>({ queryOptions }).byPage({ maxPageSize: Math.min(Math.max(pageSize, 1), 1000), ...(continuationToken ? { continuationToken } : {}) });
    const { value } = await pages.next();
    const rows = (value ?? []) as Array<Row & { etag: string }> & { continuationToken?: string };
    return { items: rows.map(fromRow), continuationToken: rows.continuationToken };
  }
}

function fromRow(row: Row & { etag: string }): StoredReference {
  return {
    kind: row.partitionKey as ConversationKind,
    key: row.rowKey,
    reference: JSON.parse(row.reference) as Partial<ConversationReference>,
    boardIds: row.boardIds ? (JSON.parse(row.boardIds) as string[]) : [],
    etag: row.etag,
    ...(row.tenantId ? { tenantId: row.tenantId } : {}),
    ...(row.memberId ? { memberId: row.memberId } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.teamId ? { teamId: row.teamId } : {}),
    ...(row.chosenLocale === "sv" || row.chosenLocale === "en" ? { chosenLocale: row.chosenLocale } : {}),
  };
}
