import type { AccessChannel } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { memberIdOf, type Actor, type BoardId, type Caller } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/**
 * The caller as a member of this board. Someone who is not a member gets NotFound, the same
 * answer as for a board that does not exist, so board ids reveal nothing to outsiders.
 */
export async function resolveActor(deps: UseCaseDeps, caller: Caller, boardId: BoardId, channel: AccessChannel): Promise<Actor> {
  const member = await deps.storage.members.get(boardId, memberIdOf(caller.tenantId, caller.objectId));
  // A member who left is no longer one: the role and membership are read at every request.
  if (!member || member.leftAt) throw new NotFound("The board");
  return { member, channel };
}
