import { Forbidden, InvalidTransition } from "./errors";
import {
  applyWalkthroughEvent,
  currentParticipantId,
  isRecordedBy,
  notReached,
  recordOnWalkthrough,
  startWalkthrough,
  walkthroughOrder,
  withNewEntries,
  type Walkthrough,
} from "./walkthrough";

const T0 = "2026-03-10T07:30:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const ADA = { memberId: "t1.ada", organisationId: "region" };
const HUGO = { memberId: "t2.hugo", organisationId: "north" };

const fresh = (): Walkthrough =>
  startWalkthrough({ boardId: "b1", date: "2026-03-10", presenter: ADA, order: ["p1", "p2", "p3"], now: T0 });

describe("the walkthrough's order", () => {
  it("puts participants not reached at the last check-in first, then today's board", () => {
    expect(walkthroughOrder(["p1", "p2", "p3", "p4"], ["p3", "p9"])).toEqual(["p3", "p1", "p2", "p4"]);
  });
  it("counts as not reached whoever was neither reviewed nor taken off", () => {
    expect(notReached({ order: ["p1", "p2", "p3"], reviewed: ["p1"], removed: ["p3"] })).toEqual(["p2"]);
  });
  it("adds participants put on the board elsewhere to its end", () => {
    expect(withNewEntries(fresh(), ["p2", "p4", "p1"]).order).toEqual(["p1", "p2", "p3", "p4"]);
  });
});

describe("following the presenter", () => {
  it("starts at the first participant with the presenter as the first attendee, for every meeting of the day", () => {
    const w = fresh();
    expect(currentParticipantId(w)).toBe("p1");
    expect(w.meetingId).toBe("all");
    expect(w.attendees).toEqual([{ ...ADA, joinedAt: T0 }]);
  });

  it("moves on and keeps the time spent on each participant", () => {
    let w = applyWalkthroughEvent(fresh(), { type: "moveTo", by: ADA.memberId, index: 1 }, at(90));
    w = applyWalkthroughEvent(w, { type: "moveTo", by: ADA.memberId, index: 0 }, at(120));
    w = applyWalkthroughEvent(w, { type: "moveTo", by: ADA.memberId, index: 2 }, at(150));
    expect(currentParticipantId(w)).toBe("p3");
    expect(w.secondsByParticipant).toEqual({ p1: 120, p2: 30 });
  });

  it("lets only the presenter move on, until someone takes over", () => {
    expect(() => applyWalkthroughEvent(fresh(), { type: "moveTo", by: HUGO.memberId, index: 1 }, at(5))).toThrow(Forbidden);
    const handed = applyWalkthroughEvent(fresh(), { type: "takeOver", by: HUGO.memberId, organisationId: HUGO.organisationId }, at(5));
    expect(handed.presenterId).toBe(HUGO.memberId);
    expect(handed.attendees.map((a) => a.memberId)).toEqual([ADA.memberId, HUGO.memberId]);
    expect(() => applyWalkthroughEvent(handed, { type: "moveTo", by: ADA.memberId, index: 1 }, at(6))).toThrow(Forbidden);
    expect(currentParticipantId(applyWalkthroughEvent(handed, { type: "moveTo", by: HUGO.memberId, index: 1 }, at(6)))).toBe("p2");
  });

  it("a take-over after the presenter left counts the time until their stage last beat, not the minutes nobody presented", () => {
    // Ada's stage last beat 60 s in; Hugo takes over 10 minutes later and moves on 30 s after that.
    const gone = { type: "takeOver", by: HUGO.memberId, organisationId: HUGO.organisationId, presenterLeftAt: at(60) } as const;
    let w = applyWalkthroughEvent(fresh(), gone, at(660));
    w = applyWalkthroughEvent(w, { type: "moveTo", by: HUGO.memberId, index: 1 }, at(690));
    expect(w.secondsByParticipant).toEqual({ p1: 90 });
    // Taken over while the presenter was still there (no leaving time): the clock runs on.
    let kept = applyWalkthroughEvent(fresh(), { type: "takeOver", by: HUGO.memberId, organisationId: HUGO.organisationId }, at(660));
    kept = applyWalkthroughEvent(kept, { type: "moveTo", by: HUGO.memberId, index: 1 }, at(690));
    expect(kept.secondsByParticipant).toEqual({ p1: 690 });
  });

  it("records each attendee once, with their organisation", () => {
    const w = fresh();
    const joined = applyWalkthroughEvent(w, { type: "join", ...HUGO }, at(10));
    expect(applyWalkthroughEvent(joined, { type: "join", ...HUGO }, at(20))).toBe(joined);
    expect(joined.attendees).toEqual([
      { ...ADA, joinedAt: T0 },
      { ...HUGO, joinedAt: at(10) },
    ]);
  });

  it("remembers each Teams meeting chat it ran in once, for the summary", () => {
    const once = applyWalkthroughEvent(fresh(), { type: "join", ...HUGO, chatId: "19:meeting_a@thread.v2" }, at(10));
    const again = applyWalkthroughEvent(once, { type: "join", ...ADA, chatId: "19:meeting_a@thread.v2" }, at(11));
    expect(again).toBe(once);
    const other = applyWalkthroughEvent(once, { type: "join", ...ADA, chatId: "19:meeting_b@thread.v2" }, at(12));
    expect(other.chatIds).toEqual(["19:meeting_a@thread.v2", "19:meeting_b@thread.v2"]);
    expect(fresh().chatIds).toBeUndefined();
  });

  it("refuses a position outside the walkthrough", () => {
    expect(() => applyWalkthroughEvent(fresh(), { type: "moveTo", by: ADA.memberId, index: 3 }, at(1))).toThrow(/no participant 4/);
  });
});

