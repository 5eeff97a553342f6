import { standInFor } from "../domain/cover";
import { receiversAmong } from "../domain/receivers";
import type { Absence, BoardId, CalendarDate, Consent, Member, OrganisationId, Participant, ParticipantId } from "../domain/types";
import { calendarOf, todayOf, type UseCaseDeps } from "../use-cases/deps";
import type { Notification } from "../use-cases/notification";
import { readCheckInSummary, readWalkthroughChats } from "../use-cases/walkthroughs";
import type { CardSubject } from "./ports";

// Who hears about what, and with which card: decided here only. A notification (something a
// use-case did) becomes a plan: the cards already posted that show it are updated in place, and new
// cards go to the people who must act, each built for its recipient when it is sent.

/** One card, to each of `to` in their personal chat. */
export interface Delivery {
  subject: CardSubject;
  to: Member[];
  /** With the recipient, the dedupe key: "raised", "reminder", `answered.${state}`… */
  occasion: string;
  /** Those it cannot reach are told through the board's channels instead: counts and a link. */
  fallback?: CardSubject;
  /** What reaching (or not reaching) them means beyond "who is not reached" (delivery-outcomes.ts). */
  meaning?:
    | { what: "coverRequest"; absenceId: string; substituteId: string }
    | { what: "coverAlert"; absenceId: string }
    | { what: "signalRaised"; signalId: string };
}

export interface NotificationPlan {
  /** Cards already posted that show what changed: every copy rebuilt for its reader. */
  updates: CardSubject[];
  deliveries: Delivery[];
  /** The walkthrough's meeting chats: the summary, once per chat and occasion. */
  meetingChats?: { subject: CardSubject; chatIds: string[]; occasion: string };
}

const NOTHING: NotificationPlan = { updates: [], deliveries: [] };

/**
 * Members of an organisation with one of the roles (its managers if it has no such member), each
 * replaced by who stands in for them today; `about` a participant, a cover from another
 * organisation only under that participant's consent; `atWorkNow`: those working now by their pattern.
 */
export async function receiversIn(
  deps: UseCaseDeps,
  boardId: BoardId,
  organisationId: OrganisationId,
  roles: Array<Member["role"]>,
  options: { about?: ParticipantId; atWorkNow?: boolean } = {},
): Promise<Member[]> {
  const today = todayOf(deps);
  const [members, absences, consents] = await Promise.all([
    deps.storage.members.listForBoard(boardId),
    deps.storage.absences.listCurrent(boardId, today),
    options.about ? deps.storage.consents.listForParticipant(boardId, options.about) : [],
  ]);
  const about = options.about ? { participantId: options.about, consents } : undefined;
  const ctx = { members, absences, today, now: deps.clock(), board: calendarOf(deps), ...(about ? { about } : {}) };
  return receiversAmong(ctx, organisationId, roles, options.atWorkNow ? { atWorkNow: true } : {});
}

/** Who must act on a consent problem: the case manager (or their cover) if of the disclosing organisation, else its coordinators. */
export function responsibleFor(
  participant: Pick<Participant, "id" | "caseManagerId">,
  organisationId: OrganisationId,
  members: readonly Member[],
  absences: readonly Absence[],
  consents: readonly Consent[],
  today: CalendarDate,
): Member[] {
  const caseManagerId = participant.caseManagerId;
  const byId = new Map(members.map((m) => [m.id, m]));
  const cm = byId.get(standInFor(caseManagerId, absences, today, { participantId: participant.id, consents })) ?? byId.get(caseManagerId);
  if (cm && cm.organisationId === organisationId) return [cm];
  return members.filter((m) => m.organisationId === organisationId && m.role === "coordinator");
}

