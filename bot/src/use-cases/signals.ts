import type { AnswerSignalBody, PutOnBoardBody, SignalView, RaiseSignalBody } from "@fact-board/contract";
import { RaiseSignalBody as RaiseSchema } from "@fact-board/contract";
import type { z } from "zod";
import { assertMayChange } from "../domain/authorship";
import { Conflict, Forbidden, Invalid, NotFound, isDomainError } from "../domain/errors";
import { receiversAmong } from "../domain/receivers";
import { transitionSignal, type SignalEvent } from "../domain/signal";
import { answerDeadlineFor } from "../domain/working-patterns";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Signal } from "../domain/types";
import { visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { calendarOf, nowOf, todayOf, type UseCaseDeps } from "./deps";
import { putOnBoard } from "./entries";
import { onceForRepeatedClicks } from "./repeated-clicks";
import { createOnce } from "./request-keys";
import { loadVisibleParticipant } from "./participant-access";
import { toSignalView } from "./view-mappers";

export const SIGNAL_DUE_KIND = "signalFollowUp";
/** The same, scheduled before signals were called signals (its payload names `escalationId`); still run. */
export const OLDER_SIGNAL_DUE_KIND = "escalationFollowUp";

/** The reminder / manager alert of an open signal, due at its answer-by time (idempotent). */
export async function scheduleSignalFollowUp(deps: Pick<UseCaseDeps, "storage">, e: Signal): Promise<void> {
  await deps.storage.dueItems.schedule({
    kind: SIGNAL_DUE_KIND,
    id: `${e.boardId}.${e.id}`,
    dueAt: e.answerBy,
    payload: { boardId: e.boardId, signalId: e.id },
  });
}

/** A signal from the actor's organisation to another about a participant both may see. */
export async function raiseSignal(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  input: RaiseSignalBody,
  requestKey?: string,
): Promise<SignalView> {
  const body = RaiseSchema.parse(input);
  assertAllowed(actor.member, "signal.raise");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, body.participantId);
  if (body.toOrganisationId === actor.member.organisationId) throw new Invalid("A signal goes to another organisation.");
  const receiver = await deps.storage.organisations.get(boardId, body.toOrganisationId);
  if (!receiver) throw new NotFound("The receiving organisation");
  // The receiver must be able to read what the sender writes, or the signal would leak.
  const receiverSees = visibilityFor(ctx.participant, ctx.consents, receiver.id, todayOf(deps));
  if (!receiverSees || !receiverSees.readable.has(actor.member.organisationId)) {
    throw new Forbidden("No valid consent lets that organisation read this signal.");
  }
  // Concurrent submits of one form (its key) raise one signal; each is answered with it.
  return createOnce(deps, {
    boardId,
    keys: [requestKey && `signal.request.${actor.member.id}.${requestKey}`],
    make: (id) => makeSignal(deps, actor, boardId, body, ctx, receiver.id, id),
    earlier: async (id) => {
      const made = await deps.storage.signals.get(boardId, id);
      return made && { made: toSignalView(ctx.visibility, made, deps.clock(), { member: actor.member, relation: ctx.relation })! };
    },
  });
}

async function makeSignal(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: z.output<typeof RaiseSchema>,
  ctx: Awaited<ReturnType<typeof loadVisibleParticipant>>,
  toOrganisationId: string,
  id: string,
): Promise<SignalView> {
  const now = deps.clock();
  // The deadline follows who receives it now (recipients.ts asks the same): a 20 % coordinator's "today" is her working day.
  const receivers = receiversAmong(
    {
      members: await deps.storage.members.listForBoard(boardId),
      absences: ctx.absences,
      today: todayOf(deps),
      now,
      board: calendarOf(deps),
      about: { participantId: ctx.participant.id, consents: ctx.consents },
    },
    toOrganisationId,
    ["coordinator"],
    { atWorkNow: true },
  );
  const signal: Signal = {
    id,
    boardId,
    participantId: body.participantId,
    fromOrganisationId: actor.member.organisationId,
    toOrganisationId,
    kind: body.kind,
    urgency: body.urgency,
    ...(body.note ? { note: body.note } : {}),
    proposeBoard: body.proposeBoard,
    state: "open",
    raisedBy: actor.member.id,
    raisedAt: now.toISOString(),
    answerBy: answerDeadlineFor(body.urgency, now, receivers, calendarOf(deps)).toISOString(),
    remindersSent: 0,
    managerNotified: false,
  };
  await recordAccess(deps, actor, "signalRaised", [ctx.participant]);
  const saved = await deps.storage.signals.create(signal);
  await scheduleSignalFollowUp(deps, saved);
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "signalRaised", boardId, signalId: saved.id });
  return toSignalView(ctx.visibility, saved, deps.clock(), { member: actor.member, relation: ctx.relation })!;
}

