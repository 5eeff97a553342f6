import type { MeResponse } from "@fact-board/contract";
import type { Caller } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/** The boards the signed-in person is a member of, with any of their sign-in identities. */
export async function readMe(deps: UseCaseDeps, caller: Caller): Promise<MeResponse> {
  const signIns = await deps.storage.members.boardsOfSignIn(caller);
  const boards = (
    await Promise.all(
      signIns.map(async ({ boardId, memberId }) => {
        const [board, member] = await Promise.all([deps.storage.boards.get(boardId), deps.storage.members.get(boardId, memberId)]);
        return board && member && !member.leftAt
          ? [{ id: board.id, name: board.name, memberId, role: member.role, organisationId: member.organisationId }]
          : [];
      }),
    )
  ).flat();
  return { tenantId: caller.tenantId, objectId: caller.objectId, boards };
}
