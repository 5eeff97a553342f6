import type { MeResponse } from "@fact-board/contract";
import { memberIdOf, type Caller } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/** The boards the signed-in person is a member of. */
export async function readMe(deps: UseCaseDeps, caller: Caller): Promise<MeResponse> {
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const boardIds = await deps.storage.members.boardsOf(memberId);
  const boards = (
    await Promise.all(
      boardIds.map(async (boardId) => {
        const [board, member] = await Promise.all([deps.storage.boards.get(boardId), deps.storage.members.get(boardId, memberId)]);
        return board && member && !member.leftAt ? [{ id: board.id, name: board.name, memberId, role: member.role, organisationId: member.organisationId }] : [];
      }),
    )
  ).flat();
  return { tenantId: caller.tenantId, objectId: caller.objectId, boards };
}
