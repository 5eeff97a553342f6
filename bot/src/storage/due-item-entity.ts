import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { Instant } from "../domain/types";
import { type Mapping, entity, jsonColumn, keyPart, parseStored, storedInstant, toJson } from "./entity-support";

// DueItems: PartitionKey "due", RowKey `${dueAt}_${kind}_${id}`: every reminder, deadline and
// cover timeout of the installation in one partition, ordered by when it is due, so "what is due
// now" is one range query (RowKey below now). dueAt is normalised to UTC ISO with milliseconds,
// so string order is time order. The volume is small (a few per signal and absence).

export const DUE_PARTITION = "due";

/** Something to do at a time: claimed by one instance with an ETag, then completed (deleted). */
export interface DueItem {
  /** What to do, e.g. "signalReminder", "coverTimeout". No "_". */
  kind: string;
  /** What it is about, e.g. a signal id. With `kind` and `dueAt` it makes the key, so scheduling twice is harmless. */
  id: string;
  dueAt: Instant;
  payload: Record<string, unknown>;
  /** Who holds it while working on it; the lease lets another instance take over after a crash. */
  claimant?: string;
  leaseUntil?: Instant;
  etag?: string;
}

export const normaliseInstant = (value: string, what: string): Instant => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Invalid(`${what} is not a valid time.`);
  return new Date(ms).toISOString();
};

export const dueItemKeys = (item: Pick<DueItem, "kind" | "id" | "dueAt">) => ({
  partitionKey: DUE_PARTITION,
  rowKey: `${normaliseInstant(item.dueAt, "Due time")}_${keyPart(item.kind, "Due item kind", { composite: true })}_${keyPart(item.id, "Due item id")}`,
});

/** The upper bound for "due at or before now": every key starting with now's timestamp sorts below it. */
export const dueUpTo = (now: Instant): string => `${normaliseInstant(now, "Now")}~`;

const DueItemEntity = z.object({
  etag: z.string(),
  kind: z.string(),
  id: z.string(),
  dueAt: storedInstant,
  payload: jsonColumn(z.record(z.string(), z.unknown())),
  claimant: z.string(),
  // "" while unclaimed: an absent property would never match `leaseUntil lt now`.
  leaseUntil: z.union([z.literal(""), storedInstant]),
});

export const dueItemMapping: Mapping<DueItem> = {
  table: "DueItems",
  what: "Due item",
  toEntity: (d) =>
    entity(dueItemKeys(d), {
      kind: d.kind,
      id: d.id,
      dueAt: normaliseInstant(d.dueAt, "Due time"),
      payload: toJson(d.payload, "Due item payload"),
      claimant: d.claimant ?? "",
      leaseUntil: d.leaseUntil === undefined ? "" : normaliseInstant(d.leaseUntil, "Lease"),
    }),
  fromEntity: (raw) => {
    const { claimant, leaseUntil, ...e } = parseStored(DueItemEntity, "DueItems", raw);
    return { ...e, ...(claimant ? { claimant } : {}), ...(leaseUntil ? { leaseUntil } : {}) };
  },
};
