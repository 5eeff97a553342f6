import type { BoardRow, BoardView, EntryView, ParticipantView, RowRights } from "@fact-board/contract";
import type { BoardContextValue } from "../board/BoardContext";

// Typed fixtures for component and hook tests: a small board as the server would send it.

export function participant(overrides: Partial<ParticipantView> = {}): ParticipantView {
  return {
    id: "p001",
    code: "FIK-001",
    initials: "A.B.",
    caseManagerId: "m1",
    caseManagerAbsent: false,
    writtenBy: "region",
    organisationIds: ["region"],
    plans: { crisisPlan: "yes", earlySignsPlan: "no", sip: { held: "notSet", followUpOverdue: false } },
    onBoard: true,
    consents: [],
    consentProblem: false,
    ...overrides,
  };
}

export function entry(overrides: Partial<EntryView> = {}): EntryView {
  return {
    id: "e001",
    participantId: "p001",
    writtenBy: "region",
    reason: "crisis",
    priority: "high",
    putOnOn: "2026-11-01",
    daysOnBoard: 23,
    nextEvaluationOn: "2026-11-26",
    evaluationDue: false,
    mayEdit: true,
    actions: [],
    updatedAt: "2026-11-24T08:00:00+01:00",
    etag: 'W/"1"',
    ...overrides,
  };
}

/** What the server lets the viewer do about a row: everything, unless a test says otherwise. */
export function rights(overrides: Partial<RowRights> = {}): RowRights {
  return {
    editEntry: true,
    steer: true,
    planActions: true,
    review: true,
    takeOff: true,
    raiseSignal: true,
    writeSinceLast: true,
    ...overrides,
  };
}

export function row(
  code: string,
  overrides: {
    participant?: Partial<ParticipantView>;
    entry?: Partial<EntryView>;
    may?: Partial<RowRights>;
    sinceLast?: BoardRow["sinceLast"];
  } = {},
): BoardRow {
  const id = `p-${code}`;
  return {
    participant: participant({ id, code, ...overrides.participant }),
    entry: entry({ id: `e-${code}`, participantId: id, ...overrides.entry }),
    may: rights(overrides.may),
    sinceLast: overrides.sinceLast ?? [],
  };
}

export function boardView(rows: BoardRow[], overrides: Partial<BoardView> = {}): BoardView {
  return {
    board: { id: "b1", name: "FACT Exempelstad", caseload: 200, model: "fact", leadOrganisationId: "region" },
    gettingStarted: { organisations: true, members: true, participants: true, meetings: true, consents: true },
    today: "2026-11-24",
    version: 1,
    viewer: {
      memberId: "m1",
      displayName: "Ada",
      organisationId: "region",
      role: "coordinator",
      permissions: ["board.read", "entry.edit", "entry.review", "entry.takeOff", "entry.putOn"],
    },
    organisations: [
      { id: "region", name: "Psykiatrin", kind: "regionPsychiatry" },
      { id: "north", name: "Norrby soc", kind: "municipalSocialServices" },
    ],
    members: [
      { id: "m1", displayName: "Ada Fiktiv", organisationId: "region", role: "coordinator", substituteIds: [] },
      { id: "m2", displayName: "Bertil Påhittad", organisationId: "region", role: "staff", substituteIds: ["m3"] },
      { id: "m3", displayName: "Cecilia Låtsas", organisationId: "region", role: "staff", substituteIds: [] },
    ],
    rows,
    hiddenCount: 0,
    signals: [],
    absences: [],
    ...overrides,
  };
}

/** The board context a tab component reads, for a board at rest (nothing to refresh, live). */
export function boardContext(board: BoardView): BoardContextValue {
  return {
    board,
    boardId: "b1",
    unavailable: false,
    live: "live",
    refresh: async () => {},
    applyEntry: () => {},
    removeEntry: () => {},
    subscribeLive: () => () => undefined,
  };
}
