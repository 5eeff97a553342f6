import type { DevPerson } from "@fact-board/contract";
import type { BoardId, Caller, Identity, Member, MemberId } from "../domain/types";
import type { DueItem, Stored } from "../storage";
import { newId as randomId, todayOf, type UseCaseDeps } from "../use-cases/deps";
import type { Notification } from "../use-cases/notification";
import { createTenantAllowList } from "../use-cases/tenant-allow-list";
import { type CardView, type CardViewer, viewCard } from "./card-queries";
import { type DueOutcome, isKnownDueItem, runDueItem } from "./due-items";
import { scheduleDueItems } from "./due-schedule";
import { activeBoardsOf, boardMember, boardMembersAmong, boardsServedBy, briefChannelOf, firstMembership } from "./member-lookups";
import { createNotifications } from "./notifications";
import {
  type CardSubject,
  type CoreDeps,
  type CorePorts,
  type CoreSettings,
  type DeliveryPort,
  NO_DELIVERY,
  type OpenedCard,
} from "./ports";
import { type NotificationPlan, recipientsFor } from "./recipients";
import { type CoreUseCases, useCasesOf } from "./use-cases";
import { type LiveEvents, announcing, createLiveEvents } from "./live-events";
import { createBoardSnapshots, createWalkthroughVersions } from "./board-snapshots";
import type { LiveState } from "../storage/board-version-repository";
import { beatPresenterStage, readWalkthroughMove } from "../use-cases/walkthrough-moves";
import type { Actor } from "../domain/types";
import type { WalkthroughMoveView } from "@fact-board/contract";

// The application core, built once (main.ts) and handed to the three edges: the HTTP API, the bot
// and the due-item poller. It holds storage, the clock and the delivery port; the edges get named
// commands and queries, never storage. Who receives a notification, what a card shows and what a
// due item does are decided here, the same for every edge.

export interface Core extends CoreUseCases {
  /** What the card about `subject` shows this viewer now (visibility, rights and the access log decided here). */
  viewCard(viewer: CardViewer, subject: CardSubject | OpenedCard): Promise<CardView>;
  /** Who hears about a notification, with which card: the one place this is decided. */
  recipientsFor(notification: Notification): Promise<NotificationPlan>;
  /** Delivers a notification's cards (again, for the poller); throws DeliveryPending while Teams refuses some. */
  handleNotification(notification: Notification, options?: { finalAttempt?: boolean }): Promise<void>;

  /** Schedules what is due for every board (repair sweep, morning briefs, retention). */
  scheduleDueItems(now: Date): Promise<void>;
  /** Due items this core knows how to run, earliest first, that nobody holds a live lease on. */
  dueItems(now: Date, limit: number): Promise<Array<Stored<DueItem>>>;
  /** Takes an item until `leaseUntil`; undefined when another instance got it first. */
  claimDueItem(item: Stored<DueItem>, claim: { claimant: string; leaseUntil: string }): Promise<Stored<DueItem> | undefined>;
  runDueItem(item: DueItem, now: Date): Promise<DueOutcome>;
  /** Completes the item, or moves it to its next time. */
  finishDueItem(item: Stored<DueItem>, outcome: DueOutcome): Promise<void>;

  /** For the bot: who a person in Teams is on the boards. */
  firstMembership(caller: Caller): Promise<Member | undefined>;
  boardMember(boardId: BoardId, memberId: MemberId): Promise<Member | undefined>;
  activeBoardsOf(caller: Caller): Promise<Array<{ id: BoardId; name: string }>>;
  boardsServedBy(installer: Caller | undefined, channelIds: readonly string[]): Promise<BoardId[]>;
  boardMembersAmong<P extends Identity>(
    boardId: BoardId,
    people: readonly P[],
  ): Promise<Array<{ person: P; member: Member; boardIds: BoardId[] }>>;
  briefChannelOf(boardId: BoardId): Promise<string | undefined>;

  /** Tenants whose people may sign in or talk to the bot: every board's partners, and the hosting tenants. */
  isTenantAllowed(tenantId: string): Promise<boolean>;
  /** Development sign-in only: the people it may sign in as. */
  signInablePeople(): Promise<DevPerson[]>;
  /** The board's version (bumped by every change), for live updates. */
  boardVersion(boardId: BoardId): Promise<number>;
  /** The board's version, the walkthrough's version and position, the presenter's heartbeat: what the live stream polls. */
  liveState(boardId: BoardId): Promise<LiveState>;
  /** What changed, announced in this process as soon as a write succeeded (the live stream subscribes). */
  liveEvents: Pick<LiveEvents, "subscribe">;
  /** What an attendee reads when the presenter moves: the position and the current participant, no board. */
  readWalkthroughMove(actor: Actor, boardId: BoardId, meetingId: string | undefined): Promise<WalkthroughMoveView>;
  /** The presenting stage's heartbeat. */
  beatPresenterStage(actor: Actor, boardId: BoardId, meetingId: string | undefined): Promise<{ presenting: boolean }>;
  /** The core's clock: what "now" is for everything it decides. */
  now(): Date;
  /** Readiness: throws when storage cannot be reached. */
  ready(): Promise<void>;
  /** Resolves when every notification so far is handled and its cards sent (tests, shutdown). */
  idle(): Promise<void>;
}

const DEFAULT_MORNING_BRIEF_AT = "07:45";

