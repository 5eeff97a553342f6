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
  withTodaysNames,
} from "../cards";
import { isPersonalIdentityNumberIssue } from "@fact-board/contract";
import { type DomainError, NotYourOrganisationsText, isDomainError } from "../domain/errors";
import type { Actor, Caller } from "../domain/types";
import { type Cards, formLink } from "./render-card";

// Action.Execute: parse the untrusted data, find the actor from the activity (never from the data),
// call the use-case, answer with the card as it is now. A stale card (someone else answered first,
// or the card's ETag is old) gets the current card back with a short line saying so.

export type ActionResult = { card: AdaptiveCard } | { error: { status: 400 | 404; code: string; message: string } };

/**
 * `conversation`: where the card is. In a shared conversation (channel, group chat, meeting chat)
 * a card is only ever refreshed into its shared view (counts and a link); nothing is done from it.
 */
export async function handleCardAction(
  cards: Cards,
  caller: Caller,
  rawVerb: unknown,
  rawData: unknown,
  locale: Locale,
  conversation: "personal" | "shared" = "personal",
): Promise<ActionResult> {
  const s = t(locale);
  const { verb, data } = withTodaysNames(rawVerb, rawData);
  if (!isVerb(verb)) return { error: { status: 400, code: "BadRequest", message: "Unknown action." } };
  const form = FORM_OF_VERB[verb];
  // A help card's button for someone on several boards names no board: ask which first.
  if (form && conversation === "personal" && !hasBoardId(data)) return { card: await boardChoiceFor(cards, caller, form, locale) };
  const parsed = VERBS[verb].safeParse(data);
  if (!parsed.success) {
    const ref = CardRefSchema.safeParse(data);
    if (!ref.success) return { error: { status: 400, code: "BadRequest", message: "The card data is not valid." } };
    const identityNumber = parsed.error.issues.find(isPersonalIdentityNumberIssue);
    const message = identityNumber ? s.identityNumberIn(inputLabel(locale, identityNumber.path)) : s.invalidInput;
    return current(cards, caller, ref.data, locale, message, conversation);
  }
  const ref = CardRefSchema.parse(parsed.data);
  if (conversation === "shared")
    return current(cards, caller, ref, locale, verb === "refresh" ? undefined : s.personalChatOnly, conversation);
  try {
    if (ref.card === "help")
      return { card: await cards.render(ref, { ...(await membershipOf(cards, caller)), audience: "personal", locale }) };
    const actor = await cards.core.actorFor(caller, ref.boardId, "bot");
    const message = await act(cards, actor, verb, parsed.data as never, locale);
    if (message && typeof message === "object") return { card: message };
    return { card: await cards.render(ref, { member: actor.member, audience: "personal", locale, ...(message ? { message } : {}) }) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return current(cards, caller, ref, locale, messageFor(e, locale, ref.card), conversation);
  }
}

/** Runs the verb through the core; returns a message for the refreshed card, or a whole card when the answer is a different card. */
async function act<V extends keyof typeof VERBS>(
  cards: Cards,
  actor: Actor,
  verb: V,
  data: VerbData<V>,
  locale: Locale,
): Promise<string | AdaptiveCard | undefined> {
  const core = cards.core;
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
      await core.setParticipantPlans(actor, d.boardId, d.participantId, {
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
      await core.recordConsent(actor, d.boardId, d.participantId, d.disclosingOrganisationId, {
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
      await core.declineOrWithdrawConsent(actor, d.boardId, d.participantId, d.disclosingOrganisationId, {
        status: verb === "consent.declined" ? "declined" : "withdrawn",
        ...(d.etag ? { etag: d.etag } : {}),
        ...(d.withdrawnOn ? { withdrawnOn: d.withdrawnOn } : {}),
        ...(d.receivingOrganisationIds ? { receivingOrganisationIds: d.receivingOrganisationIds } : {}),
      });
      return verb === "consent.declined" ? s.consentDeclinedSaved : s.consentWithdrawnSaved;
    }
    case "consent.remindLater": {
      const d = data as VerbData<"consent.remindLater">;
      await core.remindAboutConsentLater(actor, d.boardId, d.participantId, d.disclosingOrganisationId, d.days);
      return s.remindSet(d.days);
    }
    case "signal.acknowledge":
    case "signal.resolve": {
      const d = data as VerbData<"signal.acknowledge">;
      await core.answerSignal(actor, d.boardId, d.signalId, {
        answer: verb === "signal.acknowledge" ? "acknowledge" : "resolve",
        etag: d.etag,
      });
      return verb === "signal.acknowledge" ? s.signalAcknowledged : s.signalResolved;
    }
    case "signal.decline": {
      const d = data as VerbData<"signal.decline">;
      await core.answerSignal(actor, d.boardId, d.signalId, { answer: "decline", etag: d.etag, reason: d.declineReason });
      return s.signalDeclined;
    }
    case "signal.putOnBoard": {
      const d = data as VerbData<"signal.putOnBoard">;
      await core.putSignalledParticipantOnBoard(actor, d.boardId, d.signalId, {
        participantId: d.participantId,
        reason: d.reason,
        priority: d.priority,
        nextEvaluationOn: d.nextEvaluationOn,
      });
      return s.putOnBoardSaved;
    }
    case "cover.accept":
    case "cover.decline": {
      const d = data as VerbData<"cover.accept">;
      await core.answerCover(actor, d.boardId, d.absenceId, { etag: d.etag, answer: verb === "cover.accept" ? "accept" : "decline" });
      return verb === "cover.accept" ? s.coverAcceptedSaved : s.coverDeclinedSaved;
    }
    case "absence.cancel": {
      const d = data as VerbData<"absence.cancel">;
      // Cancelling an absence already cancelled answers with how it stands: one effect for a double click.
      await core.cancelAbsence(actor, d.boardId, d.absenceId, d.etag);
      return s.absenceCancelled;
    }
    case "absence.register": {
      const d = data as VerbData<"absence.register">;
      const { absenceId } = await core.registerAbsenceOnce(
        actor,
        d.boardId,
        {
          from: d.from,
          to: d.to,
          reason: d.reason,
          ...(d.memberId ? { memberId: d.memberId } : {}),
        },
        d.requestId,
      );
      // The form becomes the absence as its person follows it: who is asked, who covers, and a cancel button.
      return cards.render({ card: "absence", boardId: d.boardId, absenceId }, { member: actor.member, audience: "personal", locale });
    }
    case "signal.raise": {
      const d = data as VerbData<"signal.raise">;
      const { signalId } = await core.raiseSignalOnce(actor, d.boardId, d.requestId, {
        participantId: d.participantId,
        toOrganisationId: d.toOrganisationId,
        kind: d.kind,
        urgency: d.urgency,
        proposeBoard: d.proposeBoard,
        ...(d.note ? { note: d.note } : {}),
      });
      return cards.render(
        { card: "signal", boardId: d.boardId, signalId, audience: "personal" },
        { member: actor.member, audience: "personal", locale, message: s.signalSent },
      );
    }
  }
  return undefined;
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
async function boardChoiceFor(cards: Cards, caller: Caller, form: BoardForm, locale: Locale): Promise<AdaptiveCard> {
  const boards = await cards.core.activeBoardsOf(caller);
  if (boards.length === 0) return cards.render({ card: "help" }, { audience: "personal", locale });
  return buildBoardChoiceCard(form, boards, locale, formLink(cards.links, form));
}

async function membershipOf(cards: Cards, caller: Caller) {
  const member = await cards.core.firstMembership(caller);
  return member ? { member } : {};
}

/** The card as it is now, for this person, with a short line; or a help card if it is gone. */
async function current(
  cards: Cards,
  caller: Caller,
  ref: CardRef,
  locale: Locale,
  message: string | undefined,
  conversation: "personal" | "shared",
): Promise<ActionResult> {
  const membership = await membershipOf(cards, caller);
  const audience = conversation === "shared" ? ("channel" as const) : ("personal" as const);
  const m = message ? { message } : {};
  try {
    if (ref.card === "help") return { card: await cards.render(ref, { ...membership, audience, locale, ...m }) };
    const actor = await cards.core.actorFor(caller, ref.boardId, "bot").catch((e: unknown) => {
      throw isDomainError(e) ? new NotMemberOfBoard() : e;
    });
    return { card: await cards.render(ref, { member: actor.member, audience, locale, ...m }) };
  } catch (e) {
    if (!isDomainError(e) && !(e instanceof NotMemberOfBoard)) throw e;
    // Say what happened: not on this board, or the thing is gone (or hidden from them, which looks the same).
    const why =
      e instanceof NotMemberOfBoard ? t(locale).notMemberOfBoard : e.code === "Forbidden" && message ? message : t(locale).notFound;
    return { card: await cards.render({ card: "help" }, { ...membership, audience: "personal", locale, message: why }) };
  }
}

class NotMemberOfBoard extends Error {}

function messageFor(e: DomainError, locale: Locale, card: CardRef["card"]): string {
  const s = t(locale);
  // Refused by authorship or role on something the person can see: whose it is, not that it is gone.
  if (e.code === "Forbidden") {
    if (card === "signal" || card === "signalAlert") return s.signalNotYours;
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
