import {
  type AdaptiveCard,
  type BoardForm,
  type CardRef,
  type Locale,
  CardRef as CardRefSchema,
  VERBS,
  type VerbData,
  buildBoardChoiceCard,
  isVerb,
  t,
} from "../cards";
import { isPersonalIdentityNumberIssue } from "@fact-board/contract";
import { addDays } from "../domain/dates";
import { type DomainError, Forbidden, NotFound, NotYourOrganisationsText, isDomainError } from "../domain/errors";
import { isAllowed } from "../domain/permissions";
import { type Actor, type Caller, memberIdOf } from "../domain/types";
import { registerAbsence, answerCover, cancelAbsence } from "../use-cases/absences";
import { resolveActor } from "../use-cases/actor";
import { recordConsent } from "../use-cases/consents";
import { todayOf } from "../use-cases/deps";
import { putOnBoard } from "../use-cases/entries";
import { setParticipantPlans } from "../use-cases/participant-plans";
import { answerEscalation, raiseEscalation } from "../use-cases/escalations";
import { relationOf } from "../use-cases/relation";
import { type CardViewDeps, buildCardFor, escalationCard, helpCard } from "./card-views";

// Action.Execute: parse the untrusted data, find the actor from the activity (never from the data),
// call the use-case, answer with the card as it is now. A stale card (someone else answered first,
// or the card's ETag is old) gets the current card back with a short line saying so.

export const CONSENT_REMINDER_KIND = "consentReminder";

export type ActionResult = { card: AdaptiveCard } | { error: { status: 400 | 404; code: string; message: string } };

/**
 * `conversation`: where the card is. In a shared conversation (channel, group chat, meeting chat)
 * a card is only ever refreshed into its shared view (counts and a link); nothing is done from it.
 */
