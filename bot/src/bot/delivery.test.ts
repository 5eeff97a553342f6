import { KOMMUN_TENANT, aMember, twoOrganisations } from "../test-support";
import { type Harness, action, click, install, say, startHarness, textOf, personOf, personalChatOf } from "../test-support/harness";
import type { Member } from "../domain/types";
import { startJobs } from "../jobs";
import { SIGNAL_DUE_KIND } from "../use-cases/signals";

// Delivery through the real CloudAdapter to a loopback Bot Connector that answers like Teams
// under load: every card reaches its person exactly once, or stays due; never counted as sent
// when it was not.

let h: Harness;
let boardId: string;
let rc: Member, kc: Member, km: Member;
const CHANNEL = "19:delivery@thread.tacv2";
let participantId: string;
let seq = 0;

beforeAll(async () => {
  h = await startHarness();
  const team = await twoOrganisations(h.storage);
  ({ boardId } = team);
  const { region, kommun, member } = team;
  rc = await member(region, { role: "coordinator", displayName: "Rita" });
  kc = await member(kommun, { role: "coordinator", displayName: "Kalle" });
  participantId = await team.sharedParticipant({ code: "HBG-031", initials: "E.F.", caseManagerId: rc.id });
  // The municipality's manager never opened the bot: no personal chat.
  km = await member(kommun, { role: "manager", displayName: "Maja" });
  for (const m of [rc, kc]) await install(h, personOf(m));
  await install(h, personOf(kc), { id: CHANNEL, conversationType: "channel" });
});

afterAll(() => h?.close());
beforeEach(() => {
  h.connector.clear();
  h.sleeps.length = 0;
});

/** rc signals the municipality; the card to kc goes out proactively. Returns the signal's id. */
async function raiseSignal(meanwhile: () => void = () => undefined): Promise<string> {
  const before = new Set((await h.storage.signals.listOpen(boardId)).map((e) => e.id));
  await say(h, personOf(rc), "signal");
  const form = h.connector.cards(personalChatOf(rc)).pop();
  const send = action(form, "signal.raise");
  h.connector.clear();
  meanwhile();
  await click(h, personOf(rc), send.verb, {
    ...send.data,
    participantId,
    toOrganisationId: `orgk${boardId}`,
    kind: "concern",
    urgency: "thisWeek",
    note: `n${++seq}`,
  });
  await h.bot.idle();
  const raised = (await h.storage.signals.listOpen(boardId)).filter((e) => !before.has(e.id));
  expect(raised).toHaveLength(1);
  return raised[0]!.id;
}

const signalCards = (id: string) => h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes(id));
const sentTo = async (id: string) => (await h.storage.sentCards.listFor(`escalation.${boardId}.${id}`)).filter((s) => s.viewerId === kc.id);
/** Notifications earlier tests left due would otherwise take this test's refusals. */
const forgetEarlierNotifications = async () => {
  for (const d of await dueNotifications()) await h.storage.dueItems.cancel(d);
};
const runJobs = async (at: Date) => {
  h.now.value = at;
  const jobs = startJobs({ core: h.core, pollSeconds: 3600, claimant: "delivery" });
  const ran = await jobs.runOnce(at);
  await jobs.stop();
  return ran;
};
const dueNotifications = async () =>
  (await h.storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 500)).filter((d) => d.kind === "notification");

