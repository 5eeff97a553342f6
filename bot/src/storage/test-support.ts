import { randomBytes } from "node:crypto";
import { policyFor } from "./request-policy";
import { type Storage, storageOver } from "./table-service";
import { type StorageOptions, type TableService, createTableService } from "./table-clients";
import type {
  Absence,
  AuditEvent,
  Board,
  BoardEntry,
  CheckIn,
  ClosedBoardEntry,
  Consent,
  Signal,
  Member,
  Organisation,
  Participant,
} from "../domain/types";

// Test helpers (kept under src so bot tests type-check with the bot project, like auth/test-support.ts).
// Storage for tests: the Azurite that Jest's globalSetup started, with a fresh random table prefix
// per call, so test files (and tests within a file) never see each other's rows.

export function testStorageOptions(): StorageOptions {
  const connectionString = process.env.FACT_TEST_STORAGE_CONNECTION;
  if (!connectionString)
    throw new Error("FACT_TEST_STORAGE_CONNECTION is not set: run the tests through Jest (tests/support/global-setup.mjs starts Azurite).");
  // Generous: many test files share one Azurite on a loaded machine; the outage tests use the production budget.
  return { connectionString, tablePrefix: `t${randomBytes(6).toString("hex")}`, requestPolicy: policyFor(15_000) };
}

/** A Storage over its own freshly created tables. */
export async function createTestStorage(): Promise<Storage> {
  const { storage } = await createTestStorageWithTables();
  return storage;
}

/** The same, plus the raw table clients, for tests that seed in bulk or inspect stored rows. */
export async function createTestStorageWithTables(): Promise<{ storage: Storage; service: TableService }> {
  const service = createTableService(testStorageOptions());
  await service.ensureTables();
  return { storage: storageOver(service), service };
}

// Fictitious things to store: small builders with overridable fields.

let counter = 0;
/** A unique id without "_" (ids may sit left of "_" in composite keys). */
export const uniqueId = (prefix: string): string => `${prefix}${(++counter).toString(36)}${randomBytes(3).toString("hex")}`;

export const aBoard = (o: Partial<Board> = {}): Board => ({
  id: uniqueId("board"),
  name: "FACT Helsingborg",
  allowedTenantIds: ["tenant-region", "tenant-kommun"],
  createdAt: "2025-01-10T08:00:00.000Z",
  ...o,
});

export const anOrganisation = (boardId: string, o: Partial<Organisation> = {}): Organisation => ({
  id: uniqueId("org"),
  boardId,
  name: "Psykiatri Skåne",
  kind: "regionPsychiatry",
  tenantId: "tenant-region",
  retentionDays: 3650,
  ...o,
});

export const aMember = (boardId: string, o: Partial<Member> = {}): Member => {
  const objectId = o.objectId ?? uniqueId("oid");
  const tenantId = o.tenantId ?? "tenant-region";
  return {
    id: `${tenantId}.${objectId}`,
    boardId,
    tenantId,
    objectId,
    displayName: "Anna Samordnare",
    organisationId: "org-region",
    role: "coordinator",
    substituteIds: [],
    ...o,
  };
};

export const aParticipant = (boardId: string, o: Partial<Participant> = {}): Participant => ({
  id: uniqueId("p"),
  boardId,
  code: "HBG-017",
  initials: "AB",
  caseManagerId: "tenant-region.cm1",
  writtenBy: "org-region",
  organisationIds: ["org-region", "org-kommun"],
  plans: { crisisPlan: "yes", earlySignsPlan: "no", sip: { held: "yes", heldOn: "2025-02-01" } },
  onBoard: false,
  createdAt: "2025-01-12T09:00:00.000Z",
  ...o,
});

