import type { TableEntityResult } from "@azure/data-tables";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import { StoredEntityInvalid } from "./storage-errors";

// Helpers every *-entity.ts uses: key checks, JSON columns, parsing stored entities at the edge.

export type PropertyValue = string | number | boolean;
export interface Entity {
  partitionKey: string;
  rowKey: string;
  [property: string]: PropertyValue;
}
export type RawEntity = TableEntityResult<Record<string, unknown>>;
export type Stored<D> = D & { etag: string };

/** How a domain thing maps to one table's entities. */
export interface Mapping<D> {
  /** Table name for messages. */
  readonly table: string;
  /** What the thing is called in error messages ("Board entry"). */
  readonly what: string;
  toEntity(thing: D): Entity;
  fromEntity(raw: RawEntity): Stored<D>;
}

// Table Storage refuses these in PartitionKey/RowKey; ids come from the server, but a bad one
// must fail loudly here rather than as an opaque 400 later.
const FORBIDDEN_IN_KEY = /[/\\#?]/;
const hasControlCharacter = (value: string): boolean =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

/**
 * Checks a value that becomes (part of) a key. `composite`: it sits left of a "_" separator in a
 * composite key, so it may not contain "_" itself (else "a_b"+"c" and "a"+"b_c" collide).
 */
export function keyPart(value: string, what: string, options: { composite?: boolean } = {}): string {
  if (value.length === 0 || value.length > 255 || FORBIDDEN_IN_KEY.test(value) || hasControlCharacter(value)) {
    throw new Invalid(`${what} cannot be used as a storage key.`);
  }
  if (options.composite && value.includes("_")) {
    throw new Invalid(`${what} may not contain "_" (it is part of a composite storage key).`);
  }
  return value;
}

// A string property holds at most 64 KiB (32K UTF-16 code units).
const MAX_STRING = 32_000;

/** Arrays and objects are stored as JSON strings. */
export function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text.length > MAX_STRING) throw new Invalid(`${what} is too large to store.`);
  return text;
}

/** A zod field that reads a JSON column and validates what it holds. */
export const jsonColumn = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** Drops undefined and null: Table Storage has no null, an absent property is the "not set". */
export function entity(
  keys: { partitionKey: string; rowKey: string },
  properties: Record<string, PropertyValue | undefined | null>,
): Entity {
  const out: Entity = { ...keys };
  for (const [name, value] of Object.entries(properties)) {
    if (value !== undefined && value !== null) out[name] = value;
  }
  return out;
}

/** Parse at the edge: a stored entity is outside data too. */
export function parseStored<S extends z.ZodType>(schema: S, table: string, raw: RawEntity): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const detail = issue ? `${issue.path.join(".") || "entity"}: ${issue.message}` : "does not match its schema";
    throw new StoredEntityInvalid(table, raw.partitionKey ?? "?", raw.rowKey ?? "?", detail);
  }
  return result.data;
}

/** Drops undefined keys so an optional field left out and one set to undefined look the same. */
const withoutUndefined = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => v !== undefined && k !== "etag")
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, withoutUndefined(v)]),
    );
  }
  return value;
};

/** Same stored content, ignoring etag and key order: decides whether a repeated create is a retry. */
export function sameContent<D>(mapping: Mapping<D>, stored: D, candidate: D): boolean {
  // Round-trip the candidate so it carries exactly what storage would keep.
  const normalised = mapping.fromEntity({ ...mapping.toEntity(candidate), etag: "" } as RawEntity);
  return JSON.stringify(withoutUndefined(stored)) === JSON.stringify(withoutUndefined(normalised));
}

/** Opaque cursors for the API: base64url of JSON. */
export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string): z.output<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new Invalid("The cursor is not valid.");
  }
}

/** Common zod pieces for stored entities. */
export const storedDate = z.iso.date();
export const storedInstant = z.iso.datetime({ offset: true });
export const optionalText = z.string().optional();

/** Most tables partition by board; a board id sits left of "_" in composite keys, so it may not hold one. */
export const boardPartition = (boardId: string): string => keyPart(boardId, "Board id", { composite: true });

/** A calendar date used in a key: fixed width, so keys sort by date. */
export function dateKey(value: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Invalid(`${what} must be a date (YYYY-MM-DD).`);
  return value;
}
