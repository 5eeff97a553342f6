import { odata } from "@azure/data-tables";
import { EntityStore, type Page } from "./entity-store";
import { type Stored } from "./entity-support";
import { type ConversationKind, type ConversationRecord, conversationKeys, conversationMapping } from "./conversation-reference-entity";
import { isStatus, translate, write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface ConversationReferenceRepository {
  get(kind: ConversationKind, key: string): Promise<Stored<ConversationRecord> | undefined>;
  /** Create-or-replace (an install is the newest truth about a conversation); with `expectedEtag`, a guarded Replace. */
  save(record: ConversationRecord, options?: { expectedEtag?: string }): Promise<void>;
  /** True when there was something to remove. */
  remove(kind: ConversationKind, key: string): Promise<boolean>;
  page(kind: ConversationKind | undefined, options: { cursor?: string; pageSize?: number }): Promise<Page<Stored<ConversationRecord>>>;
  /** Channels (and group chats) serving a board. A board has a handful: one partition read, filtered here (boardIds is a JSON column). */
  channelsOf(boardId: string): Promise<Array<Stored<ConversationRecord>>>;
  /** Channels already linked in a Teams team. */
  channelsOfTeam(teamId: string): Promise<Array<Stored<ConversationRecord>>>;
  /** Stores the language a person chose on their personal chat (Merge: nothing else changes); false when there is no chat. */
  chooseLocale(memberKey: string, locale: "sv" | "en"): Promise<boolean>;
}

export function conversationReferenceRepository(tables: Tables): ConversationReferenceRepository {
  const client = tables.conversationReferences;
  const store = new EntityStore(client, conversationMapping);
  const what = conversationMapping.what;
  return {
    get: (kind, key) => {
      const k = conversationKeys(kind, key);
      return store.get(k.partitionKey, k.rowKey);
    },
    async save(record, options = {}) {
      if (options.expectedEtag) {
        await store.update(record, "Replace", options.expectedEtag);
        return;
      }
      await write(what, () => client.upsertEntity(conversationMapping.toEntity(record), "Replace"));
    },
    async remove(kind, key) {
      const k = conversationKeys(kind, key);
      try {
        // Unconditional on purpose: an uninstall or a 403 removes whatever is stored now.
        await client.deleteEntity(k.partitionKey, k.rowKey);
        return true;
      } catch (e) {
        if (isStatus(e, 404)) return false;
        throw translate(e, what);
      }
    },
    page: (kind, options) => store.page(kind ? odata`PartitionKey eq ${kind}` : "PartitionKey ne ''", options),
    channelsOf: async (boardId) => (await store.list(odata`PartitionKey eq ${"channel"}`)).filter((r) => r.boardIds.includes(boardId)),
    channelsOfTeam: (teamId) => store.list(odata`PartitionKey eq ${"channel"} and teamId eq ${teamId}`),
    async chooseLocale(memberKey, locale) {
      const k = conversationKeys("personal", memberKey);
      try {
        await client.updateEntity({ ...k, chosenLocale: locale }, "Merge", { etag: "*" });
        return true;
      } catch (e) {
        if (isStatus(e, 404)) return false;
        throw translate(e, what);
      }
    },
  };
}
