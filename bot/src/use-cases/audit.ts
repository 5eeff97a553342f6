import type { AuditEvent, AuditWhat, Actor, Participant } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/**
 * The access log could not be written, so nothing may be shown or changed. Not a domain error: the
 * API answers it as any server fault (500, no data); a card shows an error and no details.
 */
export class AccessNotLogged extends Error {
  override readonly name = "AccessNotLogged";
  constructor(cause: unknown) {
    super("The access log could not be written.", { cause });
  }
}

/**
 * Appends one audit record per participant whose details are shown or changed (repeated identical
 * views within a few minutes fold into one record with a count, in storage). It is awaited before
 * the response is sent: if the log cannot be written, the request fails (no unlogged access).
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
  const write = deps.storage.audit.append(
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
  await write.catch((e: unknown) => {
    throw new AccessNotLogged(e);
  });
}

/**
 * One "exported" record without a participant, for an export that names none (the statistics, the
 * follow-up per organisation): who took the counts out, and when. Written before the first line.
 */
export async function recordCountsExport(deps: UseCaseDeps, actor: Actor, boardId: string): Promise<void> {
  const m = actor.member;
  await deps.storage.audit
    .append([
      {
        boardId,
        at: deps.clock().toISOString(),
        actor: { tenantId: m.tenantId, objectId: m.objectId, organisationId: m.organisationId, role: m.role },
        what: "exported",
        participantId: "",
        participantCode: "",
        channel: actor.channel,
        outcome: "allowed",
      },
    ])
    .catch((e: unknown) => {
      throw new AccessNotLogged(e);
    });
}
