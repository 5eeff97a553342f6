import { aBoard, aConsent, aMember, aParticipant, aSignal, anOrganisation } from "../test-support";
import { type Harness, action, activity, click, install, post, say, startHarness, textOf } from "../test-support/harness";
import type { Member } from "../domain/types";

// Issue 9, parts 3 and 4, through the real CloudAdapter on Azurite: nothing about a participant in
// a shared conversation; every card that shows a participant is built per person from what they
// may see now, and is logged like the tab's reads (channel "bot"); no log, no details.

const REGION = "tenant-region";
const KOMMUN = "tenant-kommun";
const CHANNEL = { id: "19:fact@thread.tacv2", conversationType: "channel" };
const GROUP = { id: "19:group-chat@thread.v2", conversationType: "groupChat" };
const MARCH = { fromMonth: "2026-03", toMonth: "2026-03" };

let h: Harness;
let boardId: string;
let regionId: string;
let kommunId: string;
let people: Record<"regionCoordinator" | "kommunCoordinator" | "kommunManager", Member>;
/** HBG-017: the region's consent lets the municipality read. */
let shared: string;
/** HBG-023: the region has not (yet) let the municipality read. */
let closed: string;

const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;
const KINDS = ["Behov av", "Oro", "Need for", "Concern"];

/** Nothing that tells who the participant is or what the signal says. */
function expectNothingAboutParticipants(card: unknown) {
  const body = textOf(card);
  for (const secret of ["HBG-017", "A.B.", "HBG-023", "C.D.", "Uteblev från besöket", ...KINDS]) expect(body).not.toContain(secret);
}

const invokeIn = (who: Member, conversation: { id: string; conversationType: string }, verb: string, data: Record<string, unknown>) =>
  post(
    h,
    activity(
      h,
      as(who),
      { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data } } },
      conversation,
    ),
  ).then((r) => (r.body as { value: unknown }).value);

async function logOf(participantId: string, who: Member) {
  return (await h.storage.audit.listForParticipant(boardId, participantId, MARCH)).filter((e) => e.actor.objectId === who.objectId);
}

