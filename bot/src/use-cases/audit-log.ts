import { type AuditPage, type ExportFormat, svWords } from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AuditEvent, BoardId, Participant } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import type { Page } from "../storage";
import { type CsvColumn, csvChunks } from "./csv";
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
    if (cursor && (e instanceof SyntaxError || (e as { statusCode?: number }).statusCode === 400))
      throw new Invalid("The cursor is not valid.");
    throw e;
  }
}

/** What a log review shows in place of the code of a participant the reviewer's organisation may not see now. */
export const MASKED_CODE = "—";

type Shown = Pick<Participant, "id" | "code" | "boardId">;
type AuditRecord = AuditPage["records"][number];

/**
 * A log review, opened once: the query checked, the reference data (participant, consents) loaded
 * once, then any number of pages read and shaped as this reviewer may see them.
 */
interface AuditReview {
  read(cursor: string | undefined): Promise<Page<AuditEvent>>;
  /** The page's records, masked as needed, and the participants whose codes they show. */
  show(items: AuditEvent[]): { records: AuditRecord[]; shown: Shown[] };
}

/**
 * The log itself is a record about the participant, so the same consent gate applies: a
 * participant's log is answered only when the reviewer's organisation may see the participant
 * (or, after erasure, was involved with them — the log survives erasure for exactly this review).
 * A member's log is reviewed by their own organisation; codes of participants the reviewer may
 * not see now are masked, the rows stay.
 */
async function openAuditReview(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: Omit<AuditQuery, "cursor">): Promise<AuditReview> {
  assertAllowed(actor.member, "audit.read");
  if (!query.participantId === !query.memberId) throw new Invalid("Give either a participant or a member.");
  const today = todayOf(deps);
  const viewerOrg = actor.member.organisationId;
  // Default: the last twelve months, newest first.
  const range = {
    fromMonth: query.fromMonth ?? `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`,
    toMonth: query.toMonth ?? today.slice(0, 7),
  };
  const withCursor = (cursor: string | undefined) => ({ ...range, ...(cursor ? { cursor } : {}) });

  if (query.participantId) {
    const participantId = query.participantId;
    const [participant, consents] = await Promise.all([
      deps.storage.participants.get(boardId, participantId),
      deps.storage.consents.listForParticipant(boardId, participantId),
    ]);
    const visible = participant && visibilityFor(participant, consents, viewerOrg, today);
    const erasedButInvolved = participant?.erasedAt !== undefined && participant.organisationIds.includes(viewerOrg);
    if (!visible && !erasedButInvolved) throw new NotFound("The participant");
    return {
      read: (cursor) =>
        withClientCursor(cursor, () => deps.storage.audit.listPageForParticipant(boardId, participantId, withCursor(cursor))),
      show(items) {
        // After erasure the record has no code any more: the log's own copy names the participant.
        const code = participant?.code || items.find((e) => e.participantCode)?.participantCode || "";
        // An empty page (the last months of a range) shows nothing, so it is no access to log.
        return { records: items.map(toRecord), shown: items.length > 0 ? [{ id: participantId, code, boardId }] : [] };
      },
    };
  }

  const member = await deps.storage.members.get(boardId, query.memberId ?? "");
  if (!member || member.organisationId !== viewerOrg) throw new NotFound("The member");
  const [snapshotParticipants, snapshotConsents] = await Promise.all([
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  const participants = new Map(snapshotParticipants.map((p) => [p.id, p]));
  const consents = groupConsentsByParticipant(snapshotConsents);
  const readable = new Map<string, boolean>();
  const isReadable = (participantId: string): boolean => {
    let known = readable.get(participantId);
    if (known === undefined) {
      const p = participants.get(participantId);
      known = Boolean(
        p && (visibilityFor(p, consents.get(p.id) ?? [], viewerOrg, today) || (p.erasedAt && p.organisationIds.includes(viewerOrg))),
      );
      readable.set(participantId, known);
    }
    return known;
  };
  return {
    read: (cursor) =>
      withClientCursor(cursor, () => deps.storage.audit.listPageForMember(boardId, member.tenantId, member.objectId, withCursor(cursor))),
    show(items) {
      const shown = new Map<string, Shown>();
      const records = items.map((e) => {
        if (!isReadable(e.participantId)) return toRecord({ ...e, participantCode: MASKED_CODE });
        shown.set(e.participantId, { id: e.participantId, code: e.participantCode, boardId });
        return toRecord(e);
      });
      return { records, shown: [...shown.values()] };
    },
  };
}

export async function readAuditLog(deps: UseCaseDeps, actor: Actor, boardId: BoardId, query: AuditQuery): Promise<AuditPage> {
  const { cursor, ...rest } = query;
  const review = await openAuditReview(deps, actor, boardId, rest);
  const page = await review.read(cursor);
  const { records, shown } = review.show(page.items);
  await recordAccess(deps, actor, "viewedHistory", shown);
  return { records, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * The export's columns; generic over the record, so a new one is one entry. lastAt and count: a
 * folded row stands for `count` identical views from `at` to `lastAt`.
 */
export const AUDIT_CSV_COLUMNS: ReadonlyArray<CsvColumn<AuditRecord>> = [
  { key: "at", sv: "Tid", cell: (r) => r.at, excel: "instant" },
  { key: "tenantId", sv: "Klientorganisation (tenant-id)", cell: (r) => r.tenantId },
  { key: "objectId", sv: "Användarens objekt-id", cell: (r) => r.objectId },
  { key: "organisationId", sv: "Organisation", cell: (r) => r.organisationId },
  { key: "role", sv: "Roll", cell: (r) => r.role, excel: svWords.role },
  { key: "what", sv: "Vad", cell: (r) => r.what, excel: svWords.auditWhat },
  { key: "participantCode", sv: "Deltagare", cell: (r) => r.participantCode },
  { key: "channel", sv: "Kanal", cell: (r) => r.channel, excel: svWords.auditChannel },
  { key: "outcome", sv: "Utfall", cell: (r) => r.outcome, excel: svWords.auditOutcome },
  { key: "lastAt", sv: "Senast", cell: (r) => r.lastAt, excel: "instant" },
  { key: "count", sv: "Antal", cell: (r) => r.count },
];

/** The most rows one export holds. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * Export: the query's pages as CSV chunks, streamed one page at a time (bounded memory). The
 * query is checked before the first chunk, so a refusal is still a proper error answer. Each
 * page's participants get their "exported" record before the page is sent (no log, no access),
 * each participant once per export.
 */
export async function exportAuditLog(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  query: Omit<AuditQuery, "cursor">,
  format: ExportFormat = "csv",
): Promise<AsyncGenerator<string>> {
  const review = await openAuditReview(deps, actor, boardId, query);
  // The first page is read before anything is sent: storage being down is still a 503, not a cut file.
  let next: Page<AuditEvent> | undefined = await review.read(undefined);
  async function* pages(): AsyncGenerator<AuditRecord[]> {
    const logged = new Set<string>();
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page: Page<AuditEvent> = next ?? (await review.read(cursor));
      next = undefined;
      const { records, shown } = review.show(page.items);
      const fresh = shown.filter((p) => !logged.has(p.id));
      await recordAccess(deps, actor, "exported", fresh);
      for (const p of fresh) logged.add(p.id);
      rows += records.length;
      yield records;
      cursor = page.cursor;
    } while (cursor && rows < MAX_EXPORT_ROWS);
  }
  return csvChunks(AUDIT_CSV_COLUMNS, pages(), { format, timeZone: deps.timeZone });
}
