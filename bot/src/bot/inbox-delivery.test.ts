import { startJobs } from "../jobs";
import { twoOrganisations } from "../test-support";
import { type Harness, action, click, install, personOf, personalChatOf, say, startHarness, textOf } from "../test-support/harness";
import type { Member } from "../domain/types";

// Att göra is the delivery of last resort (issue 27), through the real CloudAdapter against the
// loopback connector that misbehaves like Teams: what no card reaches waits in the person's
// inbox, she acts on it there, and the sender learns that nobody was reached. Creates submitted
// at once from a card and the tab make one thing.

let h: Harness;
let boardId: string;
let rc: Member, fed: Member, absentee: Member, substitute: Member;
let participantId: string;

beforeAll(async () => {
  h = await startHarness();
  const team = await twoOrganisations(h.storage);
  ({ boardId } = team);
  const { region, kommun, member } = team;
  rc = await member(region, { role: "coordinator", displayName: "Rita" });
  // A shared-channel member from the municipality's tenant: Teams opens no bot chat with her.
  fed = await member(kommun, { role: "coordinator", displayName: "Fia Federerad" });
  substitute = await member(region, { role: "staff", displayName: "Sune Ersättare" });
  absentee = await member(region, { role: "staff", displayName: "Anna Borta", substituteIds: [substitute.id] });
  participantId = await team.sharedParticipant({ code: "HBG-271", initials: "I.N.", caseManagerId: rc.id });
  for (const m of [rc, substitute, absentee]) await install(h, personOf(m));
});

afterAll(() => h?.close());
beforeEach(() => h.connector.clear());

const actorOf = (m: Member) => h.core.actorFor(personOf(m), boardId, "tab");
const settled = async () => {
  await h.core.idle();
  await h.bot.idle();
};

describe("a signal to someone no card can reach", () => {
  let signalId: string;

  it("lands in her Att göra, and the sender's card and signal say it has reached nobody", async () => {
    await say(h, personOf(rc), "signal");
    const send = action(h.connector.cards(personalChatOf(rc)).pop(), "signal.raise");
    h.connector.clear();
    await click(h, personOf(rc), send.verb, {
      ...send.data,
      participantId,
      toOrganisationId: fed.organisationId,
      kind: "concern",
      urgency: "thisWeek",
    });
    await settled();
    const [signal] = (await h.storage.signals.listOpen(boardId)).filter((s) => s.participantId === participantId);
    signalId = signal!.id;
    expect(signal!.notReachedSince).toBeDefined();
    // No chat with her was possible: nothing was posted to her.
    expect(h.connector.cards(personalChatOf(fed))).toHaveLength(0);
    // The sender is told, once, in a card of their own.
    const told = h.connector.cards(personalChatOf(rc)).filter((c) => textOf(c).includes("inte nått någon"));
    expect(told).toHaveLength(1);
    expect((await h.core.viewSignal(await actorOf(rc), boardId, signalId)).notReached).toBe(true);
    expect((await h.storage.members.get(boardId, fed.id))!.notReachedSince).toBeDefined();

    const inbox = await h.core.viewInbox(await actorOf(fed), boardId);
    const item = inbox.items.find((i) => i.kind === "signal" && i.signal.id === signalId);
    expect(item).toMatchObject({ kind: "signal", participantCode: "HBG-271", signal: { may: { acknowledge: true } } });
    expect(inbox.count).toBe(inbox.items.length);
  });

  it("opening it reaches her; answering it there updates the signal and every posted copy", async () => {
    // Opened (above): her "not reached" and the signal's are cleared.
    expect((await h.storage.members.get(boardId, fed.id))!.notReachedSince).toBeUndefined();
    expect((await h.core.viewSignal(await actorOf(rc), boardId, signalId)).notReached).toBeUndefined();
    const inbox = await h.core.viewInbox(await actorOf(fed), boardId);
    const item = inbox.items.find((i) => i.kind === "signal" && i.signal.id === signalId);
    if (item?.kind !== "signal") throw new Error("the signal is not in her inbox");

    const answered = await h.core.answerSignal(await actorOf(fed), boardId, signalId, { answer: "acknowledge", etag: item.signal.etag! });
    expect(answered.state).toBe("acknowledged");
    await settled();
    expect((await h.storage.signals.get(boardId, signalId))!.state).toBe("acknowledged");
    // The sender's posted cards are rebuilt in place: no longer "not reached" (the municipality's
    // answer itself is not shown to the region, which has no consent to read the municipality).
    const updated = h.connector.updates(personalChatOf(rc)).filter((c) => textOf(c).includes(signalId));
    expect(updated.length).toBeGreaterThan(0);
    for (const copy of updated) expect(textOf(copy)).not.toContain("inte nått någon");
    expect((await h.core.viewInbox(await actorOf(fed), boardId)).items.some((i) => i.kind === "signal" && i.signal.id === signalId)).toBe(
      true,
    );
  });
});

