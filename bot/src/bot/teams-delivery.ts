import type { LinkTargets } from "@fact-board/contract";
import { type Locale } from "../cards";
import type { CardSubject, Core, DeliveryPort, SendOutcome, SentCardRepository } from "../core";
import { safeKey } from "../core";
import { isDomainError } from "../domain/errors";
import type { Member } from "../domain/types";
import type { StoredReference, TableConversationReferenceStore } from "./conversation-reference-store";
import type { ProactiveSender, SenderLog } from "./proactive-sender";
import { renderCard } from "./render-card";
import { type Viewer, mriOf } from "./viewer";

// The core's delivery port over Teams: where the bot can write to (conversation references), the
// proactive sender's queue, and what has been posted (SentCards). Each card is rendered for its
// recipient, in their language, at the moment it goes out. Who gets what is the core's decision.

export interface TeamsDeliveryParts {
  core: Core;
  references: TableConversationReferenceStore;
  sentCards: SentCardRepository;
  sender: ProactiveSender;
  links: LinkTargets;
  /** False when no Teams app exists (local demo, tab-only tests): nobody can be reached by a card. */
  cardsReachPeople: boolean;
  log?: SenderLog;
}

/** The SentCards partition of a card: every posted copy is found by it, to be updated in place. */
export const cardKeyOf = (subject: CardSubject): string => {
  switch (subject.card) {
    case "signal":
      // Copies posted before signals were called signals are keyed so; the key stays, so they are still updated.
      return `escalation.${subject.boardId}.${subject.signalId}`;
    case "signalAlert":
      return `signalAlert.${subject.boardId}.${subject.signalId}`;
    case "consent":
      return `consent.${subject.boardId}.${subject.participantId}.${subject.disclosingOrganisationId}`;
    case "cover":
    case "coverAlert":
    case "absence":
      return `${subject.card}.${subject.boardId}.${subject.absenceId}`;
    case "morningBrief":
      return subject.meetingId ? `morningBrief.${subject.boardId}.${subject.meetingId}` : `morningBrief.${subject.boardId}`;
    case "checkInSummary":
    case "followWalkthrough":
      return `${subject.card}.${subject.boardId}.${subject.date}.${subject.meetingId}`;
  }
};

/** The person's chosen language, else the Teams locale last seen in that conversation. */
export const localeOf = (target: StoredReference): Locale =>
  target.chosenLocale ?? (target.locale?.toLowerCase().startsWith("en") ? "en" : "sv");

export function teamsDelivery(p: TeamsDeliveryParts): DeliveryPort {
  const render = (subject: CardSubject, viewer: Viewer) => renderCard(p.core, p.links, subject, viewer);
  const refusedIf = (outcome: SendOutcomeOfSender): number => (outcome === "failed" ? 1 : 0);

  /** To each conversation, the card as a shared conversation sees it; `${occasion}.${conversation}` sends it once. */
  async function postTo(targets: StoredReference[], subject: CardSubject, occasion: string, concerned: readonly Member[] = []) {
    let refused = 0;
    for (const target of targets) {
      const card = await render(subject, { audience: "channel", locale: localeOf(target), refreshUserIds: concerned.map(mriOf) });
      const outcome = await p.sender.send({
        dedupeKey: `${occasion}.${target.key}`,
        cardKey: cardKeyOf(subject),
        target,
        card,
        audience: "channel",
      });
      refused += refusedIf(outcome);
    }
    return { refused };
  }

  return {
    async sendToMember(subject, member, occasion): Promise<SendOutcome> {
      const target = await p.references.personal(member.id);
      if (!target) return p.cardsReachPeople ? "unreached" : "noCards";
      // Built for that member now: what they may see, logged as their read.
      const card = await render(subject, { member, audience: "personal", locale: localeOf(target) });
      const outcome = await p.sender.send({
        dedupeKey: `${occasion}.${member.id}`,
        cardKey: cardKeyOf(subject),
        target,
        card,
        audience: "personal",
        viewerId: member.id,
      });
      if (outcome === "gone") return "unreached";
      if (outcome === "failed") return "refused";
      if (outcome === "uncertain") return "unknown";
      // Sent before for this occasion: reached, unless that post was one Teams left unknown (504).
      if (outcome === "duplicate") {
        const earlier = await p.sentCards.get(cardKeyOf(subject), `${occasion}.${member.id}`);
        if (earlier?.delivery === "uncertain") return "unknown";
      }
      return "reached";
    },

    async postToBoardChannels(subject, occasion, concerned) {
      return postTo(await p.references.channelsOf(subject.boardId), subject, occasion, concerned);
    },

    async postToMeetingChat(subject, chatId, occasion) {
      // Only a chat the bot was added to by a member of this board.
      const target = await p.references.get("groupChat", safeKey(chatId));
      if (!target || !target.boardIds.includes(subject.boardId)) return { refused: 0 };
      return postTo([target], subject, occasion);
    },

    async updatePostedCopies(subject) {
      const copies = await p.sentCards.listFor(cardKeyOf(subject));
      const outcomes = await Promise.all(
        copies.map(async (copy) => {
          // A post Teams may or may not have made has no activity id to update.
          if (copy.delivery !== "sent" || !copy.activityId) return 0;
          const target = await p.references.get(copy.conversationKind as StoredReference["kind"], copy.conversationKey);
          if (!target) return 0;
          const member = copy.viewerId ? await p.core.boardMember(subject.boardId, copy.viewerId) : undefined;
          // A signal's copies in shared conversations stay notices; the personal ones stay personal.
          const own = subject.card === "signal" ? { ...subject, audience: copy.audience } : subject;
          let card;
          try {
            // Rebuilt for the person it was sent to, from what they may see now (and logged as their read).
            card = await render(own, { ...(member ? { member } : {}), audience: copy.audience, locale: localeOf(target) });
          } catch (e) {
            // The person may no longer see it (consent withdrawn): leave their copy as it was.
            if (!isDomainError(e)) throw e;
            return 0;
          }
          return refusedIf(await p.sender.update(target, copy.activityId, card));
        }),
      );
      return { refused: outcomes.reduce((a, b) => a + b, 0) };
    },

    idle: () => p.sender.idle(),
  };
}

type SendOutcomeOfSender = Awaited<ReturnType<ProactiveSender["send"]>>;
