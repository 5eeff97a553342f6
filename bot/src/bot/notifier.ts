import type { CardRef, Locale } from "../cards";
import { standInFor } from "../domain/cover";
import { isDomainError } from "../domain/errors";
import type { Member } from "../domain/types";
import { todayOf } from "../use-cases/deps";
import { coverAlertDelivered, coverRequestDelivered, recordReach } from "../use-cases/reach";
import type { Notification, Notifier } from "../use-cases/notifier";
import { safeKey } from "./bot-tables";
import { type CardViewDeps, buildCardFor, checkInSummaryCard, mriOf } from "./card-views";
import type { StoredReference, TableConversationReferenceStore } from "./conversation-reference-store";
import type { ProactiveSender, SenderLog } from "./proactive-sender";
import type { SentCardRepository } from "../storage/sent-card-repository";

// Who hears about what, and with which card. notify() records the notification as a due item
// first (so it survives a crash), then returns: the work runs in the background, so a card action
// is answered before any proactive card goes out. When the work is done the due item is dropped;
// if the process dies first, the job poller runs it after a short grace period. Handling twice is
// harmless: every send carries a dedupe key and updates rebuild cards from storage.

export const NOTIFICATION_KIND = "notification";
const NOTIFICATION_GRACE_MS = 60_000;

/** Who a delivery reached. `pending`: Teams refused for now; the caller keeps the work due and tries again. */
export interface DeliveryResult {
  reached: Member[];
  /** No personal chat, or the chat was closed to the bot (403), or given up on after the last try. */
  unreached: Member[];
  pending: Member[];
}

/** Thrown so that a notification stays due when some card (or update) could not be delivered yet. */
export class DeliveryPending extends Error {
  constructor(readonly count: number) {
    super(`${count} card(s) not delivered yet`);
    this.name = "DeliveryPending";
  }
}

export interface NotifierDeps {
  views: CardViewDeps;
  references: TableConversationReferenceStore;
  sentCards: SentCardRepository;
  sender: ProactiveSender;
  log?: SenderLog;
  /**
   * Whether cards can reach people at all: false when the bot has no Entra app (local demo and
   * tab-only tests). Then the tab is the only way people are asked, so nobody counts as not reached
   * and a substitute is not passed over for lacking a chat that cannot exist.
   */
  cardsReachPeople?: boolean;
}

export const cardKeyOf = (ref: CardRef): string => {
  switch (ref.card) {
    case "signal":
      // Copies posted before signals were called signals are keyed so; the key stays, so they are still updated.
      return `escalation.${ref.boardId}.${ref.signalId}`;
    case "consent":
      return `consent.${ref.boardId}.${ref.participantId}.${ref.disclosingOrganisationId}`;
    case "cover":
      return `cover.${ref.boardId}.${ref.absenceId}`;
    case "coverAlert":
      return `coverAlert.${ref.boardId}.${ref.absenceId}`;
    case "absence":
      return `absence.${ref.boardId}.${ref.absenceId}`;
    case "signalAlert":
      return `signalAlert.${ref.boardId}.${ref.signalId}`;
    case "morningBrief":
      return ref.meetingId ? `morningBrief.${ref.boardId}.${ref.meetingId}` : `morningBrief.${ref.boardId}`;
    default:
      return ref.card;
  }
};

/** The person's chosen language, else the Teams locale last seen in that conversation. */
export const localeOf = (target: StoredReference): Locale =>
  target.chosenLocale ?? (target.locale?.toLowerCase().startsWith("en") ? "en" : "sv");

export class BotNotifier implements Notifier {
  private readonly pending = new Set<Promise<void>>();
  constructor(private readonly d: NotifierDeps) {}

  async notify(n: Notification): Promise<void> {
    const u = this.d.views.useCases;
    const record = await u.storage.dueItems.schedule({
      kind: NOTIFICATION_KIND,
      id: u.newId(),
      dueAt: new Date(u.clock().getTime() + NOTIFICATION_GRACE_MS).toISOString(),
      payload: { ...n },
    });
    // Not on the sender's queue: this work itself queues sends, and must not hold a send slot meanwhile.
    const task = this.handle(n)
      .then(() => u.storage.dueItems.cancel(record))
      .catch((e: unknown) => {
        // The due item stays: the job poller tries again after the grace period.
        this.d.log?.error({ notification: n.type, error: e instanceof Error ? e.name : "unknown" }, "notification failed");
      });
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Resolves when every notification so far has been handled and its cards sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.d.sender.idle();
  }

  /**
   * Handles a notification. Throws DeliveryPending when a card or an update could not be delivered
   * yet (the notification stays due); with `finalAttempt`, those people count as not reached instead
   * and the fallback (the board channel, counts only) runs.
   */
  async handle(n: Notification, options: { finalAttempt?: boolean } = {}): Promise<void> {
    const t: Tally = { pending: 0, finalAttempt: options.finalAttempt ?? false };
    await this.handleOnce(n, t);
    if (t.pending > 0) throw new DeliveryPending(t.pending);
  }

