import { aSignal, twoOrganisations } from "../test-support";
import { type Harness, click, install, startHarness, textOf, personOf, personalChatOf } from "../test-support/harness";
import type { Member } from "../domain/types";
import { startJobs } from "../jobs";

// "Escalation" was the first word for a signal. What was stored or posted under it before the
// rename still works: buttons and refreshes of cards already in Teams, card copies recorded under
// the old card key, due items and notifications waiting in storage.

let h: Harness;
let boardId: string;
let rc: Member, kc: Member;
let participantId: string;
let seq = 0;

beforeAll(async () => {
  h = await startHarness();
  const team = await twoOrganisations(h.storage);
  ({ boardId } = team);
  rc = await team.member(team.region, { role: "coordinator" });
  kc = await team.member(team.kommun, { role: "coordinator" });
  participantId = await team.sharedParticipant({ code: "HBG-041", caseManagerId: rc.id });
  for (const m of [rc, kc]) await install(h, personOf(m));
});

afterAll(() => h?.close());
beforeEach(() => h.connector.clear());

/** An open signal from the region to the municipality, stored as any version would have. */
const aStoredSignal = (o: Parameters<typeof aSignal>[2] = {}) =>
  h.storage.signals.create(
    aSignal(boardId, participantId, {
      id: `old${++seq}x${boardId.slice(-6)}`,
      fromOrganisationId: `orgr${boardId}`,
      toOrganisationId: `orgk${boardId}`,
      raisedBy: rc.id,
      ...o,
    }),
  );

const runJobs = async (at: Date) => {
  h.now.value = at;
  const jobs = startJobs({ core: h.core, pollSeconds: 3600, claimant: "older-names" });
  const ran = await jobs.runOnce(at);
  await jobs.stop();
  return ran;
};

describe("a card posted before the rename", () => {
  it("still answers the signal from its escalation.* button", async () => {
    h.now.value = new Date("2026-03-02T08:00:00.000Z");
    const e = await aStoredSignal();
    const data = { card: "escalation", boardId, escalationId: e.id, audience: "personal", etag: e.etag };
    const answered = await click(h, personOf(kc), "escalation.acknowledge", data);
    expect(answered.statusCode).toBe(200);
    expect(textOf(answered.card)).toContain("Kvitterad");
    expect((await h.storage.signals.get(boardId, e.id))?.state).toBe("acknowledged");
  });

  it("still refreshes into the signal as it is now", async () => {
    const e = await aStoredSignal();
    const refreshed = await click(h, personOf(kc), "refresh", { card: "escalation", boardId, escalationId: e.id, audience: "personal" });
    expect(refreshed.statusCode).toBe(200);
    expect(textOf(refreshed.card)).toContain("HBG-041");
    const alert = await click(h, personOf(kc), "refresh", { card: "signalAlert", boardId, escalationId: e.id });
    expect(textOf(alert.card)).toContain("HBG-041");
  });

  it("is updated in place under the card key it was recorded with", async () => {
    const e = await aStoredSignal();
    const posted = await h.storage.sentCards.record({
      cardKey: `escalation.${boardId}.${e.id}`,
      dedupeKey: `raised.${kc.id}`,
      conversationKind: "personal",
      conversationKey: (await h.bot.references.personal(kc.id))!.key,
      activityId: "act-before-the-rename",
      viewerId: kc.id,
      audience: "personal",
      sentAt: "2026-03-01T08:00:00.000Z",
      delivery: "sent",
    });
    expect(posted).toBeUndefined();
    await click(h, personOf(kc), "signal.resolve", { card: "signal", boardId, signalId: e.id, audience: "personal", etag: e.etag });
    await h.bot.idle();
    const updated = h.connector.recorded.filter((r) => r.method === "PUT" && r.activityId === "act-before-the-rename");
    expect(updated).toHaveLength(1);
    expect(textOf(updated[0]!.body)).toContain("Löst");
  });
});

describe("due items waiting in storage from before the rename", () => {
  it("an escalationFollowUp item still sends the reminder", async () => {
    const e = await aStoredSignal({ raisedAt: "2026-03-02T08:00:00.000Z", answerBy: "2026-03-02T16:00:00.000Z" });
    await h.storage.dueItems.schedule({
      kind: "escalationFollowUp",
      id: `${boardId}.${e.id}`,
      dueAt: e.answerBy,
      payload: { boardId, escalationId: e.id },
    });
    await runJobs(new Date("2026-03-02T16:30:00.000Z"));
    await h.bot.idle();
    const reminders = h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes(e.id));
    expect(reminders).toHaveLength(1);
    expect((await h.storage.signals.get(boardId, e.id))?.remindersSent).toBe(1);
  });

  it("an escalationRaised notification is still delivered, once", async () => {
    const e = await aStoredSignal();
    await h.storage.dueItems.schedule({
      kind: "notification",
      id: `older${e.id}`,
      dueAt: "2026-03-02T08:00:00.000Z",
      payload: { type: "escalationRaised", boardId, escalationId: e.id },
    });
    await runJobs(new Date("2026-03-03T08:05:00.000Z"));
    await h.bot.idle();
    expect(h.connector.cards(personalChatOf(kc)).filter((c) => textOf(c).includes(e.id))).toHaveLength(1);
    const left = (await h.storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 500)).filter((d) => d.id === `older${e.id}`);
    expect(left).toHaveLength(0);
  });
});
