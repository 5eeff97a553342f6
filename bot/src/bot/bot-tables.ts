import { TableClient } from "@azure/data-tables";
import { DefaultAzureCredential } from "@azure/identity";

// The bot edge's own tables, built the same way as storage's (bot/src/storage/table-clients.ts):
// a connection string (Azurite, account key) or a table endpoint reached with managed identity.

export interface BotTableOptions {
  connectionString?: string;
  tableEndpoint?: string;
  tablePrefix: string;
}

export interface BotTables {
  conversationReferences: TableClient;
  sentCards: TableClient;
  ensureTables(): Promise<void>;
}

const isHttpConnectionString = (cs: string): boolean =>
  /(^|;)\s*UseDevelopmentStorage=true/i.test(cs) || /(^|;)\s*DefaultEndpointsProtocol=http\s*(;|$)/i.test(cs) || /(^|;)\s*TableEndpoint=http:/i.test(cs);

export function createBotTables(options: BotTableOptions): BotTables {
  const { connectionString, tableEndpoint, tablePrefix } = options;
  let make: (name: string) => TableClient;
  if (connectionString) {
    const clientOptions = isHttpConnectionString(connectionString) ? { allowInsecureConnection: true } : {};
    make = (name) => TableClient.fromConnectionString(connectionString, name, clientOptions);
  } else if (tableEndpoint) {
    const credential = new DefaultAzureCredential();
    make = (name) => new TableClient(tableEndpoint, name, credential);
  } else {
    throw new Error("The bot's tables need a connection string or a table endpoint.");
  }
  const conversationReferences = make(`${tablePrefix}ConversationReferences`);
  const sentCards = make(`${tablePrefix}SentCards`);
  return {
    conversationReferences,
    sentCards,
    async ensureTables() {
      await Promise.all(
        [conversationReferences, sentCards].map(async (client) => {
          try {
            await client.createTable();
          } catch (e) {
            if (statusOf(e) !== 409) throw e;
          }
        }),
      );
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
