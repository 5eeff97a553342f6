import { aBoard, aConsent, aMember, aParticipant, anOrganisation } from "../test-support";
import { type Harness, action, actions, activity, click, install, post, say, startHarness, textOf } from "../test-support/harness";
import type { Member } from "../domain/types";

// Conversations through the real CloudAdapter and the HTTP endpoint, on Azurite. The Teams
// connector is a local recorder at serviceUrl.

const REGION = "tenant-region";
const KOMMUN = "tenant-kommun";

let h: Harness;
let boardId: string;
let people: Record<
  "regionCoordinator" | "kommunCoordinator" | "kommunManager" | "kommunStaff" | "sub1" | "sub2" | "absentee" | "outsider",
  Member
>;
let participantId: string;

const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;

beforeAll(async () => {
  h = await startHarness();
  const board = await h.storage.boards.create(aBoard({ allowedTenantIds: [REGION, KOMMUN] }));
  boardId = board.id;
  const region = await h.storage.organisations.create(
    anOrganisation(boardId, { id: `orgregion${boardId}`, name: "Psykiatrin", tenantId: REGION }),
  );
  const kommun = await h.storage.organisations.create(
    anOrganisation(boardId, { id: `orgkommun${boardId}`, name: "Socialtjänsten", kind: "municipalSocialServices", tenantId: KOMMUN }),
  );
  const mk = (o: Partial<Member>) => h.storage.members.create(aMember(boardId, o));
  const sub1 = await mk({ tenantId: KOMMUN, organisationId: kommun.id, role: "staff", displayName: "Sune Ett" });
  const sub2 = await mk({ tenantId: KOMMUN, organisationId: kommun.id, role: "staff", displayName: "Stina Två" });
  people = {
    regionCoordinator: await mk({ tenantId: REGION, organisationId: region.id, role: "coordinator", displayName: "Rita Region" }),
    kommunCoordinator: await mk({ tenantId: KOMMUN, organisationId: kommun.id, role: "coordinator", displayName: "Kalle Kommun" }),
    kommunManager: await mk({ tenantId: KOMMUN, organisationId: kommun.id, role: "manager", displayName: "Maja Chef" }),
    kommunStaff: await mk({ tenantId: KOMMUN, organisationId: kommun.id, role: "staff", displayName: "Sara Staff" }),
    sub1,
    sub2,
    absentee: await mk({
      tenantId: KOMMUN,
      organisationId: kommun.id,
      role: "staff",
      displayName: "Anna Borta",
      substituteIds: [sub1.id, sub2.id],
    }),
    outsider: aMember(boardId, { tenantId: "tenant-elsewhere" }),
  };
  const p = await h.storage.participants.create(
    aParticipant(boardId, {
      code: "HBG-017",
      initials: "A.B.",
      caseManagerId: people.regionCoordinator.id,
      writtenBy: region.id,
      organisationIds: [region.id, kommun.id],
    }),
  );
  participantId = p.id;
  // The region lets the municipality read; the municipality's own consent is missing.
  await h.storage.consents.save(
    aConsent(boardId, p.id, {
      disclosingOrganisationId: region.id,
      receivingOrganisationIds: [kommun.id],
      status: "given",
      givenOn: "2025-06-01",
      validUntil: "2026-12-31",
    }),
  );
  for (const m of Object.values(people)) if (m !== people.outsider && m !== people.kommunStaff) await install(h, as(m));
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => h.connector.clear());

const lastCard = (m: Member) => {
  const cards = h.connector.cards(personalOf(m));
  return cards[cards.length - 1];
};

describe("who may talk to the bot", () => {
  it("stores the personal chat when the app is installed and forgets it when uninstalled", async () => {
    const m = people.kommunStaff;
    await install(h, as(m));
    expect(await h.bot.references.personal(m.id)).toBeDefined();
    await post(h, activity(h, as(m), { type: "installationUpdate", action: "remove" }));
    expect(await h.bot.references.personal(m.id)).toBeUndefined();
  });

  it("ignores a tenant that no board allows, and anything not from Teams", async () => {
    await say(h, as(people.outsider), "hjälp");
    expect(h.connector.recorded).toHaveLength(0);
    await post(h, { ...activity(h, as(people.regionCoordinator), { type: "message", text: "hjälp" }), channelId: "webchat" });
    expect(h.connector.recorded).toHaveLength(0);
    const invoke = await post(
      h,
      activity(h, as(people.outsider), {
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "refresh", data: { card: "help" } } },
      }),
    );
    expect(invoke.status).toBe(403);
  });

  it("stores a team channel with the installer's boards", async () => {
    const channel = { id: "19:fact@thread.tacv2", conversationType: "channel" };
    await install(h, as(people.regionCoordinator), channel);
    const stored = await h.bot.references.channelsOf(boardId);
    expect(stored.map((s) => s.key)).toEqual(["19:fact@thread.tacv2"]);
  });
});

