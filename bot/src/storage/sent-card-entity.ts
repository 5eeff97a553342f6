import { z } from "zod";
import { type Mapping, type RawEntity, entity, parseStored, storedInstant } from "./entity-support";
import { safeKey } from "./safe-key";

// SentCards: what the bot has posted, so that (1) a retried or repeated send never posts the same
// card twice (the dedupe key is checked before sending and written after) and (2) when a signal or
// a cover request changes, every posted copy can be updated in place.
//   PartitionKey: the card (e.g. "escalation.<boardId>.<id>" for a signal: the key is older than the word), RowKey: the dedupe key of the send.
// Both come from Teams and board ids; safeKey escapes what Table keys refuse.

export interface SentCard {
  cardKey: string;
  dedupeKey: string;
  conversationKind: string;
  conversationKey: string;
  activityId: string;
  /** The member the card was built for (personal chats); absent for channel posts. */
  viewerId?: string;
  audience: "personal" | "channel";
  sentAt: string;
  /** "uncertain": Teams answered 504 to the post; it may be there. Cannot be updated; the core may post a second copy later (its own row). */
  delivery: "sent" | "uncertain";
}

export const sentCardKeys = (cardKey: string, dedupeKey: string) => ({ partitionKey: safeKey(cardKey), rowKey: safeKey(dedupeKey) });

const SentCardEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  conversationKind: z.string(),
  conversationKey: z.string(),
  activityId: z.string(),
  viewerId: z.string().optional(),
  audience: z.enum(["personal", "channel"]),
  sentAt: storedInstant,
  // Rows written before uncertain posts were recorded carry no delivery: they were sent.
  delivery: z.enum(["sent", "uncertain"]).optional(),
});

export const sentCardMapping: Mapping<SentCard> = {
  table: "SentCards",
  what: "Sent card",
  toEntity: (c) =>
    entity(sentCardKeys(c.cardKey, c.dedupeKey), {
      conversationKind: c.conversationKind,
      conversationKey: c.conversationKey,
      activityId: c.activityId,
      viewerId: c.viewerId,
      audience: c.audience,
      sentAt: c.sentAt,
      delivery: c.delivery,
    }),
  fromEntity: (raw: RawEntity) => {
    const e = parseStored(SentCardEntity, "SentCards", raw);
    return {
      cardKey: e.partitionKey,
      dedupeKey: e.rowKey,
      conversationKind: e.conversationKind,
      conversationKey: e.conversationKey,
      activityId: e.activityId,
      audience: e.audience,
      sentAt: e.sentAt,
      delivery: e.delivery ?? "sent",
      ...(e.viewerId ? { viewerId: e.viewerId } : {}),
      etag: e.etag,
    };
  },
};
