import { createHash, randomBytes } from "node:crypto";
import { AccessChannel, AuditWhat, Role } from "@fact-board/contract";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { AuditEvent, BoardId } from "../domain/types";
import { type Mapping, boardPartition, entity, parseStored, storedInstant } from "./entity-support";

// AuditLog: PartitionKey `${boardId}_${yyyyMM}` (the UTC month of the event), RowKey
// `${invertedTime}_${random}`. Month partitions keep each partition bounded and let a log review
// query months in parallel; the inverted time makes a partition list newest first; the random
// tail keeps two events in the same millisecond apart.
//
// Views fold: identical views (same person, organisation and role, same participant, same kind,
// same channel, same outcome) in the same 15-minute UTC window are one row with a count, keyed
// `${invertedWindowStart}_${actorHash}_${viewHash}`, so a live board refreshing every ten seconds
// writes one row per participant and window instead of ninety. The key is deterministic, so a
// second view finds the row and raises its count under its ETag: nothing is lost on a crash or a
// race. The actor's hash sits first so one range query finds all of one person's rows in a window.
// Changes never fold. Nothing here deletes, and a row's who/what/first time never changes.

/** Larger than any Date (8.64e15 ms): the inverted time stays positive and 16 digits wide. */
const TIME_CEILING = 8_640_000_000_000_000;

export type AuditMonth = string; // "YYYY-MM"

export const auditPartition = (boardId: BoardId, month: AuditMonth): string => `${boardPartition(boardId)}_${month.replace("-", "")}`;

export function monthOf(at: string): AuditMonth {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Invalid("The audit event has no valid time.");
  return new Date(ms).toISOString().slice(0, 7);
}

const inverted = (ms: number): string => String(TIME_CEILING - ms).padStart(16, "0");

/** The folding window: identical views within one 15-minute UTC window (hh:00, hh:15, …) are one row. */
export const FOLD_WINDOW_MS = 15 * 60_000;
/** Only reads fold; every change, export and erasure keeps a row of its own. */
const FOLDABLE: ReadonlySet<AuditEvent["what"]> = new Set(["viewedDetails", "viewedHistory"]);
export const isFoldable = (e: Pick<AuditEvent, "what">): boolean => FOLDABLE.has(e.what);

export const windowStartOf = (at: string): number => Math.floor(Date.parse(at) / FOLD_WINDOW_MS) * FOLD_WINDOW_MS;

const hash = (parts: string[], length: number): string => createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, length);

// A board view writes one row per participant shown, all by the same person: their part of the key once.
const actorHashes = new Map<string, string>();
function actorHash(actor: Pick<AuditEvent["actor"], "tenantId" | "objectId">): string {
  const id = `${actor.tenantId}\u0000${actor.objectId}`;
  let known = actorHashes.get(id);
  if (known === undefined) {
    if (actorHashes.size >= 10_000) actorHashes.clear();
    known = hash([actor.tenantId, actor.objectId], 12);
    actorHashes.set(id, known);
  }
  return known;
}

/**
 * Where a foldable view goes: its row, and the prefix that all rows of the same person in the same
 * window share. Windows divide hours evenly, so a window never spans two month partitions.
 */
export function foldKeys(e: AuditEvent): { partitionKey: string; rowKey: string; actorPrefix: string } {
  const at = Date.parse(e.at);
  if (Number.isNaN(at)) throw new Invalid("The audit event has no valid time.");
  const actorPrefix = `${inverted(windowStartOf(e.at))}_${actorHash(e.actor)}_`;
  const view = hash([e.actor.organisationId, e.actor.role, e.participantId, e.what, e.channel, e.outcome], 16);
  return { partitionKey: auditPartition(e.boardId, monthOf(e.at)), rowKey: `${actorPrefix}${view}`, actorPrefix };
}

export function auditKeys(e: AuditEvent) {
  if (isFoldable(e)) {
    const { partitionKey, rowKey } = foldKeys(e);
    return { partitionKey, rowKey };
  }
  return {
    partitionKey: auditPartition(e.boardId, monthOf(e.at)),
    rowKey: `${inverted(Date.parse(e.at))}_${randomBytes(6).toString("hex")}`,
  };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Review ranges are bounded: the log is kept at least five years, a review asks for a few months. */
const MAX_MONTHS = 120;

/** The months from `toMonth` back to `fromMonth`, newest first. */
export function monthsNewestFirst(fromMonth: AuditMonth, toMonth: AuditMonth): AuditMonth[] {
  const from = MONTH.exec(fromMonth);
  const to = MONTH.exec(toMonth);
  if (!from || !to) throw new Invalid("Months are written YYYY-MM.");
  const index = (m: RegExpExecArray) => Number(m[1]) * 12 + Number(m[2]) - 1;
  const first = index(from);
  const last = index(to);
  if (first > last) throw new Invalid("The first month comes after the last.");
  if (last - first >= MAX_MONTHS) throw new Invalid(`At most ${MAX_MONTHS} months at a time.`);
  const months: AuditMonth[] = [];
  for (let i = last; i >= first; i--) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  return months;
}

/**
 * What a stored record says was done. Records written before signals were called signals say
 * `escalationRaised` / `escalationAnswered`: the log is never rewritten, so they are read as today's words.
 */
export const StoredAuditWhat = z
  .union([AuditWhat, z.enum(["escalationRaised", "escalationAnswered"])])
  .transform((w): AuditWhat => (w === "escalationRaised" ? "signalRaised" : w === "escalationAnswered" ? "signalAnswered" : w));

const AuditEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  at: storedInstant,
  actorTenantId: z.string(),
  actorObjectId: z.string(),
  actorOrganisationId: z.string(),
  actorRole: Role,
  what: StoredAuditWhat,
  participantId: z.string(),
  participantCode: z.string(),
  channel: AccessChannel,
  outcome: z.enum(["allowed", "denied"]),
  count: z.number().int().positive().optional(),
  lastAt: storedInstant.optional(),
});

export const auditMapping: Mapping<AuditEvent> = {
  table: "AuditLog",
  what: "Audit event",
  toEntity: (e) =>
    entity(auditKeys(e), {
      boardId: e.boardId,
      at: e.at,
      // Flattened so a log review can filter on the actor inside a partition.
      actorTenantId: e.actor.tenantId,
      actorObjectId: e.actor.objectId,
      actorOrganisationId: e.actor.organisationId,
      actorRole: e.actor.role,
      what: e.what,
      participantId: e.participantId,
      participantCode: e.participantCode,
      channel: e.channel,
      outcome: e.outcome,
      // Folded rows always carry both, so a row can be told from an unfolded one by its columns.
      ...(isFoldable(e) ? { count: e.count ?? 1, lastAt: e.lastAt ?? e.at } : {}),
    }),
  fromEntity: (raw) => {
    const e = parseStored(AuditEntity, "AuditLog", raw);
    return {
      boardId: e.boardId,
      at: e.at,
      actor: { tenantId: e.actorTenantId, objectId: e.actorObjectId, organisationId: e.actorOrganisationId, role: e.actorRole },
      what: e.what,
      participantId: e.participantId,
      participantCode: e.participantCode,
      channel: e.channel,
      outcome: e.outcome,
      ...(e.count !== undefined ? { count: e.count } : {}),
      ...(e.lastAt !== undefined ? { lastAt: e.lastAt } : {}),
      etag: e.etag,
    };
  },
};
