// Issue 29, item 2, for the bot's cards: through the real CloudAdapter on Azurite, every text a card
// lets a person type refuses every identity-number variant, tells them so naming the input, and
// changes nothing. Which verbs take text is read from the card verbs' schemas, so a new text input
// must be added here.
import { isPersonalIdentityNumberIssue } from "@fact-board/contract";
import type { z } from "zod";
import { VERBS } from "../../bot/src/cards/verbs";
import type { Member } from "../../bot/src/domain/types";
import { aBoard, aConsent, aMember, aParticipant, aSignal, anOrganisation } from "../../bot/src/storage/test-support";
import { type Harness, action, click, install, say, startHarness, textOf } from "../../bot/src/test-support/harness";
import { VARIANTS, stringLeaves } from "../support/identity-numbers";

const REGION = "tenant-region";
const KOMMUN = "tenant-kommun";

let h: Harness;
let boardId: string;
let regionId: string;
let kommunId: string;
let participantId: string;
let rita: Member;
let kalle: Member;

const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;
const lastCard = (m: Member) => h.connector.cards(personalOf(m)).at(-1);

beforeAll(async () => {
  h = await startHarness();
  boardId = (await h.storage.boards.create(aBoard({ allowedTenantIds: [REGION, KOMMUN] }))).id;
  regionId = (await h.storage.organisations.create(anOrganisation(boardId, { id: `orgregion${boardId}`, tenantId: REGION }))).id;
  kommunId = (
    await h.storage.organisations.create(
      anOrganisation(boardId, { id: `orgkommun${boardId}`, kind: "municipalSocialServices", tenantId: KOMMUN }),
    )
  ).id;
  rita = await h.storage.members.create(aMember(boardId, { tenantId: REGION, organisationId: regionId, displayName: "Rita Region" }));
  kalle = await h.storage.members.create(aMember(boardId, { tenantId: KOMMUN, organisationId: kommunId, displayName: "Kalle Kommun" }));
  participantId = (
    await h.storage.participants.create(
      aParticipant(boardId, { code: "HBG-017", caseManagerId: rita.id, writtenBy: regionId, organisationIds: [regionId, kommunId] }),
    )
  ).id;
  await h.storage.consents.save(
    aConsent(boardId, participantId, {
      disclosingOrganisationId: regionId,
      receivingOrganisationIds: [kommunId],
      status: "given",
      givenOn: "2025-06-01",
      validUntil: "2026-12-31",
    }),
  );
  await install(h, as(rita));
  await install(h, as(kalle));
});

afterAll(async () => {
  await h?.close();
});

const PROSE = "Ringer boendestödet i morgon om hembesöket";
const typedInto = (schema: z.ZodType) =>
  stringLeaves(schema)
    .filter((l) => l.schema.safeParse(PROSE).success && l.path.at(-1) !== "etag")
    .map((l) => l.path.join("."));

it("the card inputs a person types text into are the ones tested here", () => {
  const withText = Object.entries(VERBS).flatMap(([verb, schema]) => typedInto(schema as z.ZodType).map((field) => `${verb} ${field}`));
  expect(withText.sort()).toEqual(["signal.decline declineReason", "signal.raise note"]);
  // And the schemas refuse the numbers there (the click tests below show what the person sees).
  expect(VERBS["signal.raise"].safeParse({ note: VARIANTS[0] }).error?.issues.some(isPersonalIdentityNumberIssue)).toBe(true);
});

describe("the signal form's note", () => {
  it(`refuses all ${VARIANTS.length} variants, says so naming the note, and raises no signal`, async () => {
    await say(h, as(rita), "signal");
    const send = action(lastCard(rita), "signal.raise");
    const answers: string[] = [];
    for (const variant of VARIANTS) {
      const res = await click(h, as(rita), "signal.raise", {
        ...send.data,
        participantId,
        toOrganisationId: kommunId,
        kind: "concern",
        urgency: "today",
        note: `Oro. ${variant}`,
      });
      if (!(res.status === 200 && textOf(res.card).includes("Anteckning: ser ut att innehålla ett personnummer eller samordningsnummer")))
        answers.push(`${JSON.stringify(variant)} → ${res.status} ${textOf(res.card).slice(0, 200)}`);
    }
    expect(answers).toEqual([]);
    await h.bot.idle();
    expect(await h.storage.signals.get(boardId, String(send.data["requestId"]))).toBeUndefined();
    // The same form with an ordinary note is sent.
    const sent = await click(h, as(rita), "signal.raise", {
      ...send.data,
      participantId,
      toOrganisationId: kommunId,
      kind: "concern",
      urgency: "today",
      note: "Oro efter helgen, ring 070-123 45 67",
    });
    expect(textOf(sent.card)).not.toContain("personnummer");
    expect((await h.storage.signals.get(boardId, String(send.data["requestId"])))?.note).toBe("Oro efter helgen, ring 070-123 45 67");
  });

  it("says it in English to a Teams client in English", async () => {
    await say(h, as(rita), "signal");
    const send = action(lastCard(rita), "signal.raise");
    const res = await click(
      h,
      as(rita),
      "signal.raise",
      { ...send.data, participantId, toOrganisationId: kommunId, kind: "concern", urgency: "today", note: VARIANTS[3] },
      "en-US",
    );
    expect(textOf(res.card)).toContain("looks like it contains a personal identity number");
  });
});

describe("declining a signal", () => {
  it(`refuses all ${VARIANTS.length} variants as the reason, says so naming the reason, and leaves the signal open`, async () => {
    const signal = await h.storage.signals.create(
      aSignal(boardId, participantId, {
        fromOrganisationId: regionId,
        toOrganisationId: kommunId,
        raisedBy: rita.id,
        raisedAt: h.now.value.toISOString(),
        answerBy: new Date(h.now.value.getTime() + 86_400_000).toISOString(),
      }),
    );
    const data = { card: "signal", boardId, signalId: signal.id, audience: "personal", etag: signal.etag };
    const answers: string[] = [];
    for (const variant of VARIANTS) {
      const res = await click(h, as(kalle), "signal.decline", { ...data, declineReason: variant });
      if (!(res.status === 200 && textOf(res.card).includes("Skäl: ser ut att innehålla ett personnummer eller samordningsnummer")))
        answers.push(`${JSON.stringify(variant)} → ${res.status} ${textOf(res.card).slice(0, 200)}`);
    }
    expect(answers).toEqual([]);
    const after = await h.storage.signals.get(boardId, signal.id);
    expect([after?.state, after?.declineReason, after?.etag]).toEqual(["open", undefined, signal.etag]);
  });
});
