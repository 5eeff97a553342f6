import { answerDeadline, managerAlertAt } from "./signal";
import type { Member } from "./types";
import { SWEDISH_WORKING_HOURS as BOARD, addWorkingHours, isWorkingTime } from "./working-hours";
import { answerDeadlineFor, atWorkOrAll, calendarFor } from "./working-patterns";

// March 2026 is UTC+1 in Stockholm; 2026-03-09 is a Monday, 2026-03-10 a Tuesday.
const at = (iso: string) => new Date(iso);
const coordinator = (id: string, workingPattern?: Member["workingPattern"]) => ({ id, ...(workingPattern ? { workingPattern } : {}) });
/** A 20 % coordinator: Tuesdays 08–16. */
const tuesdays = coordinator("lena", { days: ["tue"], opensAt: "08:00", closesAt: "16:00" });
const fullTime = coordinator("omar");

describe("working patterns", () => {
  it("a 20 % coordinator's 'today' signal raised on Monday is due at the end of her Tuesday, not Monday 17:00", () => {
    const raised = at("2026-03-09T09:00:00.000Z"); // Monday 10:00
    expect(answerDeadline("today", raised, BOARD).toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(answerDeadlineFor("today", raised, [tuesdays], BOARD).toISOString()).toBe("2026-03-10T15:00:00.000Z");
  });

  it("a 'today' signal raised during her Tuesday is due when her day ends at 16:00", () => {
    expect(answerDeadlineFor("today", at("2026-03-10T09:00:00.000Z"), [tuesdays], BOARD).toISOString()).toBe("2026-03-10T15:00:00.000Z");
  });

  it("'this week' is three board working days, moved to the end of her next working day when she is off then", () => {
    // Monday 10:00 + three working days = Thursday 10:00; she next works Tuesday 17 March, until 16:00.
    expect(answerDeadlineFor("thisWeek", at("2026-03-09T09:00:00.000Z"), [tuesdays], BOARD).toISOString()).toBe("2026-03-17T15:00:00.000Z");
    // A full-time receiver keeps the board's deadline.
    expect(answerDeadlineFor("thisWeek", at("2026-03-09T09:00:00.000Z"), [fullTime], BOARD).toISOString()).toBe("2026-03-12T09:00:00.000Z");
  });

  it("with several receivers, whoever is at work first sets the deadline", () => {
    const raised = at("2026-03-09T09:00:00.000Z");
    expect(answerDeadlineFor("today", raised, [tuesdays, fullTime], BOARD).toISOString()).toBe("2026-03-09T16:00:00.000Z");
  });

  it("her reminder clock and cover time-outs count only her hours", () => {
    const cal = calendarFor(tuesdays, BOARD);
    // Tuesday 15:00 + 2 working hours: one hour that day, one the next Tuesday.
    expect(addWorkingHours(at("2026-03-10T14:00:00.000Z"), 2, cal).toISOString()).toBe("2026-03-17T08:00:00.000Z");
    expect(isWorkingTime(at("2026-03-11T09:00:00.000Z"), cal)).toBe(false);
    expect(isWorkingTime(at("2026-03-10T09:00:00.000Z"), cal)).toBe(true);
    expect(isWorkingTime(at("2026-03-10T15:30:00.000Z"), cal)).toBe(false);
    // The manager's alert after her 16:00 deadline counts the board's hours: 16–17, then 08–09 on Wednesday.
    expect(managerAlertAt({ urgency: "today", answerBy: "2026-03-10T15:00:00.000Z" }, BOARD).toISOString()).toBe(
      "2026-03-11T08:00:00.000Z",
    );
  });

  it("a member without a pattern works the board's hours", () => {
    expect(calendarFor(fullTime, BOARD)).toBe(BOARD);
    expect(calendarFor(undefined, BOARD)).toBe(BOARD);
  });

  it("a signal to an organisation goes to whoever of its coordinators works now, else to all of them", () => {
    expect(atWorkOrAll([tuesdays, fullTime], at("2026-03-09T09:00:00.000Z"), BOARD)).toEqual([fullTime]);
    expect(atWorkOrAll([tuesdays, fullTime], at("2026-03-10T09:00:00.000Z"), BOARD)).toEqual([tuesdays, fullTime]);
    // Tuesday 16:30: only the full-timer is still at work.
    expect(atWorkOrAll([tuesdays, fullTime], at("2026-03-10T15:30:00.000Z"), BOARD)).toEqual([fullTime]);
    // Saturday: nobody at work, so everyone (as before patterns).
    expect(atWorkOrAll([tuesdays, fullTime], at("2026-03-14T09:00:00.000Z"), BOARD)).toEqual([tuesdays, fullTime]);
  });
});
