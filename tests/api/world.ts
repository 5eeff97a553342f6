// The demo team as API tests see it: the running app, its members by role and organisation,
// signed-in callers, and small builders that add fictitious participants, entries, signals and
// absences straight into the app's storage so each test starts from the state it needs.
import type { Role } from "@fact-board/contract";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Clock } from "../../bot/src/domain/clock";
import { addDays, localDate } from "../../bot/src/domain/dates";
import type { Absence, BoardEntry, Consent, Signal, Member, Participant } from "../../bot/src/domain/types";
import { createStorage, type Stored } from "../../bot/src/storage";
import { createTableService, type TableService } from "../../bot/src/storage/table-clients";
import { aConsent, anAbsence, anEntry, aSignal, aParticipant, uniqueId } from "../support/storage";
import { policyFor } from "../../bot/src/storage/request-policy";
import { api, DEMO_BOARD_ID, signIn, startApp, TEST_STORAGE_TIMEOUT_MS, type RunningApp, type StartAppOptions } from "../support/app";

export { DEMO_BOARD_ID };
export const BOARD = `/api/boards/${DEMO_BOARD_ID}`;
export const TIME_ZONE = "Europe/Stockholm";

/** A Wednesday morning in Stockholm: every test file runs on the same calendar. */
export const START = new Date("2026-03-04T08:00:00.000Z");

export const ORG = { region: "region-psykiatri", north: "norrby-soc", south: "sodervik-soc", west: "vastra-vo" } as const;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface World {
  app: RunningApp;
  /** The app's own tables, for tests that must break one (the access log) or look at raw rows. */
  tables: TableService;
  members: Member[];
  /** The first demo member with this role in this organisation. */
  member(role: Role, organisationId?: string): Member;
  byName(displayName: string): Member;
  token(member: Member): Promise<string>;
  // API tests read loosely typed JSON; the contract's schemas are checked where it matters.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(member: Member | undefined, method: string, path: string, body?: unknown): Promise<Response<T>>;
  /** Today in the team's time zone, by the app's clock. */
  today(): string;
  /** Moves the app's clock (only when the world owns it). */
  setNow(now: Date): void;
  stop(): Promise<void>;
}

export async function startWorld(options: Omit<StartAppOptions, "clock"> & { now?: Date } = {}): Promise<World> {
  let now = options.now ?? START;
  const clock: Clock = () => now;
  // A prefix we know, so the test can reach the app's tables directly.
  const tablePrefix = `w${Math.random().toString(36).slice(2, 10)}`;
  const started = await startApp({ ...options, clock, env: { ...options.env, TABLE_PREFIX: tablePrefix } });
  const connectionString = process.env.FACT_TEST_STORAGE_CONNECTION!;
  const app: RunningApp = {
    ...started,
    storage: createStorage({ connectionString, tablePrefix, requestPolicy: policyFor(TEST_STORAGE_TIMEOUT_MS) }),
  };
  const tables = createTableService({ connectionString, tablePrefix, requestPolicy: policyFor(TEST_STORAGE_TIMEOUT_MS) });
  const members = await app.storage.members.listForBoard(DEMO_BOARD_ID);
  const tokens = new Map<string, Promise<string>>();
  const token = (m: Member) => {
    let t = tokens.get(m.id);
    if (!t) {
      t = signIn(app.baseUrl, { tenantId: m.tenantId, objectId: m.objectId });
      tokens.set(m.id, t);
      // Only a token is worth keeping: a failed sign-in (a reset connection) must not fail every
      // later call for this person, so the next call signs in afresh.
      t.catch(() => {
        if (tokens.get(m.id) === t) tokens.delete(m.id);
      });
    }
    return t;
  };
  const find = (what: string, m: Member | undefined) => {
    if (!m) throw new Error(`No demo member: ${what}`);
    return m;
  };
  return {
    app,
    tables,
    members,
    member: (role, organisationId = ORG.region) =>
      find(
        `${role} of ${organisationId}`,
        members.find((m) => m.role === role && m.organisationId === organisationId),
      ),
    byName: (name) =>
      find(
        name,
        members.find((m) => m.displayName === name),
      ),
    token,
    call: async (m, method, p, body) => api(app.baseUrl, m ? await token(m) : undefined, method, p, body),
    today: () => localDate(now, TIME_ZONE),
    setNow: (d) => {
      now = d;
    },
    stop: () => app.stop(),
  };
}

let codeCounter = 0;
/** A pseudonymous code no demo participant has (demo codes start with FIK-). */
export const freshCode = (): string => `ZQX-${String(++codeCounter).padStart(4, "0")}`;
/** Initials made of letters the demo team never uses (C, Q, W, X, Z), so a scan for them finds only this participant. */
export const freshInitials = (): string => {
  const letters = "CQWXZ";
  const n = ++codeCounter;
  return `${letters[n % 5]}${letters[Math.floor(n / 5) % 5]}.${letters[Math.floor(n / 25) % 5]}.Q.`;
};

export interface ParticipantSpec {
  writtenBy?: string;
  caseManagerId?: string;
  organisationIds?: string[];
  onBoard?: boolean;
  /** Consents to record: disclosing organisation → receivers (given, valid a year). */
  consents?: Array<{ from: string; to: string[]; validUntil?: string; status?: Consent["status"] }>;
}

export interface Fixture {
  participant: Stored<Participant>;
  entry?: Stored<BoardEntry>;
}