describe("proactive cards through the CloudAdapter", () => {
  it("waits out a short 429 with Retry-After and delivers once", async () => {
    const id = await raiseSignal(() => h.connector.failNext([429, 429], 1));
    expect(signalCards(id)).toHaveLength(1);
    expect(h.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(2);
    const [sent] = await sentTo(id);
    expect(sent?.activityId).toMatch(/^act-/);
  });

  it("under a persistent 429 delivers nothing, records nothing as sent and keeps the notification due", async () => {
    const before = (await dueNotifications()).length;
    const id = await raiseSignal(() => h.connector.failNext(Array(12).fill(429), 1));
    expect(signalCards(id)).toHaveLength(0);
    expect(await sentTo(id)).toHaveLength(0);
    expect((await dueNotifications()).length).toBe(before + 1);
  });

  it.each([[500], [502], [503]])("retries a %i and delivers once", async (status) => {
    const id = await raiseSignal(() => h.connector.failNext([status]));
    expect(signalCards(id)).toHaveLength(1);
    expect(await sentTo(id)).toHaveLength(1);
  });

  it("after a 504 from a connector that had already posted, never posts the card a second time", async () => {
    const id = await raiseSignal(() => h.connector.postThenTimeOut(1));
    expect(signalCards(id)).toHaveLength(1);
    // The job poller handling the same notification again must not post it again either.
    await h.core.handleNotification({ type: "signalRaised", boardId, signalId: id });
    await h.bot.idle();
    expect(signalCards(id)).toHaveLength(1);
  });

  it("forgets the personal chat of someone who blocked or removed the app (403)", async () => {
    const id = await raiseSignal(() => h.connector.failNext([403]));
    expect(signalCards(id)).toHaveLength(0);
    expect(await sentTo(id)).toHaveLength(0);
    expect(await h.bot.references.personal(kc.id)).toBeUndefined();
    await install(h, personOf(kc));
  });

  it("updates a posted card in place after transient failures, and keeps the update due when they persist", async () => {
    const id = await raiseSignal();
    expect(signalCards(id)).toHaveLength(1);
    const card = signalCards(id)[0];
    const ack = action(card, "signal.acknowledge");
    h.connector.clear();
    h.connector.failNext([429, 502], 1);
    await click(h, personOf(kc), ack.verb, ack.data);
    await h.bot.idle();
    expect(h.connector.updates(personalChatOf(kc)).filter((c) => textOf(c).includes(id)).length).toBeGreaterThanOrEqual(1);

    const id2 = await raiseSignal();
    const ack2 = action(signalCards(id2)[0], "signal.acknowledge");
    const before = (await dueNotifications()).length;
    h.connector.clear();
    h.connector.failNext(Array(40).fill(429), 1);
    await click(h, personOf(kc), ack2.verb, ack2.data);
    await h.bot.idle();
    expect(h.connector.updates(personalChatOf(kc)).filter((c) => textOf(c).includes(id2))).toHaveLength(0);
    expect((await dueNotifications()).length).toBe(before + 1);
  });

  it("tries a refused notification again later with backoff, delivers it once, and then it is no longer due", async () => {
    const start = new Date("2026-03-02T08:00:00.000Z");
    h.now.value = start;
    await forgetEarlierNotifications();
    const before = (await dueNotifications()).length;
    const id = await raiseSignal(() => h.connector.failNext(Array(12).fill(429), 1));
    expect(signalCards(id)).toHaveLength(0);
    // The poller's first try (after the grace period) is refused too, then Teams lets it through.
    h.connector.clear();
    // Enough for everything the poller sends in this pass (the morning brief is due too).
    h.connector.failNext(Array(100).fill(429), 1);
    await runJobs(new Date(start.getTime() + 2 * 60_000));
    await h.bot.idle();
    expect(signalCards(id)).toHaveLength(0);
    const waiting = (await dueNotifications()).filter((d) => d.payload["signalId"] === id);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.payload["attempt"]).toBe(2);
    expect(Date.parse(waiting[0]!.dueAt)).toBeGreaterThan(start.getTime() + 2 * 60_000);
    h.connector.clear();
    await runJobs(new Date(Date.parse(waiting[0]!.dueAt) + 1000));
    await h.bot.idle();
    expect(signalCards(id)).toHaveLength(1);
    expect((await dueNotifications()).length).toBe(before);
  });

  it("after the last try, the person counts as not reached and the board channel gets counts only", async () => {
    const start = new Date("2026-03-02T08:00:00.000Z");
    h.now.value = start;
    await forgetEarlierNotifications();
    const id = await raiseSignal(() => h.connector.failNext(Array(12).fill(429), 1));
    const [item] = (await dueNotifications()).filter((d) => d.payload["signalId"] === id);
    await h.storage.dueItems.reschedule(
      item!,
      { dueAt: item!.dueAt, payload: { ...item!.payload, attempt: 6 } },
      { expectedEtag: item!.etag },
    );
    h.connector.clear();
    // Every personal send refused; the channel (sent after them) gets through.
    h.connector.failNext(Array(5).fill(429), 1);
    await runJobs(new Date(start.getTime() + 2 * 60_000));
    const channel = h.connector.cards(CHANNEL).filter((c) => textOf(c).includes(id));
    await h.bot.idle();
    expect(signalCards(id)).toHaveLength(0);
    expect(channel).toHaveLength(1);
    expect(textOf(channel[0])).not.toMatch(/HBG-031|E\.F\./);
    expect((await dueNotifications()).filter((d) => d.payload["signalId"] === id)).toHaveLength(0);
  });
});

