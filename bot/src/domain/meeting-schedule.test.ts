import {
  ALL_MEETINGS,
  checkInFor,
  expectedOccurrences,
  implicitMeeting,
  isScheduledOn,
  meetingCovers,
  meetingParticipants,
  meetingsOf,
  occurrencesToday,
  reviewedAsScheduled,
} from "./meeting-schedule";
import type { CheckIn, RecurringMeeting } from "./types";

const TZ = "Europe/Stockholm";
const everyone: RecurringMeeting = {
  id: "morgonmote",
  name: "Morgonmöte, alla",
  days: "workingDays",
  time: "08:30",
  organisationIds: ["region", "norrby", "sodervik"],
};
const norrby: RecurringMeeting = {
  id: "norrby",
  name: "Norrby tisdag och torsdag",
  days: ["tue", "thu"],
  time: "13:00",
  organisationIds: ["norrby"],
};
const sodervik: RecurringMeeting = { id: "sodervik", name: "Södervik onsdag", days: ["wed"], time: "10:00", organisationIds: ["sodervik"] };

const checkIn = (date: string, meetingId: string, reviewed: string[] = [], added: string[] = []): CheckIn => ({
  boardId: "b",
  date,
  meetingId,
  startedAt: `${date}T07:30:00.000Z`,
  endedAt: `${date}T07:45:00.000Z`,
  durationSeconds: 900,
  attendeeIds: [],
  reviewedParticipantIds: reviewed,
  addedParticipantIds: added,
  removedParticipantIds: [],
  actionsAgreed: 0,
  recordedBy: "m",
});

describe("which meeting occurrences are expected", () => {
  it("expects a weekday meeting on its weekdays only", () => {
    // 2026-03-02 is a Monday.
    const dates = expectedOccurrences([norrby], "2026-03-02", "2026-03-13", TZ).map((o) => o.date);
    expect(dates).toEqual(["2026-03-03", "2026-03-05", "2026-03-10", "2026-03-12"]);
  });

  it("expects an every-working-day meeting Monday to Friday, never at a weekend", () => {
    const dates = expectedOccurrences([everyone], "2026-03-06", "2026-03-09", TZ).map((o) => o.date);
    expect(dates).toEqual(["2026-03-06", "2026-03-09"]);
  });

  it("does not expect an occurrence on a Swedish public holiday or a day-off eve", () => {
    // Thursday 2 April 2026 is Maundy Thursday (a working day); Good Friday and Easter Monday are off.
    expect(expectedOccurrences([everyone], "2026-04-02", "2026-04-07", TZ).map((o) => o.date)).toEqual(["2026-04-02", "2026-04-07"]);
    // Midsummer Eve (Friday 19 June 2026) and Christmas Eve (Thursday 24 December 2026) are days off.
    expect(isScheduledOn({ days: "workingDays" }, "2026-06-19")).toBe(false);
    expect(isScheduledOn(norrby, "2026-12-24")).toBe(false);
    expect(isScheduledOn(norrby, "2026-12-22")).toBe(true);
  });

  it("orders the occurrences of a day by their local time", () => {
    const day = expectedOccurrences([norrby, everyone], "2026-03-03", "2026-03-03", TZ);
    expect(day.map((o) => o.meetingId)).toEqual(["morgonmote", "norrby"]);
  });

  it("starts an occurrence at the meeting's time in the board's time zone, across daylight saving", () => {
    const [winter] = expectedOccurrences([everyone], "2026-03-27", "2026-03-27", TZ);
    const [summer] = expectedOccurrences([everyone], "2026-03-30", "2026-03-30", TZ);
    expect(winter!.startsAt.toISOString()).toBe("2026-03-27T07:30:00.000Z");
    expect(summer!.startsAt.toISOString()).toBe("2026-03-30T06:30:00.000Z");
    const [helsinki] = expectedOccurrences([everyone], "2026-03-27", "2026-03-27", "Europe/Helsinki");
    expect(helsinki!.startsAt.toISOString()).toBe("2026-03-27T06:30:00.000Z");
  });

  it("takes today in the board's time zone: late Monday evening UTC is already Tuesday in Stockholm", () => {
    const now = new Date("2026-03-02T23:30:00.000Z");
    expect(occurrencesToday([norrby], now, TZ).map((o) => o.date)).toEqual(["2026-03-03"]);
    expect(occurrencesToday([norrby], now, "UTC")).toEqual([]);
  });

  it("gives a board without a schedule one implicit meeting every working day with everyone", () => {
    const [implicit] = meetingsOf({ settings: undefined });
    expect(implicit).toMatchObject({ id: ALL_MEETINGS, days: "workingDays", organisationIds: [] });
    expect(
      meetingsOf({
        settings: {
          timeZone: TZ,
          morningBriefAt: "07:45",
          botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
          meetings: [norrby],
        },
      }),
    ).toEqual([norrby]);
  });

  it("lets a check-in recorded before meetings existed stand for any occurrence on its day", () => {
    const legacy = checkIn("2026-03-03", ALL_MEETINGS);
    expect(checkInFor({ date: "2026-03-03", meetingId: "norrby" }, [legacy])).toBe(legacy);
    const own = checkIn("2026-03-03", "norrby");
    expect(checkInFor({ date: "2026-03-03", meetingId: "norrby" }, [legacy, own])).toBe(own);
    expect(checkInFor({ date: "2026-03-03", meetingId: "sodervik" }, [own])).toBeUndefined();
  });
});

