import { consentStatusOn, hasConsentProblem } from "../domain/consent";
import { isWorkingDay } from "../domain/dates";
import { isScheduledOn, meetingById } from "../domain/meeting-schedule";
import { managerAlertAt, signalFollowUp } from "../domain/signal";
import type { DueItem } from "../storage";
import { COVER_DUE_KIND, applyCoverEvent } from "../use-cases/absences";
import { CONSENT_REMINDER_KIND } from "../use-cases/consent-reminders";
import { signalAlertDelivered } from "../use-cases/delivery-outcomes";
import { calendarOf, todayOf } from "../use-cases/deps";
import { NotificationSchema } from "../use-cases/notification";
import { repairBoard } from "../use-cases/repair";
import { eraseAfterRetention } from "../use-cases/retention";
import { OLDER_SIGNAL_DUE_KIND, SIGNAL_DUE_KIND } from "../use-cases/signals";
import { deliver } from "./deliveries";
import { MORNING_BRIEF_KIND, REPAIR_KIND, RETENTION_KIND } from "./due-schedule";
import { DeliveryPending, NOTIFICATION_KIND, type Notifications } from "./notifications";
import type { CoreDeps } from "./ports";
import { receiversIn, responsibleFor } from "./recipients";
import { UNKNOWN_RESEND_KIND, resendStep } from "./unknown-deliveries";

// What each kind of due item does. A handler returns "done" (the item is completed) or a new time
// (the item is rescheduled for the next step). Every effect is idempotent: state changes are saved
// under ETags and cards carry dedupe keys, so an item that runs twice (lease expired mid-way) does no harm.

export type DueOutcome = { done: true } | { rescheduleAt: string; payload?: Record<string, unknown> };
const done: DueOutcome = { done: true };

interface DueWork {
  deps: CoreDeps;
  notifications: Notifications;
}
type DueHandler = (work: DueWork, item: DueItem, now: Date) => Promise<DueOutcome>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const boardOf = (item: DueItem) => str(item.payload["boardId"]);
const inMinutes = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

/** How often a notification is tried before the people it could not reach count as not reached. */
export const NOTIFICATION_ATTEMPTS = 6;
/** Backoff between tries of a notification Teams kept refusing: 2, 4, 8, 16, 32 minutes. */
const notificationBackoffMs = (attempt: number) => 2 ** attempt * 60_000;

/**
 * A notification whose background work did not finish (the process stopped, or Teams refused some
 * card or update for now): handle it again. Cards already posted are not posted twice (dedupe
 * keys); after the last try, whoever is still not reached counts as not reached and the fallback runs.
 */
async function notificationDue({ notifications }: DueWork, item: DueItem, now: Date): Promise<DueOutcome> {
  const attempt = typeof item.payload["attempt"] === "number" ? item.payload["attempt"] : 1;
  try {
    await notifications.handle(NotificationSchema.parse(item.payload), { finalAttempt: attempt >= NOTIFICATION_ATTEMPTS });
    return done;
  } catch (e) {
    if (!(e instanceof DeliveryPending)) throw e;
    return {
      rescheduleAt: new Date(now.getTime() + notificationBackoffMs(attempt)).toISOString(),
      payload: { ...item.payload, attempt: attempt + 1 },
    };
  }
}

/** An unanswered signal: past its deadline a reminder to the receiving coordinators, later the receiving managers. */
async function signalFollowUpDue({ deps }: DueWork, item: DueItem, now: Date): Promise<DueOutcome> {
  const boardId = boardOf(item);
  // Items scheduled before signals were called signals name `escalationId`.
  const signal = await deps.storage.signals.get(boardId, str(item.payload["signalId"] ?? item.payload["escalationId"]));
  if (!signal || signal.state !== "open") return done;
  // A participant who has left the FACT team needs no more chasing about this signal.
  const participant = await deps.storage.participants.get(boardId, signal.participantId);
  if (!participant || participant.leftTeamOn) return done;
  const cal = calendarOf(deps);
  const managerAt = managerAlertAt(signal, cal).toISOString();
  const personal = { card: "signal", boardId, signalId: signal.id, audience: "personal" } as const;
  // Nobody reachable: the board's channel hears of an unanswered signal, with counts only.
  const fallback = { ...personal, audience: "channel" } as const;
  switch (signalFollowUp(signal, now, cal)) {
    case "remind": {
      const to = await receiversIn(deps, boardId, signal.toOrganisationId, ["coordinator"], {
        about: signal.participantId,
        atWorkNow: true,
      });
      const result = await deliver(deps, { subject: personal, to, occasion: "reminder", fallback });
      // Teams refused for now: try again shortly; cards already posted are not posted twice.
      if (result.pending.length > 0) return { rescheduleAt: inMinutes(now, 5) };
      await deps.storage.signals.update({ ...signal, remindersSent: signal.remindersSent + 1 }, { expectedEtag: signal.etag });
      return { rescheduleAt: managerAt };
    }
    case "notifyManager": {
      const to = await receiversIn(deps, boardId, signal.toOrganisationId, ["manager"], { about: signal.participantId, atWorkNow: true });
      const result = await deliver(deps, {
        subject: { card: "signalAlert", boardId, signalId: signal.id },
        to,
        occasion: "manager",
        fallback,
      });
      if (result.pending.length > 0) return { rescheduleAt: inMinutes(now, 5) };
      // Notified means a manager has the card: the use-case decides from who it reached.
      await signalAlertDelivered(deps, boardId, signal.id, result);
      return done;
    }
    case "none":
      if (signal.remindersSent === 0) return { rescheduleAt: signal.answerBy };
      return signal.managerNotified ? done : { rescheduleAt: managerAt };
  }
}

