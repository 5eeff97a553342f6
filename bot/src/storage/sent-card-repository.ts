import { odata } from "@azure/data-tables";
import { AlreadyExists } from "../domain/errors";
import { EntityStore } from "./entity-store";
import { type Stored } from "./entity-support";
import { safeKey } from "./safe-key";
import { type SentCard, sentCardKeys, sentCardMapping } from "./sent-card-entity";
import type { Tables } from "./table-clients";

export interface SentCardRepository {
  get(cardKey: string, dedupeKey: string): Promise<Stored<SentCard> | undefined>;
  /** Records a send. Recording the same send twice is fine (an instance retried after a crash): the first record stands. */
  record(card: SentCard): Promise<void>;
  /** Every posted copy of a card. */
  listFor(cardKey: string): Promise<Array<Stored<SentCard>>>;
}

export function sentCardRepository(tables: Tables): SentCardRepository {
  const store = new EntityStore(tables.sentCards, sentCardMapping);
  return {
    get: (cardKey, dedupeKey) => {
      const k = sentCardKeys(cardKey, dedupeKey);
      return store.get(k.partitionKey, k.rowKey);
    },
    async record(card) {
      try {
        await store.create(card);
      } catch (e) {
        // Already recorded by an earlier attempt of the same send; which attempt's details stay does not matter.
        if (!(e instanceof AlreadyExists)) throw e;
      }
    },
    listFor: (cardKey) => store.list(odata`PartitionKey eq ${safeKey(cardKey)}`),
  };
}