describe("a cover request Teams answers 504 to without posting", () => {
  it("is not passed over: it waits in the substitute's Att göra, who covers from there", async () => {
    await say(h, personOf(absentee), "frånvaro");
    const reg = action(h.connector.cards(personalChatOf(absentee)).pop(), "absence.register");
    h.connector.clear();
    h.connector.failNext([504]);
    await click(h, personOf(absentee), reg.verb, { ...reg.data, from: "2026-03-09", to: "2026-03-10", reason: "sick" });
    await settled();
    expect(h.connector.cards(personalChatOf(substitute))).toHaveLength(0);
    const [absence] = await h.storage.absences.listForMember(boardId, absentee.id);
    expect(absence!.cover).toMatchObject({ state: "requesting" });
    expect(absence!.cover.askedIndex).toBe(0);

    const inbox = await h.core.viewInbox(await actorOf(substitute), boardId);
    const item = inbox.items.find((i) => i.kind === "cover" && i.absence.id === absence!.id);
    if (item?.kind !== "cover") throw new Error("the cover request is not in the substitute's inbox");
    const covered = await h.core.answerCover(await actorOf(substitute), boardId, absence!.id, {
      answer: "accept",
      etag: item.absence.etag!,
    });
    expect(covered.coverState).toBe("covered");
    expect((await h.core.viewInbox(await actorOf(substitute), boardId)).items.some((i) => i.kind === "cover")).toBe(false);
  });
});

describe("a cover request Teams answered 504 to is posted once more, when that is safe", () => {
  const coverCards = () => h.connector.cards(personalChatOf(substitute)).filter((c) => textOf(c).includes("Jag täcker"));
  const runJobs = async (minutesLater: number, from: Date) => {
    h.now.value = new Date(from.getTime() + minutesLater * 60_000);
    const jobs = startJobs({ core: h.core, pollSeconds: 3600, claimant: "resend" });
    await jobs.runOnce(h.now.value);
    await jobs.stop();
    await settled();
  };
  const register = async (from: string, to: string, teams: () => void) => {
    await say(h, personOf(absentee), "frånvaro");
    const reg = action(h.connector.cards(personalChatOf(absentee)).pop(), "absence.register");
    h.connector.clear();
    teams();
    await click(h, personOf(absentee), reg.verb, { ...reg.data, from, to, reason: "vacation" });
    await settled();
    const absence = (await h.storage.absences.listForMember(boardId, absentee.id)).find((a) => a.from === from);
    if (!absence) throw new Error("the absence was not registered");
    return absence;
  };

  it("not before Teams' own late post has had time to land, then once, as a card that updates in place", async () => {
    const start = new Date("2026-03-03T08:00:00.000Z"); // a Tuesday, 09:00 in Stockholm
    h.now.value = start;
    const absence = await register("2026-03-23", "2026-03-24", () => h.connector.failNext([504]));
    expect(coverCards()).toHaveLength(0);
    expect((await h.storage.members.get(boardId, substitute.id))!.notReachedSince).toBeDefined();

    await runJobs(20, start);
    expect(coverCards()).toHaveLength(0);
    await runJobs(31, start);
    expect(coverCards()).toHaveLength(1);
    // Reached now: no longer "not reached", and no third post however long the request waits.
    expect((await h.storage.members.get(boardId, substitute.id))!.notReachedSince).toBeUndefined();
    await runJobs(90, start);
    expect(coverCards()).toHaveLength(1);

    // Unlike the post Teams left unknown, this copy is known: answering it updates it in place.
    const accept = action(coverCards()[0], "cover.accept");
    await click(h, personOf(substitute), accept.verb, accept.data);
    await settled();
    expect((await h.storage.absences.get(boardId, absence.id))!.cover.state).toBe("covered");
    expect(h.connector.updates(personalChatOf(substitute)).length).toBeGreaterThan(0);
  });

  it("not at all when the substitute has opened Att göra meanwhile (Teams had posted it after all)", async () => {
    const start = new Date("2026-03-04T08:00:00.000Z");
    h.now.value = start;
    await register("2026-03-25", "2026-03-26", () => h.connector.postThenTimeOut(1));
    expect(coverCards()).toHaveLength(1);
    await h.core.viewInbox(await actorOf(substitute), boardId);
    await runJobs(45, start);
    expect(coverCards()).toHaveLength(1);
  });

  it("not outside the substitute's working hours: the next morning instead", async () => {
    const start = new Date("2026-03-05T15:45:00.000Z"); // Thursday 16:45 in Stockholm, closing at 17:00
    h.now.value = start;
    await register("2026-03-30", "2026-03-31", () => h.connector.failNext([504]));
    expect(coverCards()).toHaveLength(0);
    await runJobs(60, start); // 17:45: after hours
    expect(coverCards()).toHaveLength(0);
    await runJobs(16 * 60 + 20, start); // Friday 09:05
    expect(coverCards()).toHaveLength(1);
  });
});

describe("three concurrent absence registrations, from the card and the tab", () => {
  it("make one absence and one cover request", async () => {
    await say(h, personOf(absentee), "frånvaro");
    const reg = action(h.connector.cards(personalChatOf(absentee)).pop(), "absence.register");
    h.connector.clear();
    const body = { from: "2026-03-16", to: "2026-03-17", reason: "vacation" as const };
    const actor = await actorOf(absentee);
    await Promise.all([
      click(h, personOf(absentee), reg.verb, { ...reg.data, ...body }),
      click(h, personOf(absentee), reg.verb, { ...reg.data, ...body }),
      // The tab's route: the same use-case with the tab form's own key.
      h.core.registerAbsence(actor, boardId, body, "tab-form-key-1"),
    ]);
    await settled();
    const made = (await h.storage.absences.listForMember(boardId, absentee.id)).filter((a) => a.from === body.from);
    expect(made).toHaveLength(1);
    const asked = h.connector.cards(personalChatOf(substitute)).filter((c) => textOf(c).includes("Jag täcker"));
    expect(asked).toHaveLength(1);
  });
});
