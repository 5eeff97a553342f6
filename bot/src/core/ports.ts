import type { Clock } from "../domain/clock";
import type { BoardId, Member } from "../domain/types";
import type { Storage } from "../storage";
import type { BoardCreation } from "../use-cases/board-setup";
import type { UseCaseDeps } from "../use-cases/deps";
import type { TeamRoster } from "../use-cases/members";
import type { Core } from "./index";

// What the core needs from outside (storage, a clock, ids) and the ports the edges implement for
// it: the delivery of cards to Teams and the Teams team's roster. The core names what it wants done
// ("this card, about this, to this person"); how Teams is reached is the edge's business.

/** What a card is about: enough ids to build it again, for whoever it goes to, as it is now. */
export type CardSubject =
  | { card: "signal"; boardId: BoardId; signalId: string; audience: "personal" | "channel" }
  | { card: "signalAlert"; boardId: BoardId; signalId: string }
  | { card: "consent"; boardId: BoardId; participantId: string; disclosingOrganisationId: string }
  | { card: "cover"; boardId: BoardId; absenceId: string }
  | { card: "coverAlert"; boardId: BoardId; absenceId: string }
  | { card: "absence"; boardId: BoardId; absenceId: string }
  | { card: "morningBrief"; boardId: BoardId; meetingId?: string }
  | { card: "checkInSummary"; boardId: BoardId; date: string; meetingId: string }
  | { card: "followWalkthrough"; boardId: BoardId; date: string; meetingId: string };

/** Cards a person opens themself in their personal chat. */
export type OpenedCard =
  | { card: "help" }
  | { card: "absenceForm"; boardId: BoardId }
  | { card: "signalForm"; boardId: BoardId }
  | { card: "myParticipants"; boardId: BoardId }
  | { card: "participantPlans"; boardId: BoardId; participantId: string };

/**
 * What became of one card for one person: in their personal chat (now, or already for this
 * occasion); not reached (no personal chat with the bot, or the chat is closed to it); refused by
 * Teams for now (try again later); unknown (Teams answered 504 to the post: it may or may not be
 * there, and posting again could double it); or this installation sends no cards at all (no Teams
 * app: the tab is the only channel, so nobody counts as not reached).
 */
export type SendOutcome = "reached" | "unreached" | "refused" | "unknown" | "noCards";

/**
 * How cards reach Teams, implemented by the bot edge. The edge builds each card for its recipient
 * at send time from the core's card query (viewCard), so it shows what that person may see now. An
 * occasion ("raised", "reminder", "brief.2026-03-02") with the recipient makes the dedupe key: the
 * same thing handled twice sends nothing twice.
 */
export interface DeliveryPort {
  /** The card to the member's personal chat. */
  sendToMember(subject: CardSubject, member: Member, occasion: string): Promise<SendOutcome>;
  /** The card as a shared conversation sees it (counts and a link) to every channel serving the board. */
  postToBoardChannels(subject: CardSubject, occasion: string, concerned?: readonly Member[]): Promise<{ refused: number }>;
  /** To a meeting's chat, if the bot was added to it for this board. */
  postToMeetingChat(subject: CardSubject, chatId: string, occasion: string): Promise<{ refused: number }>;
  /** Every posted copy of the card, rebuilt for the person (or conversation) it was sent to, updated in place. */
  updatePostedCopies(subject: CardSubject): Promise<{ refused: number }>;
  /** Resolves when nothing is queued or being sent (tests, shutdown). */
  idle(): Promise<void>;
}

/** For a core without a bot (tests of the API alone, the bench): cards go nowhere and reach nobody. */
export const NO_DELIVERY: DeliveryPort = {
  sendToMember: async () => "noCards",
  postToBoardChannels: async () => ({ refused: 0 }),
  postToMeetingChat: async () => ({ refused: 0 }),
  updatePostedCopies: async () => ({ refused: 0 }),
  idle: async () => undefined,
};

export interface CoreLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface CoreSettings {
  /** HH:MM local time of the daily morning brief (boards without a meeting schedule). */
  morningBriefAt: string;
  /** Who may create boards, and a new board's defaults. */
  boardCreation: BoardCreation;
  /** Pending join requests one tenant may have on a board at once. */
  maxPendingJoinRequestsPerTenant: number;
}

export interface CorePorts {
  storage: Storage;
  clock: Clock;
  /** The team's time zone: "today" is the local date there. */
  timeZone: string;
  newId?: () => string;
  settings?: Partial<CoreSettings>;
  /** The edge that delivers cards, built with the core: its cards ask the core what they show. */
  delivery?: (core: Core) => DeliveryPort;
  roster?: TeamRoster;
  log?: CoreLog;
}

/** What the core's own work gets: a use-case's dependencies and the delivery port. */
export interface CoreDeps extends UseCaseDeps {
  readonly delivery: DeliveryPort;
  readonly log?: CoreLog;
}
