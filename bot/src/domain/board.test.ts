import {
  MAX_ACTIONS_PER_ENTRY,
  addAction,
  checkInOrder,
  editEntry,
  markReviewed,
  putOnBoard,
  removeAction,
  setActionDone,
  takeOffBoard,
  type PutOnBoard,
} from "./board";
import { addDays } from "./dates";
import { AlreadyExists, Invalid } from "./errors";
import type { BoardEntry, Member, Participant } from "./types";

const PSYCHIATRY = "org-psychiatry";
const SOCIAL_SERVICES = "org-social-services";
const TODAY = "2026-03-10";
const NOW = "2026-03-10T07:45:00.000Z";
const LATER = "2026-03-12T08:10:00.000Z";

const caseManager: Member = {
  id: "tenant-a.case-manager",
  boardId: "board-1",
  tenantId: "tenant-a",
  objectId: "case-manager",
  displayName: "Case Manager",
  organisationId: PSYCHIATRY,
  role: "staff",
  substituteIds: [],
};
const socialWorker: Member = {
  ...caseManager,
  id: "tenant-b.social-worker",
  tenantId: "tenant-b",
  objectId: "social-worker",
  organisationId: SOCIAL_SERVICES,
};

function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: "p-hbg-017",
    boardId: "board-1",
    code: "HBG-017",
    initials: "AB",
    caseManagerId: caseManager.id,
    writtenBy: PSYCHIATRY,
    organisationIds: [PSYCHIATRY, SOCIAL_SERVICES],
    plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
    onBoard: false,
    createdAt: "2026-01-05T08:00:00.000Z",
    ...overrides,
  };
}

const crisis: PutOnBoard = {
  entryId: "entry-1",
  reason: "crisis",
  reasonNote: "Sleeping badly",
  priority: "high",
  nextEvaluationOn: addDays(TODAY, 7),
};

function onBoard(): { participant: Participant; entry: BoardEntry } {
  return putOnBoard(participant(), undefined, caseManager, crisis, TODAY, NOW);
}

const action = (id: string) => ({ id, what: "Home visit", responsibleId: socialWorker.id, byWhen: TODAY });

describe("putting a participant on the board", () => {
  it("opens an entry written by the case manager's organisation and marks the participant on the board", () => {
    const { participant: p, entry } = onBoard();
    expect(p.onBoard).toBe(true);
    expect(entry).toMatchObject({
      id: "entry-1",
      participantId: "p-hbg-017",
      writtenBy: PSYCHIATRY,
      reason: "crisis",
      reasonNote: "Sleeping badly",
      priority: "high",
      putOnOn: TODAY,
      putOnBy: caseManager.id,
      nextEvaluationOn: addDays(TODAY, 7),
      actions: [],
    });
  });

  it("refuses to put a participant on the board twice", () => {
    const { participant: p, entry } = onBoard();
    expect(() => putOnBoard(p, entry, caseManager, { ...crisis, entryId: "entry-2" }, TODAY, NOW)).toThrow(AlreadyExists);
  });

  it("refuses when the participant is marked on the board even if the entry was not loaded", () => {
    expect(() => putOnBoard(participant({ onBoard: true }), undefined, caseManager, crisis, TODAY, NOW)).toThrow(AlreadyExists);
  });

  it("refuses a next evaluation in the past", () => {
    expect(() =>
      putOnBoard(participant(), undefined, caseManager, { ...crisis, nextEvaluationOn: addDays(TODAY, -1) }, TODAY, NOW),
    ).toThrow(Invalid);
  });

  it("accepts a next evaluation today", () => {
    expect(
      putOnBoard(participant(), undefined, caseManager, { ...crisis, nextEvaluationOn: TODAY }, TODAY, NOW).entry.nextEvaluationOn,
    ).toBe(TODAY);
  });

  it("refuses a participant who has left the FACT team", () => {
    expect(() => putOnBoard(participant({ leftTeamOn: "2026-02-28" }), undefined, caseManager, crisis, TODAY, NOW)).toThrow(Invalid);
  });

  it("does not change the participant it was given", () => {
    const before = participant();
    putOnBoard(before, undefined, caseManager, crisis, TODAY, NOW);
    expect(before.onBoard).toBe(false);
  });
});

describe("taking a participant off the board", () => {
  it("records the outcome, who and when, and keeps what the entry said in history", () => {
    const { participant: p, entry } = onBoard();
    const worked = markReviewed(addAction({ ...entry, etag: 'W/"1"' }, socialWorker, action("a-1"), NOW), caseManager, TODAY, NOW);
    const takenOffOn = addDays(TODAY, 14);

    const { participant: after, closed } = takeOffBoard(
      p,
      worked,
      caseManager,
      { outcome: "stable", note: "Back to ordinary case management" },
      takenOffOn,
      LATER,
    );

    expect(after.onBoard).toBe(false);
    expect(closed).toMatchObject({
      takenOffOn,
      takenOffBy: caseManager.id,
      outcome: "stable",
      outcomeNote: "Back to ordinary case management",
      reason: "crisis",
      reasonNote: "Sleeping badly",
      priority: "high",
      putOnOn: TODAY,
      putOnBy: caseManager.id,
      reviews: [{ organisationId: PSYCHIATRY, on: TODAY, by: caseManager.id }],
      writtenBy: PSYCHIATRY,
    });
    expect(closed.actions).toEqual(worked.actions);
    expect(closed).not.toHaveProperty("etag");
  });

  it("leaves out the note when none is given", () => {
    const { participant: p, entry } = onBoard();
    expect(takeOffBoard(p, entry, caseManager, { outcome: "transferred" }, TODAY, LATER).closed).not.toHaveProperty("outcomeNote");
  });
});

