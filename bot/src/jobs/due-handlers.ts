import type { Bot } from "../bot";
import { CONSENT_REMINDER_KIND, DeliveryPending, NOTIFICATION_KIND, cardKeyOf } from "../bot";
import { NotificationSchema } from "../use-cases/notifier";
import { repairBoard } from "../use-cases/repair";
import { signalAlertDelivered } from "../use-cases/reach";
import { eraseAfterRetention } from "../use-cases/retention";
import { consentStatusOn, hasConsentProblem } from "../domain/consent";
import { isWorkingDay } from "../domain/dates";
import { isScheduledOn, meetingById } from "../domain/meeting-schedule";
import { signalFollowUp, managerAlertAt } from "../domain/signal";
import type { Member } from "../domain/types";
import { COVER_DUE_KIND, applyCoverEvent } from "../use-cases/absences";
import { calendarOf, todayOf } from "../use-cases/deps";
import { OLDER_SIGNAL_DUE_KIND, SIGNAL_DUE_KIND } from "../use-cases/signals";
import type { DueItem } from "../storage/due-item-entity";
import { standInFor } from "../domain/cover";

// What each kind of due item does. A handler returns "done" (the item is completed) or a new time
// (the item is rescheduled for the next step). Every effect is idempotent: state changes are saved
// under ETags and cards carry dedupe keys, so an item that runs twice (lease expired mid-way) does no harm.

export const MORNING_BRIEF_KIND = "morningBrief";
export const RETENTION_KIND = "retention";
/** The hourly sweep for writes a crash left half-done (use-cases/repair.ts). */
export const REPAIR_KIND = "repairSweep";
/** Local time of the nightly erasure run. */
export const RETENTION_AT = "02:30";

export type Outcome = { done: true } | { rescheduleAt: string; payload?: Record<string, unknown> };
const done: Outcome = { done: true };

export type DueHandler = (bot: Bot, item: DueItem, now: Date) => Promise<Outcome>;

export const handlers: Record<string, DueHandler> = {
  [SIGNAL_DUE_KIND]: signalFollowUpDue,
  [OLDER_SIGNAL_DUE_KIND]: signalFollowUpDue,
  [COVER_DUE_KIND]: coverTimeoutDue,
  [CONSENT_REMINDER_KIND]: consentReminderDue,
  [MORNING_BRIEF_KIND]: morningBriefDue,
  [NOTIFICATION_KIND]: notificationDue,
  [RETENTION_KIND]: retentionDue,
  [REPAIR_KIND]: repairDue,
};

async function repairDue(bot: Bot, item: DueItem): Promise<Outcome> {
  await repairBoard(bot.useCaseDeps, str(item.payload["boardId"]));
  return done;
}

/** Erases the details of participants whose retention period has passed (counts and the access log stay). */
async function retentionDue(bot: Bot, item: DueItem): Promise<Outcome> {
  await eraseAfterRetention(bot.useCaseDeps, str(item.payload["boardId"]));
  return done;
}

/** How often a notification is tried before the people it could not reach count as not reached. */
export const NOTIFICATION_ATTEMPTS = 6;
/** Backoff between tries of a notification Teams kept refusing: 2, 4, 8, 16, 32 minutes. */
const notificationBackoffMs = (attempt: number) => 2 ** attempt * 60_000;

/**
 * A notification whose background work did not finish (the process stopped, or Teams refused
 * some card or update for now): handle it again. Cards already posted are not posted twice (dedupe
 * keys); after the last try, whoever is still not reached counts as not reached and the fallback runs.
 */
