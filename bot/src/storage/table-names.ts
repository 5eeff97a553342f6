import { TABLES } from "./table-clients";

/** The bot edge's own tables (conversation references, sent cards), in the same account as storage's. */
export const BOT_TABLES = { conversationReferences: "ConversationReferences", sentCards: "SentCards" } as const;

/** Every table the app uses (before TABLE_PREFIX). infra/ must create exactly these. */
export const tableNames: readonly string[] = [...Object.values(TABLES), ...Object.values(BOT_TABLES)];