/** Loads a signal as the actor may see it: NotFound when its participant or sender is hidden from them. */
export async function loadSignal(deps: UseCaseDeps, actor: Actor, boardId: BoardId, signalId: string) {
  const signal = await deps.storage.signals.get(boardId, signalId);
  if (!signal) throw new NotFound("The signal");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, signal.participantId).catch((e: unknown) => {
    throw e instanceof NotFound ? new NotFound("The signal") : e;
  });
  const view = toSignalView(ctx.visibility, signal, deps.clock(), { member: actor.member, relation: ctx.relation });
  if (!view) throw new NotFound("The signal");
  return { signal, ctx, view };
}

export async function answerSignal(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  signalId: string,
  body: AnswerSignalBody,
): Promise<SignalView> {
  const { signal, ctx } = await loadSignal(deps, actor, boardId, signalId);
  // The answer and its decline reason are the receiver's words (authorship), then the role decides.
  assertMayChange("signal.answer", actor.member.organisationId, signal.toOrganisationId);
  assertAllowed(actor.member, "signal.answer", { ...ctx.relation, ownOrganisation: true });
  const at = nowOf(deps);
  const by = actor.member.id;
  const event: SignalEvent = body.answer === "decline" ? { type: "decline", by, at, reason: body.reason } : { type: body.answer, by, at };
  // A double click: the first answer landed and this one asks for the same state again.
  const target = { acknowledge: "acknowledged", resolve: "resolved", decline: "declined" }[body.answer];
  if (signal.state === target && (body.answer !== "acknowledge" || signal.acknowledgedBy === by)) {
    return toSignalView(ctx.visibility, signal, deps.clock(), { member: actor.member, relation: ctx.relation })!;
  }
  if (signal.etag !== body.etag)
    throw new Conflict("The signal", toSignalView(ctx.visibility, signal, deps.clock(), { member: actor.member, relation: ctx.relation }));
  const next = transitionSignal(signal, event);
  await recordAccess(deps, actor, "signalAnswered", [ctx.participant]);
  let saved: Signal;
  try {
    saved = await deps.storage.signals.update(next, { expectedEtag: body.etag });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.signals.get(boardId, signalId);
      throw new Conflict(
        "The signal",
        current && toSignalView(ctx.visibility, current, deps.clock(), { member: actor.member, relation: ctx.relation }),
      );
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "signalAnswered", boardId, signalId });
  return toSignalView(ctx.visibility, saved, deps.clock(), { member: actor.member, relation: ctx.relation })!;
}

/**
 * From the signal form in Teams: the form's request id becomes the signal's id, so a double click
 * raises it once (the second click gets the signal the first one raised): creating the signal's own
 * row is the atomic check, so no request key is needed.
 */
export async function raiseSignalOnce(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  requestId: string,
  body: RaiseSignalBody,
): Promise<{ signalId: string }> {
  return onceForRepeatedClicks(
    async () => ({ signalId: (await raiseSignal({ ...deps, newId: () => requestId }, actor, boardId, body)).id }),
    "AlreadyExists",
    async () => {
      const existing = await deps.storage.signals.get(boardId, requestId);
      return existing && existing.raisedBy === actor.member.id ? { signalId: existing.id } : undefined;
    },
  );
}

/**
 * "Ta upp på tavlan" on a signal card: the participant the signal is about (from the signal, never
 * from the card) goes on the board, and an open signal counts as acknowledged if this person may
 * answer it. A double click finds them on the board already.
 */
export async function putSignalledParticipantOnBoard(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  signalId: string,
  body: PutOnBoardBody,
): Promise<void> {
  const e = await deps.storage.signals.get(boardId, signalId);
  if (!e || e.participantId !== body.participantId) throw new NotFound("The signal");
  try {
    await putOnBoard(deps, actor, boardId, body);
  } catch (err) {
    if (!(isDomainError(err) && err.code === "AlreadyExists")) throw err;
  }
  if (e.state === "open") {
    await answerSignal(deps, actor, boardId, e.id, { answer: "acknowledge", etag: e.etag }).catch((err: unknown) => {
      if (!isDomainError(err)) throw err;
    });
  }
}