export async function handleCardAction(
  deps: CardViewDeps,
  caller: Caller,
  verb: unknown,
  data: unknown,
  locale: Locale,
  conversation: "personal" | "shared" = "personal",
): Promise<ActionResult> {
  const s = t(locale);
  if (!isVerb(verb)) return { error: { status: 400, code: "BadRequest", message: "Unknown action." } };
  const form = FORM_OF_VERB[verb];
  // A help card's button for someone on several boards names no board: ask which first.
  if (form && conversation === "personal" && !hasBoardId(data)) return { card: await boardChoiceFor(deps, caller, form, locale) };
  const parsed = VERBS[verb].safeParse(data);
  if (!parsed.success) {
    const ref = CardRefSchema.safeParse(data);
    if (!ref.success) return { error: { status: 400, code: "BadRequest", message: "The card data is not valid." } };
    const identityNumber = parsed.error.issues.find(isPersonalIdentityNumberIssue);
    const message = identityNumber ? s.identityNumberIn(inputLabel(locale, identityNumber.path)) : s.invalidInput;
    return current(deps, caller, ref.data, locale, message, conversation);
  }
  const ref = CardRefSchema.parse(parsed.data);
  if (conversation === "shared")
    return current(deps, caller, ref, locale, verb === "refresh" ? undefined : s.personalChatOnly, conversation);
  try {
    if (ref.card === "help")
      return { card: await helpCard(deps, { ...(await firstMembership(deps, caller)), audience: "personal", locale }) };
    const actor = await resolveActor(deps.useCases, caller, ref.boardId, "bot");
    const message = await act(deps, actor, verb, parsed.data as never, locale);
    if (message && typeof message === "object") return { card: message };
    return { card: await buildCardFor(deps, ref, { member: actor.member, audience: "personal", locale, ...(message ? { message } : {}) }) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return current(deps, caller, ref, locale, messageFor(e, locale, ref.card), conversation);
  }
}

/** Runs the verb; returns a message for the refreshed card, or a whole card when the answer is a different card. */
async function act<V extends keyof typeof VERBS>(
  deps: CardViewDeps,
  actor: Actor,
  verb: V,
  data: VerbData<V>,
  locale: Locale,
): Promise<string | AdaptiveCard | undefined> {
  const u = deps.useCases;
  const s = t(locale);
  switch (verb) {
    case "refresh":
    case "open.help":
    case "open.absenceForm":
    case "open.signalForm":
    case "open.myParticipants":
    case "open.participantPlans":
      return undefined;
    case "plans.set": {
      const d = data as VerbData<"plans.set">;
      await setParticipantPlans(u, actor, d.boardId, d.participantId, {
        etag: d.etag,
        crisisPlan: d.crisisPlan,
        earlySignsPlan: d.earlySignsPlan,
        sip: {
          held: d.sipHeld,
          ...(d.sipHeldOn ? { heldOn: d.sipHeldOn } : {}),
          ...(d.sipNextFollowUpOn ? { nextFollowUpOn: d.sipNextFollowUpOn } : {}),
          ...(d.sipConvenedBy ? { convenedBy: d.sipConvenedBy } : {}),
        },
      });
      return s.plansSaved;
    }
    case "consent.given": {
      const d = data as VerbData<"consent.given">;
      await recordConsent(u, actor, d.boardId, d.participantId, d.disclosingOrganisationId, {
        ...(d.etag ? { etag: d.etag } : {}),
        status: "given",
        receivingOrganisationIds: d.receivingOrganisationIds,
        givenOn: d.givenOn,
        validUntil: d.validUntil,
      });
      return s.consentGivenSaved;
    }
    case "consent.declined":
    case "consent.withdrawn": {
      const d = data as VerbData<"consent.declined"> & { withdrawnOn?: string };
      const receivers =
        d.receivingOrganisationIds ?? (await defaultReceivers(deps, d.boardId, d.participantId, d.disclosingOrganisationId));
      await recordConsent(u, actor, d.boardId, d.participantId, d.disclosingOrganisationId, {
        ...(d.etag ? { etag: d.etag } : {}),
        status: verb === "consent.declined" ? "declined" : "withdrawn",
        receivingOrganisationIds: receivers,
        ...(d.withdrawnOn ? { withdrawnOn: d.withdrawnOn } : {}),
      });
      return verb === "consent.declined" ? s.consentDeclinedSaved : s.consentWithdrawnSaved;
    }
    case "consent.remindLater": {
      const d = data as VerbData<"consent.remindLater">;
      const participant = await u.storage.participants.get(d.boardId, d.participantId);
      if (!participant) throw new NotFound("The participant");
      const today = todayOf(u);
      const relation = {
        ...relationOf(actor, participant, await u.storage.absences.listCurrent(d.boardId, today), today),
        ownOrganisation: actor.member.organisationId === d.disclosingOrganisationId,
      };
      if (!isAllowed(actor.member.role, "consent.record", relation)) throw new Forbidden();
      const on = addDays(today, d.days);
      // The id names the day: a double click schedules one reminder; another choice schedules another.
      await u.storage.dueItems.schedule({
        kind: CONSENT_REMINDER_KIND,
        id: `${d.boardId}.${d.participantId}.${d.disclosingOrganisationId}.${actor.member.id}.${on}`,
        dueAt: new Date(u.clock().getTime() + d.days * 86_400_000).toISOString().slice(0, 13) + ":00:00.000Z",
        payload: {
          boardId: d.boardId,
          participantId: d.participantId,
          disclosingOrganisationId: d.disclosingOrganisationId,
          memberId: actor.member.id,
        },
      });
      return s.remindSet(d.days);
    }
    case "escalation.acknowledge":
    case "escalation.resolve": {
      const d = data as VerbData<"escalation.acknowledge">;
      await answerEscalation(u, actor, d.boardId, d.escalationId, {
        answer: verb === "escalation.acknowledge" ? "acknowledge" : "resolve",
        etag: d.etag,
      });
      return verb === "escalation.acknowledge" ? s.signalAcknowledged : s.signalResolved;
    }
    case "escalation.decline": {
      const d = data as VerbData<"escalation.decline">;
      await answerEscalation(u, actor, d.boardId, d.escalationId, { answer: "decline", etag: d.etag, reason: d.declineReason });
      return s.signalDeclined;
    }
    case "escalation.putOnBoard": {
      const d = data as VerbData<"escalation.putOnBoard">;
      const e = await u.storage.escalations.get(d.boardId, d.escalationId);
      // The participant comes from the signal, not from the card.
      if (!e || e.participantId !== d.participantId) throw new NotFound("The signal");
      try {
        await putOnBoard(u, actor, d.boardId, {
          participantId: e.participantId,
          reason: d.reason,
          priority: d.priority,
          nextEvaluationOn: d.nextEvaluationOn,
        });
      } catch (err) {
        // A double click: the first one put them on the board.
        if (!(isDomainError(err) && err.code === "AlreadyExists")) throw err;
      }
      // Putting on the board answers an open signal: it is acknowledged if this person may answer it.
      if (e.state === "open") {
        await answerEscalation(u, actor, d.boardId, e.id, { answer: "acknowledge", etag: e.etag }).catch((err: unknown) => {
          if (!isDomainError(err)) throw err;
        });
      }
      return s.putOnBoardSaved;
    }
    case "cover.accept":
    case "cover.decline": {
      const d = data as VerbData<"cover.accept">;
      await answerCover(u, actor, d.boardId, d.absenceId, { etag: d.etag, answer: verb === "cover.accept" ? "accept" : "decline" });
      return verb === "cover.accept" ? s.coverAcceptedSaved : s.coverDeclinedSaved;
    }
    case "absence.cancel": {
      const d = data as VerbData<"absence.cancel">;
      // Cancelling an absence already cancelled answers with how it stands: one effect for a double click.
      await cancelAbsence(u, actor, d.boardId, d.absenceId, d.etag);
      return s.absenceCancelled;
    }
    case "absence.register": {
      const d = data as VerbData<"absence.register">;
      const memberId = d.memberId ?? actor.member.id;
      let absenceId: string;
      try {
        absenceId = (
          await registerAbsence(u, actor, d.boardId, {
            from: d.from,
            to: d.to,
            reason: d.reason,
            ...(d.memberId ? { memberId: d.memberId } : {}),
          })
        ).id;
      } catch (err) {
        // A double click: the same absence is already registered by this person; show it as it stands.
        if (!(isDomainError(err) && err.code === "Invalid")) throw err;
        const same = (await u.storage.absences.listForMember(d.boardId, memberId)).find(
          (a) => a.from === d.from && a.to === d.to && a.registeredBy === actor.member.id && a.cover.state !== "cancelled",
        );
        if (!same) throw err;
        absenceId = same.id;
      }
      // The form becomes the absence as its person follows it: who is asked, who covers, and a cancel button.
      return buildCardFor(deps, { card: "absence", boardId: d.boardId, absenceId }, { member: actor.member, audience: "personal", locale });
    }
    case "signal.raise": {
      const d = data as VerbData<"signal.raise">;
      // The form's requestId becomes the signal's id: a double click creates it once.
      let id = d.requestId;
      try {
        const view = await raiseEscalation({ ...u, newId: () => d.requestId }, actor, d.boardId, {
          participantId: d.participantId,
          toOrganisationId: d.toOrganisationId,
          kind: d.kind,
          urgency: d.urgency,
          proposeBoard: d.proposeBoard,
          ...(d.note ? { note: d.note } : {}),
        });
        id = view.id;
      } catch (err) {
        if (!(isDomainError(err) && err.code === "AlreadyExists")) throw err;
        const existing = await u.storage.escalations.get(d.boardId, d.requestId);
        if (!existing || existing.raisedBy !== actor.member.id) throw err;
      }
      return escalationCard(deps, d.boardId, id, { member: actor.member, audience: "personal", locale, message: s.signalSent });
    }
  }
  return undefined;
}

async function defaultReceivers(deps: CardViewDeps, boardId: string, participantId: string, disclosing: string): Promise<string[]> {
  const s = deps.useCases.storage;
  const [participant, consent] = await Promise.all([
    s.participants.get(boardId, participantId),
    s.consents.get(boardId, participantId, disclosing),
  ]);
  if (consent && consent.receivingOrganisationIds.length > 0) return consent.receivingOrganisationIds;
  return (participant?.organisationIds ?? []).filter((id) => id !== disclosing);
}

/** The label a card shows for the input a person typed into (the verbs' text inputs), for a message naming it. */
function inputLabel(locale: Locale, path: readonly PropertyKey[]): string {
  const s = t(locale);
  const labels: Record<string, string> = { note: s.note, declineReason: s.declineReason };
  const field = String(path[0] ?? "");
  return labels[field] ?? field;
}

const FORM_OF_VERB: Partial<Record<string, BoardForm>> = {
  "open.absenceForm": "absenceForm",
  "open.signalForm": "signalForm",
  "open.myParticipants": "myParticipants",
};

const hasBoardId = (data: unknown): boolean =>
  typeof data === "object" && data !== null && typeof (data as { boardId?: unknown }).boardId === "string";

/** The boards the caller is an active member of, to choose from; the chosen board is re-checked when the form opens. */
async function boardChoiceFor(deps: CardViewDeps, caller: Caller, form: BoardForm, locale: Locale): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const boards = await Promise.all(
    (await s.members.boardsOf(memberId)).map(async (boardId) => {
      const [member, board] = await Promise.all([s.members.get(boardId, memberId), s.boards.get(boardId)]);
      return member && !member.leftAt && board ? [{ id: board.id, name: board.name }] : [];
    }),
  );
  const active = boards.flat();
  if (active.length === 0) return helpCard(deps, { audience: "personal", locale });
  return buildBoardChoiceCard(form, active, locale);
}