export async function recipientsFor(deps: UseCaseDeps, n: Notification): Promise<NotificationPlan> {
  const s = deps.storage;
  switch (n.type) {
    case "signalRaised": {
      const signal = await s.signals.get(n.boardId, n.signalId);
      if (!signal) return NOTHING;
      const subject = { card: "signal", boardId: n.boardId, signalId: signal.id, audience: "personal" } as const;
      return {
        updates: [],
        deliveries: [
          {
            subject,
            to: await receiversIn(deps, n.boardId, signal.toOrganisationId, ["coordinator"], {
              about: signal.participantId,
              atWorkNow: true,
            }),
            occasion: "raised",
            fallback: { ...subject, audience: "channel" },
            meaning: { what: "signalRaised", signalId: signal.id },
          },
        ],
      };
    }
    case "signalAnswered": {
      // Personal and channel copies share one card key: each is rebuilt for its own reader.
      const subject = { card: "signal", boardId: n.boardId, signalId: n.signalId, audience: "personal" } as const;
      const signal = await s.signals.get(n.boardId, n.signalId);
      const raiser = signal && (await s.members.get(n.boardId, signal.raisedBy));
      return {
        updates: [subject, { card: "signalAlert", boardId: n.boardId, signalId: n.signalId }],
        // The sender hears the answer once per state.
        deliveries: signal && raiser ? [{ subject, to: [raiser], occasion: `answered.${signal.state}` }] : [],
      };
    }
    case "signalNotReached": {
      // The sender is told, once, that nobody who can answer has been reached.
      const signal = await s.signals.get(n.boardId, n.signalId);
      const raiser = signal && (await s.members.get(n.boardId, signal.raisedBy));
      const subject = { card: "signal", boardId: n.boardId, signalId: n.signalId, audience: "personal" } as const;
      return { updates: [subject], deliveries: raiser ? [{ subject, to: [raiser], occasion: "notReached" }] : [] };
    }
    case "coverRequested": {
      const subject = { card: "cover", boardId: n.boardId, absenceId: n.absenceId } as const;
      const substitute = await s.members.get(n.boardId, n.substituteId);
      return {
        updates: [subject, { card: "absence", boardId: n.boardId, absenceId: n.absenceId }],
        deliveries: substitute
          ? [
              {
                subject,
                to: [substitute],
                occasion: "asked",
                meaning: { what: "coverRequest", absenceId: n.absenceId, substituteId: n.substituteId },
              },
            ]
          : [],
      };
    }
    case "coverSettled":
      return coverSettled(deps, n.boardId, n.absenceId);
    case "consentChanged":
      return {
        updates: [
          { card: "consent", boardId: n.boardId, participantId: n.participantId, disclosingOrganisationId: n.disclosingOrganisationId },
        ],
        deliveries: [],
      };
    case "walkthroughInChat": {
      const chats = await readWalkthroughChats(deps, n.boardId, n.date, n.meetingId);
      if (!chats) return NOTHING;
      return {
        updates: [],
        deliveries: [],
        // Once per chat and occurrence: every stage opening in that meeting, a reopen after the end, tells the chat nothing new.
        meetingChats: {
          subject: { card: "followWalkthrough", boardId: n.boardId, date: n.date, meetingId: n.meetingId },
          chatIds: chats.chatIds,
          occasion: `follow.${n.boardId}.${n.date}.${n.meetingId}`,
        },
      };
    }
    case "checkInRecorded": {
      const summary = await readCheckInSummary(deps, n.boardId, n.date, n.meetingId);
      if (!summary) return NOTHING;
      return {
        updates: [],
        deliveries: [],
        // Once per chat and occurrence: a walkthrough ended again after a reopen tells nobody twice.
        meetingChats: {
          subject: { card: "checkInSummary", boardId: n.boardId, date: n.date, meetingId: n.meetingId },
          chatIds: summary.chatIds,
          occasion: `summary.${n.boardId}.${n.date}.${n.meetingId}`,
        },
      };
    }
  }
}

/** The absent person hears who covers (or that nobody could); nobody covering, their managers are alerted once. */
async function coverSettled(deps: UseCaseDeps, boardId: BoardId, absenceId: string): Promise<NotificationPlan> {
  const absence = await deps.storage.absences.get(boardId, absenceId);
  const updates: CardSubject[] = [
    { card: "cover", boardId, absenceId },
    { card: "coverAlert", boardId, absenceId },
    { card: "absence", boardId, absenceId },
  ];
  if (!absence) return { updates, deliveries: [] };
  const deliveries: Delivery[] = [];
  const { state, coveredBy, managerAlerted } = absence.cover;
  const absent = state === "covered" || state === "uncovered" ? await deps.storage.members.get(boardId, absence.memberId) : undefined;
  if (absent)
    deliveries.push({ subject: { card: "absence", boardId, absenceId }, to: [absent], occasion: `settled.${state}.${coveredBy ?? ""}` });
  if (state === "uncovered" && !managerAlerted)
    deliveries.push({
      subject: { card: "coverAlert", boardId, absenceId },
      to: await receiversIn(deps, boardId, absence.organisationId, ["manager"], { atWorkNow: true }),
      occasion: "alert",
      meaning: { what: "coverAlert", absenceId },
    });
  return { updates, deliveries };
}
