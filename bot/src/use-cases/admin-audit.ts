import type { AdminAuditPage } from "@fact-board/contract";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AdminAuditEvent, BoardId, Member } from "../domain/types";
import { nowOf, type UseCaseDeps } from "./deps";

// The admin audit trail: every change to the board's setup (members, organisations, settings,
// participants registered or imported, each imported participant) is written before the change is
// reported done; so is a refused attempt to grant a role beyond one's reach (roleGrantRefused).

type Change = Omit<AdminAuditEvent, "boardId" | "at" | "actor">;

export const auditActorOf = (m: Member): AdminAuditEvent["actor"] => ({
  memberId: m.id,
  displayName: m.displayName,
  organisationId: m.organisationId,
  role: m.role,
});

export async function recordAdminChange(deps: UseCaseDeps, by: Member, boardId: BoardId, change: Change): Promise<void> {
  await deps.storage.adminAudit.append({ boardId, at: nowOf(deps), actor: auditActorOf(by), ...change });
}

export async function readAdminAudit(deps: UseCaseDeps, actor: Actor, boardId: BoardId, cursor?: string): Promise<AdminAuditPage> {
  assertAllowed(actor.member, "adminAudit.read");
  const page = await deps.storage.adminAudit.listForBoard(boardId, { pageSize: 200, ...(cursor ? { cursor } : {}) });
  // The tenant beside the name: a member id is `${tenantId}.${objectId}` from the token, the display name is free text.
  const events = page.items.map(({ boardId: _b, ...e }) => ({ ...e, actor: { ...e.actor, tenantId: tenantOfMemberId(e.actor.memberId) } }));
  return { events, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The tenant part of a member id (`${tenantId}.${objectId}`; tenant ids are GUIDs, without dots). */
export const tenantOfMemberId = (memberId: string): string => memberId.slice(0, Math.max(0, memberId.indexOf(".")));

/** The names of the fields that differ between two versions of a thing (for the trail: names, never values). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): string[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