async function firstMembership(deps: CardViewDeps, caller: Caller) {
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const boards = await deps.useCases.storage.members.boardsOf(memberId);
  const boardId = boards[0];
  const member = boardId ? await deps.useCases.storage.members.get(boardId, memberId) : undefined;
  return member ? { member } : {};
}

/** The card as it is now, for this person, with a short line; or a help card if it is gone. */
async function current(
  deps: CardViewDeps,
  caller: Caller,
  ref: CardRef,
  locale: Locale,
  message: string | undefined,
  conversation: "personal" | "shared",
): Promise<ActionResult> {
  const membership = await firstMembership(deps, caller);
  const audience = conversation === "shared" ? ("channel" as const) : ("personal" as const);
  const m = message ? { message } : {};
  try {
    if (ref.card === "help") return { card: await helpCard(deps, { ...membership, audience, locale, ...m }) };
    const actor = await resolveActor(deps.useCases, caller, ref.boardId, "bot").catch((e: unknown) => {
      throw isDomainError(e) ? new NotMemberOfBoard() : e;
    });
    return { card: await buildCardFor(deps, ref, { member: actor.member, audience, locale, ...m }) };
  } catch (e) {
    if (!isDomainError(e) && !(e instanceof NotMemberOfBoard)) throw e;
    // Say what happened: not on this board, or the thing is gone (or hidden from them, which looks the same).
    const why =
      e instanceof NotMemberOfBoard ? t(locale).notMemberOfBoard : e.code === "Forbidden" && message ? message : t(locale).notFound;
    return { card: await helpCard(deps, { ...membership, audience: "personal", locale, message: why }) };
  }
}

class NotMemberOfBoard extends Error {}

function messageFor(e: DomainError, locale: Locale, card: CardRef["card"]): string {
  const s = t(locale);
  // Refused by authorship or role on something the person can see: whose it is, not that it is gone.
  if (e.code === "Forbidden") {
    if (card === "escalation" || card === "signalAlert") return s.signalNotYours;
    if (card === "cover" || card === "coverAlert") return s.coverNotYours;
    if (card === "consent") return s.consentNotYours;
    if (card === "participantPlans" && e instanceof NotYourOrganisationsText) return s.plansNotYours;
  }
  switch (e.code) {
    case "Conflict":
    case "InvalidTransition":
    case "AlreadyExists":
      return s.staleCard;
    case "Forbidden":
    case "TooManyRequests":
      return e instanceof NotYourOrganisationsText ? s.notYourOrganisationsText : s.forbidden;
    case "NotFound":
      return s.notFound;
    case "Invalid":
      // Domain messages are English sentences without personal data.
      return locale === "en" ? `${s.invalidInput} ${e.message}` : s.invalidInput;
  }
}
