import { z } from "zod";
import type { BoardId, MemberId, OrganisationId, ParticipantId } from "../domain/types";

// What happened that someone should hear about. Use-cases announce; the bot edge decides who
// gets which card. Only ids travel here: the edge reloads and re-checks visibility per recipient.
export type Notification =
  | { type: "signalRaised" | "signalAnswered" | "signalNotReached"; boardId: BoardId; signalId: string }
  | { type: "coverRequested"; boardId: BoardId; absenceId: string; substituteId: MemberId }
  | { type: "coverSettled"; boardId: BoardId; absenceId: string }
  | { type: "consentChanged"; boardId: BoardId; participantId: ParticipantId; disclosingOrganisationId: OrganisationId }
  | { type: "checkInRecorded"; boardId: BoardId; date: string; meetingId: string }
  /** A walkthrough started, or a Teams meeting chat joined it: that chat is told how to follow it from anywhere. */
  | { type: "walkthroughInChat"; boardId: BoardId; date: string; meetingId: string };

/** Recorded before signals were called signals: `escalationRaised` / `escalationAnswered` with `escalationId`. */
function withTodaysNames(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const { type, escalationId, ...rest } = value as Record<string, unknown>;
  if (type !== "escalationRaised" && type !== "escalationAnswered") return value;
  return { ...rest, type: type === "escalationRaised" ? "signalRaised" : "signalAnswered", signalId: escalationId };
}

/** A notification read back from storage (a due item's payload) is parsed like any outside input. */
export const NotificationSchema: z.ZodType<Notification, unknown> = z.preprocess(
  withTodaysNames,
  z.discriminatedUnion("type", [
    z.object({ type: z.enum(["signalRaised", "signalAnswered", "signalNotReached"]), boardId: z.string(), signalId: z.string() }),
    z.object({ type: z.literal("coverRequested"), boardId: z.string(), absenceId: z.string(), substituteId: z.string() }),
    z.object({ type: z.literal("coverSettled"), boardId: z.string(), absenceId: z.string() }),
    z.object({ type: z.literal("consentChanged"), boardId: z.string(), participantId: z.string(), disclosingOrganisationId: z.string() }),
    // Due items written before meetings existed carry no meeting: theirs was the implicit one.
    z.object({ type: z.literal("checkInRecorded"), boardId: z.string(), date: z.string(), meetingId: z.string().default("all") }),
    z.object({ type: z.literal("walkthroughInChat"), boardId: z.string(), date: z.string(), meetingId: z.string() }),
  ]),
);

export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** For processes without a bot (the bench, API-only tests): notifications are dropped. */
export const silentNotifier: Notifier = { notify: async () => undefined };
