import { aParticipant, twoOrganisations } from "../test-support";
import { type Harness, action, click, install, say, startHarness, textOf, personOf, personalChatOf } from "../test-support/harness";
import type { Member } from "../domain/types";
import { startJobs } from "./index";

// Due items through the real bot and storage: reminders, the manager alert, cover timeouts, the
// morning brief; each fires once even when two instances poll at the same moment.

let h: Harness;
let boardId: string;
let rc: Member, kc: Member, km: Member, absentee: Member, sub1: Member, sub2: Member;
let participantId: string;
const jobsFor = (claimant: string) => startJobs({ core: h.core, pollSeconds: 3600, claimant });

beforeAll(async () => {
  h = await startHarness();
  const team = await twoOrganisations(h.storage);
  ({ boardId } = team);
  const { region, kommun, member } = team;
  rc = await member(region, { role: "coordinator", displayName: "Rita" });
  kc = await member(kommun, { role: "coordinator", displayName: "Kalle" });
  km = await member(kommun, { role: "manager", displayName: "Maja" });
  sub1 = await member(kommun, { role: "staff", displayName: "Sune" });
  sub2 = await member(kommun, { role: "staff", displayName: "Stina" });
  absentee = await member(kommun, { role: "staff", displayName: "Anna", substituteIds: [sub1.id, sub2.id] });
  participantId = await team.sharedParticipant({ code: "HBG-021", initials: "C.D.", caseManagerId: rc.id, validUntil: "2026-03-20" });
  for (const m of [rc, kc, km, sub1, sub2, absentee]) await install(h, personOf(m));
  await install(h, personOf(kc), { id: "19:team@thread.tacv2", conversationType: "channel" });
});

afterAll(() => h?.close());
beforeEach(() => h.connector.clear());

async function runBoth(at: Date): Promise<number> {
  h.now.value = at;
  const a = jobsFor("instance-a");
  const b = jobsFor("instance-b");
  const [x, y] = await Promise.all([a.runOnce(at), b.runOnce(at)]);
  await Promise.all([a.stop(), b.stop()]);
  return x + y;
}

it("an unanswered signal: a reminder past its deadline, then the manager is told, each once", async () => {
  h.now.value = new Date("2026-03-02T08:00:00.000Z");
  await say(h, personOf(rc), "signal");
  const form = h.connector.cards(personalChatOf(rc)).pop();
  const send = action(form, "signal.raise");
  await click(h, personOf(rc), send.verb, {
    ...send.data,
    participantId,
    toOrganisationId: `orgk${boardId}`,
    kind: "moreMunicipalSupport",
    urgency: "today",
  });
  await h.bot.idle();
  h.connector.clear();
  // "today" is due at the end of the working day: 17:00 in Stockholm (16:00 UTC), not four hours on.
  await runBoth(new Date("2026-03-02T12:30:00.000Z"));
  expect(h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes("Signal:"))).toHaveLength(0);
  await runBoth(new Date("2026-03-02T16:30:00.000Z"));
  const reminders = h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes("Signal:"));
  expect(reminders).toHaveLength(1);
  expect(textOf(reminders[0])).toContain("Obesvarad efter svarstiden");
  expect(h.connector.cards(personalChatOf(km))).toHaveLength(0);
  // Two working hours after the deadline: Tuesday 10:00 in Stockholm, nothing in the night.
  await runBoth(new Date("2026-03-02T22:00:00.000Z"));
  expect(h.connector.cards(personalChatOf(km))).toHaveLength(0);
  await runBoth(new Date("2026-03-03T09:00:00.000Z"));
  const alerts = h.connector.cards(personalChatOf(km));
  expect(alerts).toHaveLength(1);
  expect(textOf(alerts[0])).toContain("Obesvarad signal");
  expect(textOf(alerts[0])).not.toContain("C.D.");
  await runBoth(new Date("2026-03-04T09:00:00.000Z"));
  expect(h.connector.cards(personalChatOf(km))).toHaveLength(1);
});

it("a cover request that times out asks the next substitute, then the manager", async () => {
  h.now.value = new Date("2026-03-03T08:00:00.000Z");
  await say(h, personOf(absentee), "frånvaro");
  const reg = action(h.connector.cards(personalChatOf(absentee)).pop(), "absence.register");
  await click(h, personOf(absentee), reg.verb, { ...reg.data, from: "2026-03-04", to: "2026-03-04", reason: "vacation" });
  await h.bot.idle();
  expect(h.connector.cards(personalChatOf(sub1))).toHaveLength(1);
  await runBoth(new Date("2026-03-03T10:05:00.000Z"));
  expect(h.connector.cards(personalChatOf(sub2))).toHaveLength(1);
  await runBoth(new Date("2026-03-03T12:10:00.000Z"));
  await h.bot.idle();
  expect(h.connector.cards(personalChatOf(km)).some((c) => textOf(c).includes("Frånvaro utan ersättare"))).toBe(true);
  const [absence] = await h.storage.absences.listForMember(boardId, absentee.id);
  expect(absence?.cover).toMatchObject({ state: "uncovered", managerAlerted: true });
});

