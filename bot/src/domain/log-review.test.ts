import { Forbidden } from "./errors";
import { drawSample, markItem, recordId, SAMPLE_RULES, type LogReview, type SampleContext } from "./log-review";
import type { AuditEvent } from "./types";

const ORG = "region";
const event = (o: Partial<AuditEvent> & { who?: string } = {}): AuditEvent => {
  const { who = "ada", ...rest } = o;
  return {
    boardId: "b",
    at: "2026-03-04T09:00:00.000Z", // 10:00 in Stockholm, a Wednesday
    actor: { tenantId: "t", objectId: who, organisationId: ORG, role: "coordinator" },
    what: "viewedDetails",
    participantId: "p1",
    participantCode: "HBG-001",
    channel: "tab",
    outcome: "allowed",
    ...rest,
  };
};
const ctx = (o: Partial<SampleContext> = {}): SampleContext => ({
  boardId: "b",
  organisationId: ORG,
  period: "2026-03",
  timeZone: "Europe/Stockholm",
  caseManagerOf: () => "t.ada",
  wasOnBoardOn: () => true,
  ...o,
});
const rulesOf = (items: ReturnType<typeof drawSample>["items"], e: AuditEvent) => items.find((i) => i.id === recordId(e))?.rules;

describe("the log review's sample", () => {
  it("takes access outside meeting times: evenings, weekends and holidays", () => {
    const evening = event({ at: "2026-03-04T19:30:00.000Z" });
    const saturday = event({ at: "2026-03-07T09:00:00.000Z", participantId: "p2" });
    const folded = event({ at: "2026-03-04T16:50:00.000Z", lastAt: "2026-03-04T17:04:00.000Z", participantId: "p3" });
    const { items } = drawSample([evening, saturday, folded], ctx());
    expect(rulesOf(items, evening)).toEqual(["outsideMeetingTimes"]);
    expect(rulesOf(items, saturday)).toEqual(["outsideMeetingTimes"]);
    // The folded record's last view was at 18:04 local time.
    expect(rulesOf(items, folded)).toEqual(["outsideMeetingTimes"]);
  });

  it("takes access to a participant the member has no relation with: not their case manager, not on the board", () => {
    const none = event({ who: "bo", participantId: "p9" });
    const onBoard = event({ who: "bo", participantId: "p1" });
    const { items } = drawSample([none, onBoard], ctx({ caseManagerOf: () => "t.ada", wasOnBoardOn: (p) => p === "p1" }));
    expect(rulesOf(items, none)).toEqual(["noRelation"]);
    expect(rulesOf(items, onBoard)).toEqual(["random"]);
  });

  it("takes unusually many reads by one member on one day", () => {
    const many = event({ who: "cy", count: SAMPLE_RULES.manyReadsPerDay + 1 });
    const { items } = drawSample([many, event()], ctx());
    expect(rulesOf(items, many)).toEqual(["manyReads"]);
  });

  it("adds a random share of the rest, and only the organisation's own members' records of the period", () => {
    const ordinary = Array.from({ length: 200 }, (_, i) =>
      event({ participantId: `p${i}`, at: `2026-03-0${(i % 5) + 2}T09:${String(i % 60).padStart(2, "0")}:00.000Z` }),
    );
    const other = event({ actor: { tenantId: "t", objectId: "x", organisationId: "kommun", role: "staff" } });
    const april = event({ at: "2026-04-01T09:00:00.000Z" });
    const statistics = event({ what: "exported", participantId: "", participantCode: "" });
    const { items, population } = drawSample([...ordinary, other, april, statistics], ctx());
    expect(population).toBe(200);
    expect(items).toHaveLength(10); // 5 % of 200
    expect(items.every((i) => i.rules.length === 1 && i.rules[0] === "random")).toBe(true);
  });

  it("is the same sample every time for the same period and log, in any storage order", () => {
    const log = Array.from({ length: 120 }, (_, i) =>
      event({ participantId: `p${i}`, at: `2026-03-1${i % 10}T08:${String(i % 60).padStart(2, "0")}:00.000Z` }),
    );
    const a = drawSample(log, ctx()).items.map((i) => i.id);
    const b = drawSample([...log].reverse(), ctx()).items.map((i) => i.id);
    expect(b).toEqual(a);
    const otherPeriod = drawSample(
      log.map((e) => ({ ...e, at: e.at.replace("2026-03", "2026-05") })),
      ctx({ period: "2026-05" }),
    ).items.map((i) => i.record.participantId);
    expect(otherPeriod).not.toEqual(drawSample(log, ctx()).items.map((i) => i.record.participantId));
  });
});

describe("marking a record", () => {
  const review = (): LogReview => {
    const { items, population } = drawSample([event({ who: "ada" }), event({ who: "bo", participantId: "p2" })], ctx());
    return {
      boardId: "b",
      organisationId: ORG,
      period: "2026-03",
      seed: "s",
      drawnAt: "2026-04-01T08:00:00.000Z",
      drawnBy: "t.eva",
      population,
      items,
    };
  };

  it("keeps the status, note, reviewer and time", () => {
    const r = review();
    const id = r.items[0]!.id;
    const marked = markItem(r, id, { status: "followUp", note: " Ask about it " }, { memberId: "t.eva", at: "2026-04-02T08:00:00.000Z" });
    expect(marked.items[0]!.mark).toEqual({ status: "followUp", note: "Ask about it", by: "t.eva", at: "2026-04-02T08:00:00.000Z" });
  });

  it("refuses a reviewer marking their own access", () => {
    const r = review();
    const own = r.items.find((i) => i.record.actor.objectId === "ada")!;
    expect(() => markItem(r, own.id, { status: "inOrder" }, { memberId: "t.ada", at: "2026-04-02T08:00:00.000Z" })).toThrow(Forbidden);
  });

  it("asks for a note on what is to be followed up", () => {
    const r = review();
    expect(() => markItem(r, r.items[0]!.id, { status: "followUp" }, { memberId: "t.eva", at: "2026-04-02T08:00:00.000Z" })).toThrow(
      /note/,
    );
  });
});
