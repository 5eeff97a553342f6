import type { BoardId, MemberId, OrganisationId, ParticipantId } from "../domain/types";

// What happened that someone should hear about. Use-cases announce; the bot edge decides who
// gets which card. Only ids travel here: the edge reloads and re-checks visibility per recipient.
export type Notification =
  | { type: "escalationRaised" | "escalationAnswered"; boardId: BoardId; escalationId: string }
  | { type: "coverRequested"; boardId: BoardId; absenceId: string; substituteId: MemberId }
  | { type: "coverSettled"; boardId: BoardId; absenceId: string }
  | { type: "consentChanged"; boardId: BoardId; participantId: ParticipantId; disclosingOrganisationId: OrganisationId };

export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** For processes without a bot (the bench, API-only tests): notifications are dropped. */
export const silentNotifier: Notifier = { notify: async () => undefined };
