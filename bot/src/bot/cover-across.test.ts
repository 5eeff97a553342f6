import type { Actor, Member } from "../domain/types";
import { aConsent, aParticipant, aSignal } from "../test-support";
import { type Harness, action, click, install, startHarness, textOf } from "../test-support/harness";
import { type TwoOrganisations, twoOrganisations } from "../test-support/two-organisations";
import { cardValidationProblems as validationProblems } from "../cards/test/validate";

// Issue 27: the municipal coordinators "ersätter varandra under sjukdom och semester" across two
// organisations. A cross-organisation cover, through the real CloudAdapter against the recording
// Teams connector: the substitute covers exactly the participants whose consent names their
// organisation, the absence card says which went where (counts, never codes), and cards about a
// participant stop going to the substitute the day that consent is withdrawn.

let h: Harness;
let t: TwoOrganisations;
let anna: Member; // region coordinator, away
let bo: Member; // region staff, her own-organisation substitute
let vera: Member; // municipal coordinator, paired across organisations by an admin
let kalle: Member; // municipal staff who raises signals
const codes = { shared: "HBG-101", regionOnly: "HBG-102", withdrawnLater: "HBG-103" };
const ids: Record<keyof typeof codes, string> = { shared: "", regionOnly: "", withdrawnLater: "" };

const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });
const actor = (m: Member): Actor => ({ member: m, channel: "bot" });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;

beforeAll(async () => {
  h = await startHarness();
  t = await twoOrganisations(h.storage);
  vera = await t.member(t.kommun, { role: "coordinator", displayName: "Vera Vård" });
  kalle = await t.member(t.kommun, { role: "staff", displayName: "Kalle Kommun" });
  bo = await t.member(t.region, { role: "staff", displayName: "Bo Region" });
  anna = await t.member(t.region, { role: "coordinator", displayName: "Anna Borta", substituteIds: [vera.id, bo.id] });
  const participant = async (code: string, consentToKommun: boolean) => {
    const p = await h.storage.participants.create(
      aParticipant(t.boardId, { code, caseManagerId: anna.id, writtenBy: t.region.id, organisationIds: [t.region.id, t.kommun.id] }),
    );
    if (consentToKommun)
      await h.storage.consents.save(
        aConsent(t.boardId, p.id, {
          disclosingOrganisationId: t.region.id,
          receivingOrganisationIds: [t.kommun.id],
          status: "given",
          givenOn: "2025-06-01",
          validUntil: "2026-12-31",
        }),
      );
    return p.id;
  };
  ids.shared = await participant(codes.shared, true);
  ids.regionOnly = await participant(codes.regionOnly, false);
  ids.withdrawnLater = await participant(codes.withdrawnLater, true);
  for (const m of [anna, bo, vera, kalle]) await install(h, as(m));
});

afterAll(async () => {
  await h?.close();
});