/** A fictitious participant written by `writtenBy` (default: the region), optionally on the board with one action. */
export async function aFreshParticipant(w: World, spec: ParticipantSpec = {}): Promise<Fixture> {
  const writtenBy = spec.writtenBy ?? ORG.region;
  const today = w.today();
  const caseManagerId = spec.caseManagerId ?? w.member("coordinator", writtenBy).id;
  const participant = await w.app.storage.participants.create(
    aParticipant(DEMO_BOARD_ID, {
      code: freshCode(),
      initials: freshInitials(),
      caseManagerId,
      writtenBy,
      organisationIds: spec.organisationIds ?? [
        writtenBy,
        ...new Set((spec.consents ?? []).flatMap((c) => [c.from, ...c.to]).filter((o) => o !== writtenBy)),
      ],
      onBoard: spec.onBoard ?? false,
      createdAt: `${today}T07:00:00.000Z`,
    }),
  );
  for (const c of spec.consents ?? []) {
    await w.app.storage.consents.save(
      aConsent(DEMO_BOARD_ID, participant.id, {
        disclosingOrganisationId: c.from,
        receivingOrganisationIds: c.to,
        status: c.status ?? "given",
        givenOn: addDays(today, -10),
        validUntil: c.validUntil ?? addDays(today, 365),
        recordedBy: caseManagerId,
        recordedAt: `${today}T07:00:00.000Z`,
      }),
    );
  }
  if (!spec.onBoard) return { participant };
  const entry = await w.app.storage.entries.create(
    anEntry(DEMO_BOARD_ID, participant.id, {
      id: uniqueId("e"),
      writtenBy,
      putOnOn: addDays(today, -3),
      putOnBy: caseManagerId,
      nextEvaluationOn: addDays(today, 4),
      actions: [
        {
          id: "a1",
          what: "Hembesök",
          responsibleId: caseManagerId,
          byWhen: addDays(today, 1),
          done: false,
          writtenBy,
          createdBy: caseManagerId,
          createdAt: `${today}T07:00:00.000Z`,
        },
      ],
      updatedAt: `${today}T07:00:00.000Z`,
      updatedBy: caseManagerId,
    }),
  );
  return { participant, entry };
}

/** An absence of a (fictitious) colleague that `coveredBy` covers today: they stand in as case manager. */
export async function aCoveredAbsence(w: World, coveredBy: Member): Promise<string> {
  const absentId = `${coveredBy.tenantId}.${uniqueId("away")}`;
  const today = w.today();
  await w.app.storage.absences.create(
    anAbsence(DEMO_BOARD_ID, absentId, {
      organisationId: coveredBy.organisationId,
      from: addDays(today, -1),
      to: addDays(today, 3),
      registeredAt: `${today}T06:00:00.000Z`,
      cover: {
        state: "covered",
        candidateIds: [coveredBy.id],
        askedIndex: 0,
        declinedBy: [],
        coveredBy: coveredBy.id,
        managerAlerted: false,
      },
    }),
  );
  return absentId;
}

/** An absence whose cover request is now asking `asked`. */
export async function aCoverRequest(w: World, absent: Member, asked: string): Promise<Stored<Absence>> {
  const today = w.today();
  return w.app.storage.absences.create(
    anAbsence(DEMO_BOARD_ID, absent.id, {
      id: uniqueId("f"),
      organisationId: absent.organisationId,
      from: addDays(today, 20 + ++codeCounter),
      to: addDays(today, 20 + codeCounter),
      registeredBy: absent.id,
      registeredAt: `${today}T06:00:00.000Z`,
      cover: {
        state: "requesting",
        candidateIds: [asked],
        askedIndex: 0,
        askedAt: `${today}T06:00:00.000Z`,
        answerBy: `${addDays(today, 1)}T06:00:00.000Z`,
        declinedBy: [],
        managerAlerted: false,
      },
    }),
  );
}

/** An open signal about a participant. */
export async function anOpenSignal(w: World, participantId: string, from: string, to: string, raisedBy: string): Promise<Stored<Signal>> {
  const today = w.today();
  return w.app.storage.signals.create(
    aSignal(DEMO_BOARD_ID, participantId, {
      id: uniqueId("s"),
      fromOrganisationId: from,
      toOrganisationId: to,
      raisedBy,
      raisedAt: `${today}T07:00:00.000Z`,
      answerBy: `${addDays(today, 1)}T07:00:00.000Z`,
    }),
  );
}

/** Every route board-routes.ts and study-routes.ts register, read from their source, so a new route cannot escape the tables below. */
export function registeredRoutes(): string[] {
  const source = ["board-routes.ts", "study-routes.ts"]
    .map((file) => readFileSync(path.resolve(__dirname, "../../bot/src/api", file), "utf8"))
    .join("\n");
  return [...source.matchAll(/r\.(get|post|put|patch|delete)\("([^"]+)"/g)].map((m) => `${m[1]!.toUpperCase()} ${m[2]}`).sort();
}

/** Every piece of a participant that would identify them if it leaked. */
export function identifying(p: Pick<Participant, "code" | "initials">): string[] {
  return [p.code, p.initials];
}

/** The whole response as text, whatever its type: the thing a leak would hide in. */
export const textOf = (r: Response): string => (typeof r.body === "string" ? r.body : JSON.stringify(r.body ?? ""));
