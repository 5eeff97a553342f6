import { addDays, addHours, daysBetween, isWorkingDay, localDate, workingDaysBetween } from "./dates";

const STOCKHOLM = "Europe/Stockholm";

describe("the team's local date (Europe/Stockholm)", () => {
  it("is already tomorrow in Sweden at 23:30 UTC in winter (UTC+1)", () => {
    expect(localDate(new Date("2026-01-14T23:30:00Z"), STOCKHOLM)).toBe("2026-01-15");
  });

  it("is still today in Sweden at 22:59 UTC in winter", () => {
    expect(localDate(new Date("2026-01-14T22:59:59Z"), STOCKHOLM)).toBe("2026-01-14");
  });

  it("turns at 23:00 UTC in winter", () => {
    expect(localDate(new Date("2026-01-14T23:00:00Z"), STOCKHOLM)).toBe("2026-01-15");
  });

  it("turns at 22:00 UTC in summer (UTC+2)", () => {
    expect(localDate(new Date("2026-06-30T21:59:59Z"), STOCKHOLM)).toBe("2026-06-30");
    expect(localDate(new Date("2026-06-30T22:00:00Z"), STOCKHOLM)).toBe("2026-07-01");
  });

  it("is the same day just after midnight UTC", () => {
    expect(localDate(new Date("2026-03-10T00:05:00Z"), STOCKHOLM)).toBe("2026-03-10");
  });

  it("crosses the new year in Sweden before UTC does", () => {
    expect(localDate(new Date("2026-12-31T23:15:00Z"), STOCKHOLM)).toBe("2027-01-01");
  });

  it("formats as YYYY-MM-DD", () => {
    expect(localDate(new Date("2026-02-03T10:00:00Z"), STOCKHOLM)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month ends and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("is not confused by the spring clock change", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("counts days between dates, negative backwards", () => {
    expect(daysBetween("2026-03-10", "2026-03-10")).toBe(0);
    expect(daysBetween("2026-03-10", "2026-04-09")).toBe(30);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });

  it("adds hours to an instant", () => {
    expect(addHours(new Date("2026-03-10T22:00:00Z"), 4).toISOString()).toBe("2026-03-11T02:00:00.000Z");
  });
});

describe("working days for the morning check-in", () => {
  it("counts Monday to Friday as working days", () => {
    // 2026-03-09 is a Monday.
    expect(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"].every(isWorkingDay)).toBe(true);
    expect(isWorkingDay("2026-03-14")).toBe(false);
    expect(isWorkingDay("2026-03-15")).toBe(false);
  });

  it("lists the working days of a week, both ends included", () => {
    expect(workingDaysBetween("2026-03-09", "2026-03-15")).toEqual(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]);
  });

  it("skips the weekend between a Friday and a Monday", () => {
    expect(workingDaysBetween("2026-03-13", "2026-03-16")).toEqual(["2026-03-13", "2026-03-16"]);
  });

  it("has no working days over a weekend alone", () => {
    expect(workingDaysBetween("2026-03-14", "2026-03-15")).toEqual([]);
  });

  it("has a single day when from and to are the same working day", () => {
    expect(workingDaysBetween("2026-03-10", "2026-03-10")).toEqual(["2026-03-10"]);
  });

  it("has none when the period is backwards", () => {
    expect(workingDaysBetween("2026-03-13", "2026-03-09")).toEqual([]);
  });

  it("counts 22 working days in March 2026", () => {
    expect(workingDaysBetween("2026-03-01", "2026-03-31")).toHaveLength(22);
  });
});

describe("Swedish days off", () => {
  it.each([
    ["2026-01-06", "trettondedag jul"],
    ["2026-04-03", "långfredagen"],
    ["2026-04-06", "annandag påsk"],
    ["2026-05-01", "första maj"],
    ["2026-05-14", "Kristi himmelsfärdsdag"],
    ["2026-06-19", "midsommarafton"],
    ["2026-12-24", "julafton"],
    ["2026-12-31", "nyårsafton"],
  ])("%s (%s) is no working day, so no check-in is expected", (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it("counts the working days of Easter week 2026 without Good Friday and Easter Monday", () => {
    expect(workingDaysBetween("2026-03-30", "2026-04-10")).toEqual([
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
      "2026-04-02",
      "2026-04-07",
      "2026-04-08",
      "2026-04-09",
      "2026-04-10",
    ]);
  });

  it("keeps an ordinary weekday before a holiday a working day (skärtorsdagen)", () => {
    expect(isWorkingDay("2026-04-02")).toBe(true);
  });
});
