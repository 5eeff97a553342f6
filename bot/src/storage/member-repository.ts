import { odata } from "@azure/data-tables";
import { identityKeyOf, type BoardId, type Identity, type Member, type MemberId } from "../domain/types";
import { signInIdentitiesOf } from "../domain/identities";
import { AlreadyExists } from "../domain/errors";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition, keyPart } from "./entity-support";
import { memberBoardKeys, memberBoardMapping, memberKeys, memberMapping } from "./member-entity";
import type { Tables } from "./table-clients";

export interface MemberRepository {
  listForBoard(boardId: BoardId): Promise<Array<Stored<Member>>>;
  get(boardId: BoardId, memberId: MemberId): Promise<Stored<Member> | undefined>;
  /** The member of this board that signs in with this identity (primary or further), if any. */
  findBySignIn(boardId: BoardId, identity: Identity): Promise<Stored<Member> | undefined>;
  /** Writes the member, then one MemberBoards row per identity; all idempotent, so a retry completes a half-done create. */
  create(member: Member): Promise<Stored<Member>>;
  /**
   * Replaces the member (role, name, substitutes, identities); a stale ETag is a Conflict. A new
   * identity's index row is written first: an identity already signing in as another member of
   * the board is AlreadyExists and nothing changes. `unchanged`: members of the same board that
   * must still be as read (their ETags), or it is a Conflict and nothing changes — how the last
   * admin is kept when two admins are demoted at once (members.ts).
   */
  update(member: Member, options: { expectedEtag: string; unchanged?: ReadonlyArray<Stored<Member>> }): Promise<Stored<Member>>;
  /** The boards of a member id, read as its primary identity (the bot edge, which knows people by their Teams ids). */
  boardsOf(memberId: MemberId): Promise<BoardId[]>;
  /** The boards an identity signs in to, and the member it is on each. */
  boardsOfSignIn(identity: Identity): Promise<Array<{ boardId: BoardId; memberId: MemberId }>>;
}

export function memberRepository(tables: Tables): MemberRepository {
  const members = new EntityStore(tables.members, memberMapping);
  const index = new EntityStore(tables.memberBoards, memberBoardMapping);
  const get = async (boardId: BoardId, memberId: MemberId) => {
    const k = memberKeys(boardId, memberId);
    return members.get(k.partitionKey, k.rowKey);
  };
  const indexIdentities = async (member: Member) => {
    for (const identity of signInIdentitiesOf(member)) {
      await index.create(
        { identityKey: identityKeyOf(identity), boardId: member.boardId, memberId: member.id },
        () => new AlreadyExists("A member signing in with this identity"),
      );
    }
  };
  return {
    listForBoard: async (boardId) => members.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get,
    async findBySignIn(boardId, identity) {
      // Most people sign in with their primary identity: one point read. Only a further identity
      // (guest account, home tenant) costs the index read.
      const direct = await get(boardId, identityKeyOf(identity));
      if (direct) return direct;
      const k = memberBoardKeys(identityKeyOf(identity), boardId);
      const row = await index.get(k.partitionKey, k.rowKey);
      return row && row.memberId !== row.identityKey ? get(boardId, row.memberId) : undefined;
    },
    async create(member) {
      // No transaction spans two tables. Member first: an index row without its member would
      // list a board the person cannot open; a member without its index row is repaired by a retry.
      const stored = await members.create(member);
      await indexIdentities(member);
      return stored;
    },
    async update(member, { expectedEtag, unchanged = [] }) {
      await indexIdentities(member);
      const witnesses = unchanged.map((m) => ({ rowKey: memberKeys(m.boardId, m.id).rowKey, etag: m.etag }));
      return members.updateWhileUnchanged(member, expectedEtag, witnesses);
    },
    async boardsOf(memberId) {
      const rows = await index.list(odata`PartitionKey eq ${keyPart(memberId, "Identity")}`);
      return rows.filter((r) => r.memberId === r.identityKey).map((r) => r.boardId);
    },
    async boardsOfSignIn(identity) {
      const rows = await index.list(odata`PartitionKey eq ${keyPart(identityKeyOf(identity), "Identity")}`);
      return rows.map((r) => ({ boardId: r.boardId, memberId: r.memberId }));
    },
  };
}
