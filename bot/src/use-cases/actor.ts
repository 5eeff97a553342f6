import type { AccessChannel } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import type { Actor, BoardId, Caller } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/**
 * The caller as a member of this board, by whichever of the member's identities they signed in
 * with (home tenant, guest account). Someone who is not a member gets NotFound, the same
 * answer as for a board that does not exist, so board ids reveal nothing to outsiders.
 */
export async function resolveActor(deps: UseCaseDeps, caller: Caller, boardId: BoardId, channel: AccessChannel): Promise<Actor> {
  const member = await deps.storage.members.findBySignIn(boardId, caller);
  // A member who left is no longer one: the role and membership are read at every request.
  if (!member || member.leftAt) throw new NotFound("The board");
  return { member, channel };
}
