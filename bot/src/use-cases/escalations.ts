import type { AnswerEscalationBody, EscalationView, RaiseEscalationBody } from "@fact-board/contract";
import { RaiseEscalationBody as RaiseSchema } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import { Conflict, Forbidden, Invalid, NotFound } from "../domain/errors";
import { answerDeadline, transitionEscalation, type EscalationEvent } from "../domain/escalation";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Escalation } from "../domain/types";
import { visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { calendarOf, nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { toEscalationView } from "./views";

export const ESCALATION_DUE_KIND = "escalationFollowUp";

/** A signal from the actor's organisation to another about a participant both may see. */
/** The reminder / manager alert of an open signal, due at its answer-by time (idempotent). */
export async function scheduleEscalationFollowUp(deps: Pick<UseCaseDeps, "storage">, e: Escalation): Promise<void> {
  await deps.storage.dueItems.schedule({
    kind: ESCALATION_DUE_KIND,
    id: `${e.boardId}.${e.id}`,
    dueAt: e.answerBy,
    payload: { boardId: e.boardId, escalationId: e.id },
  });
}

export async function raiseEscalation(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  input: RaiseEscalationBody,
): Promise<EscalationView> {
  const body = RaiseSchema.parse(input);
  assertAllowed(actor.member, "escalation.raise");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, body.participantId);
  if (body.toOrganisationId === actor.member.organisationId) throw new Invalid("A signal goes to another organisation.");
  const receiver = await deps.storage.organisations.get(boardId, body.toOrganisationId);
  if (!receiver) throw new NotFound("The receiving organisation");
  // The receiver must be able to read what the sender writes, or the signal would leak.
  const receiverSees = visibilityFor(ctx.participant, ctx.consents, receiver.id, todayOf(deps));
  if (!receiverSees || !receiverSees.readable.has(actor.member.organisationId)) {
    throw new Forbidden("No valid consent lets that organisation read this signal.");
  }
  const now = deps.clock();
  const escalation: Escalation = {
    id: deps.newId(),
    boardId,
    participantId: body.participantId,
    fromOrganisationId: actor.member.organisationId,
    toOrganisationId: receiver.id,
    kind: body.kind,
    urgency: body.urgency,
    ...(body.note ? { note: body.note } : {}),
    proposeBoard: body.proposeBoard,
    state: "open",
    raisedBy: actor.member.id,
    raisedAt: now.toISOString(),
    answerBy: answerDeadline(body.urgency, now, calendarOf(deps)).toISOString(),
    remindersSent: 0,
    managerNotified: false,
  };
  await recordAccess(deps, actor, "escalationRaised", [ctx.participant]);
  const saved = await deps.storage.escalations.create(escalation);
  await scheduleEscalationFollowUp(deps, saved);
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "escalationRaised", boardId, escalationId: saved.id });
  return toEscalationView(ctx.visibility, saved, deps.clock(), { member: actor.member, relation: ctx.relation })!;
}

/** Loads a signal as the actor may see it: NotFound when its participant or sender is hidden from them. */
export async function loadEscalation(deps: UseCaseDeps, actor: Actor, boardId: BoardId, escalationId: string) {
  const escalation = await deps.storage.escalations.get(boardId, escalationId);
  if (!escalation) throw new NotFound("The signal");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, escalation.participantId).catch((e: unknown) => {
    throw e instanceof NotFound ? new NotFound("The signal") : e;
  });
  const view = toEscalationView(ctx.visibility, escalation, deps.clock(), { member: actor.member, relation: ctx.relation });
  if (!view) throw new NotFound("The signal");
  return { escalation, ctx, view };
}

export async function answerEscalation(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  escalationId: string,
  body: AnswerEscalationBody,
): Promise<EscalationView> {
  const { escalation, ctx } = await loadEscalation(deps, actor, boardId, escalationId);
  // The answer and its decline reason are the receiver's words (authorship), then the role decides.
  assertMayChange("signal.answer", actor.member.organisationId, escalation.toOrganisationId);
  assertAllowed(actor.member, "escalation.answer", { ...ctx.relation, ownOrganisation: true });
  const at = nowOf(deps);
  const by = actor.member.id;
  const event: EscalationEvent =
    body.answer === "decline" ? { type: "decline", by, at, reason: body.reason } : { type: body.answer, by, at };
  // A double click: the first answer landed and this one asks for the same state again.
  const target = { acknowledge: "acknowledged", resolve: "resolved", decline: "declined" }[body.answer];
  if (escalation.state === target && (body.answer !== "acknowledge" || escalation.acknowledgedBy === by)) {
    return toEscalationView(ctx.visibility, escalation, deps.clock(), { member: actor.member, relation: ctx.relation })!;
  }
  if (escalation.etag !== body.etag)
    throw new Conflict(
      "The signal",
      toEscalationView(ctx.visibility, escalation, deps.clock(), { member: actor.member, relation: ctx.relation }),
    );
  const next = transitionEscalation(escalation, event);
  await recordAccess(deps, actor, "escalationAnswered", [ctx.participant]);
  let saved: Escalation;
  try {
    saved = await deps.storage.escalations.update(next, { expectedEtag: body.etag });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.escalations.get(boardId, escalationId);
      throw new Conflict(
        "The signal",
        current && toEscalationView(ctx.visibility, current, deps.clock(), { member: actor.member, relation: ctx.relation }),
      );
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "escalationAnswered", boardId, escalationId });
  return toEscalationView(ctx.visibility, saved, deps.clock(), { member: actor.member, relation: ctx.relation })!;
}
