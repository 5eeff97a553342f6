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
 */
export class DecodedVersions<T> {
  private readonly byKey = new Map<string, { etag: string; value: T }>();

  /** `capacity` versions per table are kept (oldest decoded first out): some thousands of boards' hot rows. */
  constructor(private readonly capacity = 50_000) {}

  decode(raw: RawEntity, parse: (raw: RawEntity) => T): T {
    const etag = raw.etag;
    if (!etag) return parse(raw);
    const key = `${raw.partitionKey ?? ""}\u0000${raw.rowKey ?? ""}`;
    const known = this.byKey.get(key);
    if (known?.etag === etag) return known.value;
    const value = deepFreeze(parse(raw));
    if (known) this.byKey.delete(key);
    else if (this.byKey.size >= this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    this.byKey.set(key, { etag, value });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
