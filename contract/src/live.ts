import { z } from "zod";
import { Instant } from "./vocabulary";
import { WalkthroughView } from "./responses";

// What the live stream (Server-Sent Events, /api/boards/:boardId/events) announces. Each event is
// typed, so a viewer re-reads only what changed: a board change means the board, a walkthrough
// move only the walkthrough's position, never the board. Ids and numbers only: never details.

/** The board changed (entries, consents, members…): its new version. SSE event name "version". */
export const BoardVersionEvent = z.object({ version: z.number().int().nonnegative() });
export type BoardVersionEvent = z.infer<typeof BoardVersionEvent>;

/**
 * The walkthrough of a meeting changed: its own version, where it is, and what kind of change.
 * A "move" changes only the position (the attendee fetches the move view); anything else (start,
 * join, take over, end) the whole walkthrough. SSE event name "walkthrough".
 */
export const WalkthroughLiveEvent = z.object({
  meetingId: z.string(),
  version: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  change: z.enum(["move", "other"]),
});
export type WalkthroughLiveEvent = z.infer<typeof WalkthroughLiveEvent>;

/** Whether the presenter's stage is still there (its heartbeat). SSE event name "presence". */
export const PresenceLiveEvent = z.object({ meetingId: z.string(), presenterId: z.string(), presenterPresent: z.boolean() });
export type PresenceLiveEvent = z.infer<typeof PresenceLiveEvent>;

/**
 * What an attendee reads on a move: the walkthrough's version and position and the current
 * participant as their organisation may see them (access-logged once). The rest of the
 * walkthrough (attendees, the visible list, counts) only changes on other kinds of change.
 */
export const WalkthroughMoveView = z.object({
  meetingId: z.string(),
  version: z.number().int().nonnegative(),
  presenterId: z.string(),
  isPresenter: z.boolean(),
  presenterPresent: z.boolean(),
  endedAt: Instant.optional(),
  current: WalkthroughView.shape.current,
});
export type WalkthroughMoveView = z.infer<typeof WalkthroughMoveView>;