describe("cover across organisations, within consent", () => {
  it("transfers exactly the consented participants, and the absence card says which went where", async () => {
    const absence = await h.core.registerAbsence(actor(anna), t.boardId, { from: "2026-03-02", to: "2026-03-06", reason: "sick" });
    await h.bot.idle();
    const ask = h.connector.cards(personalOf(vera)).pop();
    const accept = action(ask, "cover.accept");
    const covered = await click(h, as(vera), accept.verb, accept.data);
    expect(textOf(covered.card)).toContain("Du täcker dessa dagar");
    await h.bot.idle();
    const stored = await h.storage.absences.get(t.boardId, absence.id);
    expect(stored?.cover).toMatchObject({ state: "covered", coveredBy: vera.id, across: { organisationId: t.kommun.id, othersTo: bo.id } });

    const told = h.connector.cards(personalOf(anna)).filter((c) => textOf(c).includes("täcker för dig"));
    expect(told).toHaveLength(1);
    const card = told[0];
    expect(validationProblems(card)).toEqual([]);
    expect(textOf(card)).toContain("Vera Vård är från en annan organisation och täcker 2 deltagare vars samtycke omfattar den.");
    expect(textOf(card)).toContain("1 deltagare utan sådant samtycke går till Bo Region.");
    for (const code of Object.values(codes)) expect(textOf(card)).not.toContain(code);

    // The tab's absence view says the same, in counts.
    const board = await h.core.readBoard(actor(anna), t.boardId);
    expect(board.absences.find((a) => a.id === absence.id)?.split).toEqual({ toSubstitute: 2, toOwnOrganisation: 1, othersTo: bo.id });
    // "Mina deltagare": each sees exactly the participants they stand in for.
    const veraMine = await h.core.listParticipants(actor(vera), t.boardId, { mine: true });
    expect(veraMine.participants.map((p) => p.code).sort()).toEqual([codes.shared, codes.withdrawnLater]);
    const boMine = await h.core.listParticipants(actor(bo), t.boardId, { mine: true });
    expect(boMine.participants.map((p) => p.code)).toEqual([codes.regionOnly]);
  });

  it("cards about a participant go to the substitute only while that consent holds", async () => {
    const signalAbout = async (participantId: string) =>
      (
        await h.storage.signals.create(
          aSignal(t.boardId, participantId, {
            fromOrganisationId: t.kommun.id,
            toOrganisationId: t.region.id,
            raisedBy: kalle.id,
            raisedAt: h.now.value.toISOString(),
            answerBy: "2026-03-02T16:00:00.000Z",
          }),
        )
      ).id;
    const receivers = async (signalId: string) =>
      (await h.core.recipientsFor({ type: "signalRaised", boardId: t.boardId, signalId })).deliveries.flatMap((d) => d.to.map((m) => m.id));

    const before = await signalAbout(ids.withdrawnLater);
    expect(await receivers(before)).toEqual([vera.id]);
    // About the participant without such consent: her own organisation's colleague.
    expect(await receivers(await signalAbout(ids.regionOnly))).toEqual([bo.id]);

    // The region's consent is withdrawn mid-cover (the region records it).
    const consent = (await h.storage.consents.listForParticipant(t.boardId, ids.withdrawnLater))[0]!;
    await h.storage.consents.save({ ...consent, status: "withdrawn", withdrawnOn: "2026-03-02" }, { expectedEtag: consent.etag! });
    expect(await receivers(before)).toEqual([bo.id]);
    const board = await h.core.readBoard(actor(anna), t.boardId);
    expect(board.absences[0]?.split).toMatchObject({ toSubstitute: 1, toOwnOrganisation: 2 });
    // Vera no longer stands in for that participant: not among her own, nor her case-manager rights.
    const veraMine = await h.core.listParticipants(actor(vera), t.boardId, { mine: true });
    expect(veraMine.participants.map((p) => p.code)).toEqual([codes.shared]);
  });
});

describe("a signal to an organisation goes to whoever of its coordinators works now", () => {
  it("on Monday only the full-timer gets the card; on Tuesday both; the deadline is the full-timer's", async () => {
    // A second municipal coordinator who works Tuesdays 08–16 (20 %); Vera works the board's hours.
    const tuva = await t.member(t.kommun, {
      role: "coordinator",
      displayName: "Tuva Tisdag",
      workingPattern: { days: ["tue"], opensAt: "08:00", closesAt: "16:00" },
    });
    await install(h, as(tuva));
    const p = await h.storage.participants.create(
      aParticipant(t.boardId, {
        code: "HBG-110",
        caseManagerId: anna.id,
        writtenBy: t.region.id,
        organisationIds: [t.region.id, t.kommun.id],
      }),
    );
    await h.storage.consents.save(
      aConsent(t.boardId, p.id, {
        disclosingOrganisationId: t.region.id,
        receivingOrganisationIds: [t.kommun.id],
        status: "given",
        givenOn: "2025-06-01",
        validUntil: "2026-12-31",
      }),
    );
    const raise = () =>
      h.core.raiseSignal(actor(bo), t.boardId, {
        participantId: p.id,
        toOrganisationId: t.kommun.id,
        kind: "concern",
        urgency: "today",
        proposeBoard: false,
      });
    h.connector.clear();
    // Monday 2 March, 10:00 in Stockholm.
    h.now.value = new Date("2026-03-02T09:00:00.000Z");
    const monday = await raise();
    await h.bot.idle();
    expect(monday.answerBy).toBe("2026-03-02T16:00:00.000Z");
    expect(h.connector.cards(personalOf(vera)).filter((c) => textOf(c).includes(monday.id)).length).toBeGreaterThan(0);
    expect(h.connector.cards(personalOf(tuva)).filter((c) => textOf(c).includes(monday.id))).toEqual([]);
    // Tuesday 3 March, 10:00: both at work, both asked.
    h.now.value = new Date("2026-03-03T09:00:00.000Z");
    const tuesday = await raise();
    await h.bot.idle();
    expect(h.connector.cards(personalOf(tuva)).filter((c) => textOf(c).includes(tuesday.id)).length).toBeGreaterThan(0);
    expect(h.connector.cards(personalOf(vera)).filter((c) => textOf(c).includes(tuesday.id)).length).toBeGreaterThan(0);
    // Tuesday 16:30: Tuva has gone home; Vera alone.
    h.now.value = new Date("2026-03-03T15:30:00.000Z");
    const late = await h.core.recipientsFor({ type: "signalRaised", boardId: t.boardId, signalId: tuesday.id });
    expect(late.deliveries.flatMap((d) => d.to.map((m) => m.id))).toEqual([vera.id]);
  });
});
