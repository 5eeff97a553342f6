import type { AuditPage } from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AuditEvent, BoardId } from "../domain/types";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";

// Loggkontroll: managers and admins review who saw or changed a participant, or what one member
// accessed. Reading the log of a participant is itself an access to that participant and is logged.

export interface AuditQuery {
  participantId?: string;
  memberId?: string;
  fromMonth?: string;
  toMonth?: string;
  cursor?: string;
}

const toRecord = (e: AuditEvent) => ({
  at: e.at,
  tenantId: e.actor.tenantId,
  objectId: e.actor.objectId,
  organisationId: e.actor.organisationId,
  role: e.actor.role,
  what: e.what,
  participantCode: e.participantCode,
  channel: e.channel,
  outcome: e.outcome,
});

export async function readAuditLog(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: AuditQuery): Promise<AuditPage> {
  assertAllowed(actor.member, "audit.read");
  if (!query.participantId === !query.memberId) throw new Invalid("Give either a participant or a member.");
  const today = todayOf(deps);
    // Default: the last twelve months, newest first.
  const range = {
    fromMonth: query.fromMonth ?? `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`,
    toMonth: query.toMonth ?? today.slice(0, 7),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
  if (query.participantId) {
    // The participant may since have been erased: the log survives, so look the code up in the log itself when needed.
    const participant = await deps.storage.participants.get(boardId, query.participantId);
    const page = await deps.storage.audit.listPageForParticipant(boardId, query.participantId, range);
    if (!participant && page.items.length === 0) throw new NotFound("The participant");
    const first = page.items[0];
    const logged = participant ?? (first ? { id: query.participantId, code: first.participantCode, boardId } : undefined);
    if (logged) await recordAccess(deps, actor, "viewedHistory", [logged]);
    return { records: page.items.map(toRecord), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }
  const [tenantId, objectId] = (query.memberId ?? "").split(".");
  if (!tenantId || !objectId) throw new Invalid("A member id is tenant id and object id joined by a dot.");
  const page = await deps.storage.audit.listPageForMember(boardId, tenantId, objectId, range);
  return { records: page.items.map(toRecord), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

const CSV_COLUMNS = ["at", "tenantId", "objectId", "organisationId", "role", "what", "participantCode", "channel", "outcome"] as const;

/** RFC 4180 quoting, and a leading quote on cells starting with = + - @ so spreadsheets do not run them as formulas. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(page: AuditPage): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of page.records) lines.push(CSV_COLUMNS.map((c) => csvCell(String(r[c]))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Export: every page of the query as CSV. */
export async function exportAuditLog(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: Omit<AuditQuery, "cursor">): Promise<string> {
  const records: AuditPage["records"] = [];
  let cursor: string | undefined;
  do {
    const page = await readAuditLog(deps, actor, boardId, { ...query, ...(cursor ? { cursor } : {}) });
    records.push(...page.records);
    cursor = page.cursor;
  } while (cursor && records.length < 100_000);
  return toCsv({ records });
}
