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

export const statusOf = (e: unknown): number | undefined =>
  typeof e === "object" && e !== null ? (e as { statusCode?: number }).statusCode : undefined;

/** Table keys may not contain / \ # ? or control characters; Teams ids may (rarely). */
export function safeKey(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Table keys refuse
  return value.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).slice(0, 512);
}

export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else.`);
  }
}

/** 404 → undefined, anything else rethrown. */
export async function readOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}