describe("what the walkthrough counts (recorded by the use-cases that did it)", () => {
  it("counts a participant reviewed once, however often or by however many organisations", () => {
    const w = recordOnWalkthrough(fresh(), { type: "reviewed", participantId: "p1" });
    expect(recordOnWalkthrough(w, { type: "reviewed", participantId: "p1" })).toBe(w);
    expect(w.reviewed).toEqual(["p1"]);
    expect(notReached(w)).toEqual(["p2", "p3"]);
  });

  it("counts each action agreed once by its id, so a retried add is not a second action", () => {
    let w = recordOnWalkthrough(fresh(), { type: "actionAgreed", participantId: "p1", actionId: "a1" });
    expect(recordOnWalkthrough(w, { type: "actionAgreed", participantId: "p1", actionId: "a1" })).toBe(w);
    w = recordOnWalkthrough(w, { type: "actionAgreed", participantId: "p1", actionId: "a2" });
    expect(w.agreedActionIds).toEqual(["a1", "a2"]);
  });

  it("takes a participant raised for today during the meeting at its end, once, and counts it in nothing", () => {
    const w = recordOnWalkthrough(fresh(), { type: "raised", participantId: "r1" });
    expect(w.order).toEqual(["p1", "p2", "p3", "r1"]);
    expect(recordOnWalkthrough(w, { type: "raised", participantId: "r1" })).toBe(w);
    expect({ added: w.added, reviewed: w.reviewed, removed: w.removed }).toEqual({ added: [], reviewed: [], removed: [] });
  });

  it("appends a participant put on the board to its end, and counts one taken off as handled", () => {
    let w = recordOnWalkthrough(fresh(), { type: "added", participantId: "p7" });
    expect(w.order).toEqual(["p1", "p2", "p3", "p7"]);
    expect(w.added).toEqual(["p7"]);
    w = recordOnWalkthrough(w, { type: "removed", participantId: "p2" });
    expect(notReached(w)).toEqual(["p1", "p3", "p7"]);
  });

  it("counts nothing in an ended walkthrough", () => {
    const ended = applyWalkthroughEvent(fresh(), { type: "end", by: ADA.memberId }, at(60));
    expect(recordOnWalkthrough(ended, { type: "reviewed", participantId: "p1" })).toBe(ended);
    expect(isRecordedBy(ended, { type: "reviewed", participantId: "p1" }, true)).toBe(false);
  });

  it("counts what concerns it while it runs: its participants or the meeting's, not what happened before it started", () => {
    const w = fresh();
    expect(isRecordedBy(w, { type: "reviewed", participantId: "p2" }, false)).toBe(true);
    expect(isRecordedBy(w, { type: "added", participantId: "p9" }, true)).toBe(true);
    expect(isRecordedBy(w, { type: "added", participantId: "p9" }, false)).toBe(false);
    // A retry that finishes an action added before the walkthrough started does not count it.
    expect(isRecordedBy(w, { type: "actionAgreed", participantId: "p1", actionId: "a1", happenedAt: at(-60) }, true)).toBe(false);
    expect(isRecordedBy(w, { type: "actionAgreed", participantId: "p1", actionId: "a1", happenedAt: at(60) }, true)).toBe(true);
  });
});

describe("ending and starting again", () => {
  it("ends with the last participant's time and refuses moves afterwards", () => {
    const ended = applyWalkthroughEvent(fresh(), { type: "end", by: ADA.memberId }, at(60));
    expect(ended.endedAt).toBe(at(60));
    expect(ended.secondsByParticipant).toEqual({ p1: 60 });
    expect(() => applyWalkthroughEvent(ended, { type: "moveTo", by: ADA.memberId, index: 1 }, at(61))).toThrow(InvalidTransition);
  });

  it("continues where it stopped when started again the same day", () => {
    let w = applyWalkthroughEvent(fresh(), { type: "moveTo", by: ADA.memberId, index: 2 }, at(30));
    w = applyWalkthroughEvent(w, { type: "end", by: ADA.memberId }, at(60));
    const again = applyWalkthroughEvent(w, { type: "reopen", by: HUGO.memberId, organisationId: HUGO.organisationId }, at(600));
    expect(again.endedAt).toBeUndefined();
    expect(currentParticipantId(again)).toBe("p3");
    expect(again.presenterId).toBe(HUGO.memberId);
    expect(again.secondsByParticipant).toEqual({ p1: 30, p3: 30 });
  });
});
