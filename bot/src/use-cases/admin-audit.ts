import type { AdminAuditPage } from "@fact-board/contract";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AdminAuditEvent, BoardId, Member } from "../domain/types";
import { nowOf, type UseCaseDeps } from "./deps";

// The admin audit trail: every change to the board's setup (members, organisations, settings,
// participants registered or imported) is written before the change is reported done.

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
  return { events: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The names of the fields that differ between two versions of a thing (for the trail: names, never values). */
export function changedFields<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): string[] {
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