describe("commands", () => {
  it("answers hjälp and help with the help card in the person's one language, and unknown input with help too", async () => {
    await say(h, as(people.regionCoordinator), "hjälp");
    expect(textOf(lastCard(people.regionCoordinator))).toContain("FACT-tavlan");
    // The English word does not flip the language of a Swedish client.
    await say(h, as(people.regionCoordinator), "help");
    expect(textOf(lastCard(people.regionCoordinator))).toContain("FACT-tavlan: vad jag kan");
    await say(h, as(people.regionCoordinator), "hej hopp");
    expect(textOf(lastCard(people.regionCoordinator))).toContain("Jag förstod inte");
  });

  it("keeps the language a person chose for every card: commands, clicks, the signal form and cards sent to them", async () => {
    const who = people.kommunCoordinator;
    await say(h, as(who), "språk");
    const chooser = lastCard(who);
    expect(actions(chooser).map((a) => a.title)).toEqual(["Svenska", "English"]);
    const english = await click(h, as(who), "language.choose", actions(chooser).find((a) => a.title === "English")!.data);
    expect(textOf(english.card)).toContain("Cards are now shown in English");
    // Their Teams client still says sv-SE on every activity.
    await say(h, as(who), "signal");
    expect(textOf(lastCard(who))).toContain("Send a signal");
    await say(h, as(who), "hjälp");
    expect(textOf(lastCard(who))).toContain("FACT Board: what I can do");
    const refreshed = await click(h, as(who), "refresh", { card: "help" });
    expect(textOf(refreshed.card)).toContain("FACT Board: what I can do");
    // A card sent to them unasked is in their language too.
    h.connector.clear();
    await say(h, as(people.regionCoordinator), "signal");
    const form = lastCard(people.regionCoordinator);
    await click(h, as(people.regionCoordinator), "signal.raise", {
      ...action(form, "signal.raise").data,
      participantId,
      toOrganisationId: `orgkommun${boardId}`,
      kind: "concern",
      urgency: "thisWeek",
    });
    await h.bot.idle();
    expect(textOf(lastCard(who))).toContain("Signal: Concern");
    expect(textOf(lastCard(people.regionCoordinator))).not.toContain("Concern");
    // Re-installing (or any message) keeps the choice; "språk svenska" changes it back.
    await install(h, as(who));
    expect((await h.bot.references.personal(who.id))?.chosenLocale).toBe("en");
    await say(h, as(who), "språk svenska");
    expect(textOf(lastCard(who))).toContain("Korten visas nu på svenska");
    await say(h, as(who), "signal");
    expect(textOf(lastCard(who))).toContain("Skicka signal");
  });

  it("lists my participants with their consent status", async () => {
    await say(h, as(people.regionCoordinator), "mina deltagare");
    const card = textOf(lastCard(people.regionCoordinator));
    expect(card).toContain("HBG-017");
    expect(card).toContain("Ej tillfrågad");
  });

  it("lets the record's writer set a participant's plans from Mina deltagare, and tells another organisation whose they are (issue 24)", async () => {
    await say(h, as(people.regionCoordinator), "mina deltagare");
    const list = lastCard(people.regionCoordinator);
    expect(textOf(list)).toContain("Krisplan: ");
    const opened = await click(h, as(people.regionCoordinator), "open.participantPlans", action(list, "open.participantPlans").data);
    expect(textOf(opened.card)).toContain("Planer för HBG-017");
    const save = action(opened.card, "plans.set");
    const saved = await click(h, as(people.regionCoordinator), "plans.set", {
      ...save.data,
      crisisPlan: "notSet",
      earlySignsPlan: "yes",
      sipHeld: "yes",
      sipHeldOn: "2025-02-01",
      sipNextFollowUpOn: "2025-08-01",
      sipConvenedBy: `orgkommun${boardId}`,
    });
    expect(textOf(saved.card)).toContain("Planerna är sparade.");
    expect((await h.storage.participants.get(boardId, participantId))?.plans).toMatchObject({
      crisisPlan: "notSet",
      earlySignsPlan: "yes",
      sip: { held: "yes", heldOn: "2025-02-01", nextFollowUpOn: "2025-08-01", convenedBy: `orgkommun${boardId}` },
    });
    // Never "Ingen": a plan nobody stated reads "Ej angivet"; a follow-up date passed is said.
    expect(textOf(saved.card)).toContain("Ej angivet");
    expect(textOf(saved.card)).toContain("SIP-uppföljningen är passerad");

    // The municipality sees the plans (the region's consent names it) but is not offered the form, and is refused in words.
    const ref = { card: "participantPlans", boardId, participantId };
    const theirs = await click(h, as(people.kommunCoordinator), "open.participantPlans", ref);
    expect(textOf(theirs.card)).toContain("Ej angivet");
    expect(actions(theirs.card).map((a) => a.verb)).not.toContain("plans.set");
    const refused = await click(h, as(people.kommunCoordinator), "plans.set", {
      ...save.data,
      etag: (await h.storage.participants.get(boardId, participantId))!.etag,
      crisisPlan: "no",
      earlySignsPlan: "no",
      sipHeld: "no",
    });
    expect(textOf(refused.card)).toContain("bara den ändrar dem");
    expect((await h.storage.participants.get(boardId, participantId))?.plans.crisisPlan).toBe("notSet");
  });

  it("help buttons open the forms", async () => {
    await say(h, as(people.regionCoordinator), "hjälp");
    const help = lastCard(people.regionCoordinator);
    const opened = await click(h, as(people.regionCoordinator), "open.absenceForm", action(help, "open.absenceForm").data);
    expect(opened.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textOf(opened.card)).toContain("Registrera frånvaro");
    const list = await click(h, as(people.regionCoordinator), "open.myParticipants", action(help, "open.myParticipants").data);
    expect(textOf(list.card)).toContain("HBG-017");
  });
});

