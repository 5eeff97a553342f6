import { formatDuration, pacePerParticipant } from "./useWalkthrough";

describe("pacing a 15-minute morning meeting", () => {
  it("shares what is left of the budget among the participants not reached yet", () => {
    expect(pacePerParticipant(0, 10)).toBe(90);
    expect(pacePerParticipant(600, 5)).toBe(60);
  });
  it("never asks for less than nothing once the meeting runs over", () => {
    expect(pacePerParticipant(1200, 3)).toBe(0);
    expect(pacePerParticipant(100, 0)).toBe(0);
  });
  it("shows minutes and seconds", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(905)).toBe("15:05");
  });
});
