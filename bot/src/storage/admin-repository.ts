import { odata } from "@azure/data-tables";
import type { AdminAuditEvent, BoardId, JoinRequest, MemberId } from "../domain/types";
import { adminAuditMapping } from "./admin-audit-entity";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { joinRequestKeys, joinRequestMapping } from "./join-request-entity";
import type { Tables } from "./table-clients";

export interface AdminAuditRepository {
  /** Append-only: there is no update or delete. Throws if the write fails, so an unlogged change is not reported as done. */
  append(event: AdminAuditEvent): Promise<void>;
  /** Many events of one board at once (an import's record per participant), in transactions of 100. */
  appendMany(events: AdminAuditEvent[]): Promise<void>;
  /** Newest first. */
  listForBoard(boardId: BoardId, options?: { cursor?: string; pageSize?: number }): Promise<{ items: AdminAuditEvent[]; cursor?: string }>;
}

export function adminAuditRepository(tables: Tables): AdminAuditRepository {
  const store = new EntityStore(tables.adminAudit, adminAuditMapping);
  return {
    append: async (event) => {
      await store.create(event);
    },
    appendMany: async (events) => {
      await store.createMany(events);
    },
    listForBoard: async (boardId, options) => {
      const page = await store.page(odata`PartitionKey eq ${boardPartition(boardId)}`, options);
      return { items: page.items.map(({ etag: _etag, ...e }) => e), ...(page.cursor ? { cursor: page.cursor } : {}) };
    },
  };
}

export interface JoinRequestRepository {
  get(boardId: BoardId, memberId: MemberId): Promise<Stored<JoinRequest> | undefined>;
  listForBoard(boardId: BoardId): Promise<Array<Stored<JoinRequest>>>;
  create(request: JoinRequest): Promise<Stored<JoinRequest>>;
  update(request: JoinRequest, options: { expectedEtag: string }): Promise<Stored<JoinRequest>>;
}

export function joinRequestRepository(tables: Tables): JoinRequestRepository {
  const store = new EntityStore(tables.joinRequests, joinRequestMapping);
  return {
    get: async (boardId, memberId) => {
      const k = joinRequestKeys(boardId, memberId);
      return store.get(k.partitionKey, k.rowKey);
    },
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    create: async (request) => store.create(request),
    update: async (request, { expectedEtag }) => store.update(request, "Replace", expectedEtag),
  };
}