export const anEntry = (boardId: string, participantId: string, o: Partial<BoardEntry> = {}): BoardEntry => ({
  id: uniqueId("entry"),
  boardId,
  participantId,
  writtenBy: "org-region",
  reason: "crisis",
  priority: "high",
  putOnOn: "2025-03-03",
  putOnBy: "tenant-region.cm1",
  nextEvaluationOn: "2025-03-10",
  actions: [
    {
      id: "a1",
      what: "Hembesök",
      responsibleId: "tenant-region.cm1",
      byWhen: "2025-03-04",
      done: false,
      writtenBy: "org-region",
      createdBy: "tenant-region.cm1",
      createdAt: "2025-03-03T08:15:00.000Z",
    },
  ],
  reviews: [],
  updatedAt: "2025-03-03T08:15:00.000Z",
  updatedBy: "tenant-region.cm1",
  ...o,
});

export const closedFrom = (entry: BoardEntry, o: Partial<ClosedBoardEntry> = {}): ClosedBoardEntry => {
  const { etag: _etag, ...rest } = entry;
  return { ...rest, takenOffOn: "2025-03-20", takenOffBy: "tenant-region.cm1", outcome: "stable", ...o };
};

export const aConsent = (boardId: string, participantId: string, o: Partial<Consent> = {}): Consent => ({
  boardId,
  participantId,
  disclosingOrganisationId: "org-region",
  receivingOrganisationIds: ["org-kommun"],
  basis: "consent",
  status: "given",
  givenOn: "2025-01-15",
  validUntil: "2026-01-15",
  recordedBy: "tenant-region.cm1",
  recordedAt: "2025-01-15T10:00:00.000Z",
  ...o,
});

export const aSignal = (boardId: string, participantId: string, o: Partial<Signal> = {}): Signal => ({
  id: uniqueId("sig"),
  boardId,
  participantId,
  fromOrganisationId: "org-kommun",
  toOrganisationId: "org-region",
  kind: "concern",
  urgency: "today",
  note: "Orolig efter helgen",
  proposeBoard: true,
  state: "open",
  raisedBy: "tenant-kommun.sw1",
  raisedAt: "2025-03-03T09:00:00.000Z",
  answerBy: "2025-03-03T15:00:00.000Z",
  remindersSent: 0,
  managerNotified: false,
  ...o,
});

export const anAbsence = (boardId: string, memberId: string, o: Partial<Absence> = {}): Absence => ({
  id: uniqueId("abs"),
  boardId,
  memberId,
  organisationId: "org-region",
  from: "2025-03-03",
  to: "2025-03-07",
  reason: "sick",
  registeredBy: memberId,
  registeredAt: "2025-03-03T07:00:00.000Z",
  cover: {
    state: "requesting",
    candidateIds: ["tenant-region.sub1", "tenant-region.sub2"],
    askedIndex: 0,
    askedAt: "2025-03-03T07:00:00.000Z",
    answerBy: "2025-03-03T09:00:00.000Z",
    declinedBy: [],
    managerAlerted: false,
  },
  ...o,
});

export const aCheckIn = (boardId: string, date: string, o: Partial<CheckIn> = {}): CheckIn => ({
  boardId,
  date,
  meetingId: "all",
  startedAt: `${date}T07:30:00.000Z`,
  endedAt: `${date}T07:52:00.000Z`,
  durationSeconds: 1320,
  attendeeIds: ["tenant-region.cm1", "tenant-kommun.sw1"],
  reviewedParticipantIds: ["p1", "p2"],
  addedParticipantIds: [],
  removedParticipantIds: [],
  actionsAgreed: 3,
  recordedBy: "tenant-region.cm1",
  ...o,
});

export const anAuditEvent = (boardId: string, o: Partial<AuditEvent> = {}): AuditEvent => ({
  boardId,
  at: "2025-03-03T08:00:00.000Z",
  actor: { tenantId: "tenant-kommun", objectId: "sw1", organisationId: "org-kommun", role: "staff" },
  what: "viewedDetails",
  participantId: "p1",
  participantCode: "HBG-017",
  channel: "tab",
  outcome: "allowed",
  ...o,
});