  private async handleOnce(n: Notification, t: Tally): Promise<void> {
    const storage = this.d.views.useCases.storage;
    switch (n.type) {
      case "signalRaised": {
        const e = await storage.signals.get(n.boardId, n.signalId);
        if (!e) return;
        const recipients = await this.receivers(n.boardId, e.toOrganisationId, ["coordinator"]);
        await this.deliver({ card: "signal", boardId: n.boardId, signalId: e.id, audience: "personal" }, recipients, `raised`, {
          tally: t,
          channelRef: { card: "signal", boardId: n.boardId, signalId: e.id, audience: "channel" },
        });
        return;
      }
      case "signalAnswered": {
        const ref: CardRef = { card: "signal", boardId: n.boardId, signalId: n.signalId, audience: "personal" };
        // Personal and channel copies share the card key; each is rebuilt for its own audience.
        await this.updateCopies(ref, t);
        await this.updateCopies({ card: "signalAlert", boardId: n.boardId, signalId: n.signalId }, t);
        const e = await storage.signals.get(n.boardId, n.signalId);
        const raiser = e && (await storage.members.get(n.boardId, e.raisedBy));
        // The sender hears the answer once per state.
        if (e && raiser) await this.deliver(ref, [raiser], `answered.${e.state}`, { tally: t });
        return;
      }
      case "coverRequested": {
        const substitute = await storage.members.get(n.boardId, n.substituteId);
        const ref: CardRef = { card: "cover", boardId: n.boardId, absenceId: n.absenceId };
        await this.updateCopies(ref, t);
        await this.updateCopies({ card: "absence", boardId: n.boardId, absenceId: n.absenceId }, t);
        if (substitute) {
          const result = await this.deliver(ref, [substitute], "asked", { noStandIn: true, tally: t });
          await coverRequestDelivered(this.d.views.useCases, n.boardId, n.absenceId, n.substituteId, result);
        }
        return;
      }
      case "coverSettled": {
        const ref: CardRef = { card: "cover", boardId: n.boardId, absenceId: n.absenceId };
        await this.updateCopies(ref, t);
        await this.updateCopies({ card: "coverAlert", boardId: n.boardId, absenceId: n.absenceId }, t);
        await this.updateCopies({ card: "absence", boardId: n.boardId, absenceId: n.absenceId }, t);
        const absence = await storage.absences.get(n.boardId, n.absenceId);
        // The absent person hears who covers (or that nobody could), once per outcome.
        const absent =
          absence && (absence.cover.state === "covered" || absence.cover.state === "uncovered")
            ? await storage.members.get(n.boardId, absence.memberId)
            : undefined;
        if (absence && absent)
          await this.deliver(
            { card: "absence", boardId: n.boardId, absenceId: n.absenceId },
            [absent],
            `settled.${absence.cover.state}.${absence.cover.coveredBy ?? ""}`,
            { noStandIn: true, tally: t },
          );
        if (absence && absence.cover.state === "uncovered" && !absence.cover.managerAlerted) {
          const managers = await this.receivers(n.boardId, absence.organisationId, ["manager"]);
          const result = await this.deliver({ card: "coverAlert", boardId: n.boardId, absenceId: n.absenceId }, managers, "alert", {
            noStandIn: true,
            tally: t,
          });
          // Whether this counts as alerted is the use-case's to decide, from who the card reached.
          const { alerted } = await coverAlertDelivered(this.d.views.useCases, n.boardId, n.absenceId, result);
          if (!alerted)
            this.d.log?.warn(
              { card: "coverAlert", unreached: result.unreached.length, pending: result.pending.length },
              "no manager reached about an uncovered absence",
            );
        }
        return;
      }
      case "consentChanged":
        await this.updateCopies(
          { card: "consent", boardId: n.boardId, participantId: n.participantId, disclosingOrganisationId: n.disclosingOrganisationId },
          t,
        );
        return;
      case "checkInRecorded":
        await this.postCheckInSummary(n.boardId, n.date, n.meetingId, t);
        return;
    }
  }

  /**
   * The summary to each Teams meeting chat the walkthrough ran in, where the bot was added by a
   * member of the board. Once per chat and occurrence (a walkthrough ended again after a reopen
   * updates nothing: the dedupe key names the occurrence).
   */
  private async postCheckInSummary(boardId: string, date: string, meetingId: string, t: Tally): Promise<void> {
    const first = await checkInSummaryCard(this.d.views, boardId, date, meetingId, "sv");
    if (!first) return;
    for (const chatId of first.chatIds) {
      const target = await this.d.references.get("groupChat", safeKey(chatId));
      if (!target || !target.boardIds.includes(boardId)) continue;
      const built = await checkInSummaryCard(this.d.views, boardId, date, meetingId, localeOf(target));
      if (!built) return;
      const outcome = await this.d.sender.send({
        dedupeKey: `summary.${boardId}.${date}.${meetingId}.${target.key}`,
        cardKey: `checkInSummary.${boardId}.${date}.${meetingId}`,
        target,
        card: built.card,
        audience: "channel",
      });
      if (outcome === "failed" && !t.finalAttempt) t.pending++;
    }
  }

