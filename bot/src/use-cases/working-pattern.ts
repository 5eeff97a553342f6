import type { SetWorkingPatternBody, WorkingPatternView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { mayEditWorkingPattern, workingPatternPermission } from "../domain/viewer-rights";
import type { Actor, BoardId, Member, MemberId } from "../domain/types";
import { isActive } from "../domain/membership";
import { recordAdminChange } from "./admin-audit";
import { calendarOf, type UseCaseDeps } from "./deps";

// A member's working pattern (weekdays and hours): set by the member themself or by an admin.
// Deadlines, reminders and who of an organisation receives a signal now follow it (working-patterns.ts).

function toView(deps: UseCaseDeps, actor: Actor, m: Member & { etag: string }): WorkingPatternView {
  const board = calendarOf(deps);
  return {
    memberId: m.id,
    pattern: m.workingPattern ?? { days: ["mon", "tue", "wed", "thu", "fri"], opensAt: board.opensAt, closesAt: board.closesAt },
    own: m.workingPattern !== undefined,
    mayEdit: mayEditWorkingPattern(actor.member, m.id),
    etag: m.etag,
  };
}

async function load(deps: UseCaseDeps, boardId: BoardId, memberId: MemberId) {
  const m = await deps.storage.members.get(boardId, memberId);
  if (!m || !isActive(m)) throw new NotFound("The member");
  return m;
}

/** Every member of the board may read a colleague's working days: they are about when to reach them. */
export async function readWorkingPattern(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
): Promise<WorkingPatternView> {
  assertAllowed(actor.member, "board.read");
  return toView(deps, actor, await load(deps, boardId, memberId));
}

export async function setWorkingPattern(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: SetWorkingPatternBody,
): Promise<WorkingPatternView> {
  assertAllowed(actor.member, workingPatternPermission(actor.member, memberId));
  const current = await load(deps, boardId, memberId);
  const { workingPattern: _old, ...rest } = current;
  const next: Member = body.pattern ? { ...rest, workingPattern: body.pattern } : rest;
  // Saved under the ETag the editor read: a stale one is a Conflict (the repository checks it).
  const saved = await deps.storage.members.update(next, { expectedEtag: body.etag });
  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberChanged",
    subject: { kind: "member", id: current.id, name: current.displayName },
    fields: ["workingPattern"],
  });
  await deps.storage.boardVersions.bump(boardId);
  return toView(deps, actor, saved);
}
