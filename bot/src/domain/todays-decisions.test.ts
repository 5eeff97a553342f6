import { todaysDecisions, type DecisionSources } from "./todays-decisions";
import type { BoardAction, BoardEntry, ClosedBoardEntry, Signal } from "./types";

const REGION = "org-region";
const MUNICIPALITY = "org-municipality";
const TODAY = "2026-03-10";
const YESTERDAY = "2026-03-09";
// The board's local date of an instant: here simply its UTC date.
const dayOf = (instant: string) => instant.slice(0, 10);

const action = (writtenBy: string, createdAt: string, what: string): BoardAction => ({
  id: what,
  what,
  responsibleId: "m1",
  byWhen: TODAY,
  done: false,
  writtenBy,
  createdBy: "m1",
  createdAt,
});

const entry = (participantId: string, writtenBy: string, extra: Partial<BoardEntry> = {}): BoardEntry => ({
  id: `e-${participantId}`,
  boardId: "b1",
  participantId,
  writtenBy,
  reason: "crisis",
  priority: "high",
  putOnOn: YESTERDAY,
  putOnBy: "m1",
  nextEvaluationOn: "2026-03-20",
  actions: [],
  reviews: [],
  updatedAt: `${TODAY}T08:00:00.000Z`,
  updatedBy: "m1",
  ...extra,
});

const closed = (participantId: string, writtenBy: string, extra: Partial<ClosedBoardEntry> = {}): ClosedBoardEntry => {
  const { etag: _etag, ...e } = entry(participantId, writtenBy);
  return { ...e, takenOffOn: TODAY, takenOffBy: "m1", outcome: "stable", ...extra };
};

const signal = (participantId: string, from: string, raisedAt: string): Signal => ({
  id: `s-${participantId}-${from}`,
  boardId: "b1",
  participantId,
  fromOrganisationId: from,
  toOrganisationId: from === REGION ? MUNICIPALITY : REGION,
  kind: "concern",
  urgency: "today",
  proposeBoard: false,
  state: "open",
  raisedBy: "m1",
  raisedAt,
  answerBy: raisedAt,
  remindersSent: 0,
  managerNotified: false,
});

const none: DecisionSources = { current: [], closed: [], notes: [], signals: [] };

describe("Dagens beslut for the municipality", () => {
  const sources: DecisionSources = {
    current: [
      // Put on today by the municipality, with its own action and the region's action.
      entry("p1", MUNICIPALITY, {
        putOnOn: TODAY,
        actions: [
          action(MUNICIPALITY, `${TODAY}T08:10:00.000Z`, "Kommunens åtgärd"),
          action(REGION, `${TODAY}T08:11:00.000Z`, "Regionens åtgärd"),
        ],
      }),
      // The region's entry: the municipality's action of yesterday is not today's decision.
      entry("p2", REGION, { actions: [action(MUNICIPALITY, `${YESTERDAY}T08:10:00.000Z`, "Gårdagens åtgärd")] }),
      // The region re-prioritised the municipality's entry today: the region's item, not the municipality's.
      entry("p3", MUNICIPALITY, { priority: "low", priorityWrittenBy: REGION, prioritySetOn: TODAY }),
      // The municipality re-prioritised its own entry today.
      entry("p4", MUNICIPALITY, { priority: "medium", prioritySetOn: TODAY }),
    ],
    closed: [
      closed("p5", MUNICIPALITY),
      closed("p6", MUNICIPALITY, { takenOffByOrganisation: REGION }),
      closed("p7", MUNICIPALITY, { takenOffOn: YESTERDAY }),
    ],
    notes: [
      { participantId: "p2", on: TODAY, organisationId: MUNICIPALITY, text: "Kommunens anteckning", writtenAt: `${TODAY}T07:00:00.000Z` },
      { participantId: "p2", on: TODAY, organisationId: REGION, text: "Regionens anteckning", writtenAt: `${TODAY}T07:00:00.000Z` },
      {
        participantId: "p3",
        on: YESTERDAY,
        organisationId: MUNICIPALITY,
        text: "Gårdagens anteckning",
        writtenAt: `${YESTERDAY}T07:00:00.000Z`,
      },
    ],
    signals: [
      signal("p8", MUNICIPALITY, `${TODAY}T09:00:00.000Z`),
      signal("p9", REGION, `${TODAY}T09:00:00.000Z`),
      signal("p10", MUNICIPALITY, `${YESTERDAY}T09:00:00.000Z`),
    ],
  };
  const decisions = todaysDecisions(MUNICIPALITY, TODAY, sources, dayOf);

  it("lists only what the municipality itself wrote today, per participant", () => {
    expect(Object.fromEntries(decisions)).toEqual({
      p1: [
        { kind: "putOn", reason: "crisis", priority: "high" },
        { kind: "action", what: "Kommunens åtgärd", responsibleId: "m1", byWhen: TODAY, done: false },
      ],
      p2: [{ kind: "sinceLast", text: "Kommunens anteckning" }],
      p4: [{ kind: "priority", priority: "medium" }],
      p5: [{ kind: "takenOff", outcome: "stable" }],
      p8: [{ kind: "signal", signalKind: "concern", toOrganisationId: REGION, urgency: "today" }],
    });
  });

  it("never carries another organisation's words", () => {
    const text = JSON.stringify([...decisions.values()]);
    for (const theirs of ["Regionens åtgärd", "Regionens anteckning", "Gårdagens"]) expect(text).not.toContain(theirs);
    expect(decisions.has("p3")).toBe(false);
    expect(decisions.has("p6")).toBe(false);
    expect(decisions.has("p9")).toBe(false);
  });

  it("gives the region its own re-prioritisation and take-off instead", () => {
    const region = todaysDecisions(REGION, TODAY, sources, dayOf);
    expect(region.get("p3")).toEqual([{ kind: "priority", priority: "low" }]);
    expect(region.get("p6")).toEqual([{ kind: "takenOff", outcome: "stable" }]);
    expect(region.get("p1")).toEqual([{ kind: "action", what: "Regionens åtgärd", responsibleId: "m1", byWhen: TODAY, done: false }]);
  });

  it("is empty on a day the organisation wrote nothing", () => {
    expect(todaysDecisions(MUNICIPALITY, "2026-03-11", sources, dayOf).size).toBe(0);
    expect(todaysDecisions(MUNICIPALITY, TODAY, none, dayOf).size).toBe(0);
  });

  it("dates an action by the board's local day, not UTC", () => {
    // 23:30 UTC on the 9th is 00:30 on the 10th in Stockholm.
    const late = {
      ...none,
      current: [entry("p1", REGION, { actions: [action(MUNICIPALITY, `${YESTERDAY}T23:30:00.000Z`, "Sen åtgärd")] })],
    };
    const stockholm = (i: string) => new Date(i).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    expect(todaysDecisions(MUNICIPALITY, TODAY, late, stockholm).get("p1")).toHaveLength(1);
    expect(todaysDecisions(MUNICIPALITY, TODAY, late, dayOf).get("p1")).toBeUndefined();
  });
});
