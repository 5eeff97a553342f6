import { row } from "../../test-support/fixtures";
import { checkInBody, formatDuration, reviewedIds, startSession } from "./useWalkthrough";

describe("the morning check-in walkthrough", () => {
  const rows = [row("FIK-001", { entry: { priority: "low" } }), row("FIK-002", { entry: { priority: "high" } }), row("FIK-003", { entry: { priority: "medium" } })];

  it("walks the board in check-in order", () => {
    expect(startSession(rows, new Date("2026-11-24T08:00:00Z")).order).toEqual(["p-FIK-002", "p-FIK-003", "p-FIK-001"]);
  });

  it("counts entries reviewed today by anyone in the meeting, not only here", () => {
    const session = { ...startSession(rows, new Date()), reviewed: ["p-FIK-002"] };
    const live = rows.map((r) => (r.participant.code === "FIK-001" ? { ...r, entry: { ...r.entry, lastReviewedOn: "2026-11-24" } } : r));
    expect(reviewedIds(session, live, "2026-11-24")).toEqual(["p-FIK-002", "p-FIK-001"]);
  });

  it("stores reviewed, put on, taken off, actions agreed and the times as the day's check-in", () => {
    const session = { ...startSession(rows, new Date("2026-11-24T08:00:00.000Z")), reviewed: ["p-FIK-002"], added: ["p-FIK-009"], removed: ["p-FIK-003"], actionsAgreed: 2 };
    expect(checkInBody(session, rows, "2026-11-24", ["m1"], new Date("2026-11-24T08:21:00.000Z"))).toEqual({
      startedAt: "2026-11-24T08:00:00.000Z",
      endedAt: "2026-11-24T08:21:00.000Z",
      attendeeIds: ["m1"],
      reviewedParticipantIds: ["p-FIK-002"],
      addedParticipantIds: ["p-FIK-009"],
      removedParticipantIds: ["p-FIK-003"],
      actionsAgreed: 2,
    });
  });

  it("shows the per-entry timer as minutes and seconds", () => {
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(9)).toBe("0:09");
  });
});
