import type { AuditEvent, AuditWhat, Actor, Participant } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/**
 * Appends one audit record per participant whose details are shown or changed. It is awaited
 * before the response is sent: if the log cannot be written, the request fails (no unlogged access).
 */
export async function recordAccess(
  deps: UseCaseDeps,
  actor: Actor,
  what: AuditWhat,
  participants: ReadonlyArray<Pick<Participant, "id" | "code" | "boardId">>,
  outcome: AuditEvent["outcome"] = "allowed",
): Promise<void> {
  if (participants.length === 0) return;
  const at = deps.clock().toISOString();
  const m = actor.member;
  await deps.storage.audit.append(
    participants.map((p) => ({
      boardId: p.boardId,
      at,
      actor: { tenantId: m.tenantId, objectId: m.objectId, organisationId: m.organisationId, role: m.role },
      what,
      participantId: p.id,
      participantCode: p.code,
      channel: actor.channel,
      outcome,
    })),
  );
}
