import type { ParticipantView } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import * as board from "../domain/board";
import { addDays } from "../domain/dates";
import { Conflict } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AuditEvent, BoardId, Participant, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { toParticipantView } from "./view-mappers";
import { countInRunningWalkthroughs } from "./walkthrough-counts";

// Least data: a participant who leaves the FACT team keeps their record only for the retention
// period of the organisation that wrote it (health care and social services keep records under
// different rules). After it, their details go; the access log and de-identified counts stay.

/**
 * "Lämnar FACT-teamet": starts the retention period and takes the participant off the board if
 * they are on it. Who may do it is who may take them off the board. Leaving twice is one leave.
 */
export async function leaveTeam(deps: UseCaseDeps, actor: Actor, boardId: BoardId, participantId: ParticipantId): Promise<ParticipantView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  assertAllowed(actor.member, "entry.takeOff", ctx.relation);
  const today = todayOf(deps);
  const viewOf = (p: Participant) => toParticipantView({ ...ctx.visibility, participant: p }, ctx.consents, ctx.absences, false, today);
  if (ctx.participant.leftTeamOn) return viewOf(ctx.participant);
  // Refused before anything is logged or closed, also when there is no entry to close.
  assertMayChange("participant.leave", actor.member.organisationId, ctx.participant.writtenBy);

  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  const entry = await deps.storage.entries.getCurrent(boardId, participantId);
  if (entry) {
    // Closed under the ETag just read: an edit landing in between makes this a Conflict, and the person retries.
    const { closed } = board.closeOnLeavingTeam(ctx.participant, entry, actor.member, today, nowOf(deps));
    await deps.storage.entries.close(entry, closed, { expectedEtag: entry.etag });
    // Leaving takes them off the board: during a walkthrough, it counts as taken off in it.
    await countInRunningWalkthroughs(deps, boardId, ctx.participant, { type: "removed", participantId });
  }
  const left: Participant = { ...ctx.participant, onBoard: false, leftTeamOn: today };
  let saved: Participant;
  try {
    saved = await deps.storage.participants.update(left, { expectedEtag: ctx.participant.etag ?? "" });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.participants.get(boardId, participantId);
      throw new Conflict("The participant", current && viewOf(current));
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  return viewOf(saved);
}

/** Who the access log names for an erasure: the retention run, not a person. */
export const RETENTION_ACTOR = { tenantId: "system", objectId: "retention" } as const;

export interface ErasureOutcome {
  /** Participants whose details were erased in this run. */
  erased: number;
  /** Participants who left the team and are still within their retention period. */
  waiting: number;
}

/**
 * Erases the details of every participant whose retention period has passed: the code, initials,
 * case manager and plans (the record keeps its id, organisations and dates for de-identified
 * counts), their consents, research consents and study enrolments, their closed board entries and
 * the free text of their signals. The
 * access log is never touched; one "erased" record is appended per participant before the erasure,
 * so an erasure that cannot be logged does not happen. Safe to run again after a partial failure.
 */
export async function eraseAfterRetention(deps: UseCaseDeps, boardId: BoardId): Promise<ErasureOutcome> {
  const today = todayOf(deps);
  const [left, organisations] = await Promise.all([
    deps.storage.participants.listLeftTeam(boardId),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  const retentionDays = new Map(organisations.map((o) => [o.id, o.retentionDays]));
  const outcome: ErasureOutcome = { erased: 0, waiting: 0 };
  for (const p of left) {
    const days = retentionDays.get(p.writtenBy);
    // An organisation that is no longer on the board has no known rule: keep rather than guess.
    if (days === undefined || !p.leftTeamOn || addDays(p.leftTeamOn, days) > today) {
      outcome.waiting++;
      continue;
    }
    // Back on the board (put on again by hand): someone is working with them, do not erase.
    if (await deps.storage.entries.getCurrent(boardId, p.id)) {
      outcome.waiting++;
      continue;
    }
    await eraseParticipant(deps, p);
    outcome.erased++;
  }
  return outcome;
}

async function eraseParticipant(deps: UseCaseDeps, p: Participant & { etag: string }): Promise<void> {
  const event: AuditEvent = {
    boardId: p.boardId,
    at: nowOf(deps),
    actor: { ...RETENTION_ACTOR, organisationId: p.writtenBy, role: "admin" },
    what: "erased",
    participantId: p.id,
    participantCode: p.code,
    channel: "api",
    outcome: "allowed",
  };
  await deps.storage.audit.append([event]);
  const signals = await deps.storage.signals.listForParticipant(p.boardId, p.id);
  for (const e of signals) {
    if (e.note === undefined && e.declineReason === undefined) continue;
    const { note: _note, declineReason: _reason, ...rest } = e;
    await deps.storage.signals.update(rest, { expectedEtag: e.etag });
  }
  await deps.storage.entries.eraseHistory(p.boardId, p.id);
  await deps.storage.consents.deleteForParticipant(p.boardId, p.id);
  await deps.storage.sinceLast.deleteForParticipant(p.boardId, p.id);
  await deps.storage.raised.deleteForParticipant(p.boardId, p.id);
  await deps.storage.contacts.deleteForParticipant(p.boardId, p.id);
  await deps.storage.interventions.deleteForParticipant(p.boardId, p.id);
  // The research consents and enrolments: each ties the participant to a study's own id of them.
  await deps.storage.studies.deleteForParticipant(p.boardId, p.id);
  // Last, so a run that fails half-way finds the participant on its work list again.
  await deps.storage.participants.erase(p.boardId, p.id, { expectedEtag: p.etag, erasedAt: nowOf(deps) });
  await deps.storage.boardVersions.bump(p.boardId);
}
