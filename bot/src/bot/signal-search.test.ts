// The signal form reaches every participant: a typeahead (Input.ChoiceSet choices.data) that
// Teams answers through the bot's application/search invoke, through the real CloudAdapter.
import { aBoard, aConsent, aMember, aParticipant, anOrganisation } from "../test-support";
import { type Harness, action, activity, click, install, post, say, startHarness } from "../test-support/harness";
import type { Member } from "../domain/types";

const REGION = "tenant-region";
const KOMMUN = "tenant-kommun";
let h: Harness;
let boardId: string;
let rc: Member, kc: Member;
const ids = new Map<string, string>();
const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;

beforeAll(async () => {
  h = await startHarness();
  boardId = (await h.storage.boards.create(aBoard({ allowedTenantIds: [REGION, KOMMUN] }))).id;
  const region = await h.storage.organisations.create(
    anOrganisation(boardId, { id: `orgr${boardId}`, name: "Psykiatrin", tenantId: REGION }),
  );
  const kommun = await h.storage.organisations.create(
    anOrganisation(boardId, { id: `orgk${boardId}`, name: "Socialtjänsten", tenantId: KOMMUN }),
  );
  rc = await h.storage.members.create(
    aMember(boardId, { tenantId: REGION, organisationId: region.id, role: "coordinator", displayName: "Rita" }),
  );
  kc = await h.storage.members.create(
    aMember(boardId, { tenantId: KOMMUN, organisationId: kommun.id, role: "coordinator", displayName: "Kalle" }),
  );
  // A region coordinator involved in 160 participants, each shared with the municipality by consent;
  // FIK-161 has no consent, so no other organisation may read a signal about it.
  for (let i = 1; i <= 161; i++) {
    const code = `FIK-${String(i).padStart(3, "0")}`;
    const p = await h.storage.participants.create(
      aParticipant(boardId, {
        code,
        initials: i === 153 ? "Q.Z." : "A.B.",
        caseManagerId: rc.id,
        writtenBy: region.id,
        organisationIds: [region.id, kommun.id],
      }),
    );
    ids.set(code, p.id);
    if (i <= 160)
      await h.storage.consents.save(
        aConsent(boardId, p.id, {
          disclosingOrganisationId: region.id,
          receivingOrganisationIds: [kommun.id],
          status: "given",
          givenOn: "2025-06-01",
          validUntil: "2026-12-31",
        }),
      );
  }
  await install(h, as(rc));
});
afterAll(() => h?.close());

async function search(
  who: Member,
  queryText: string,
  dataset = `participantsToSignal.${boardId}`,
  conversation?: { id: string; conversationType: string },
) {
  const res = await post(
    h,
    activity(
      h,
      as(who),
      { type: "invoke", name: "application/search", value: { kind: "search", queryText, queryOptions: { skip: 0, top: 15 }, dataset } },
      conversation,
    ),
  );
  return res.body as { statusCode: number; type: string; value: { results?: Array<{ title: string; value: string }> } };
}

it("the form offers a typeahead over the board's participants, and the bot's search finds FIK-153", async () => {
  h.connector.clear();
  await say(h, as(rc), "signal");
  const form = h.connector.cards(personalOf(rc)).pop() as { body: Array<Record<string, unknown>> };
  const input = form.body.find((e) => e["id"] === "participantId")!;
  expect(input["choices.data"]).toEqual({ type: "Data.Query", dataset: `participantsToSignal.${boardId}`, count: 15 });
  expect((input["choices"] as unknown[]).length).toBeLessThanOrEqual(15);

  const found = await search(rc, "153");
  expect(found.statusCode).toBe(200);
  expect(found.type).toBe("application/vnd.microsoft.search.searchResponse");
  expect(found.value.results).toEqual([{ title: "FIK-153 (Q.Z.)", value: ids.get("FIK-153") }]);
  expect((await search(rc, "qz")).value.results?.map((r) => r.title)).toEqual(["FIK-153 (Q.Z.)"]);

  const raise = action(form, "signal.raise");
  const sent = await click(h, as(rc), raise.verb, {
    ...raise.data,
    participantId: found.value.results![0]!.value,
    toOrganisationId: `orgk${boardId}`,
    kind: "concern",
    urgency: "thisWeek",
  });
  expect(sent.statusCode).toBe(200);
  const open = await h.storage.signals.listOpen(boardId);
  expect(open.map((e) => e.participantId)).toEqual([ids.get("FIK-153")]);
});

it("lists at most 15 at a time, and never a participant no other organisation may read a signal about", async () => {
  const page = await search(rc, "FIK");
  expect(page.value.results).toHaveLength(15);
  expect((await search(rc, "FIK-16")).value.results?.map((r) => r.title)).toEqual(["FIK-160 (A.B.)"]);
});

it("answers nobody who is not a member of the dataset's board, nor in a shared conversation, nor for a malformed dataset", async () => {
  const outsider = aMember(boardId, { tenantId: KOMMUN });
  expect((await search(outsider, "153")).statusCode).toBe(403);
  expect(
    (await search(rc, "153", `participantsToSignal.${boardId}`, { id: "19:chan@thread.tacv2", conversationType: "channel" })).statusCode,
  ).toBe(403);
  expect((await search(rc, "153", "participantsToSignal.../x")).statusCode).toBe(400);
  // The municipality sees only what the region shares: FIK-161 is not theirs to see.
  expect((await search(kc, "161")).value.results).toEqual([]);
});

it("answers a malformed search with 400, not with a guess", async () => {
  for (const value of [
    { kind: "search", queryText: 153, queryOptions: { skip: 0, top: 15 }, dataset: `participantsToSignal.${boardId}` },
    { kind: "search", queryText: "153", queryOptions: { skip: -1, top: 15 }, dataset: `participantsToSignal.${boardId}` },
    { kind: "search", queryText: "153", queryOptions: { skip: 0, top: "many" }, dataset: `participantsToSignal.${boardId}` },
  ]) {
    const res = await post(h, activity(h, as(rc), { type: "invoke", name: "application/search", value }));
    expect((res.body as { statusCode: number }).statusCode).toBe(400);
  }
});
