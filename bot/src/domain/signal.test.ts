import { SignalState } from "@fact-board/contract";
import { InvalidTransition } from "./errors";
import { answerDeadline, canApplySignalEvent, signalFollowUp, isOverdue, transitionSignal, type SignalEvent } from "./signal";
import type { Signal } from "./types";

const RAISED_AT = "2026-03-10T08:00:00.000Z";
const RECEIVER = "tenant-b.social-worker";
const AT = "2026-03-10T09:00:00.000Z";

function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: "sig-1",
    boardId: "board-1",
    participantId: "p-hbg-017",
    fromOrganisationId: "org-psychiatry",
    toOrganisationId: "org-social-services",
    kind: "moreMunicipalSupport",
    urgency: "today",
    note: "Eviction notice received",
    proposeBoard: true,
    state: "open",
    raisedBy: "tenant-a.case-manager",
    raisedAt: RAISED_AT,
    answerBy: answerDeadline("today", new Date(RAISED_AT)).toISOString(),
    remindersSent: 0,
    managerNotified: false,
    ...overrides,
  };
}

const events: Record<SignalEvent["type"], SignalEvent> = {
  acknowledge: { type: "acknowledge", by: RECEIVER, at: AT },
  resolve: { type: "resolve", by: RECEIVER, at: AT },
  decline: { type: "decline", by: RECEIVER, at: AT, reason: "Not ours: labour market handles this" },
};

/** The whole machine, written out: every state × every event, and where a legal event leads. */
const expected: Record<SignalState, Record<SignalEvent["type"], SignalState | "illegal">> = {
  open: { acknowledge: "acknowledged", resolve: "resolved", decline: "declined" },
  acknowledged: { acknowledge: "illegal", resolve: "resolved", decline: "declined" },
  resolved: { acknowledge: "illegal", resolve: "illegal", decline: "illegal" },
  declined: { acknowledge: "illegal", resolve: "illegal", decline: "illegal" },
};

const cases = SignalState.options.flatMap((from) =>
  (Object.keys(events) as SignalEvent["type"][]).map((event) => ({ from, event, to: expected[from][event] })),
);

describe("the signal state machine", () => {
  it("covers every state and every event in the table", () => {
    expect(cases).toHaveLength(SignalState.options.length * Object.keys(events).length);
  });

  it.each(cases.filter((c) => c.to !== "illegal"))("moves a $from signal to $to on $event", ({ from, event, to }) => {
    expect(canApplySignalEvent(from, event)).toBe(true);
    expect(transitionSignal(signal({ state: from }), events[event]).state).toBe(to);
  });

  it.each(cases.filter((c) => c.to === "illegal"))("refuses to $event a $from signal with InvalidTransition", ({ from, event }) => {
    expect(canApplySignalEvent(from, event)).toBe(false);
    const before = signal({ state: from });
    let thrown: unknown;
    try {
      transitionSignal(before, events[event]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidTransition);
    expect(thrown).toMatchObject({ code: "InvalidTransition", machine: "signal", from, event });
    expect(before.state).toBe(from);
  });

  it("records who acknowledged and when", () => {
    expect(transitionSignal(signal(), events.acknowledge)).toMatchObject({ acknowledgedBy: RECEIVER, acknowledgedAt: AT });
  });

  it("records who resolved and when", () => {
    expect(transitionSignal(signal({ state: "acknowledged" }), events.resolve)).toMatchObject({ resolvedBy: RECEIVER, resolvedAt: AT });
  });

  it("records the reason a signal was declined", () => {
    expect(transitionSignal(signal(), events.decline)).toMatchObject({
      declinedBy: RECEIVER,
      declinedAt: AT,
      declineReason: "Not ours: labour market handles this",
    });
  });

  it("does not change the signal it was given", () => {
    const before = signal();
    transitionSignal(before, events.acknowledge);
    expect(before.state).toBe("open");
  });
});

describe("the answer deadline", () => {
  it("gives a 'today' signal until the end of the working day (17:00 in Stockholm)", () => {
    expect(answerDeadline("today", new Date(RAISED_AT)).toISOString()).toBe("2026-03-10T16:00:00.000Z");
  });

  it("gives a 'this week' signal three working days", () => {
    expect(answerDeadline("thisWeek", new Date(RAISED_AT)).toISOString()).toBe("2026-03-13T08:00:00.000Z");
  });
});

describe("following up an unanswered signal", () => {
  // Raised Tuesday 09:00 local, due 17:00 local; the manager is told two working hours later: Wednesday 10:00.
  const beforeDeadline = new Date("2026-03-10T15:59:59.000Z");
  const atDeadline = new Date("2026-03-10T16:00:00.000Z");
  const pastDeadline = new Date("2026-03-10T17:00:00.000Z");
  const pastTwiceTheWindow = new Date("2026-03-11T09:00:00.000Z");

  it("does nothing before the deadline", () => {
    expect(signalFollowUp(signal(), beforeDeadline)).toBe("none");
    expect(isOverdue(signal(), beforeDeadline)).toBe(false);
  });

  it("reminds once the deadline has passed", () => {
    expect(signalFollowUp(signal(), atDeadline)).toBe("remind");
    expect(signalFollowUp(signal(), pastDeadline)).toBe("remind");
    expect(isOverdue(signal(), pastDeadline)).toBe(true);
  });

  it("does not remind twice", () => {
    expect(signalFollowUp(signal({ remindersSent: 1 }), pastDeadline)).toBe("none");
  });

  it("tells the receiving manager when still unanswered two working hours after the deadline (not in the night)", () => {
    expect(signalFollowUp(signal({ remindersSent: 1 }), new Date("2026-03-11T08:59:59.000Z"))).toBe("none");
    expect(signalFollowUp(signal({ remindersSent: 1 }), pastTwiceTheWindow)).toBe("notifyManager");
  });

  it("reminds first even when the job comes late, then tells the manager", () => {
    expect(signalFollowUp(signal(), pastTwiceTheWindow)).toBe("remind");
    expect(signalFollowUp(signal({ remindersSent: 1 }), pastTwiceTheWindow)).toBe("notifyManager");
  });

  it("tells the manager only once", () => {
    expect(signalFollowUp(signal({ remindersSent: 1, managerNotified: true }), pastTwiceTheWindow)).toBe("none");
  });

  it.each(["acknowledged", "resolved", "declined"] as const)("does not chase a signal that is %s", (state) => {
    expect(signalFollowUp(signal({ state }), pastDeadline)).toBe("none");
    expect(signalFollowUp(signal({ state, remindersSent: 1 }), pastTwiceTheWindow)).toBe("none");
    expect(isOverdue(signal({ state }), pastDeadline)).toBe(false);
  });

  it("tells the manager of a 'this week' signal one working day after its deadline", () => {
    const weekly = signal({
      urgency: "thisWeek",
      answerBy: answerDeadline("thisWeek", new Date(RAISED_AT)).toISOString(),
      remindersSent: 1,
    });
    expect(signalFollowUp(weekly, new Date("2026-03-15T08:00:00.000Z"))).toBe("none");
    expect(signalFollowUp(weekly, new Date("2026-03-16T08:00:00.000Z"))).toBe("notifyManager");
  });
});
