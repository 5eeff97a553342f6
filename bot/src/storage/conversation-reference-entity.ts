import { z } from "zod";
import { type Mapping, type RawEntity, entity, jsonColumn, parseStored, toJson } from "./entity-support";

// ConversationReferences: where the bot can write to, one row per installation (personal chat,
// team channel, group chat), stored when the app is installed (or a chat is opened from the
// team's roster) and removed when it is uninstalled or Teams answers 403.
//   PartitionKey: personal | channel | groupChat
//   RowKey: personal chats by member id `${tenantId}.${aadObjectId}` (a point read per person);
//           channels and group chats by conversation id.
// Keys are escaped with safeKey by whoever derives them from Teams ids. The Bot Framework
// reference itself is opaque here (a JSON column): storage imports no SDK.

export type ConversationKind = "personal" | "channel" | "groupChat";

export interface ConversationRecord {
  kind: ConversationKind;
  key: string;
  /** The Bot Framework's ConversationReference, as the edge gave it. */
  reference: Record<string, unknown>;
  tenantId?: string;
  /** Personal chats: the member id of the person. */
  memberId?: string;
  /** Channels and group chats: the boards the conversation serves. */
  boardIds: string[];
  /** Channels: the Teams team the channel belongs to (channelData.team.id). */
  teamId?: string;
  /** The Teams client's locale last seen in the conversation. */
  locale?: string;
  /** Personal chats: the language the person chose; wins over `locale`. */
  chosenLocale?: "sv" | "en";
  updatedAt: string;
}

/** `key` is already a safe key (safeKey): it is what rows and sent cards refer to a conversation by. */
export const conversationKeys = (kind: ConversationKind, key: string) => ({ partitionKey: kind, rowKey: key });

const ConversationEntity = z.object({
  partitionKey: z.enum(["personal", "channel", "groupChat"]),
  rowKey: z.string(),
  etag: z.string(),
  reference: jsonColumn(z.record(z.string(), z.unknown())),
  tenantId: z.string().optional(),
  memberId: z.string().optional(),
  boardIds: jsonColumn(z.array(z.string())).optional(),
  teamId: z.string().optional(),
  locale: z.string().optional(),
  // Anything else stored here (an older value, a manual edit) counts as no choice.
  chosenLocale: z
    .string()
    .optional()
    .transform((v) => (v === "sv" || v === "en" ? v : undefined)),
  updatedAt: z.string(),
});

export const conversationMapping: Mapping<ConversationRecord> = {
  table: "ConversationReferences",
  what: "Conversation reference",
  toEntity: (c) =>
    entity(conversationKeys(c.kind, c.key), {
      reference: toJson(c.reference, "Conversation reference"),
      tenantId: c.tenantId,
      memberId: c.memberId,
      boardIds: c.boardIds.length > 0 ? toJson(c.boardIds, "Boards") : undefined,
      teamId: c.teamId,
      locale: c.locale,
      chosenLocale: c.chosenLocale,
      updatedAt: c.updatedAt,
    }),
  fromEntity: (raw: RawEntity) => {
    const e = parseStored(ConversationEntity, "ConversationReferences", raw);
    return {
      kind: e.partitionKey,
      key: e.rowKey,
      reference: e.reference,
      boardIds: e.boardIds ?? [],
      updatedAt: e.updatedAt,
      ...(e.tenantId ? { tenantId: e.tenantId } : {}),
      ...(e.memberId ? { memberId: e.memberId } : {}),
      ...(e.teamId ? { teamId: e.teamId } : {}),
      ...(e.locale ? { locale: e.locale } : {}),
      ...(e.chosenLocale ? { chosenLocale: e.chosenLocale } : {}),
      etag: e.etag,
    };
  },
};
