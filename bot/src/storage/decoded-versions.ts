import type { RawEntity } from "./entity-support";

/**
 * Stored entities already decoded and validated, by version. A board view reads the same few
 * hundred participants and consents on every refresh, and decoding them (JSON columns, schema
 * checks) was a fifth of the server's own time per board load. Every entity storage returns is
 * still checked: the same ETag is the same stored version, so it was validated when first read;
 * a new ETag (any write, an erasure, a restore) is decoded and validated again. What exists and
 * what is current is always storage's answer; this only spares repeating the decoding.
 *
 * The decoded value is shared by every request that reads the same version, so it is frozen, all
 * the way down: code that tried to change one would throw instead of changing another request's.
 *
 * It holds health and social-services data, so it keeps only what storage keeps returning: a
 * version not read for RETAIN_MS (the entity was deleted, replaced by a version nobody read since,
 * or is simply not looked at) is dropped at the next sweep, and a delete drops it at once.
 */
export class DecodedVersions<T> {
  private readonly byKey = new Map<string, { etag: string; value: T; seenAt: number }>();
  private decodesSinceSweep = 0;

  constructor(
    /** Versions kept per table (oldest decoded first out). */
    private readonly capacity = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  decode(raw: RawEntity, parse: (raw: RawEntity) => T): T {
    const etag = raw.etag;
    if (!etag) return parse(raw);
    if (++this.decodesSinceSweep >= SWEEP_EVERY) this.sweep();
    const key = keyOf(raw.partitionKey, raw.rowKey);
    const known = this.byKey.get(key);
    const now = this.now();
    if (known?.etag === etag) {
      known.seenAt = now;
      return known.value;
    }
    const value = deepFreeze(parse(raw));
    if (known) this.byKey.delete(key);
    else if (this.byKey.size >= this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    this.byKey.set(key, { etag, value, seenAt: now });
    return value;
  }

  /** The entity was deleted: nothing of it stays here. */
  forget(partitionKey: string, rowKey: string): void {
    this.byKey.delete(keyOf(partitionKey, rowKey));
  }

  /** Drops every version not read from storage for RETAIN_MS. */
  sweep(): void {
    this.decodesSinceSweep = 0;
    const before = this.now() - RETAIN_MS;
    for (const [key, entry] of this.byKey) if (entry.seenAt < before) this.byKey.delete(key);
  }
}

/** Longer than any board's refresh interval, short enough that a deleted row's words do not linger. */
export const RETAIN_MS = 10 * 60_000;
const SWEEP_EVERY = 1_000;

const keyOf = (partitionKey: string | undefined, rowKey: string | undefined) => `${partitionKey ?? ""}\u0000${rowKey ?? ""}`;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