async function notificationDue(bot: Bot, item: DueItem, now: Date): Promise<Outcome> {
  const attempt = typeof item.payload["attempt"] === "number" ? item.payload["attempt"] : 1;
  try {
    await bot.notifier.handle(NotificationSchema.parse(item.payload), { finalAttempt: attempt >= NOTIFICATION_ATTEMPTS });
    return done;
  } catch (e) {
    if (!(e instanceof DeliveryPending)) throw e;
    return {
      rescheduleAt: new Date(now.getTime() + notificationBackoffMs(attempt)).toISOString(),
      payload: { ...item.payload, attempt: attempt + 1 },
    };
  }
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

async function signalFollowUpDue(bot: Bot, item: DueItem, now: Date): Promise<Outcome> {
  const storage = bot.useCaseDeps.storage;
  const boardId = str(item.payload["boardId"]);
  const e = await storage.signals.get(boardId, str(item.payload["signalId"] ?? item.payload["escalationId"]));
  if (!e || e.state !== "open") return done;
  // A participant who has left the FACT team needs no more chasing about this signal.
  const participant = await storage.participants.get(boardId, e.participantId);
  if (!participant || participant.leftTeamOn) return done;
  const cal = calendarOf(bot.useCaseDeps);
  const managerAt = managerAlertAt(e, cal).toISOString();
  switch (signalFollowUp(e, now, cal)) {
    case "remind": {
      const coordinators = await bot.notifier.receivers(boardId, e.toOrganisationId, ["coordinator"]);
      const result = await bot.notifier.deliver(
        { card: "signal", boardId, signalId: e.id, audience: "personal" },
        coordinators,
        "reminder",
        {
          channelRef: { card: "signal", boardId, signalId: e.id, audience: "channel" },
        },
      );
      if (result.pending.length > 0) return { rescheduleAt: new Date(now.getTime() + 5 * 60_000).toISOString() };
      await storage.signals.update({ ...e, remindersSent: e.remindersSent + 1 }, { expectedEtag: e.etag });
      return { rescheduleAt: managerAt };
    }
    case "notifyManager": {
      const managers = await bot.notifier.receivers(boardId, e.toOrganisationId, ["manager"]);
      const result = await bot.notifier.deliver({ card: "signalAlert", boardId, signalId: e.id }, managers, "manager", {
        // Nobody reachable: the board's channel hears of an unanswered signal, with counts only.
        channelRef: { card: "signal", boardId, signalId: e.id, audience: "channel" },
      });
      // Teams refused for now: try again shortly; cards already posted are not posted twice.
      if (result.pending.length > 0) return { rescheduleAt: new Date(now.getTime() + 5 * 60_000).toISOString() };
      // Notified means a manager has the card: the use-case decides from who it reached.
      await signalAlertDelivered(bot.useCaseDeps, boardId, e.id, result);
      return done;
    }
    case "none":
      if (e.remindersSent === 0) return { rescheduleAt: e.answerBy };
      return e.managerNotified ? done : { rescheduleAt: managerAt };
  }
}

async function coverTimeoutDue(bot: Bot, item: DueItem, now: Date): Promise<Outcome> {
  const storage = bot.useCaseDeps.storage;
  const a = await storage.absences.get(str(item.payload["boardId"]), str(item.payload["absenceId"]));
  if (!a || a.cover.state !== "requesting" || a.cover.askedIndex !== item.payload["askedIndex"]) return done;
  if (a.cover.answerBy && now.getTime() < Date.parse(a.cover.answerBy)) return { rescheduleAt: a.cover.answerBy };
  // Moves on to the next substitute (or to "uncovered", which tells the manager) and announces it.
  await applyCoverEvent(bot.useCaseDeps, a, { type: "timeout", at: now.toISOString() }, a.etag);
  return done;
}

async function consentReminderDue(bot: Bot, item: DueItem): Promise<Outcome> {
  const storage = bot.useCaseDeps.storage;
  const boardId = str(item.payload["boardId"]);
  const member = await storage.members.get(boardId, str(item.payload["memberId"]));
  if (!member) return done;
  await bot.notifier.deliver(
    {
      card: "consent",
      boardId,
      participantId: str(item.payload["participantId"]),
      disclosingOrganisationId: str(item.payload["disclosingOrganisationId"]),
    },
    [member],
    `remind.${item.dueAt}`,
  );
  return done;
}

/** Before the check-in: counts to the team channel, and a consent card to whoever must act on a consent problem. */
async function morningBriefDue(bot: Bot, item: DueItem): Promise<Outcome> {
  const u = bot.useCaseDeps;
  const boardId = str(item.payload["boardId"]);
  const date = str(item.payload["date"]);
  const meetingId = typeof item.payload["meetingId"] === "string" ? item.payload["meetingId"] : undefined;
  if (!isWorkingDay(date) || todayOf(u) !== date) return done;
  if (meetingId !== undefined) {
    // The schedule may have changed since the brief was scheduled: only a meeting still held today is briefed.
    const board = await u.storage.boards.get(boardId);
    const meeting = board && meetingById(board, meetingId);
    if (!meeting || !isScheduledOn(meeting, date)) return done;
  }
  const channels = await bot.references.channelsOf(boardId);
  const ref = { card: "morningBrief" as const, boardId, ...(meetingId ? { meetingId } : {}) };
  for (const target of channels) {
    const card = await bot.notifier.buildChannelCard(ref, target);
    await bot.sender.send({
      dedupeKey: meetingId ? `brief.${date}.${meetingId}.${target.key}` : `brief.${date}.${target.key}`,
      cardKey: cardKeyOf(ref),
      target,
      card,
      audience: "channel",
    });
  }
  await consentScan(bot, boardId);
  return done;
}

/** One card per consent problem state (missing, expiring, withdrawn…): the dedupe key names the state, so it is sent once. */
export async function consentScan(bot: Bot, boardId: string): Promise<void> {
  const u = bot.useCaseDeps;
  const today = todayOf(u);
  const snap = await u.storage.loadBoardSnapshot(boardId, today);
  const members = new Map(snap.members.map((m) => [m.id, m]));
  for (const p of snap.participants) {
    if (p.leftTeamOn || p.erasedAt || p.organisationIds.length < 2) continue;
    for (const org of p.organisationIds) {
      const consent = snap.consents.find((c) => c.participantId === p.id && c.disclosingOrganisationId === org);
      if (!hasConsentProblem(consent, today)) continue;
      const status = consentStatusOn(consent, today);
      const responsible = responsibleFor(p.caseManagerId, org, snap.members, snap.currentAbsences, today, members);
      await bot.notifier.deliver(
        { card: "consent", boardId, participantId: p.id, disclosingOrganisationId: org },
        responsible,
        `problem.${status}.${consent?.validUntil ?? "-"}.${consent?.etag ?? "-"}`,
      );
    }
  }
}

/** The case manager (or their cover) if they belong to the disclosing organisation, else its coordinators. */
function responsibleFor(
  caseManagerId: string,
  org: string,
  all: Member[],
  absences: Parameters<typeof standInFor>[1],
  today: string,
  byId: Map<string, Member>,
): Member[] {
  const cm = byId.get(standInFor(caseManagerId, absences, today)) ?? byId.get(caseManagerId);
  if (cm && cm.organisationId === org) return [cm];
  return all.filter((m) => m.organisationId === org && m.role === "coordinator");
}
