import type { MeResponse } from "@fact-board/contract";
import type { Caller } from "../domain/types";
import type { UseCaseDeps } from "./deps";
import { rememberSignInUpn } from "./sign-in-upn";

/**
 * The boards the signed-in person is a member of, with any of their sign-in identities; and, so the
 * tab can say why someone has no board yet, whether they may create one (a hosting tenant,
 * BOARD_CREATOR_TENANT_IDS) and whether their tenant belongs to some board's organisation (then
 * they ask to join through the link the board's admin shares). Signing in is when each member
 * record learns the person's user principal name (sign-in-upn.ts).
 */
export async function readMe(deps: UseCaseDeps, caller: Caller, creatorTenantIds: readonly string[] = []): Promise<MeResponse> {
  const signIns = await deps.storage.members.boardsOfSignIn(caller);
  const boards = (
    await Promise.all(
      signIns.map(async ({ boardId, memberId }) => {
        const [board, member] = await Promise.all([deps.storage.boards.get(boardId), deps.storage.members.get(boardId, memberId)]);
        if (board && member && !member.leftAt) await rememberSignInUpn(deps, member, caller.upn);
        return board && member && !member.leftAt
          ? [{ id: board.id, name: board.name, memberId, role: member.role, organisationId: member.organisationId }]
          : [];
      }),
    )
  ).flat();
  const tenant = caller.tenantId.toLowerCase();
  const mayCreateBoard = creatorTenantIds.some((t) => t.toLowerCase() === tenant);
  // Only asked when it helps explain an empty list: every board's row is read for it.
  const tenantOnABoard =
    boards.length === 0 ? (await deps.storage.boards.list()).some((b) => b.allowedTenantIds.some((t) => t.toLowerCase() === tenant)) : true;
  return { tenantId: caller.tenantId, objectId: caller.objectId, boards, mayCreateBoard, tenantOnABoard };
}