  /** Members of an organisation with one of the roles, each replaced by who stands in for them today. */
  async receivers(boardId: string, organisationId: string, roles: Array<Member["role"]>): Promise<Member[]> {
    const u = this.d.views.useCases;
    const [members, absences] = await Promise.all([
      u.storage.members.listForBoard(boardId),
      u.storage.absences.listCurrent(boardId, todayOf(u)),
    ]);
    const byId = new Map(members.map((m) => [m.id, m]));
    let chosen = members.filter((m) => m.organisationId === organisationId && roles.includes(m.role));
    // No coordinator in that organisation: its manager gets the card instead.
    if (chosen.length === 0) chosen = members.filter((m) => m.organisationId === organisationId && m.role === "manager");
    const out = new Map<string, Member>();
    for (const m of chosen) {
      const stand = byId.get(standInFor(m.id, absences, todayOf(u))) ?? m;
      out.set(stand.id, stand);
    }
    return [...out.values()];
  }

  /**
   * Sends `ref` to each member in personal chat, built for that member now (what they may see, logged
   * as their read). Members without a personal chat with the bot are told through the board's
   * channels instead, if `channelRef` allows it: a notice with a count and a link, nothing about the participant.
   */
  async deliver(
    ref: CardRef,
    members: Member[],
    occasion: string,
    options: { channelRef?: CardRef; noStandIn?: boolean; tally?: Tally } = {},
  ): Promise<DeliveryResult> {
    const cardKey = cardKeyOf(ref);
    const result: DeliveryResult = { reached: [], unreached: [], pending: [] };
    await Promise.all(
      members.map(async (m) => {
        const target = await this.d.references.personal(m.id);
        if (!target) {
          if (this.d.cardsReachPeople !== false) result.unreached.push(m);
          return;
        }
        const card = await buildCardFor(this.d.views, ref, { member: m, audience: "personal", locale: localeOf(target) });
        const outcome = await this.d.sender.send({
          dedupeKey: `${occasion}.${m.id}`,
          cardKey,
          target,
          card,
          audience: "personal",
          viewerId: m.id,
        });
        if (outcome === "gone") result.unreached.push(m);
        else if (outcome === "failed") (options.tally?.finalAttempt ? result.unreached : result.pending).push(m);
        else result.reached.push(m);
      }),
    );
    if (options.tally) options.tally.pending += result.pending.length;
    // Pending people are neither: they are tried again.
    await recordReach(this.d.views.useCases, result);
    const unreached = result.unreached;
    if (unreached.length > 0 && options.channelRef && "boardId" in options.channelRef) {
      const channels = await this.d.references.channelsOf(options.channelRef.boardId);
      const channelKey = cardKeyOf(options.channelRef);
      for (const target of channels) {
        const card = await buildCardFor(this.d.views, options.channelRef, {
          audience: "channel",
          locale: localeOf(target),
          refreshUserIds: members.map(mriOf),
        });
        const outcome = await this.d.sender.send({
          dedupeKey: `${occasion}.channel.${target.key}`,
          cardKey: channelKey,
          target,
          card,
          audience: "channel",
        });
        if (outcome === "failed" && options.tally && !options.tally.finalAttempt) options.tally.pending++;
      }
    } else if (unreached.length > 0) {
      this.d.log?.warn({ card: ref.card, unreached: unreached.length }, "no personal chat with the bot: card not delivered");
    }
    return result;
  }

  /** A card as posted to a shared conversation: counts and a link, nothing about a participant. */
  buildChannelCard(ref: CardRef, target: StoredReference) {
    return buildCardFor(this.d.views, ref, { audience: "channel", locale: localeOf(target) });
  }

  /** Rebuilds every posted copy of a card for the person it was sent to, and updates it in place. */
  async updateCopies(ref: CardRef, tally?: Tally): Promise<void> {
    const storage = this.d.views.useCases.storage;
    const copies = await this.d.sentCards.listFor(cardKeyOf(ref));
    await Promise.all(
      copies.map(async (copy) => {
        // A post Teams may or may not have made has no activity id to update.
        if (copy.delivery !== "sent" || !copy.activityId) return;
        const target = await this.d.references.get(copy.conversationKind as StoredReference["kind"], copy.conversationKey);
        if (!target || !("boardId" in ref)) return;
        const member = copy.viewerId ? await storage.members.get(ref.boardId, copy.viewerId) : undefined;
        let card;
        try {
          // Rebuilt for the person it was sent to, from what they may see now (and logged as their read).
          // A signal's copies in shared conversations stay notices; the personal ones stay personal.
          const copyRef = ref.card === "signal" ? { ...ref, audience: copy.audience } : ref;
          card = await buildCardFor(this.d.views, copyRef, {
            ...(member ? { member } : {}),
            audience: copy.audience,
            locale: localeOf(target),
          });
        } catch (e) {
          // The person may no longer see it (consent withdrawn): leave their copy as it was.
          if (!isDomainError(e)) throw e;
          return;
        }
        const outcome = await this.d.sender.update(target, copy.activityId, card);
        if (outcome === "failed" && tally && !tally.finalAttempt) tally.pending++;
      }),
    );
  }
}

interface Tally {
  pending: number;
  finalAttempt: boolean;
}
