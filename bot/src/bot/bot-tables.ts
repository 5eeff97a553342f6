import type { TableClient } from "@azure/data-tables";
import type { StorageRequestPolicy } from "../storage/request-policy";
import { ensureTable, tableClientFactory } from "../storage/table-clients";
import { BOT_TABLES } from "../storage/table-names";

export interface BotTableOptions {
  connectionString?: string;
  tableEndpoint?: string;
  tablePrefix: string;
  requestPolicy?: StorageRequestPolicy;
}

export interface BotTables {
  conversationReferences: TableClient;
  sentCards: TableClient;
  ensureTables(): Promise<void>;
}

export function createBotTables(options: BotTableOptions): BotTables {
  const make = tableClientFactory(options);
  const conversationReferences = make(`${options.tablePrefix}${BOT_TABLES.conversationReferences}`);
  const sentCards = make(`${options.tablePrefix}${BOT_TABLES.sentCards}`);
  return {
    conversationReferences,
    sentCards,
    ensureTables: async () => {
      await Promise.all([conversationReferences, sentCards].map(ensureTable));
    },
  };
}

/** Table keys from Teams ids: see storage/safe-key.ts. */
export { safeKey } from "../storage/safe-key";
