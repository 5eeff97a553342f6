import { InvalidTransition, Invalid } from "./errors";
import { assertRaisable, raisedToday } from "./raise-today";

// Ta upp idag (issue 26): a participant not on the board raised for one day's meeting.

const raise = (participantId: string, on: string, raisedAt = `${on}T07:00:00.000Z`) => ({ participantId, on, raisedAt });

describe("participants raised for today", () => {
  it("are today's raises of participants not on the board, first raised first, each once", () => {
    const raises = [
      raise("b", "2026-03-10", "2026-03-10T07:05:00.000Z"),
      raise("a", "2026-03-10", "2026-03-10T07:01:00.000Z"),
      // A second organisation raising the same participant: one place in the walkthrough.
      raise("b", "2026-03-10", "2026-03-10T07:09:00.000Z"),
    ];
    expect(raisedToday(raises, "2026-03-10", new Set())).toEqual(["a", "b"]);
  });

  it("drop off the next day: yesterday's raise is not today's", () => {
    const raises = [raise("a", "2026-03-10"), raise("b", "2026-03-11")];
    expect(raisedToday(raises, "2026-03-11", new Set())).toEqual(["b"]);
    expect(raisedToday(raises, "2026-03-12", new Set())).toEqual([]);
  });

  it("are not raised once put on the board: the board's entry takes them", () => {
    expect(raisedToday([raise("a", "2026-03-10")], "2026-03-10", new Set(["a"]))).toEqual([]);
  });
});

describe("who can be raised", () => {
  it("is a registered participant not on the board", () => {
    expect(() => assertRaisable({ onBoard: false })).not.toThrow();
    expect(() => assertRaisable({ onBoard: true })).toThrow(InvalidTransition);
    expect(() => assertRaisable({ onBoard: false, leftTeamOn: "2026-01-01" })).toThrow(Invalid);
    expect(() => assertRaisable({ onBoard: false, erasedAt: "2026-01-01T00:00:00.000Z" })).toThrow(Invalid);
  });
});
