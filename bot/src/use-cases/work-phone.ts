import type { SetWorkPhoneBody, WorkPhoneView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { isActive } from "../domain/membership";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Member } from "../domain/types";
import { recordAdminChange } from "./admin-audit";
import { type UseCaseDeps } from "./deps";

// A member's own work phone (shown with Kontakter for a click-to-call link). Only on the own
// member record, under its ETag: an admin editing the member at the same time is never overwritten.

const toView = (m: Member & { etag: string }): WorkPhoneView => ({
  memberId: m.id,
  ...(m.workPhone ? { phone: m.workPhone } : {}),
  etag: m.etag,
});

async function ownRecord(deps: UseCaseDeps, actor: Actor, boardId: BoardId) {
  const m = await deps.storage.members.get(boardId, actor.member.id);
  if (!m || !isActive(m)) throw new NotFound("The member");
  return m;
}

export async function readWorkPhone(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<WorkPhoneView> {
  assertAllowed(actor.member, "workPhone.editOwn");
  return toView(await ownRecord(deps, actor, boardId));
}

export async function setWorkPhone(deps: UseCaseDeps, actor: Actor, boardId: BoardId, body: SetWorkPhoneBody): Promise<WorkPhoneView> {
  assertAllowed(actor.member, "workPhone.editOwn");
  const current = await ownRecord(deps, actor, boardId);
  const { workPhone: _old, ...rest } = current;
  const next: Member = body.phone ? { ...rest, workPhone: body.phone } : rest;
  // A stale ETag is a Conflict (the repository checks it).
  const saved = await deps.storage.members.update(next, { expectedEtag: body.etag });
  // The trail names the field, never the number.
  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberChanged",
    subject: { kind: "member", id: current.id, name: current.displayName },
    fields: ["workPhone"],
  });
  await deps.storage.boardVersions.bump(boardId);
  return toView(saved);
}