describe("signals", () => {
  async function raise(proposeBoard = false) {
    await say(h, as(people.regionCoordinator), "signal");
    const form = lastCard(people.regionCoordinator);
    const send = action(form, "signal.raise");
    const data: Record<string, unknown> = {
      ...send.data,
      participantId,
      toOrganisationId: `orgkommun${boardId}`,
      kind: "concern",
      urgency: "today",
      note: "Uteblev",
      proposeBoard: String(proposeBoard),
    };
    const first = await click(h, as(people.regionCoordinator), "signal.raise", data);
    return { first, data };
  }

  it("raises a signal once on a double click, and the receiving coordinator gets one card", async () => {
    const { first, data } = await raise();
    expect(first.statusCode).toBe(200);
    expect(textOf(first.card)).toContain("Oro");
    const again = await click(h, as(people.regionCoordinator), "signal.raise", data);
    expect(again.statusCode).toBe(200);
    await h.bot.idle();
    const open = (await h.storage.signals.listOpen(boardId)).filter((e) => e.id === data.requestId);
    expect(open).toHaveLength(1);
    const received = h.connector.cards(personalOf(people.kommunCoordinator));
    expect(received).toHaveLength(1);
    expect(actions(received[0]).map((a) => a.verb)).toEqual(
      expect.arrayContaining(["signal.acknowledge", "signal.resolve", "signal.decline"]),
    );
    expect(textOf(received[0])).toContain("Kvittera");
  });

  it("a throttled connector (429 with Retry-After, then 502) still delivers exactly one card", async () => {
    await say(h, as(people.regionCoordinator), "signal");
    const send = action(lastCard(people.regionCoordinator), "signal.raise");
    // botframework-connector retries these itself first; the sender's own retries sit behind it.
    h.connector.failNext([429, 502], 0);
    await click(h, as(people.regionCoordinator), "signal.raise", {
      ...send.data,
      participantId,
      toOrganisationId: `orgkommun${boardId}`,
      kind: "concern",
      urgency: "thisWeek",
    });
    await h.bot.idle();
    expect(h.connector.cards(personalOf(people.kommunCoordinator))).toHaveLength(1);
  });

  it("acknowledge, then resolve; a stale button gets the current card back; a double click has one effect", async () => {
    const { data } = await raise();
    await h.bot.idle();
    const card = lastCard(people.kommunCoordinator);
    const ack = action(card, "signal.acknowledge");
    const acked = await click(h, as(people.kommunCoordinator), ack.verb, ack.data);
    expect(textOf(acked.card)).toContain("Kvitterad");
    const twice = await click(h, as(people.kommunCoordinator), ack.verb, ack.data);
    expect(textOf(twice.card)).toContain("Kvitterad");
    // "resolve" on the old card carries the old ETag.
    const stale = await click(h, as(people.kommunCoordinator), "signal.resolve", action(card, "signal.resolve").data);
    expect(textOf(stale.card)).toContain("inaktuellt");
    const resolved = await click(h, as(people.kommunCoordinator), "signal.resolve", action(acked.card, "signal.resolve").data);
    expect(textOf(resolved.card)).toContain("Löst");
    expect(actions(resolved.card)).toEqual([]);
    await h.bot.idle();
    const stored = await h.storage.signals.get(boardId, data.requestId as string);
    expect(stored?.state).toBe("resolved");
    // The answer is the municipality's, and its consent is missing here: the region's copy keeps the
    // signal as raised (the same rule as the tab's signal view), never "Löst".
    const sendersCards = h.connector.cards(personalOf(people.regionCoordinator));
    expect(sendersCards.length).toBeGreaterThan(0);
    expect(sendersCards.some((c) => textOf(c).includes("Löst") || textOf(c).includes("Kvitterad"))).toBe(false);
  });

  it("decline needs a reason; the posted copy is updated in place", async () => {
    await raise();
    await h.bot.idle();
    const card = lastCard(people.kommunCoordinator);
    const decline = action(card, "signal.decline");
    const noReason = await click(h, as(people.kommunCoordinator), decline.verb, { ...decline.data, declineReason: " " });
    expect(textOf(noReason.card)).toContain("stämmer inte");
    const declined = await click(h, as(people.kommunCoordinator), decline.verb, { ...decline.data, declineReason: "Inte vår insats" });
    expect(textOf(declined.card)).toContain("Avböjd");
    await h.bot.idle();
    expect(h.connector.recorded.some((r) => r.method === "PUT" && r.conversationId === personalOf(people.kommunCoordinator))).toBe(true);
  });

  it("put on the board from a signal acknowledges it", async () => {
    const { data } = await raise(true);
    await h.bot.idle();
    const card = lastCard(people.kommunCoordinator);
    const put = action(card, "signal.putOnBoard");
    const done = await click(h, as(people.kommunCoordinator), put.verb, {
      ...put.data,
      reason: "crisis",
      priority: "high",
      nextEvaluationOn: "2026-03-09",
    });
    expect(done.statusCode).toBe(200);
    expect(await h.storage.entries.getCurrent(boardId, participantId)).toBeDefined();
    expect((await h.storage.signals.get(boardId, data.requestId as string))?.state).toBe("acknowledged");
    expect(actions(done.card).map((a) => a.verb)).not.toContain("signal.putOnBoard");
  });

  it("a staff member of the receiving organisation sees no buttons and cannot answer", async () => {
    const { data } = await raise();
    await h.bot.idle();
    const ref = { card: "signal", boardId, signalId: data.requestId, audience: "personal" };
    const seen = await click(h, as(people.kommunStaff), "refresh", ref);
    expect(actions(seen.card)).toEqual([]);
    const etag = (await h.storage.signals.get(boardId, data.requestId as string))!.etag;
    const tried = await click(h, as(people.kommunStaff), "signal.acknowledge", { ...ref, etag });
    expect(textOf(tried.card)).toContain("Signalen är inte din att besvara");
    expect((await h.storage.signals.get(boardId, data.requestId as string))?.state).toBe("open");
  });
});