export function createCore(ports: CorePorts): Core {
  const events = createLiveEvents();
  // Every use-case writes through this: its version bumps are published on the bus.
  const storage = announcing(ports.storage, events);
  const snapshots = createBoardSnapshots(storage);
  const walkthroughVersions = createWalkthroughVersions(storage);
  const settings: CoreSettings = {
    morningBriefAt: ports.settings?.morningBriefAt ?? DEFAULT_MORNING_BRIEF_AT,
    boardCreation: ports.settings?.boardCreation ?? {
      creatorTenantIds: [],
      defaults: { timeZone: ports.timeZone, morningBriefAt: ports.settings?.morningBriefAt ?? DEFAULT_MORNING_BRIEF_AT },
    },
    maxPendingJoinRequestsPerTenant: ports.settings?.maxPendingJoinRequestsPerTenant ?? 20,
  };
  // The delivery is built with the core (its cards ask the core what they show), so it arrives last.
  const connected: { delivery?: DeliveryPort } = {};
  const useCaseDeps: UseCaseDeps = {
    storage,
    clock: ports.clock,
    timeZone: ports.timeZone,
    newId: ports.newId ?? randomId,
    notifier: { notify: (n) => notifications.notify(n) },
  };
  const deps: CoreDeps = {
    ...useCaseDeps,
    get delivery() {
      return connected.delivery ?? NO_DELIVERY;
    },
    ...(ports.log ? { log: ports.log } : {}),
  };
  const notifications = createNotifications(deps);
  const allowList = createTenantAllowList(storage, { creatorTenantIds: settings.boardCreation.creatorTenantIds });
  const roster = ports.roster ?? { membersOf: async () => undefined };

  const core: Core = {
    ...useCasesOf(deps, settings, roster),
    viewCard: (viewer, subject) => viewCard(deps, viewer, subject),
    recipientsFor: (n) => recipientsFor(deps, n),
    handleNotification: (n, options) => notifications.handle(n, options),

    scheduleDueItems: (now) => scheduleDueItems(deps, now, settings.morningBriefAt),
    dueItems: async (now, limit) => (await storage.dueItems.listDue(now.toISOString(), limit)).filter(isKnownDueItem),
    claimDueItem: (item, claim) => storage.dueItems.claim(item, { expectedEtag: item.etag, ...claim }),
    runDueItem: (item, now) => runDueItem({ deps, notifications }, item, now),
    finishDueItem: async (item, outcome) => {
      if ("done" in outcome) await storage.dueItems.complete(item, { expectedEtag: item.etag });
      else
        await storage.dueItems.reschedule(
          item,
          { dueAt: outcome.rescheduleAt, ...(outcome.payload ? { payload: outcome.payload } : {}) },
          { expectedEtag: item.etag },
        );
    },

    firstMembership: (caller) => firstMembership(deps, caller),
    boardMember: (boardId, memberId) => boardMember(deps, boardId, memberId),
    activeBoardsOf: (caller) => activeBoardsOf(deps, caller),
    boardsServedBy: (installer, channelIds) => boardsServedBy(deps, installer, channelIds),
    boardMembersAmong: (boardId, people) => boardMembersAmong(deps, boardId, people),
    briefChannelOf: (boardId) => briefChannelOf(deps, boardId),

    isTenantAllowed: allowList.isTenantAllowed,
    signInablePeople: allowList.signInablePeople,
    boardVersion: (boardId) => storage.boardVersions.current(boardId),
    liveState: (boardId) => storage.boardVersions.live(boardId),
    liveEvents: events,
    readWalkthroughMove: (actor, boardId, meetingId) =>
      readWalkthroughMove(
        deps,
        { snapshotAt: (id, version) => snapshots.at(id, version, todayOf(deps)), walkthroughAt: walkthroughVersions.at },
        actor,
        boardId,
        meetingId,
      ),
    beatPresenterStage: (actor, boardId, meetingId) => beatPresenterStage(deps, actor, boardId, meetingId),
    now: () => ports.clock(),
    ready: () => storage.ping(),
    idle: () => notifications.idle(),
  };
  connected.delivery = ports.delivery?.(core);
  return core;
}

export type { CardView, CardViewer, HelpView, MyParticipantsView, ParticipantPlansView, SignalFormView } from "./card-queries";
export type { AbsenceCardView, CoverAlertView, CoverCardView } from "./absence-card-queries";
export type { ConsentCardView, SignalAlertView, SignalCardView } from "./participant-card-queries";
export type { CheckInSummaryView, MorningBriefView, SignalNoticeView } from "./shared-card-queries";
export type { CardSubject, CoreLog, CorePorts, CoreSettings, DeliveryPort, OpenedCard, SendOutcome } from "./ports";
export type { Delivery, NotificationPlan } from "./recipients";
export type { DueOutcome } from "./due-items";
export type { LiveEvent } from "./live-events";
export type { Notification } from "../use-cases/notification";
export type { TeamRoster } from "../use-cases/members";
export type {
  ConversationKind,
  ConversationRecord,
  ConversationReferenceRepository,
  SentCard,
  SentCardRepository,
  Stored,
} from "../storage";
export { DeliveryPending } from "./notifications";
export { NO_DELIVERY } from "./ports";
export { BRIEF_LEAD_MINUTES } from "./due-schedule";
export { isStorageUnavailable, safeKey } from "../storage";
export { newId } from "../use-cases/deps";
