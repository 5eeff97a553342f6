import type { TableClient } from "@azure/data-tables";
import { readOrUndefined, safeKey, statusOf } from "./bot-tables";

// What the bot has posted, so that (1) a retried or repeated send never posts the same card twice
// (the dedupe key is checked before sending and written after) and (2) when a signal or a cover
// request changes, every posted copy can be updated in place.
//   PartitionKey: the card (e.g. "escalation.<boardId>.<id>"), RowKey: the dedupe key of the send.

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
  /** "uncertain": Teams answered 504 to the post; it may be there. Never posted again, cannot be updated. */
  delivery: "sent" | "uncertain";
}

interface Row {
  partitionKey: string;
  rowKey: string;
  conversationKind: string;
  conversationKey: string;
  activityId: string;
  viewerId?: string;
  audience: string;
  sentAt: string;
  delivery?: string;
}

export class SentCardStore {
  constructor(private readonly table: TableClient) {}

  async get(cardKey: string, dedupeKey: string): Promise<SentCard | undefined> {
    const row = await readOrUndefined(() => this.table.getEntity<Row>(safeKey(cardKey), safeKey(dedupeKey)));
    return row && fromRow(row as Row);
  }

  /** Records a send. Recording the same send twice is fine (an instance retried after a crash). */
  async record(card: SentCard): Promise<void> {
    const row: Row = {
      partitionKey: safeKey(card.cardKey),
      rowKey: safeKey(card.dedupeKey),
      conversationKind: card.conversationKind,
      conversationKey: card.conversationKey,
      activityId: card.activityId,
      audience: card.audience,
      sentAt: card.sentAt,
      delivery: card.delivery,
      ...(card.viewerId ? { viewerId: card.viewerId } : {}),
    };
    try {
      await this.table.createEntity(row);
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
    }
  }

  async listFor(cardKey: string): Promise<SentCard[]> {
    const out: SentCard[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq '${safeKey(cardKey).replace(/'/g, "''")}'` } })) {
      out.push(fromRow(row as Row));
    }
    return out;
  }
}

function fromRow(row: Row): SentCard {
  return {
    cardKey: row.partitionKey,
    dedupeKey: row.rowKey,
    conversationKind: row.conversationKind,
    conversationKey: row.conversationKey,
    activityId: row.activityId,
    audience: row.audience === "channel" ? "channel" : "personal",
    sentAt: row.sentAt,
    delivery: row.delivery === "uncertain" ? "uncertain" : "sent",
    ...(row.viewerId ? { viewerId: row.viewerId } : {}),
  };
}
