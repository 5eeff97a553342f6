import { Role } from "@fact-board/contract";
import { z } from "zod";
import type { BoardId, Identity, Member, MemberId } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, keyPart, parseStored, toJson } from "./entity-support";

// Members: PartitionKey boardId, RowKey memberId (`${tenantId}.${objectId}`): a board load reads
// the partition; "is this caller a member of this board" is a point read.
// MemberBoards: PartitionKey an identity key (`${tenantId}.${objectId}`), RowKey boardId, and the
// member that identity signs in as: the boards a signed-in person belongs to, and who they are on
// each. A member's primary identity key is its member id (rows written before members had more
// identities carry no memberId column and mean exactly that); each further identity (a guest
// account, a home tenant) has its own row pointing at the same member.

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
  identities: jsonColumn(z.array(z.object({ tenantId: z.string(), objectId: z.string() }))).optional(),
  leftAt: z.string().optional(),
  notReachedSince: z.string().optional(),
  meetingLeader: z.boolean().optional(),
  workingPattern: jsonColumn(
    z.object({ days: z.array(z.enum(["mon", "tue", "wed", "thu", "fri"])).min(1), opensAt: z.string(), closesAt: z.string() }),
  ).optional(),
  workPhone: z.string().optional(),
  upn: z.string().optional(),
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
      identities: m.identities?.length ? toJson(m.identities, "Identities") : undefined,
      leftAt: m.leftAt,
      notReachedSince: m.notReachedSince,
      meetingLeader: m.meetingLeader ? true : undefined,
      workingPattern: m.workingPattern ? toJson(m.workingPattern, "Working pattern") : undefined,
      workPhone: m.workPhone,
      upn: m.upn,
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
      ...(e.identities?.length ? { identities: e.identities satisfies Identity[] } : {}),
      ...(e.leftAt ? { leftAt: e.leftAt } : {}),
      ...(e.notReachedSince ? { notReachedSince: e.notReachedSince } : {}),
      ...(e.meetingLeader ? { meetingLeader: true } : {}),
      ...(e.workingPattern ? { workingPattern: e.workingPattern } : {}),
      ...(e.workPhone ? { workPhone: e.workPhone } : {}),
      ...(e.upn ? { upn: e.upn } : {}),
      etag: e.etag,
    };
  },
};

/** One row of the MemberBoards index: this identity signs in to this board as this member. */
export interface MemberBoard {
  /** `${tenantId}.${objectId}` of the identity (identityKeyOf). */
  identityKey: string;
  boardId: BoardId;
  memberId: MemberId;
}

export const memberBoardKeys = (identityKey: string, boardId: BoardId) => ({
  partitionKey: keyPart(identityKey, "Identity"),
  rowKey: boardPartition(boardId),
});

const MemberBoardEntity = z.object({ partitionKey: z.string(), rowKey: z.string(), etag: z.string(), memberId: z.string().optional() });

export const memberBoardMapping: Mapping<MemberBoard> = {
  table: "MemberBoards",
  what: "Board membership",
  // The primary identity's row stays as it always was (no memberId column): its key is the member id.
  toEntity: (mb) =>
    entity(memberBoardKeys(mb.identityKey, mb.boardId), { memberId: mb.memberId === mb.identityKey ? undefined : mb.memberId }),
  fromEntity: (raw) => {
    const e = parseStored(MemberBoardEntity, "MemberBoards", raw);
    return { identityKey: e.partitionKey, boardId: e.rowKey, memberId: e.memberId ?? e.partitionKey, etag: e.etag };
  },
};
