import type { Member } from "../domain/types";
import { coverAlertDelivered, coverRequestDelivered, recordReach, signalRaisedDelivered } from "../use-cases/delivery-outcomes";
import type { CoreDeps } from "./ports";
import type { Delivery, NotificationPlan } from "./recipients";
import { scheduleResends } from "./unknown-deliveries";

// Carries out what recipients.ts decided, through the delivery port, and records what it meant:
// who was reached and who not (delivery-outcomes.ts decides what follows from that). A card Teams
// refused for now leaves its person "pending": tried again later, neither reached nor not, until
// the last attempt, when they count as not reached and the board's channels are told instead.

export interface DeliveryResult {
  reached: Member[];
  unreached: Member[];
  pending: Member[];
  /** Teams answered 504: the card may be there or not. The task waits in their Att göra; a task card is posted again once that is safe. */
  unknown: Member[];
  /** Channel posts (the fallback) Teams refused for now. */
  channelsRefused: number;
}

export async function deliver(
  deps: CoreDeps,
  d: Delivery,
  options: { finalAttempt?: boolean; isResend?: boolean } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { reached: [], unreached: [], pending: [], unknown: [], channelsRefused: 0 };
  await Promise.all(
    d.to.map(async (m) => {
      const outcome = await deps.delivery.sendToMember(d.subject, m, d.occasion);
      if (outcome === "reached") result.reached.push(m);
      else if (outcome === "unreached") result.unreached.push(m);
      else if (outcome === "unknown") result.unknown.push(m);
      else if (outcome === "refused") (options.finalAttempt ? result.unreached : result.pending).push(m);
    }),
  );
  await recordWhatItMeans(deps, d, result);
  // A second post left unknown too is not tried a third time: Att göra holds the task.
  if (!options.isResend) await scheduleResends(deps, d, result.unknown);
  if (result.unreached.length > 0 && d.fallback) {
    const posted = await deps.delivery.postToBoardChannels(d.fallback, `${d.occasion}.channel`, d.to);
    result.channelsRefused = posted.refused;
  } else if (result.unreached.length > 0) {
    deps.log?.warn({ card: d.subject.card, unreached: result.unreached.length }, "no personal chat with the bot: card not delivered");
  }
  return result;
}

async function recordWhatItMeans(deps: CoreDeps, d: Delivery, result: DeliveryResult): Promise<void> {
  const boardId = d.subject.boardId;
  switch (d.meaning?.what) {
    case "coverRequest":
      return coverRequestDelivered(deps, boardId, d.meaning.absenceId, d.meaning.substituteId, result);
    case "signalRaised":
      return signalRaisedDelivered(deps, boardId, d.meaning.signalId, result);
    case "coverAlert": {
      const { alerted } = await coverAlertDelivered(deps, boardId, d.meaning.absenceId, result);
      if (!alerted)
        deps.log?.warn(
          { card: d.subject.card, unreached: result.unreached.length, pending: result.pending.length },
          "no manager reached about an uncovered absence",
        );
      return;
    }
    default:
      // Pending people are neither: they are tried again.
      return recordReach(deps, result);
  }
}

/** Updates, deliveries and meeting-chat posts in order. Returns how many Teams refused for now (none on the last attempt). */
export async function carryOut(deps: CoreDeps, plan: NotificationPlan, options: { finalAttempt?: boolean } = {}): Promise<number> {
  let refused = 0;
  for (const subject of plan.updates) refused += (await deps.delivery.updatePostedCopies(subject)).refused;
  for (const d of plan.deliveries) {
    const r = await deliver(deps, d, options);
    refused += r.pending.length + r.channelsRefused;
  }
  const chats = plan.meetingChats;
  for (const chatId of chats?.chatIds ?? [])
    refused += (await deps.delivery.postToMeetingChat(chats!.subject, chatId, chats!.occasion)).refused;
  return options.finalAttempt ? 0 : refused;
}