describe("consent", () => {
  const ref = () => ({ card: "consent", boardId, participantId, disclosingOrganisationId: `orgkommun${boardId}` });

  it("records a given consent from the card and the board's visibility follows", async () => {
    const card = await click(h, as(people.kommunCoordinator), "refresh", ref());
    expect(textOf(card.card)).toContain("Det finns inget samtycke");
    const given = action(card.card, "consent.given");
    const saved = await click(h, as(people.kommunCoordinator), given.verb, {
      ...given.data,
      givenOn: "2026-03-02",
      validUntil: "2027-03-01",
      receivingOrganisationIds: `orgregion${boardId}`,
    });
    expect(textOf(saved.card)).toContain("Samtycket är giltigt");
    const stored = await h.storage.consents.get(boardId, participantId, `orgkommun${boardId}`);
    expect(stored?.status).toBe("given");
  });

  it("withdraws, declines, and schedules a reminder", async () => {
    const card = await click(h, as(people.kommunCoordinator), "refresh", ref());
    const withdrawn = await click(h, as(people.kommunCoordinator), "consent.withdrawn", {
      ...action(card.card, "consent.withdrawn").data,
      withdrawnOn: "2026-03-02",
    });
    expect(textOf(withdrawn.card)).toContain("återkallats");
    const declined = await click(h, as(people.kommunCoordinator), "consent.declined", action(withdrawn.card, "consent.declined").data);
    expect(textOf(declined.card)).toContain("avböjt");
    const later = await click(h, as(people.kommunCoordinator), "consent.remindLater", {
      ...action(declined.card, "consent.remindLater").data,
      days: "3",
    });
    expect(textOf(later.card)).toContain("påminns om 3 dagar");
    const due = await h.storage.dueItems.listDue("2026-03-06T00:00:00.000Z", 50);
    expect(due.some((d) => d.kind === "consentReminder")).toBe(true);
  });

  it("someone from another organisation cannot record it", async () => {
    const card = await click(h, as(people.regionCoordinator), "refresh", ref());
    expect(actions(card.card)).toEqual([]);
  });
});