describe("a manager who cannot be reached", () => {
  it("is not marked alerted about an absence nobody covers", async () => {
    h.now.value = new Date("2026-03-02T08:00:00.000Z");
    const alone = await h.storage.members.create(
      aMember(boardId, {
        tenantId: KOMMUN_TENANT,
        organisationId: `orgk${boardId}`,
        role: "staff",
        displayName: "Ensam",
        substituteIds: [],
      }),
    );
    await install(h, personOf(alone));
    await say(h, personOf(alone), "frånvaro");
    const reg = action(h.connector.cards(personalChatOf(alone)).pop(), "absence.register");
    await click(h, personOf(alone), reg.verb, { ...reg.data, from: "2026-03-03", to: "2026-03-03", reason: "sick" });
    await h.bot.idle();
    const [absence] = await h.storage.absences.listForMember(boardId, alone.id);
    expect(absence?.cover.state).toBe("uncovered");
    expect(absence?.cover.managerAlerted).toBe(false);
    expect(h.connector.cards(personalChatOf(km))).toHaveLength(0);
  });

  it("is not marked notified about an unanswered signal, and the board channel is told instead", async () => {
    h.now.value = new Date("2026-03-02T08:00:00.000Z");
    const e = await h.storage.signals.create({
      id: `unreached${boardId.slice(-6)}`,
      boardId,
      participantId,
      fromOrganisationId: `orgr${boardId}`,
      toOrganisationId: `orgk${boardId}`,
      kind: "concern",
      urgency: "today",
      proposeBoard: false,
      state: "open",
      raisedBy: rc.id,
      raisedAt: "2026-03-02T08:00:00.000Z",
      answerBy: "2026-03-02T12:00:00.000Z",
      remindersSent: 1,
      managerNotified: false,
    });
    await h.storage.dueItems.schedule({
      kind: SIGNAL_DUE_KIND,
      id: `${boardId}.${e.id}`,
      dueAt: "2026-03-02T16:00:00.000Z",
      payload: { boardId, signalId: e.id },
    });
    h.connector.clear();
    await runJobs(new Date("2026-03-02T16:30:00.000Z"));
    await h.bot.idle();
    expect(h.connector.cards(personalChatOf(km))).toHaveLength(0);
    expect((await h.storage.signals.get(boardId, e.id))?.managerNotified).toBe(false);
    const channel = h.connector.cards(CHANNEL).filter((c) => textOf(c).includes(e.id));
    expect(channel).toHaveLength(1);
    expect(textOf(channel[0])).not.toMatch(/HBG-031|E\.F\./);
  });
});

describe("POST /api/messages", () => {
  it.each([["{not json"], ["[]"], ['{"text":"no type"}']])("answers 400 with JSON to a malformed body: %s", async (body) => {
    const res = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});

describe("links in cards", () => {
  it("'Öppna tavlan' opens the board tab under the entity id the configuration page saves for this board", async () => {
    const { boardTabEntityId } = await import("@fact-board/contract");
    const fs = await import("node:fs");
    const path = await import("node:path");
    // The configuration page saves the tab with boardTabEntityId (not a constant the manifest declares).
    const teamsTs = fs.readFileSync(path.join(__dirname, "../../../tab/src/teams/teams.ts"), "utf8");
    expect(teamsTs).toContain("entityId: boardTabEntityId(chosen.boardId)");
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../appPackage/manifest.json"), "utf8")) as {
      staticTabs: Array<{ entityId: string }>;
    };
    expect(manifest.staticTabs.map((t) => t.entityId)).not.toContain(boardTabEntityId(boardId));
    const card = await h.bot.cards.render({ card: "morningBrief", boardId }, { audience: "channel", locale: "sv" });
    const link = /https:\/\/teams\.microsoft\.com\/l\/entity\/[^/]+\/([^?"]+)/.exec(textOf(card));
    expect(link && decodeURIComponent(link[1]!)).toBe(boardTabEntityId(boardId));
  });
});