describe("today's plan: actions on an entry", () => {
  it("adds an action written by the adder's organisation, not yet done", () => {
    const { entry } = onBoard();
    const next = addAction(entry, socialWorker, action("a-1"), LATER);
    expect(next.actions).toEqual([
      { ...action("a-1"), done: false, writtenBy: SOCIAL_SERVICES, createdBy: socialWorker.id, createdAt: LATER },
    ]);
    expect(next.updatedBy).toBe(socialWorker.id);
  });

  it("adds nothing twice when the same action is sent again", () => {
    const { entry } = onBoard();
    const once = addAction(entry, socialWorker, action("a-1"), NOW);
    const twice = addAction(once, socialWorker, { ...action("a-1"), what: "Retried" }, LATER);
    expect(twice).toBe(once);
    expect(twice.actions).toHaveLength(1);
  });

  it(`refuses more than ${MAX_ACTIONS_PER_ENTRY} actions on one entry`, () => {
    let entry = onBoard().entry;
    for (let i = 0; i < MAX_ACTIONS_PER_ENTRY; i++) entry = addAction(entry, caseManager, action(`a-${i}`), NOW);
    expect(entry.actions).toHaveLength(MAX_ACTIONS_PER_ENTRY);
    expect(() => addAction(entry, caseManager, action("one-too-many"), NOW)).toThrow(Invalid);
  });

  it("still accepts a retry of an existing action when the entry is full", () => {
    let entry = onBoard().entry;
    for (let i = 0; i < MAX_ACTIONS_PER_ENTRY; i++) entry = addAction(entry, caseManager, action(`a-${i}`), NOW);
    expect(addAction(entry, caseManager, action("a-0"), NOW)).toBe(entry);
  });

  it("marks an action done and leaves the others alone", () => {
    const entry = addAction(addAction(onBoard().entry, caseManager, action("a-1"), NOW), caseManager, action("a-2"), NOW);
    const next = setActionDone(entry, caseManager, "a-2", true, LATER);
    expect(next.actions.map((a) => [a.id, a.done])).toEqual([
      ["a-1", false],
      ["a-2", true],
    ]);
  });

  it("refuses to mark an unknown action done", () => {
    expect(() => setActionDone(onBoard().entry, caseManager, "missing", true, LATER)).toThrow(Invalid);
  });

  it("removes an action", () => {
    const entry = addAction(onBoard().entry, caseManager, action("a-1"), NOW);
    expect(removeAction(entry, caseManager, "a-1", LATER).actions).toEqual([]);
  });
});

describe("editing an entry", () => {
  it("changes priority and clears the reason note", () => {
    const next = editEntry(onBoard().entry, caseManager, { priority: "low", reasonNote: null }, TODAY, LATER);
    expect(next.priority).toBe("low");
    expect(next).not.toHaveProperty("reasonNote");
    expect(next.reason).toBe("crisis");
  });

  it("dates a changed priority (Dagens beslut lists it), and only a changed one", () => {
    expect(onBoard().entry).not.toHaveProperty("prioritySetOn");
    expect(editEntry(onBoard().entry, caseManager, { priority: "low" }, TODAY, LATER).prioritySetOn).toBe(TODAY);
    expect(editEntry(onBoard().entry, caseManager, { priority: "high" }, TODAY, LATER)).not.toHaveProperty("prioritySetOn");
    expect(editEntry(onBoard().entry, caseManager, { reasonNote: "Kort" }, TODAY, LATER)).not.toHaveProperty("prioritySetOn");
  });

  it("refuses to move the next evaluation into the past", () => {
    expect(() => editEntry(onBoard().entry, caseManager, { nextEvaluationOn: addDays(TODAY, -1) }, TODAY, LATER)).toThrow(Invalid);
  });
});

describe("the morning check-in order", () => {
  it("walks high priority first, then the longest on the board", () => {
    const entries = [
      { id: "low-old", priority: "low", putOnOn: "2026-01-01" },
      { id: "high-new", priority: "high", putOnOn: "2026-03-09" },
      { id: "medium-old", priority: "medium", putOnOn: "2026-02-01" },
      { id: "high-old", priority: "high", putOnOn: "2026-02-15" },
      { id: "medium-new", priority: "medium", putOnOn: "2026-03-01" },
    ] as const;
    expect(checkInOrder(entries).map((e) => e.id)).toEqual(["high-old", "high-new", "medium-old", "medium-new", "low-old"]);
  });

  it("does not reorder the list it was given", () => {
    const entries = [
      { priority: "low" as const, putOnOn: "2026-01-01" },
      { priority: "high" as const, putOnOn: "2026-01-01" },
    ];
    checkInOrder(entries);
    expect(entries[0]?.priority).toBe("low");
  });
});