describe("absence cover", () => {
  it("asks substitutes in order: Kan inte moves on, Jag täcker covers, a double click is one effect", async () => {
    await say(h, as(people.absentee), "frånvaro");
    const form = lastCard(people.absentee);
    const reg = action(form, "absence.register");
    const receipt = await click(h, as(people.absentee), reg.verb, { ...reg.data, from: "2026-03-03", to: "2026-03-05", reason: "sick" });
    expect(textOf(receipt.card)).toContain("Sune Ett tillfrågas");
    expect(textOf(receipt.card)).not.toContain("Sjuk");
    await h.bot.idle();
    const ask1 = lastCard(people.sub1);
    expect(textOf(ask1)).toContain("Jag täcker");
    const cannot = await click(h, as(people.sub1), "cover.decline", action(ask1, "cover.decline").data);
    expect(actions(cannot.card)).toEqual([]);
    await h.bot.idle();
    const ask2 = lastCard(people.sub2);
    const accept = action(ask2, "cover.accept");
    const covered = await click(h, as(people.sub2), accept.verb, accept.data);
    expect(textOf(covered.card)).toContain("Du täcker dessa dagar");
    const again = await click(h, as(people.sub2), accept.verb, accept.data);
    expect(textOf(again.card)).toContain("Täckt");
    const absences = await h.storage.absences.listForMember(boardId, people.absentee.id);
    expect(absences.map((a) => a.cover.state)).toEqual(["covered"]);
    // The absent person is told who covers, once.
    await h.bot.idle();
    const told = h.connector.cards(personalOf(people.absentee)).filter((c) => textOf(c).includes("täcker för dig"));
    expect(told).toHaveLength(1);
    expect(textOf(told[0])).toContain("Stina Två täcker för dig");
    // The first substitute can no longer answer.
    const late = await click(h, as(people.sub1), "cover.accept", action(ask1, "cover.accept").data);
    expect(actions(late.card)).toEqual([]);
  });

  it("with nobody to ask, the manager is told", async () => {
    await say(h, as(people.sub2), "frånvaro");
    const reg = action(lastCard(people.sub2), "absence.register");
    const receipt = await click(h, as(people.sub2), reg.verb, { ...reg.data, from: "2026-03-10", to: "2026-03-10", reason: "vacation" });
    expect(textOf(receipt.card)).toContain("ingen ersättare");
    await h.bot.idle();
    expect(textOf(lastCard(people.kommunManager))).toContain("Frånvaro utan ersättare");
  });
});