beforeAll(async () => {
  h = await startHarness();
  const board = await h.storage.boards.create(aBoard({ allowedTenantIds: [REGION, KOMMUN] }));
  boardId = board.id;
  regionId = (
    await h.storage.organisations.create(anOrganisation(boardId, { id: `orgregion${boardId}`, name: "Psykiatrin", tenantId: REGION }))
  ).id;
  kommunId = (
    await h.storage.organisations.create(
      anOrganisation(boardId, { id: `orgkommun${boardId}`, name: "Norrby kommun", kind: "municipalSocialServices", tenantId: KOMMUN }),
    )
  ).id;
  const mk = (o: Partial<Member>) => h.storage.members.create(aMember(boardId, o));
  people = {
    regionCoordinator: await mk({ tenantId: REGION, organisationId: regionId, role: "coordinator", displayName: "Rita Region" }),
    kommunCoordinator: await mk({ tenantId: KOMMUN, organisationId: kommunId, role: "coordinator", displayName: "Kalle Kommun" }),
    kommunManager: await mk({ tenantId: KOMMUN, organisationId: kommunId, role: "manager", displayName: "Maja Chef" }),
  };
  const involved = { writtenBy: regionId, organisationIds: [regionId, kommunId], caseManagerId: people.regionCoordinator.id };
  shared = (await h.storage.participants.create(aParticipant(boardId, { code: "HBG-017", initials: "A.B.", ...involved }))).id;
  closed = (await h.storage.participants.create(aParticipant(boardId, { code: "HBG-023", initials: "C.D.", ...involved }))).id;
  await h.storage.consents.save(
    aConsent(boardId, shared, {
      disclosingOrganisationId: regionId,
      receivingOrganisationIds: [kommunId],
      status: "given",
      givenOn: "2025-06-01",
      validUntil: "2026-12-31",
    }),
  );
  // The municipality's coordinator has no personal chat with the bot: signals to them go to the channel.
  await install(h, as(people.regionCoordinator));
  await install(h, as(people.kommunManager));
  await install(h, as(people.regionCoordinator), CHANNEL);
  await install(h, as(people.regionCoordinator), GROUP);
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => h.connector.clear());

async function raiseToKommun(): Promise<string> {
  await say(h, as(people.regionCoordinator), "signal");
  const cards = h.connector.cards(personalOf(people.regionCoordinator));
  const send = action(cards[cards.length - 1], "signal.raise");
  await click(h, as(people.regionCoordinator), "signal.raise", {
    ...send.data,
    participantId: shared,
    toOrganisationId: kommunId,
    kind: "morePsychiatricSupport",
    urgency: "today",
    note: "Uteblev från besöket",
  });
  await h.bot.idle();
  return String(send.data["requestId"]);
}

describe("nothing about a participant in a shared conversation", () => {
  it("a signal for someone without a personal chat reaches the team channel as a count and a link", async () => {
    await raiseToKommun();
    const posted = h.connector.cards(CHANNEL.id);
    expect(posted).toHaveLength(1);
    expect(textOf(posted[0])).toContain("1 ny signal till Norrby kommun");
    expect(textOf(posted[0])).toContain("Öppna i FACT-tavlan");
    expect(textOf(posted[0])).toContain("https://teams.microsoft.com/l/entity/");
    expectNothingAboutParticipants(posted[0]);
    // The activity's own text and summary too (what a notification or the chat list shows).
    const activityBody = h.connector.recorded.find((r) => r.conversationId === CHANNEL.id)!.body;
    expectNothingAboutParticipants({ ...activityBody, attachments: undefined });
  });

  it("refreshing the channel copy, even by the receiving coordinator, gives the notice again; answering updates it without details", async () => {
    const id = await raiseToKommun();
    const channelRef = { card: "signal", boardId, signalId: id, audience: "channel" };
    const refreshed = await invokeIn(people.kommunCoordinator, CHANNEL, "refresh", channelRef);
    expect(textOf(refreshed)).toContain("1 ny signal till Norrby kommun");
    expectNothingAboutParticipants(refreshed);
    // A personal card's reference sent from a shared conversation is refused its details too.
    const personalRef = { ...channelRef, audience: "personal" };
    expectNothingAboutParticipants(await invokeIn(people.kommunCoordinator, CHANNEL, "refresh", personalRef));
    expectNothingAboutParticipants(await invokeIn(people.kommunCoordinator, GROUP, "refresh", personalRef));
    const consentRef = { card: "consent", boardId, participantId: shared, disclosingOrganisationId: regionId };
    expectNothingAboutParticipants(await invokeIn(people.kommunCoordinator, GROUP, "refresh", consentRef));
    // Nothing can be done from a shared conversation either.
    const etag = (await h.storage.signals.get(boardId, id))!.etag;
    await invokeIn(people.kommunCoordinator, CHANNEL, "signal.acknowledge", { ...personalRef, etag });
    expect((await h.storage.signals.get(boardId, id))!.state).toBe("open");

    // In their own chat the coordinator sees it and answers; the channel copy is updated, still without details.
    const own = await click(h, as(people.kommunCoordinator), "refresh", personalRef);
    expect(textOf(own.card)).toContain("HBG-017");
    await click(h, as(people.kommunCoordinator), "signal.acknowledge", action(own.card, "signal.acknowledge").data);
    await h.bot.idle();
    const updates = h.connector.updates(CHANNEL.id);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expectNothingAboutParticipants(u);
    expect(textOf(updates[updates.length - 1])).toContain("Kvitterad");
  });

  it("a group chat asking for my participants gets help, not the list", async () => {
    await post(h, activity(h, as(people.regionCoordinator), { type: "message", text: "mina deltagare" }, GROUP));
    const cards = h.connector.cards(GROUP.id);
    expect(cards).toHaveLength(1);
    expectNothingAboutParticipants(cards[0]);
    const list = await invokeIn(people.regionCoordinator, GROUP, "open.myParticipants", { card: "myParticipants", boardId });
    expectNothingAboutParticipants(list);
  });
});

describe("a manager's alert is built for that manager, now", () => {
  it("a manager whose organisation has no valid consent gets no code and no kind of need; a refresh re-checks", async () => {
    const e = await h.storage.signals.create(
      aSignal(boardId, closed, {
        fromOrganisationId: regionId,
        toOrganisationId: kommunId,
        kind: "morePsychiatricSupport",
        note: "Uteblev från besöket",
        raisedBy: people.regionCoordinator.id,
      }),
    );
    await h.delivery.sendToMember({ card: "signalAlert", boardId, signalId: e.id }, people.kommunManager, "manager");
    await h.bot.idle();
    const alert = h.connector.cards(personalOf(people.kommunManager));
    expect(alert).toHaveLength(1);
    expect(textOf(alert[0])).toContain("Obesvarad signal");
    expectNothingAboutParticipants(alert[0]);
    expect(await logOf(closed, people.kommunManager)).toEqual([]);

    // The region lets the municipality read: the next refresh shows the code, and logs it.
    const consent = await h.storage.consents.save(
      aConsent(boardId, closed, {
        disclosingOrganisationId: regionId,
        receivingOrganisationIds: [kommunId],
        status: "given",
        givenOn: "2026-03-01",
        validUntil: "2026-12-31",
      }),
    );
    const ref = { card: "signalAlert", boardId, signalId: e.id };
    const seen = await click(h, as(people.kommunManager), "refresh", ref);
    expect(textOf(seen.card)).toContain("HBG-023");
    expect(textOf(seen.card)).toContain("Behov av mer psykiatriskt stöd");
    expect(await logOf(closed, people.kommunManager)).toEqual([
      expect.objectContaining({ what: "viewedDetails", channel: "bot", count: 1 }),
    ]);

    // Withdrawn: gone again at the next refresh.
    await h.storage.consents.save({ ...consent, status: "withdrawn", withdrawnOn: "2026-03-02" }, { expectedEtag: consent.etag });
    expectNothingAboutParticipants((await click(h, as(people.kommunManager), "refresh", ref)).card);
  });
});

describe("a button does what the tab would let the person do", () => {
  it("'remind me later' about a participant the organisation may not see is refused, and nothing is scheduled", async () => {
    const ref = { card: "consent", boardId, participantId: closed, disclosingOrganisationId: kommunId };
    const res = await click(h, as(people.kommunManager), "consent.remindLater", { ...ref, days: 3 });
    expect(res.statusCode).toBe(200);
    expectNothingAboutParticipants(res.card);
    const due = await h.storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 500);
    expect(due.filter((d) => d.kind === "consentReminder" && d.payload["participantId"] === closed)).toEqual([]);
  });
});

