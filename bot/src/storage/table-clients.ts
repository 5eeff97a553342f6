import { TableClient } from "@azure/data-tables";
import { DefaultAzureCredential } from "@azure/identity";
import { type StorageRequestPolicy, INTERACTIVE_POLICY, clientOptionsFor } from "./request-policy";
import { isStatus } from "./storage-errors";

// One TableClient per table, built once. Only the repositories below this folder see them.

export const TABLES = {
  boards: "Boards",
  organisations: "Organisations",
  members: "Members",
  memberBoards: "MemberBoards",
  participants: "Participants",
  boardEntries: "BoardEntries",
  entryHistory: "EntryHistory",
  consents: "Consents",
  // The physical name is older than the word "signal": stored data keeps it.
  signals: "Escalations",
  absences: "Absences",
  checkIns: "CheckIns",
  walkthroughs: "Walkthroughs",
  sinceLastNotes: "SinceLastNotes",
  raisedParticipants: "RaisedParticipants",
  contacts: "Contacts",
  interventions: "Interventions",
  auditLog: "AuditLog",
  boardVersions: "BoardVersions",
  dueItems: "DueItems",
  logReviews: "LogReviews",
  joinRequests: "JoinRequests",
  adminAudit: "AdminAudit",
  conversationReferences: "ConversationReferences",
  sentCards: "SentCards",
  requestKeys: "RequestKeys",
  studies: "Studies",
} as const;

export type TableKey = keyof typeof TABLES;
export type Tables = Record<TableKey, TableClient>;

export interface StorageOptions {
  /** Azurite or a storage account key; takes precedence over tableEndpoint. */
  connectionString?: string;
  /** https://<account>.table.core.windows.net, reached with managed identity. */
  tableEndpoint?: string;
  /** Letters and digits, starting with a letter; lets tests and several installs share one account. */
  tablePrefix: string;
  /** Retries and timeouts of every call; default INTERACTIVE_POLICY (a person waits at most ~2 s). */
  requestPolicy?: StorageRequestPolicy;
}

/** The readiness probe's own deadline: /readyz answers within a second. */
export const PING_TIMEOUT_MS = 700;

export interface TableService {
  readonly tables: Tables;
  /** Creates the tables that do not exist yet; safe to run on every start. */
  ensureTables(): Promise<void>;
  /** Readiness: one cheap query; throws when storage cannot be reached or the tables are missing. */
  ping(): Promise<void>;
}

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

/** Azurite speaks http; the SDK refuses a shared key over http unless told it is deliberate. */
const isHttpConnectionString = (cs: string): boolean =>
  /(^|;)\s*UseDevelopmentStorage=true/i.test(cs) ||
  /(^|;)\s*DefaultEndpointsProtocol=http\s*(;|$)/i.test(cs) ||
  /(^|;)\s*TableEndpoint=http:/i.test(cs);

export function tableNameFor(prefix: string, key: TableKey): string {
  const name = `${prefix}${TABLES[key]}`;
  if (!TABLE_NAME.test(name)) {
    throw new Error(`Invalid table name "${name}": TABLE_PREFIX must be letters and digits starting with a letter, at most 50 characters.`);
  }
  return name;
}

/** Builds TableClients for one account: a connection string (Azurite, account key) or an endpoint reached with managed identity. */
export function tableClientFactory(options: Omit<StorageOptions, "tablePrefix">): (tableName: string) => TableClient {
  const { connectionString, tableEndpoint } = options;
  const policyOptions = clientOptionsFor(options.requestPolicy ?? INTERACTIVE_POLICY);
  if (connectionString) {
    const clientOptions = isHttpConnectionString(connectionString) ? { ...policyOptions, allowInsecureConnection: true } : policyOptions;
    return (name) => TableClient.fromConnectionString(connectionString, name, clientOptions);
  }
  if (tableEndpoint) {
    const credential = new DefaultAzureCredential();
    return (name) => new TableClient(tableEndpoint, name, credential, policyOptions);
  }
  throw new Error("Storage needs a connection string or a table endpoint.");
}

/** Creates the table unless it exists; another instance creating it first is fine. */
export async function ensureTable(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (e) {
    if (!isStatus(e, 409)) throw e;
  }
}

export function createTableService(options: StorageOptions): TableService {
  const makeClient = tableClientFactory(options);
  const tables = Object.fromEntries(
    (Object.keys(TABLES) as TableKey[]).map((key) => [key, makeClient(tableNameFor(options.tablePrefix, key))]),
  ) as Tables;

  return {
    tables,
    async ensureTables() {
      await Promise.all(Object.values(tables).map(ensureTable));
    },
    async ping() {
      // Its own short deadline and no retry worth waiting for: a probe that hangs says nothing.
      const pages = tables.boardVersions.listEntities({ abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) }).byPage({ maxPageSize: 1 });
      await pages.next();
    },
  };
}
