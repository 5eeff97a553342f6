import { Role } from "@fact-board/contract";
import { z } from "zod";
import type { BoardId, Member, MemberId } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, keyPart, parseStored, toJson } from "./entity-support";

// Members: PartitionKey boardId, RowKey memberId (`${tenantId}.${objectId}`): a board load reads
// the partition; "is this caller a member of this board" is a point read.
// MemberBoards: PartitionKey memberId, RowKey boardId: the boards a signed-in person belongs to.

export const memberKeys = (boardId: BoardId, memberId: MemberId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: keyPart(memberId, "Member id"),
});

const MemberEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  organisationId: z.string(),
  role: Role,
  substituteIds: jsonColumn(z.array(z.string())),
  leftAt: z.string().optional(),
});

export const memberMapping: Mapping<Member> = {
  table: "Members",
  what: "Member",
  toEntity: (m) =>
    entity(memberKeys(m.boardId, m.id), {
      tenantId: m.tenantId,
      objectId: m.objectId,
      displayName: m.displayName,
      organisationId: m.organisationId,
      role: m.role,
      substituteIds: toJson(m.substituteIds, "Substitutes"),
      leftAt: m.leftAt,
    }),
  fromEntity: (raw) => {
    const e = parseStored(MemberEntity, "Members", raw);
    return {
      id: e.rowKey,
      boardId: e.partitionKey,
      tenantId: e.tenantId,
      objectId: e.objectId,
      displayName: e.displayName,
      organisationId: e.organisationId,
      role: e.role,
      substituteIds: e.substituteIds,
      ...(e.leftAt ? { leftAt: e.leftAt } : {}),
      etag: e.etag,
    };
  },
};

/** One row of the MemberBoards index. */
export interface MemberBoard {
  memberId: MemberId;
  boardId: BoardId;
}

export const memberBoardKeys = (memberId: MemberId, boardId: BoardId) => ({
  partitionKey: keyPart(memberId, "Member id"),
  rowKey: boardPartition(boardId),
});

const MemberBoardEntity = z.object({ partitionKey: z.string(), rowKey: z.string(), etag: z.string() });

export const memberBoardMapping: Mapping<MemberBoard> = {
  table: "MemberBoards",
  what: "Board membership",
  toEntity: (mb) => entity(memberBoardKeys(mb.memberId, mb.boardId), {}),
  fromEntity: (raw) => {
    const e = parseStored(MemberBoardEntity, "MemberBoards", raw);
    return { memberId: e.partitionKey, boardId: e.rowKey, etag: e.etag };
  },
};