async function coverTimeoutDue({ deps }: DueWork, item: DueItem, now: Date): Promise<DueOutcome> {
  const a = await deps.storage.absences.get(boardOf(item), str(item.payload["absenceId"]));
  if (!a || a.cover.state !== "requesting" || a.cover.askedIndex !== item.payload["askedIndex"]) return done;
  if (a.cover.answerBy && now.getTime() < Date.parse(a.cover.answerBy)) return { rescheduleAt: a.cover.answerBy };
  // Moves on to the next substitute (or to "uncovered", which tells the manager) and announces it.
  await applyCoverEvent(deps, a, { type: "timeout", at: now.toISOString() }, a.etag);
  return done;
}

/** "Påminn mig senare": the consent card again, to the person who asked. */
async function consentReminderDue({ deps }: DueWork, item: DueItem): Promise<DueOutcome> {
  const boardId = boardOf(item);
  const member = await deps.storage.members.get(boardId, str(item.payload["memberId"]));
  if (!member) return done;
  const subject = {
    card: "consent",
    boardId,
    participantId: str(item.payload["participantId"]),
    disclosingOrganisationId: str(item.payload["disclosingOrganisationId"]),
  } as const;
  await deliver(deps, { subject, to: [member], occasion: `remind.${item.dueAt}` });
  return done;
}

/** Before the check-in: counts to the board's channels, and a consent card to whoever must act on a consent problem. */
async function morningBriefDue({ deps }: DueWork, item: DueItem): Promise<DueOutcome> {
  const boardId = boardOf(item);
  const date = str(item.payload["date"]);
  const meetingId = typeof item.payload["meetingId"] === "string" ? item.payload["meetingId"] : undefined;
  if (!isWorkingDay(date) || todayOf(deps) !== date) return done;
  if (meetingId !== undefined) {
    // The schedule may have changed since the brief was scheduled: only a meeting still held today is briefed.
    const board = await deps.storage.boards.get(boardId);
    const meeting = board && meetingById(board, meetingId);
    if (!meeting || !isScheduledOn(meeting, date)) return done;
  }
  const subject = { card: "morningBrief" as const, boardId, ...(meetingId ? { meetingId } : {}) };
  await deps.delivery.postToBoardChannels(subject, meetingId ? `brief.${date}.${meetingId}` : `brief.${date}`);
  await consentScan(deps, boardId);
  return done;
}

/** One card per consent problem state (missing, expiring, withdrawn…): the occasion names the state, so it is sent once. */
async function consentScan(deps: CoreDeps, boardId: string): Promise<void> {
  const today = todayOf(deps);
  const snap = await deps.storage.loadBoardSnapshot(boardId, today);
  for (const p of snap.participants) {
    if (p.leftTeamOn || p.erasedAt || p.organisationIds.length < 2) continue;
    for (const org of p.organisationIds) {
      const consent = snap.consents.find((c) => c.participantId === p.id && c.disclosingOrganisationId === org);
      if (!hasConsentProblem(consent, today)) continue;
      const status = consentStatusOn(consent, today);
      await deliver(deps, {
        subject: { card: "consent", boardId, participantId: p.id, disclosingOrganisationId: org },
        to: responsibleFor(
          p,
          org,
          snap.members,
          snap.currentAbsences,
          snap.consents.filter((c) => c.participantId === p.id),
          today,
        ),
        occasion: `problem.${status}.${consent?.validUntil ?? "-"}.${consent?.etag ?? "-"}`,
      });
    }
  }
}

/** Erases the details of participants whose retention period has passed (counts and the access log stay). */
const retentionDue: DueHandler = async ({ deps }, item) => {
  await eraseAfterRetention(deps, boardOf(item));
  return done;
};

const repairDue: DueHandler = async ({ deps }, item) => {
  await repairBoard(deps, boardOf(item));
  return done;
};

/** A task card Teams answered 504 to, posted once more when it is safe (unknown-deliveries.ts). */
async function resendAfterUnknownDue({ deps }: DueWork, item: DueItem, now: Date): Promise<DueOutcome> {
  const step = await resendStep(deps, item, now);
  if (step === "no") return done;
  if ("notBefore" in step) return { rescheduleAt: step.notBefore.toISOString() };
  const attempt = typeof item.payload["attempt"] === "number" ? item.payload["attempt"] : 1;
  const result = await deliver(deps, step.resend, { isResend: true, finalAttempt: attempt >= NOTIFICATION_ATTEMPTS });
  if (result.pending.length === 0) return done;
  // Teams refused for now: tried again like any notification.
  return {
    rescheduleAt: new Date(now.getTime() + notificationBackoffMs(attempt)).toISOString(),
    payload: { ...item.payload, attempt: attempt + 1 },
  };
}

const handlers: Record<string, DueHandler> = {
  [SIGNAL_DUE_KIND]: signalFollowUpDue,
  [OLDER_SIGNAL_DUE_KIND]: signalFollowUpDue,
  [COVER_DUE_KIND]: coverTimeoutDue,
  [CONSENT_REMINDER_KIND]: consentReminderDue,
  [MORNING_BRIEF_KIND]: morningBriefDue,
  [NOTIFICATION_KIND]: notificationDue,
  [RETENTION_KIND]: retentionDue,
  [REPAIR_KIND]: repairDue,
  [UNKNOWN_RESEND_KIND]: resendAfterUnknownDue,
};

/** Whether the core knows what to do with an item (others are left for a newer instance). */
export const isKnownDueItem = (item: Pick<DueItem, "kind">): boolean => Object.prototype.hasOwnProperty.call(handlers, item.kind);

export function runDueItem(work: DueWork, item: DueItem, now: Date): Promise<DueOutcome> {
  const handler = handlers[item.kind];
  if (!handler) throw new Error(`No handler for due items of kind ${item.kind}.`);
  return handler(work, item, now);
}
