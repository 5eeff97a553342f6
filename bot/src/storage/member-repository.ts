import { odata } from "@azure/data-tables";
import type { BoardId, Member, MemberId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, keyPart } from "./entity-support";
import { memberBoardMapping, memberKeys, memberMapping } from "./member-entity";
import type { Tables } from "./table-clients";

export interface MemberRepository {
  listForBoard(boardId: BoardId): Promise<Array<Stored<Member>>>;
  get(boardId: BoardId, memberId: MemberId): Promise<Stored<Member> | undefined>;
  /** Writes the member, then the MemberBoards index row; both idempotent, so a retry completes a half-done create. */
  create(member: Member): Promise<Stored<Member>>;
  /** Replaces the member (role, name, substitutes); a stale ETag is a Conflict. */
  update(member: Member, options: { expectedEtag: string }): Promise<Stored<Member>>;
  /** The boards a signed-in person is a member of. */
  boardsOf(memberId: MemberId): Promise<BoardId[]>;
}

export function memberRepository(tables: Tables): MemberRepository {
  const members = new EntityStore(tables.members, memberMapping);
  const index = new EntityStore(tables.memberBoards, memberBoardMapping);
  return {
    listForBoard: async (boardId) => members.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get: async (boardId, memberId) => {
      const k = memberKeys(boardId, memberId);
      return members.get(k.partitionKey, k.rowKey);
    },
    async create(member) {
      // No transaction spans two tables. Member first: an index row without its member would
      // list a board the person cannot open; a member without its index row is repaired by a retry.
      const stored = await members.create(member);
      await index.create({ memberId: member.id, boardId: member.boardId });
      return stored;
    },
    update: async (member, { expectedEtag }) => members.update(member, "Replace", expectedEtag),
    async boardsOf(memberId) {
      const rows = await index.list(odata`PartitionKey eq ${keyPart(memberId, "Member id")}`);
      return rows.map((r) => r.boardId);
    },
  };
}