describe("cancelling an absence from the card", () => {
  it("the absent person cancels from their card; a second click is the same cancel; the substitute's card is updated", async () => {
    await say(h, as(people.absentee), "frånvaro");
    const reg = action(lastCard(people.absentee), "absence.register");
    const receipt = await click(h, as(people.absentee), reg.verb, {
      ...reg.data,
      from: "2026-03-16",
      to: "2026-03-17",
      reason: "vacation",
    });
    await h.bot.idle();
    const cancel = action(receipt.card, "absence.cancel");
    expect(cancel.title).toBe("Bekräfta avbrytande");
    h.connector.clear();
    const first = await click(h, as(people.absentee), cancel.verb, cancel.data);
    expect(textOf(first.card)).toContain("Frånvaron är avbruten");
    const again = await click(h, as(people.absentee), cancel.verb, cancel.data);
    expect(textOf(again.card)).toContain("Avbruten");
    expect(actions(again.card)).toEqual([]);
    const mine = (await h.storage.absences.listForMember(boardId, people.absentee.id)).filter((a) => a.from === "2026-03-16");
    expect(mine.map((a) => a.cover.state)).toEqual(["cancelled"]);
    await h.bot.idle();
    expect(textOf(h.connector.updates(personalOf(people.sub1)))).toContain("Avbruten");
  });

  it("a colleague who is neither the absent person nor their manager cannot cancel it or see it", async () => {
    await say(h, as(people.absentee), "frånvaro");
    const reg = action(lastCard(people.absentee), "absence.register");
    const receipt = await click(h, as(people.absentee), reg.verb, { ...reg.data, from: "2026-03-23", to: "2026-03-23", reason: "other" });
    const cancel = action(receipt.card, "absence.cancel");
    const tried = await click(h, as(people.kommunCoordinator), cancel.verb, cancel.data);
    expect(textOf(tried.card)).not.toContain("Anna Borta");
    const stillOn = (await h.storage.absences.listForMember(boardId, people.absentee.id)).filter((a) => a.from === "2026-03-23");
    expect(stillOn.map((a) => a.cover.state)).toEqual(["requesting"]);
    // Their manager may.
    const byManager = await click(h, as(people.kommunManager), cancel.verb, cancel.data);
    expect(textOf(byManager.card)).toContain("Frånvaron är avbruten");
  });
});

describe("bad card data", () => {
  it("refuses unknown verbs and malformed data without touching anything", async () => {
    expect((await click(h, as(people.regionCoordinator), "signal.delete", { card: "help" })).statusCode).toBe(400);
    expect((await click(h, as(people.regionCoordinator), "refresh", { card: "signal", boardId: "../../x" })).statusCode).toBe(400);
  });
});
