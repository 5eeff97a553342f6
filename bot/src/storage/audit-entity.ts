import { randomBytes } from "node:crypto";
import { AccessChannel, Role } from "@fact-board/contract";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { AuditEvent, BoardId } from "../domain/types";
import { type Mapping, boardPartition, entity, parseStored, storedInstant } from "./entity-support";

// AuditLog: PartitionKey `${boardId}_${yyyyMM}` (the UTC month of the event), RowKey
// `${invertedTime}_${random}`. Month partitions keep each partition bounded and let a log review
// query months in parallel; the inverted time makes a partition list newest first; the random
// tail keeps two events in the same millisecond apart. Append-only: nothing here updates or deletes.

/** Larger than any Date (8.64e15 ms): the inverted time stays positive and 16 digits wide. */
const TIME_CEILING = 8_640_000_000_000_000;

export type AuditMonth = string; // "YYYY-MM"

export const auditPartition = (boardId: BoardId, month: AuditMonth): string => `${boardPartition(boardId)}_${month.replace("-", "")}`;

export function monthOf(at: string): AuditMonth {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Invalid("The audit event has no valid time.");
  return new Date(ms).toISOString().slice(0, 7);
}

export function auditKeys(e: AuditEvent) {
  const inverted = String(TIME_CEILING - Date.parse(e.at)).padStart(16, "0");
  return { partitionKey: auditPartition(e.boardId, monthOf(e.at)), rowKey: `${inverted}_${randomBytes(6).toString("hex")}` };
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

const AuditEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  at: storedInstant,
  actorTenantId: z.string(),
  actorObjectId: z.string(),
  actorOrganisationId: z.string(),
  actorRole: Role,
  what: z.enum([
    "viewedDetails",
    "viewedHistory",
    "changed",
    "putOnBoard",
    "takenOffBoard",
    "consentRecorded",
    "escalationRaised",
    "escalationAnswered",
    "exported",
    "erased",
  ] satisfies AuditEvent["what"][]),
  participantId: z.string(),
  participantCode: z.string(),
  channel: AccessChannel,
  outcome: z.enum(["allowed", "denied"]),
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
      etag: e.etag,
    };
  },
};
