import { aBoard, aMember, anEntry, anOrganisation, aParticipant } from "../test-support";
import { type Harness, install, startHarness, textOf } from "../test-support/harness";
import type { Member } from "../domain/types";
import { startJobs } from "./index";

// Issue 18: a board with a meeting schedule is briefed before each scheduled meeting (30 minutes
// before it), with counts for that meeting's participants, and not on days it does not meet.

const REGION = "tenant-region";
const KOMMUN = "tenant-kommun";
const CHANNEL = "19:schedule@thread.tacv2";
let h: Harness;
let boardId: string;
let kc: Member;

beforeAll(async () => {
  h = await startHarness();
  const board = aBoard({ name: "FACT Schemastad", allowedTenantIds: [REGION, KOMMUN] });
  boardId = board.id;
  const region = anOrganisation(boardId, { id: `orgr${boardId}`, tenantId: REGION });
  const kommun = anOrganisation(boardId, { id: `orgk${boardId}`, tenantId: KOMMUN, kind: "municipalSocialServices" });
  await h.storage.boards.create({
    ...board,
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
      meetings: [{ id: "kommun", name: "Kommunen tisdag och torsdag", days: ["tue", "thu"], time: "13:00", organisationIds: [kommun.id] }],
    },
  });
  await h.storage.organisations.create(region);
  await h.storage.organisations.create(kommun);
  const rc = await h.storage.members.create(aMember(boardId, { tenantId: REGION, organisationId: region.id, role: "coordinator" }));
  kc = await h.storage.members.create(aMember(boardId, { tenantId: KOMMUN, organisationId: kommun.id, role: "coordinator" }));
  // Two on the board: one the municipality is involved in, one the region's alone.
  for (const [code, orgs] of [
    ["SCH-001", [region.id, kommun.id]],
    ["SCH-002", [region.id]],
  ] as const) {
    const p = await h.storage.participants.create(
      aParticipant(boardId, { code, caseManagerId: rc.id, writtenBy: region.id, organisationIds: [...orgs] }),
    );
    await h.storage.entries.create(anEntry(boardId, p.id, { writtenBy: region.id, putOnOn: "2026-02-20" }));
  }
  await install(h, { tenantId: kc.tenantId, objectId: kc.objectId }, { id: CHANNEL, conversationType: "channel" });
});

afterAll(() => h?.close());

async function runAt(iso: string): Promise<number> {
  const at = new Date(iso);
  h.now.value = at;
  const jobs = startJobs({ core: h.core, pollSeconds: 3600, claimant: "instance-a" });
  const ran = await jobs.runOnce(at);
  await jobs.stop();
  return ran;
}

const briefs = () => h.connector.cards(CHANNEL).filter((c) => textOf(c).includes("Inför morgonmötet"));
const factsOf = (card: unknown): Record<string, string> => {
  const set = ((card as { body: Array<{ type: string; facts?: Array<{ title: string; value: string }> }> }).body ?? []).find(
    (b) => b.type === "FactSet",
  );
  return Object.fromEntries((set?.facts ?? []).map((f) => [f.title, f.value]));
};

it("briefs the channel before the scheduled meeting, once, with that meeting's counts", async () => {
  // Tuesday 3 March 2026: the meeting is at 13:00 in Stockholm (12:00 UTC), its brief at 12:30 (11:30 UTC).
  await runAt("2026-03-03T06:00:00.000Z");
  expect(briefs()).toHaveLength(0);
  const pending = await h.storage.dueItems.listDue("2026-03-03T23:59:00.000Z", 1000);
  expect(
    pending.filter((d) => d.kind === "morningBrief" && d.payload["boardId"] === boardId).map((d) => [d.dueAt, d.payload["meetingId"]]),
  ).toEqual([["2026-03-03T11:30:00.000Z", "kommun"]]);

  await runAt("2026-03-03T11:31:00.000Z");
  await runAt("2026-03-03T11:45:00.000Z");
  expect(briefs()).toHaveLength(1);
  const [brief] = briefs();
  expect(textOf(brief)).toContain("Kommunen tisdag och torsdag · 2026-03-03");
  // Only the participant the municipality is involved in is the meeting's.
  expect(Object.values(factsOf(brief))[0]).toBe("1");
  expect(textOf(brief)).not.toMatch(/SCH-\d{3}/);
});

it("schedules no brief on a day without a scheduled meeting", async () => {
  h.connector.clear();
  // Wednesday: nothing scheduled today; Thursday's brief is.
  await runAt("2026-03-04T06:00:00.000Z");
  const due = (await h.storage.dueItems.listDue("2026-03-05T23:59:00.000Z", 1000)).filter(
    (d) => d.kind === "morningBrief" && d.payload["boardId"] === boardId,
  );
  expect(due.map((d) => d.payload["date"])).toEqual(["2026-03-05"]);
  await runAt("2026-03-04T11:31:00.000Z");
  expect(briefs()).toHaveLength(0);
});