describe("which participants a meeting's walkthrough covers", () => {
  const participants = new Map([
    ["p-norrby", { organisationIds: ["region", "norrby"] }],
    ["p-sodervik", { organisationIds: ["region", "sodervik"] }],
    ["p-region", { organisationIds: ["region"] }],
    ["p-both", { organisationIds: ["norrby", "sodervik"] }],
  ]);
  const order = ["p-sodervik", "p-norrby", "p-region", "p-both"];

  it("covers those on the board that involve one of the meeting's organisations, in board order", () => {
    expect(meetingParticipants(norrby, order, participants)).toEqual(["p-norrby", "p-both"]);
    expect(meetingParticipants(sodervik, order, participants)).toEqual(["p-sodervik", "p-both"]);
  });

  it("covers everyone in the implicit meeting", () => {
    expect(meetingParticipants(implicitMeeting("08:00"), order, participants)).toEqual(order);
    expect(meetingCovers(implicitMeeting("08:00"), { organisationIds: ["anyone"] })).toBe(true);
  });

  it("also covers anyone put on the board during that meeting, whoever they involve", () => {
    expect(meetingParticipants(norrby, order, participants, ["p-region"])).toEqual(["p-norrby", "p-region", "p-both"]);
  });
});

describe("reviewed as scheduled, day by day", () => {
  const participants = new Map([
    ["p1", { organisationIds: ["region", "norrby"] }],
    ["p2", { organisationIds: ["region", "sodervik"] }],
  ]);
  const entries = [
    { participantId: "p1", putOnOn: "2026-03-01" },
    { participantId: "p2", putOnOn: "2026-03-01" },
  ];

  it("counts a missed scheduled occurrence as missed and a day without a scheduled meeting as not expected", () => {
    // Mon 2: nothing scheduled; Tue 3: Norrby held; Wed 4: Södervik missed; Thu 5: Norrby held but p1 not reviewed.
    const days = reviewedAsScheduled(
      [norrby, sodervik],
      "2026-03-02",
      "2026-03-05",
      [checkIn("2026-03-03", "norrby", ["p1"]), checkIn("2026-03-05", "norrby", ["p2"])],
      entries,
      participants,
    );
    expect(days).toEqual([
      { date: "2026-03-02", scheduled: 0, held: 0, reviewed: false, allEntriesReviewed: false },
      { date: "2026-03-03", scheduled: 1, held: 1, reviewed: true, allEntriesReviewed: true },
      { date: "2026-03-04", scheduled: 1, held: 0, reviewed: false, allEntriesReviewed: false },
      { date: "2026-03-05", scheduled: 1, held: 1, reviewed: true, allEntriesReviewed: false },
    ]);
  });

  it("needs every occurrence of a day held before the day counts as reviewed", () => {
    const [tuesday] = reviewedAsScheduled(
      [everyone, norrby],
      "2026-03-03",
      "2026-03-03",
      [checkIn("2026-03-03", "morgonmote", ["p1", "p2"])],
      entries,
      participants,
    );
    expect(tuesday).toMatchObject({ scheduled: 2, held: 1, reviewed: false });
  });
});