it("the morning brief goes to the team channel once, with counts only, and consent problems reach the responsible person", async () => {
  // 2026-03-05 is a Thursday; 07:45 in Stockholm is 06:45 UTC.
  await runBoth(new Date("2026-03-05T06:00:00.000Z"));
  expect(h.connector.cards("19:team@thread.tacv2")).toHaveLength(0);
  await runBoth(new Date("2026-03-05T06:50:00.000Z"));
  const briefs = h.connector.cards("19:team@thread.tacv2");
  expect(briefs).toHaveLength(1);
  expect(textOf(briefs[0])).toContain("Inför morgonmötet");
  expect(textOf(briefs[0])).not.toMatch(/HBG-\d+|C\.D\./);
  // The region's consent runs out within 30 days: its case manager has a card; the municipality's is missing: its coordinator has one.
  // (Sent by the first brief these tests ran; the dedupe key names the problem, so once.)
  const sent = async (org: string) => h.storage.sentCards.listFor(`consent.${boardId}.${participantId}.${org}${boardId}`);
  expect((await sent("orgr")).map((s) => s.viewerId)).toEqual([rc.id]);
  expect((await sent("orgk")).map((s) => s.viewerId)).toEqual([kc.id]);
  await runBoth(new Date("2026-03-05T07:30:00.000Z"));
  expect(h.connector.cards("19:team@thread.tacv2")).toHaveLength(1);
});

it("a notification whose background work never ran (the process stopped) is delivered by the job poller, once", async () => {
  h.now.value = new Date("2026-03-05T08:00:00.000Z");
  // What a crashed instance leaves behind: the recorded notification, and no card sent.
  const signal = await h.storage.signals.create({
    id: `crash${boardId.slice(-6)}`,
    boardId,
    participantId,
    fromOrganisationId: `orgr${boardId}`,
    toOrganisationId: `orgk${boardId}`,
    kind: "concern",
    urgency: "thisWeek",
    proposeBoard: false,
    state: "open",
    raisedBy: rc.id,
    raisedAt: "2026-03-05T08:00:00.000Z",
    answerBy: "2026-03-08T08:00:00.000Z",
    remindersSent: 0,
    managerNotified: false,
  });
  await h.storage.dueItems.schedule({
    kind: "notification",
    id: `n${signal.id}`,
    dueAt: "2026-03-05T08:01:00.000Z",
    payload: { type: "signalRaised", boardId, signalId: signal.id },
  });
  const signalCards = () =>
    h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes("HBG-021") && textOf(c).includes(signal.id));
  // Within the grace period it is still the live instance's job.
  await runBoth(new Date("2026-03-05T08:00:30.000Z"));
  await h.bot.idle();
  expect(signalCards()).toHaveLength(0);
  await runBoth(new Date("2026-03-05T08:02:00.000Z"));
  await h.bot.idle();
  expect(signalCards()).toHaveLength(1);
  await runBoth(new Date("2026-03-05T08:05:00.000Z"));
  await h.bot.idle();
  expect(signalCards()).toHaveLength(1);
});

it("erases, in the nightly run, the details of a participant whose retention period has passed", async () => {
  const gone = await h.storage.participants.create(
    aParticipant(boardId, {
      code: "HBG-099",
      initials: "Y.Z.",
      caseManagerId: rc.id,
      writtenBy: `orgr${boardId}`,
      organisationIds: [`orgr${boardId}`],
      leftTeamOn: "2015-01-01",
    }),
  );
  await runBoth(new Date("2026-03-06T00:00:00.000Z")); // before 02:30 local: not yet
  expect((await h.storage.participants.get(boardId, gone.id))?.erasedAt).toBeUndefined();
  await runBoth(new Date("2026-03-06T02:00:00.000Z")); // 03:00 in Stockholm
  const after = await h.storage.participants.get(boardId, gone.id);
  expect(after?.erasedAt).toBeDefined();
  expect(JSON.stringify(after)).not.toContain("HBG-099");
});

it("the morning brief's job runs once per day: a later pass that day runs nothing", async () => {
  // Wednesday schedules Thursday's brief; Thursday 07:45 in Stockholm is 06:45 UTC.
  await runBoth(new Date("2026-03-11T12:00:00.000Z"));
  h.connector.clear();
  const jobs = jobsFor("instance-a");
  h.now.value = new Date("2026-03-12T06:50:00.000Z");
  const first = await jobs.runOnce(h.now.value);
  await h.bot.idle();
  expect(first).toBeGreaterThanOrEqual(1);
  expect(h.connector.cards("19:team@thread.tacv2")).toHaveLength(1);
  // Before the next hourly repair sweep is due, a second pass has nothing at all to run.
  h.now.value = new Date("2026-03-12T06:55:00.000Z");
  expect(await jobs.runOnce(h.now.value)).toBe(0);
  // Later that day only the hourly sweeps run: today's brief is not scheduled again.
  h.now.value = new Date("2026-03-12T15:00:00.000Z");
  await jobs.runOnce(h.now.value);
  const pending = await h.storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 1000);
  expect(pending.filter((d) => d.kind === "morningBrief" && d.payload["date"] === "2026-03-12")).toEqual([]);
  await jobs.stop();
  expect(h.connector.cards("19:team@thread.tacv2")).toHaveLength(1);
});