describe("every card read is logged, channel bot", () => {
  it("a card sent to a person logs their read; each refresh of it is counted on the same row", async () => {
    const e = await h.storage.signals.create(
      aSignal(boardId, shared, { fromOrganisationId: regionId, toOrganisationId: kommunId, raisedBy: people.regionCoordinator.id }),
    );
    const before = (await logOf(shared, people.kommunManager)).reduce((n, r) => n + (r.count ?? 1), 0);
    await h.delivery.sendToMember({ card: "signal", boardId, signalId: e.id, audience: "personal" }, people.kommunManager, "raised");
    await h.bot.idle();
    expect(textOf(h.connector.cards(personalOf(people.kommunManager))[0])).toContain("HBG-017");
    const ref = { card: "signal", boardId, signalId: e.id, audience: "personal" };
    await click(h, as(people.kommunManager), "refresh", ref);
    await click(h, as(people.kommunManager), "refresh", ref);
    const rows = await logOf(shared, people.kommunManager);
    expect(rows.every((r) => r.channel === "bot" && r.what === "viewedDetails" && r.actor.organisationId === kommunId)).toBe(true);
    expect(rows.reduce((n, r) => n + (r.count ?? 1), 0) - before).toBe(3);
  });

  it("the consent card logs a read like the tab's consent list does", async () => {
    const ref = { card: "consent", boardId, participantId: shared, disclosingOrganisationId: regionId };
    const card = await click(h, as(people.regionCoordinator), "refresh", ref);
    expect(textOf(card.card)).toContain("HBG-017");
    expect(await logOf(shared, people.regionCoordinator)).toEqual(
      expect.arrayContaining([expect.objectContaining({ what: "viewedDetails", channel: "bot" })]),
    );
  });
});

describe("no log, no details", () => {
  // Last in this file: the access log's table is taken away for good.
  let signalId: string;
  beforeAll(async () => {
    signalId = (
      await h.storage.signals.create(
        aSignal(boardId, shared, {
          fromOrganisationId: regionId,
          toOrganisationId: kommunId,
          note: "Uteblev från besöket",
          raisedBy: people.regionCoordinator.id,
        }),
      )
    ).id;
    await h.tables.tables.auditLog.deleteTable();
  });

  it("a refreshed card shows an error and nothing about the participant", async () => {
    for (const ref of [
      { card: "signal", boardId, signalId, audience: "personal" },
      { card: "consent", boardId, participantId: shared, disclosingOrganisationId: regionId },
      { card: "signalAlert", boardId, signalId },
    ]) {
      const res = await click(h, as(people.kommunManager), "refresh", ref);
      expect(res.statusCode).toBe(200);
      expect(textOf(res.card)).toContain("Uppgifterna kan inte visas just nu");
      expectNothingAboutParticipants(res.card);
      // The same refresh, so the card comes back once the log can be written.
      expect((res.card as { refresh: { action: { data: unknown } } }).refresh.action.data).toEqual(ref);
    }
  });

  it("a card sent or a list asked for in chat shows the error too", async () => {
    await h.delivery.sendToMember({ card: "signal", boardId, signalId, audience: "personal" }, people.kommunManager, "noLog");
    await say(h, as(people.regionCoordinator), "mina deltagare");
    await h.bot.idle();
    for (const m of [people.kommunManager, people.regionCoordinator]) {
      const cards = h.connector.cards(personalOf(m));
      expect(cards).toHaveLength(1);
      expect(textOf(cards[0])).toContain("Uppgifterna kan inte visas just nu");
      expectNothingAboutParticipants(cards[0]);
    }
  });
});
