import { absenceRepository } from "./absence-repository";
import { type AdminAuditRepository, type JoinRequestRepository, adminAuditRepository, joinRequestRepository } from "./admin-repository";
import { type AuditRepository, auditRepository } from "./audit-repository";
import { boardEntryRepository } from "./board-entry-repository";
import { boardRepository } from "./board-repository";
import { type BoardSnapshot, type SnapshotSources, loadBoardSnapshot } from "./board-snapshot";
import { type BoardVersionRepository, boardVersionRepository } from "./board-version-repository";
import { type CheckInRepository, checkInRepository } from "./check-in-repository";
import { type WalkthroughRepository, walkthroughRepository } from "./walkthrough-repository";
import { type SinceLastRepository, sinceLastRepository } from "./since-last-repository";
import { type RaisedRepository, raisedRepository } from "./raised-repository";
import { type ContactRepository, contactRepository } from "./contact-repository";
import { type InterventionRepository, interventionRepository } from "./intervention-repository";
import { consentRepository } from "./consent-repository";
import { type ConversationReferenceRepository, conversationReferenceRepository } from "./conversation-reference-repository";
import { type DueItemRepository, dueItemRepository } from "./due-item-repository";
import { type LogReviewRepository, logReviewRepository } from "./log-review-repository";
import { signalRepository } from "./signal-repository";
import { memberRepository } from "./member-repository";
import { organisationRepository } from "./organisation-repository";
import { participantRepository } from "./participant-repository";
import { type RequestKeyRepository, requestKeyRepository } from "./request-key-repository";
import { type SentCardRepository, sentCardRepository } from "./sent-card-repository";
import { type StudyRepository, studyRepository } from "./study-repository";
import { type StorageOptions, type TableService, createTableService } from "./table-clients";

/** Every repository, built over one set of table clients. No TableClient crosses this interface. */
export interface Storage extends SnapshotSources {
  checkIns: CheckInRepository;
  walkthroughs: WalkthroughRepository;
  sinceLast: SinceLastRepository;
  /** Participants raised for one day's meeting (Ta upp idag). */
  raised: RaisedRepository;
  /** Contacts per organisation (Kontakter). */
  contacts: ContactRepository;
  interventions: InterventionRepository;
  audit: AuditRepository;
  boardVersions: BoardVersionRepository;
  dueItems: DueItemRepository;
  logReviews: LogReviewRepository;
  joinRequests: JoinRequestRepository;
  adminAudit: AdminAuditRepository;
  /** Where the bot can write to (personal chats, channels, group chats): kept by the bot's delivery. */
  conversations: ConversationReferenceRepository;
  /** What the bot has posted, to send each card once and update every posted copy. */
  sentCards: SentCardRepository;
  /** Keys of creates asked for once (idempotency): claimed atomically, a 409 means "already done". */
  requestKeys: RequestKeyRepository;
  /** Research studies and each participant's research consent and enrolment. */
  studies: StudyRepository;
  /** The whole board in a few parallel partition reads; `board` is undefined when it does not exist. */
  loadBoardSnapshot(boardId: string, today: string): Promise<BoardSnapshot>;
  /** Creates missing tables (run at start). */
  ensureTables(): Promise<void>;
  /** Readiness probe: throws when storage cannot be reached. */
  ping(): Promise<void>;
}

export function createStorage(options: StorageOptions): Storage {
  return storageOver(createTableService(options));
}

/** For tests that need the raw tables too (bulk inserts); the app uses createStorage. */
export function storageOver(service: TableService): Storage {
  const { tables } = service;
  const repositories = {
    boards: boardRepository(tables),
    organisations: organisationRepository(tables),
    members: memberRepository(tables),
    participants: participantRepository(tables),
    entries: boardEntryRepository(tables),
    consents: consentRepository(tables),
    signals: signalRepository(tables),
    absences: absenceRepository(tables),
    checkIns: checkInRepository(tables),
    walkthroughs: walkthroughRepository(tables),
    sinceLast: sinceLastRepository(tables),
    raised: raisedRepository(tables),
    contacts: contactRepository(tables),
    interventions: interventionRepository(tables),
    audit: auditRepository(tables),
    boardVersions: boardVersionRepository(tables),
    dueItems: dueItemRepository(tables),
    logReviews: logReviewRepository(tables),
    joinRequests: joinRequestRepository(tables),
    adminAudit: adminAuditRepository(tables),
    conversations: conversationReferenceRepository(tables),
    sentCards: sentCardRepository(tables),
    requestKeys: requestKeyRepository(tables),
    studies: studyRepository(tables),
  };
  return {
    ...repositories,
    loadBoardSnapshot: (boardId, today) => loadBoardSnapshot(repositories, boardId, today),
    ensureTables: () => service.ensureTables(),
    ping: () => service.ping(),
  };
}
