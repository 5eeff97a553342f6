import { answerDeadline, managerAlertAt } from "./signal";
import { SWEDISH_WORKING_HOURS as SE, addWorkingHours, endOfWorkingDay, isWorkingTime, nextWorkingMoment } from "./working-hours";

// March 2026 is UTC+1 in Stockholm (summer time from 29 March); 2026-03-06 is a Friday.
const at = (iso: string) => new Date(iso);

describe("working hours of a Swedish board", () => {
  it("a 'today' signal raised on Friday at 15:00 is due at 17:00, and its manager hears on Monday morning", () => {
    const raised = at("2026-03-06T14:00:00.000Z");
    const due = answerDeadline("today", raised, SE);
    expect(due.toISOString()).toBe("2026-03-06T16:00:00.000Z");
    expect(managerAlertAt({ urgency: "today", answerBy: due.toISOString() }, SE).toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("a cover request at 16:30 on Friday times out at 09:30 on Monday, not in the night", () => {
    expect(addWorkingHours(at("2026-03-06T15:30:00.000Z"), 2, SE).toISOString()).toBe("2026-03-09T08:30:00.000Z");
  });

  it("'this week' is three working days, the weekend not counted", () => {
    expect(answerDeadline("thisWeek", at("2026-03-04T09:00:00.000Z"), SE).toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("skips Easter: Good Friday and Easter Monday are days off (summer time, UTC+2)", () => {
    // Maundy Thursday 2 April 2026 is a working day; the next one after it is Tuesday 7 April.
    const raised = at("2026-04-02T14:00:00.000Z");
    const due = answerDeadline("today", raised, SE);
    expect(due.toISOString()).toBe("2026-04-02T15:00:00.000Z");
    expect(managerAlertAt({ urgency: "today", answerBy: due.toISOString() }, SE).toISOString()).toBe("2026-04-07T08:00:00.000Z");
  });

  it("skips Christmas Eve, Christmas and Boxing Day, and New Year's Eve", () => {
    // Wednesday 23 December 2026 at 16:00 local: one hour today, the next working day is Monday 28 December.
    expect(addWorkingHours(at("2026-12-23T15:00:00.000Z"), 3, SE).toISOString()).toBe("2026-12-28T09:00:00.000Z");
    expect(nextWorkingMoment(at("2026-12-31T10:00:00.000Z"), SE).toISOString()).toBe("2027-01-04T07:00:00.000Z");
  });

  it("something raised at night or on a weekend is due by the end of the next working day", () => {
    expect(endOfWorkingDay(at("2026-03-07T10:00:00.000Z"), SE).toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(endOfWorkingDay(at("2026-03-05T21:00:00.000Z"), SE).toISOString()).toBe("2026-03-06T16:00:00.000Z");
    expect(isWorkingTime(at("2026-03-05T21:00:00.000Z"), SE)).toBe(false);
    expect(isWorkingTime(at("2026-03-05T09:00:00.000Z"), SE)).toBe(true);
    expect(nextWorkingMoment(at("2026-03-07T10:00:00.000Z"), SE).toISOString()).toBe("2026-03-09T07:00:00.000Z");
  });
});
