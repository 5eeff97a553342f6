import { odata } from "@azure/data-tables";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { AuditEvent, BoardId, ParticipantId } from "../domain/types";
import { type AuditMonth, auditMapping, auditPartition, isFoldable, monthsNewestFirst } from "./audit-entity";
import { FoldedAuditWriter } from "./audit-folding";
import { EntityStore, type Page, submitCreates } from "./entity-store";
import { type Stored, decodeCursor, encodeCursor } from "./entity-support";
import type { Tables } from "./table-clients";

export interface AuditRange {
  /** First month, YYYY-MM (UTC months). */
  fromMonth: AuditMonth;
  /** Last month, YYYY-MM, included. */
  toMonth: AuditMonth;
}

export interface AuditPageOptions extends AuditRange {
  cursor?: string;
  pageSize?: number;
}

/**
 * Append-only by design: there is no delete, and the log survives a participant's erasure. The only
 * update is a folded view's count and last time going up (audit-entity.ts).
 */
export interface AuditRepository {
  /**
   * Writes the events, one transaction per month partition and 100 events (a board view of 30
   * participants is one transaction). Identical views in the same 15-minute window
   * fold into one row with a count. Throws if any write fails: access that cannot be logged must
   * not be served.
   */
  append(events: AuditEvent[]): Promise<void>;
  /** Loggkontroll per participant: every event in the range, newest first (months queried in parallel). */
  listForParticipant(boardId: BoardId, participantId: ParticipantId, range: AuditRange): Promise<AuditEvent[]>;
  /** Loggkontroll per member (the person behind the access), newest first. */
  listForMember(boardId: BoardId, tenantId: string, objectId: string, range: AuditRange): Promise<AuditEvent[]>;
  /** Log review per organisation: every record of its members in the range (the period's sample is drawn from it). */
  listForOrganisation(boardId: BoardId, organisationId: string, range: AuditRange): Promise<AuditEvent[]>;
  /** The same as pages, newest first, for an API; pass `cursor` back unchanged with the same range. */
  listPageForParticipant(boardId: BoardId, participantId: ParticipantId, options: AuditPageOptions): Promise<Page<AuditEvent>>;
  listPageForMember(boardId: BoardId, tenantId: string, objectId: string, options: AuditPageOptions): Promise<Page<AuditEvent>>;
}

const AuditCursor = z.object({ month: z.string(), token: z.string().optional() });

const withoutEtag = ({ etag: _etag, ...event }: Stored<AuditEvent>): AuditEvent => event;

export function auditRepository(tables: Tables): AuditRepository {
  const store = new EntityStore(tables.auditLog, auditMapping);
  const folded = new FoldedAuditWriter(tables.auditLog);

  const participantFilter = (participantId: ParticipantId) => (partitionKey: string) =>
    odata`PartitionKey eq ${partitionKey} and participantId eq ${participantId}`;
  const memberFilter = (tenantId: string, objectId: string) => (partitionKey: string) =>
    odata`PartitionKey eq ${partitionKey} and actorTenantId eq ${tenantId} and actorObjectId eq ${objectId}`;

  async function listAll(boardId: BoardId, range: AuditRange, filter: (partitionKey: string) => string): Promise<AuditEvent[]> {
    const months = monthsNewestFirst(range.fromMonth, range.toMonth);
    const perMonth = await Promise.all(months.map((m) => store.list(filter(auditPartition(boardId, m)))));
    return perMonth.flat().map(withoutEtag);
  }

  async function listPage(
    boardId: BoardId,
    options: AuditPageOptions,
    filter: (partitionKey: string) => string,
  ): Promise<Page<AuditEvent>> {
    const months = monthsNewestFirst(options.fromMonth, options.toMonth);
    const start = options.cursor ? decodeCursor(AuditCursor, options.cursor) : { month: months[0]! };
    let i = months.indexOf(start.month);
    if (i < 0) throw new Invalid("The cursor does not belong to this range of months.");
    let token = start.token;
    for (; i < months.length; i++) {
      const page = await store.page(
        filter(auditPartition(boardId, months[i]!)),
        token ? { cursor: token, pageSize: options.pageSize } : { pageSize: options.pageSize },
      );
      const nextMonth = months[i + 1];
      const next = page.cursor ? { month: months[i]!, token: page.cursor } : nextMonth ? { month: nextMonth } : undefined;
      if (page.items.length > 0) {
        const items = page.items.map(withoutEtag);
        return next ? { items, cursor: encodeCursor(next) } : { items };
      }
      token = undefined;
    }
    return { items: [] };
  }

  return {
    async append(events) {
      if (events.length === 0) return;
      const views = events.filter(isFoldable);
      const others = events.filter((e) => !isFoldable(e));
      await Promise.all([
        views.length > 0 ? folded.append(views) : undefined,
        others.length > 0
          ? submitCreates(
              tables.auditLog,
              others.map((e) => auditMapping.toEntity(e)),
            )
          : undefined,
      ]);
    },
    listForParticipant: async (boardId, participantId, range) => listAll(boardId, range, participantFilter(participantId)),
    listForMember: async (boardId, tenantId, objectId, range) => listAll(boardId, range, memberFilter(tenantId, objectId)),
    listForOrganisation: async (boardId, organisationId, range) =>
      listAll(boardId, range, (partitionKey) => odata`PartitionKey eq ${partitionKey} and actorOrganisationId eq ${organisationId}`),
    listPageForParticipant: async (boardId, participantId, options) => listPage(boardId, options, participantFilter(participantId)),
    listPageForMember: async (boardId, tenantId, objectId, options) => listPage(boardId, options, memberFilter(tenantId, objectId)),
  };
}
