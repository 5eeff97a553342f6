import type { Member } from "./types";
import { SWEDISH_WORKING_HOURS } from "./working-hours";
import { isTaskCard, mayResend, resendAt, resendFrom } from "./unknown-delivery";

// A 504'd task card is posted once more only when it is safe: settled, still waiting, still unseen, at work.

const fullTime = {};
const mondayAndTuesdayMornings: Pick<Member, "workingPattern"> = {
  workingPattern: { days: ["mon", "tue"], opensAt: "08:00", closesAt: "12:00" },
};

describe("when a card Teams left unknown may go again", () => {
  it("half an hour after the 504, inside working hours", () => {
    // Tuesday 2026-03-03 09:00 in Stockholm.
    expect(resendAt(new Date("2026-03-03T08:00:00.000Z"), fullTime, SWEDISH_WORKING_HOURS).toISOString()).toBe("2026-03-03T08:30:00.000Z");
  });

  it("not after hours: the next working morning, and by the receiver's own pattern", () => {
    // Thursday 16:45: settled at 17:15, after closing; Friday 08:00 is next.
    expect(resendAt(new Date("2026-03-05T15:45:00.000Z"), fullTime, SWEDISH_WORKING_HOURS).toISOString()).toBe("2026-03-06T07:00:00.000Z");
    // A part-timer working Monday and Tuesday mornings: Wednesday's 504 waits for Monday 08:00.
    const wednesday = new Date("2026-03-04T08:00:00.000Z");
    expect(resendAt(wednesday, mondayAndTuesdayMornings, SWEDISH_WORKING_HOURS).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(resendFrom(new Date("2026-03-09T07:30:00.000Z"), mondayAndTuesdayMornings, SWEDISH_WORKING_HOURS).toISOString()).toBe(
      "2026-03-09T07:30:00.000Z",
    );
  });

  it("only while the task waits, nothing has reached the person since, and they are still on the board", () => {
    const all = { stillWaits: true, stillNotReached: true, onBoard: true };
    expect(mayResend(all)).toBe(true);
    expect(mayResend({ ...all, stillWaits: false })).toBe(false);
    expect(mayResend({ ...all, stillNotReached: false })).toBe(false);
    expect(mayResend({ ...all, onBoard: false })).toBe(false);
  });

  it("for cards that ask something of the person, never for notices", () => {
    for (const card of ["signal", "signalAlert", "cover", "coverAlert", "consent"]) expect(isTaskCard(card)).toBe(true);
    for (const card of ["absence", "morningBrief", "checkInSummary", "followWalkthrough"]) expect(isTaskCard(card)).toBe(false);
  });
});
