import type { AuditPage } from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AuditEvent, BoardId, Participant } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
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
  lastAt: e.lastAt ?? e.at,
  count: e.count ?? 1,
  tenantId: e.actor.tenantId,
  objectId: e.actor.objectId,
  organisationId: e.actor.organisationId,
  role: e.actor.role,
  what: e.what,
  participantCode: e.participantCode,
  channel: e.channel,
  outcome: e.outcome,
});

/**
 * A cursor comes back from the client. One the storage cannot read (a forged or mangled
 * continuation token) is the client's mistake, answered 400 — not a server error.
 */
async function withClientCursor<T>(cursor: string | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (cursor && (e instanceof SyntaxError || (e as { statusCode?: number }).statusCode === 400)) throw new Invalid("The cursor is not valid.");
    throw e;
  }
}

interface LoadedPage {
  page: AuditPage;
  /** The participants whose codes the page shows: each gets one access record. */
  shown: Array<Pick<Participant, "id" | "code" | "boardId">>;
}

/** What a log review shows in place of the code of a participant the reviewer's organisation may not see now. */
export const MASKED_CODE = "—";

/**
 * One page of the log, as this reviewer may see it. The log itself is a record about the
 * participant, so the same consent gate applies: a participant's log is answered only when the
 * reviewer's organisation may see the participant (or, after erasure, was involved with them —
 * the log survives erasure for exactly this review). A member's log is reviewed by their own
 * organisation; codes of participants the reviewer may not see now are masked, the rows stay.
 */
async function loadAuditPage(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: AuditQuery): Promise<LoadedPage> {
  assertAllowed(actor.member, "audit.read");
  if (!query.participantId === !query.memberId) throw new Invalid("Give either a participant or a member.");
  const today = todayOf(deps);
  const viewerOrg = actor.member.organisationId;
  // Default: the last twelve months, newest first.
  const range = {
    fromMonth: query.fromMonth ?? `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`,
    toMonth: query.toMonth ?? today.slice(0, 7),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
  const pageOf = (items: AuditEvent[], cursor: string | undefined, code: (e: AuditEvent) => string): AuditPage => ({
    records: items.map((e) => toRecord({ ...e, participantCode: code(e) })),
    ...(cursor ? { cursor } : {}),
  });

  if (query.participantId) {
    const [participant, consents] = await Promise.all([
      deps.storage.participants.get(boardId, query.participantId),
      deps.storage.consents.listForParticipant(boardId, query.participantId),
    ]);
    const visible = participant && visibilityFor(participant, consents, viewerOrg, today);
    const erasedButInvolved = participant?.erasedAt !== undefined && participant.organisationIds.includes(viewerOrg);
    if (!visible && !erasedButInvolved) throw new NotFound("The participant");
    const page = await withClientCursor(query.cursor, () => deps.storage.audit.listPageForParticipant(boardId, query.participantId!, range));
    // After erasure the record has no code any more: the log's own copy names the participant.
    const code = participant?.code || page.items.find((e) => e.participantCode)?.participantCode || "";
    // An empty page (the last months of a range) shows nothing, so it is no access to log.
    const shown = page.items.length > 0 ? [{ id: query.participantId, code, boardId }] : [];
    return { page: pageOf(page.items, page.cursor, (e) => e.participantCode), shown };
  }

  const member = await deps.storage.members.get(boardId, query.memberId ?? "");
  if (!member || member.organisationId !== viewerOrg) throw new NotFound("The member");
  const [page, snapshotParticipants, snapshotConsents] = await Promise.all([
    withClientCursor(query.cursor, () => deps.storage.audit.listPageForMember(boardId, member.tenantId, member.objectId, range)),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  const participants = new Map(snapshotParticipants.map((p) => [p.id, p]));
  const consents = groupConsentsByParticipant(snapshotConsents);
  const shown = new Map<string, Pick<Participant, "id" | "code" | "boardId">>();
  const code = (e: AuditEvent): string => {
    const p = participants.get(e.participantId);
    const readable = p && (visibilityFor(p, consents.get(p.id) ?? [], viewerOrg, today) || (p.erasedAt && p.organisationIds.includes(viewerOrg)));
    if (!readable) return MASKED_CODE;
    shown.set(e.participantId, { id: e.participantId, code: e.participantCode, boardId });
    return e.participantCode;
  };
  return { page: pageOf(page.items, page.cursor, code), shown: [...shown.values()] };
}

export async function readAuditLog(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: AuditQuery): Promise<AuditPage> {
  const { page, shown } = await loadAuditPage(deps, actor, boardId, query);
  await recordAccess(deps, actor, "viewedHistory", shown);
  return page;
}

// lastAt and count: a folded row stands for `count` identical views from `at` to `lastAt`.
const CSV_COLUMNS = ["at", "tenantId", "objectId", "organisationId", "role", "what", "participantCode", "channel", "outcome", "lastAt", "count"] as const;

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

/** Export: every page of the query as CSV; one "exported" record per participant in it. */
export async function exportAuditLog(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: Omit<AuditQuery, "cursor">): Promise<string> {
  const records: AuditPage["records"] = [];
  const shown = new Map<string, Pick<Participant, "id" | "code" | "boardId">>();
  let cursor: string | undefined;
  do {
    const loaded = await loadAuditPage(deps, actor, boardId, { ...query, ...(cursor ? { cursor } : {}) });
    records.push(...loaded.page.records);
    for (const p of loaded.shown) shown.set(p.id, p);
    cursor = loaded.page.cursor;
  } while (cursor && records.length < 100_000);
  await recordAccess(deps, actor, "exported", [...shown.values()]);
  return toCsv({ records });
}
