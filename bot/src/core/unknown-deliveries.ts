import { createHash } from "node:crypto";
import { z } from "zod";
import { hasConsentProblem } from "../domain/consent";
import { askedSubstitute } from "../domain/cover";
import type { Member } from "../domain/types";
import { isTaskCard, mayResend, resendAt, resendFrom } from "../domain/unknown-delivery";
import type { DueItem } from "../storage";
import { calendarOf, todayOf } from "../use-cases/deps";
import type { CardSubject, CoreDeps } from "./ports";
import type { Delivery } from "./recipients";

// A task card Teams answered 504 to waits in the person's Att göra, and is posted once more when
// that is safe (domain/unknown-delivery.ts says when). Scheduled as a due item, so a restart or a
// second instance neither loses nor doubles it: the item's key is the card, the occasion and the
// person, and the second post has its own dedupe key in the sender.

export const UNKNOWN_RESEND_KIND = "resendAfterUnknown";

const Id = z.string().min(1);
const Subject = z.discriminatedUnion("card", [
  z.object({ card: z.literal("signal"), boardId: Id, signalId: Id, audience: z.enum(["personal", "channel"]) }),
  z.object({ card: z.literal("signalAlert"), boardId: Id, signalId: Id }),
  z.object({ card: z.literal("consent"), boardId: Id, participantId: Id, disclosingOrganisationId: Id }),
  z.object({ card: z.literal("cover"), boardId: Id, absenceId: Id }),
  z.object({ card: z.literal("coverAlert"), boardId: Id, absenceId: Id }),
]);
const Meaning = z.discriminatedUnion("what", [
  z.object({ what: z.literal("coverRequest"), absenceId: Id, substituteId: Id }),
  z.object({ what: z.literal("coverAlert"), absenceId: Id }),
  z.object({ what: z.literal("signalRaised"), signalId: Id }),
]);
const ResendPayload = z.object({
  boardId: Id,
  memberId: Id,
  occasion: Id,
  subject: Subject,
  meaning: Meaning.optional(),
  fallback: Subject.optional(),
});
type ResendPayload = z.infer<typeof ResendPayload>;

/** After a delivery: one resend item per person Teams left unknown, for the cards that ask something of them. */
export async function scheduleResends(deps: CoreDeps, d: Delivery, unknown: readonly Member[]): Promise<void> {
  if (!isTaskCard(d.subject.card)) return;
  const cal = calendarOf(deps);
  const now = deps.clock();
  for (const m of unknown) {
    const payload: ResendPayload = ResendPayload.parse({
      boardId: d.subject.boardId,
      memberId: m.id,
      occasion: d.occasion,
      subject: d.subject,
      ...(d.meaning ? { meaning: d.meaning } : {}),
      ...(d.fallback ? { fallback: d.fallback } : {}),
    });
    await deps.storage.dueItems.schedule({
      kind: UNKNOWN_RESEND_KIND,
      id: resendKey(payload),
      dueAt: resendAt(now, m, cal).toISOString(),
      payload,
    });
  }
}

const resendKey = (p: ResendPayload): string =>
  createHash("sha256")
    .update(JSON.stringify([p.subject, p.occasion, p.memberId]))
    .digest("hex")
    .slice(0, 40);

export type ResendStep = { resend: Delivery } | { notBefore: Date } | "no";

/** What to do with a resend item now: post it, wait for the person's working time, or drop it. */
export async function resendStep(deps: CoreDeps, item: DueItem, now: Date): Promise<ResendStep> {
  const p = ResendPayload.parse(item.payload);
  const member = await deps.storage.members.get(p.boardId, p.memberId);
  const facts = {
    onBoard: !!member && !member.leftAt,
    stillNotReached: !!member?.notReachedSince,
    stillWaits: !!member && (await stillWaitsFor(deps, p.subject, member)),
  };
  if (!member || !mayResend(facts)) return "no";
  const at = resendFrom(now, member, calendarOf(deps));
  if (at > now) return { notBefore: at };
  return {
    resend: {
      subject: p.subject,
      to: [member],
      occasion: `${p.occasion}.resend`,
      ...(p.meaning ? { meaning: p.meaning } : {}),
      ...(p.fallback ? { fallback: p.fallback } : {}),
    },
  };
}

/** Whether what the card asks is still undone and still this person's: the card would say something new otherwise. */
async function stillWaitsFor(deps: CoreDeps, s: CardSubject, m: Member): Promise<boolean> {
  switch (s.card) {
    case "signal":
    case "signalAlert": {
      const signal = await deps.storage.signals.get(s.boardId, s.signalId);
      return signal?.state === "open" && signal.toOrganisationId === m.organisationId;
    }
    case "cover": {
      const absence = await deps.storage.absences.get(s.boardId, s.absenceId);
      return absence?.cover.state === "requesting" && askedSubstitute(absence.cover) === m.id;
    }
    case "coverAlert": {
      const absence = await deps.storage.absences.get(s.boardId, s.absenceId);
      return absence?.cover.state === "uncovered";
    }
    case "consent": {
      const participant = await deps.storage.participants.get(s.boardId, s.participantId);
      if (!participant || participant.erasedAt || participant.leftTeamOn) return false;
      const consent = await deps.storage.consents.get(s.boardId, s.participantId, s.disclosingOrganisationId);
      return hasConsentProblem(consent, todayOf(deps));
    }
    default:
      return false;
  }
}
