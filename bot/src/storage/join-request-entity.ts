import { z } from "zod";
import type { BoardId, JoinRequest, MemberId } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, keyPart, parseStored, storedInstant, toJson } from "./entity-support";

// JoinRequests: PartitionKey boardId, RowKey memberId: one request per person and board, so asking
// twice is the same request; the admins' list is one partition. `organisationIds` (JSON): the
// organisations the request names (absent on requests stored before they named any).

export const joinRequestKeys = (boardId: BoardId, memberId: MemberId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: keyPart(memberId, "Member id"),
});

const JoinRequestEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  message: z.string().optional(),
  organisationIds: jsonColumn(z.array(z.string())).optional(),
  requestedAt: storedInstant,
  state: z.enum(["pending", "approved", "declined"]),
  decidedBy: z.string().optional(),
  decidedAt: storedInstant.optional(),
});

export const joinRequestMapping: Mapping<JoinRequest> = {
  table: "JoinRequests",
  what: "Join request",
  toEntity: (r) =>
    entity(joinRequestKeys(r.boardId, r.memberId), {
      tenantId: r.tenantId,
      objectId: r.objectId,
      displayName: r.displayName,
      message: r.message,
      organisationIds: r.organisationIds ? toJson(r.organisationIds, "Organisation ids") : undefined,
      requestedAt: r.requestedAt,
      state: r.state,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
    }),
  fromEntity: (raw) => {
    const e = parseStored(JoinRequestEntity, "JoinRequests", raw);
    return {
      boardId: e.partitionKey,
      memberId: e.rowKey,
      tenantId: e.tenantId,
      objectId: e.objectId,
      displayName: e.displayName,
      ...(e.message ? { message: e.message } : {}),
      ...(e.organisationIds ? { organisationIds: e.organisationIds } : {}),
      requestedAt: e.requestedAt,
      state: e.state,
      ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}),
      ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
      etag: e.etag,
    };
  },
};
