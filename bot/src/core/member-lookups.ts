import type { BoardId, Caller, Identity, Member, MemberId } from "../domain/types";
import { memberIdOf } from "../domain/types";
import type { UseCaseDeps } from "../use-cases/deps";

// Who someone in Teams is on the boards, for the bot: a chat names a person (tenant and object id)
// and a conversation, never a board. These answers carry no participant.

/** The member on the first board the person is on (the one a help card's buttons open forms for). */
export async function firstMembership(deps: UseCaseDeps, caller: Caller): Promise<Member | undefined> {
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const [first] = await deps.storage.members.boardsOf(memberId);
  return first ? deps.storage.members.get(first, memberId) : undefined;
}

/** The boards the person is an active member of, by name: to choose from when they are on several. */
export async function activeBoardsOf(deps: UseCaseDeps, caller: Caller): Promise<Array<{ id: BoardId; name: string }>> {
  const s = deps.storage;
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const rows = await Promise.all(
    (await s.members.boardsOf(memberId)).map(async (id) => ({ member: await s.members.get(id, memberId), board: await s.boards.get(id) })),
  );
  return rows
    .flatMap((r) => (r.member && !r.member.leftAt && r.board ? [{ id: r.board.id, name: r.board.name }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * The boards a conversation the bot was added to serves: those of whoever added it, and for a team
 * channel every board whose morning-brief channel is in that team (`channelIds`: the channel, the
 * team's General channel, whose id is the team's, and the team's channels already linked).
 */
export async function boardsServedBy(deps: UseCaseDeps, installer: Caller | undefined, channelIds: readonly string[]): Promise<BoardId[]> {
  const [own, boards] = await Promise.all([
    installer ? deps.storage.members.boardsOf(memberIdOf(installer.tenantId, installer.objectId)) : Promise.resolve([]),
    channelIds.length > 0 ? deps.storage.boards.list() : Promise.resolve([]),
  ]);
  const ids = new Set(channelIds);
  const briefedHere = boards.filter((b) => b.settings?.briefChannelId && ids.has(b.settings.briefChannelId)).map((b) => b.id);
  return [...new Set([...own, ...briefedHere])];
}

/** The members of the board among people on a Teams roster, with every board each is on (their personal chat serves them all). */
export async function boardMembersAmong<P extends Identity>(
  deps: UseCaseDeps,
  boardId: BoardId,
  people: readonly P[],
): Promise<Array<{ person: P; member: Member; boardIds: BoardId[] }>> {
  const found: Array<{ person: P; member: Member; boardIds: BoardId[] }> = [];
  for (const person of people) {
    const member = await deps.storage.members.findBySignIn(boardId, person);
    if (member) found.push({ person, member, boardIds: await deps.storage.members.boardsOf(member.id) });
  }
  return found;
}

/** A member of the board by id (whoever a card was sent to), left or not. */
export async function boardMember(deps: UseCaseDeps, boardId: BoardId, memberId: MemberId): Promise<Member | undefined> {
  return deps.storage.members.get(boardId, memberId);
}

/** The board's morning-brief channel: its team is the board's team in Teams. */
export async function briefChannelOf(deps: UseCaseDeps, boardId: BoardId): Promise<string | undefined> {
  return (await deps.storage.boards.get(boardId))?.settings?.briefChannelId;
}
