// Who wrote it is who owns it, through HTTP on Azurite. The region (W) writes the participant and
// their entry; its consent names the municipality Norrby (X) and the care services of Västra (Z).
// Norrby's own consent names only the region. So when Norrby changes or answers what the region
// wrote, either the change is refused or it becomes Norrby's own item — and a member of Västra sees
// none of Norrby's words in any read: the board, the participant list, history, the signal view
// and the 409 `current` body. The tab's live refresh refetches the same GET /api/boards/:id, so
// asserting that GET covers it.
import { addDays } from "../../bot/src/domain/dates";
import type { Member } from "../../bot/src/domain/types";
import { aCoverRequest, aFreshParticipant, BOARD, ORG, startWorld, textOf, type Fixture, type Response, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const eva = () => w.byName("Eva Testsson"); // region manager
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const karin = () => w.byName("Karin Exempeldotter"); // Norrby manager
const per = () => w.byName("Per Påhittsson"); // Västra coordinator

let counter = 0;
/** Words no demo text contains, so a scan for them finds only what Norrby wrote. */
const norrbysWords = () => `ZQXNORRBY${++counter}`;

/** The region's participant on the board, readable by Norrby and Västra; Norrby's writing readable by the region only. */
async function theRegionsEntry(): Promise<Fixture> {
  return aFreshParticipant(w, {
    caseManagerId: ada().id,
    onBoard: true,
    consents: [
      { from: ORG.region, to: [ORG.north, ORG.west] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
}

const refusedAsNotOurs = (res: Response<{ error?: { code?: string; reason?: string } }>) =>
  expect({ status: res.status, code: res.body?.error?.code, reason: res.body?.error?.reason }).toEqual({
    status: 403,
    code: "Forbidden",
    reason: "NotYourOrganisationsText",
  });

/** Every read a member has of the participant: the board (and so its live refresh), the list and history. */
async function everythingSeenBy(member: Member, f: Fixture) {
  const board = await w.call(member, "GET", BOARD);
  const list = await w.call(member, "GET", `${BOARD}/participants?q=ZQX`);
  const history = await w.call(member, "GET", `${BOARD}/participants/${f.participant.id}/history`);
  expect([board.status, list.status, history.status]).toEqual([200, 200, 200]);
  const row = board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === f.participant.id);
  const text = [board, list, history].map(textOf).join("\n");
  return { board, list, history, row, text };
}

const entryPath = (f: Fixture, suffix = "") => `${BOARD}/entries/${f.participant.id}${suffix}`;
const currentEtag = async (f: Fixture) =>
  (await w.call(ada(), "GET", `${BOARD}/participants/${f.participant.id}/history`)).body.current.etag as string;

describe("editing the region's entry", () => {
  it("refuses the municipality's reason note on the region's entry and keeps the region's own", async () => {
    const f = await theRegionsEntry();
    const words = norrbysWords();
    const res = await w.call(hugo(), "PATCH", entryPath(f), { etag: f.entry!.etag, reasonNote: words });
    refusedAsNotOurs(res);
    expect(res.body.error.message).toMatch(/another organisation/);
    for (const member of [ada(), hugo(), per()]) expect((await everythingSeenBy(member, f)).text).not.toContain(words);
  });

  const sharedEdits = {
    priority: () => "low",
    reason: () => "relapseRisk",
    reasonNote: () => null,
    nextEvaluationOn: () => addDays(w.today(), 2),
  };
  it.each(Object.keys(sharedEdits))("refuses the municipality changing the region's %s", async (field) => {
    const f = await theRegionsEntry();
    const value = sharedEdits[field as keyof typeof sharedEdits]();
    refusedAsNotOurs(await w.call(hugo(), "PATCH", entryPath(f), { etag: f.entry!.etag, [field]: value }));
    expect(await currentEtag(f)).toBe(f.entry!.etag);
  });

  it("refuses the municipality's edit with a stale version rather than asking it to reload and retry", async () => {
    const f = await theRegionsEntry();
    const moved = await w.call(ada(), "PATCH", entryPath(f), { etag: f.entry!.etag, priority: "medium" });
    expect(moved.status).toBe(200);
    refusedAsNotOurs(await w.call(hugo(), "PATCH", entryPath(f), { etag: f.entry!.etag, priority: "low" }));
  });

  it("still lets the region edit its own entry, and tells each reader whose shared fields they are", async () => {
    const f = await theRegionsEntry();
    expect((await w.call(ada(), "PATCH", entryPath(f), { etag: f.entry!.etag, reasonNote: "Regionens anteckning" })).status).toBe(200);
    expect((await everythingSeenBy(ada(), f)).row.entry).toMatchObject({ reasonNote: "Regionens anteckning", mayEdit: true });
    expect((await everythingSeenBy(hugo(), f)).row.entry).toMatchObject({ reasonNote: "Regionens anteckning", mayEdit: false });
  });
});

describe("actions on the region's entry", () => {
  it("keeps the municipality's action as its own: the region sees it, a care provider named only by the region's consent does not", async () => {
    const f = await theRegionsEntry();
    const words = norrbysWords();
    const added = await w.call(hugo(), "POST", entryPath(f, "/actions"), {
      etag: f.entry!.etag,
      what: words,
      responsibleId: hugo().id,
      byWhen: addDays(w.today(), 1),
    });
    expect(added.status).toBe(201);
    expect(added.body.actions.find((a: { what: string }) => a.what === words)).toMatchObject({ writtenBy: ORG.north, mayMarkDone: true });

    const region = await everythingSeenBy(ada(), f);
    expect(region.row.entry.actions.map((a: { what: string }) => a.what)).toEqual(["Hembesök", words]);
    const west = await everythingSeenBy(per(), f);
    expect(west.row.entry.actions.map((a: { what: string }) => a.what)).toEqual(["Hembesök"]);
    expect(west.text).not.toContain(words);
  });

  it("refuses the municipality marking the region's action done, so a care provider never reads the municipality's 'done'", async () => {
    const f = await theRegionsEntry();
    refusedAsNotOurs(await w.call(hugo(), "PATCH", entryPath(f, "/actions/a1"), { etag: f.entry!.etag, done: true }));
    const west = await everythingSeenBy(per(), f);
    expect(west.row.entry.actions).toEqual([expect.objectContaining({ id: "a1", done: false, mayMarkDone: false })]);
    expect((await everythingSeenBy(hugo(), f)).row.entry.actions[0]).toMatchObject({ id: "a1", mayMarkDone: false });
  });

  it("lets the municipality mark its own action done, seen by the region and not by the care provider", async () => {
    const f = await theRegionsEntry();
    const words = norrbysWords();
    const added = await w.call(hugo(), "POST", entryPath(f, "/actions"), {
      etag: f.entry!.etag,
      id: "n1",
      what: words,
      responsibleId: hugo().id,
      byWhen: addDays(w.today(), 1),
    });
    const done = await w.call(hugo(), "PATCH", entryPath(f, "/actions/n1"), { etag: added.body.etag, done: true });
    expect(done.status).toBe(200);
    expect((await everythingSeenBy(ada(), f)).row.entry.actions.find((a: { id: string }) => a.id === "n1")).toMatchObject({
      done: true,
      writtenBy: ORG.north,
    });
    expect((await everythingSeenBy(per(), f)).text).not.toContain(words);
  });

  it("leaves the municipality's action out of the 409 current body a care provider gets, exactly as its GET shows the entry", async () => {
    const f = await theRegionsEntry();
    const words = norrbysWords();
    expect(
      (
        await w.call(hugo(), "POST", entryPath(f, "/actions"), {
          etag: f.entry!.etag,
          what: words,
          responsibleId: hugo().id,
          byWhen: addDays(w.today(), 1),
        })
      ).status,
    ).toBe(201);
    // Västra adds its own action on the version it read before Norrby's: stale.
    const stale = await w.call(per(), "POST", entryPath(f, "/actions"), {
      etag: f.entry!.etag,
      what: "Västras åtgärd",
      responsibleId: per().id,
      byWhen: addDays(w.today(), 1),
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale)).not.toContain(words);
    expect(stale.body.error.current).toEqual((await everythingSeenBy(per(), f)).row.entry);
  });
});

describe("reviewing the region's entry", () => {
  it("records the municipality's review as its own: the care provider still sees only the region's review", async () => {
    const f = await theRegionsEntry();
    const yesterday = addDays(w.today(), -1);
    // The region reviewed it yesterday (its own review, stored as such).
    await w.app.storage.entries.update(
      { ...f.entry!, reviews: [{ organisationId: ORG.region, on: yesterday, by: ada().id }] },
      { expectedEtag: f.entry!.etag },
    );
    const reviewed = await w.call(hugo(), "POST", entryPath(f, "/review"), { etag: await currentEtag(f) });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ lastReviewedOn: w.today(), lastReviewedBy: hugo().id });

    expect((await everythingSeenBy(ada(), f)).row.entry).toMatchObject({ lastReviewedOn: w.today(), lastReviewedBy: hugo().id });
    const west = await everythingSeenBy(per(), f);
    expect(west.row.entry).toMatchObject({ lastReviewedOn: yesterday, lastReviewedBy: ada().id });
    expect(west.history.body.current).toMatchObject({ lastReviewedOn: yesterday, lastReviewedBy: ada().id });
  });

  it("shows a care provider no review at all when only the municipality reviewed", async () => {
    const f = await theRegionsEntry();
    expect((await w.call(hugo(), "POST", entryPath(f, "/review"), { etag: f.entry!.etag })).status).toBe(200);
    const west = await everythingSeenBy(per(), f);
    expect(west.row.entry).not.toHaveProperty("lastReviewedOn");
    expect(west.row.entry).not.toHaveProperty("lastReviewedBy");
  });

  it("lets the region review on a day the municipality already did: one review per organisation", async () => {
    const f = await theRegionsEntry();
    const byNorth = await w.call(hugo(), "POST", entryPath(f, "/review"), { etag: f.entry!.etag });
    const byRegion = await w.call(ada(), "POST", entryPath(f, "/review"), { etag: byNorth.body.etag });
    expect(byRegion.status).toBe(200);
    expect((await everythingSeenBy(per(), f)).row.entry).toMatchObject({ lastReviewedOn: w.today(), lastReviewedBy: ada().id });
  });

  it("leaves the municipality's review out of the 409 current body a care provider gets", async () => {
    const f = await theRegionsEntry();
    expect((await w.call(hugo(), "POST", entryPath(f, "/review"), { etag: f.entry!.etag })).status).toBe(200);
    const stale = await w.call(per(), "POST", entryPath(f, "/review"), { etag: f.entry!.etag });
    expect(stale.status).toBe(409);
    expect(textOf(stale)).not.toContain(hugo().id);
    expect(stale.body.error.current).toEqual((await everythingSeenBy(per(), f)).row.entry);
  });
});

describe("taking the region's entry off the board", () => {
  it("refuses the municipality's take-off and outcome note; the entry stays on the board", async () => {
    const f = await theRegionsEntry();
    const words = norrbysWords();
    refusedAsNotOurs(await w.call(hugo(), "POST", entryPath(f, "/take-off"), { etag: f.entry!.etag, outcome: "stable", note: words }));
    const west = await everythingSeenBy(per(), f);
    expect(west.row).toBeDefined();
    expect(west.history.body.closed).toEqual([]);
    expect(west.text).not.toContain(words);
  });

  it("refuses the municipality taking the region's participant out of the team", async () => {
    const f = await theRegionsEntry();
    refusedAsNotOurs(await w.call(hugo(), "POST", `${BOARD}/participants/${f.participant.id}/leave`, {}));
    expect((await everythingSeenBy(per(), f)).row).toBeDefined();
  });

  it("shows the region's own outcome note in history to the care provider its consent names", async () => {
    const f = await theRegionsEntry();
    expect(
      (await w.call(ada(), "POST", entryPath(f, "/take-off"), { etag: f.entry!.etag, outcome: "stable", note: "Regionens bedömning" }))
        .status,
    ).toBe(200);
    expect((await everythingSeenBy(per(), f)).history.body.closed[0]).toMatchObject({
      outcome: "stable",
      outcomeNote: "Regionens bedömning",
      writtenBy: ORG.region,
    });
  });
});

describe("a signal from the region to the municipality", () => {
  async function theRegionsSignal(f: Fixture) {
    const raised = await w.call(ada(), "POST", `${BOARD}/signals`, {
      participantId: f.participant.id,
      toOrganisationId: ORG.north,
      kind: "moreMunicipalSupport",
      urgency: "today",
      note: "Regionens oro",
    });
    expect(raised.status).toBe(201);
    return raised.body as { id: string; etag: string };
  }

  it("hides the municipality's decline reason from a care provider named only by the region's consent", async () => {
    const f = await theRegionsEntry();
    const signal = await theRegionsSignal(f);
    const words = norrbysWords();
    expect(
      (await w.call(hugo(), "POST", `${BOARD}/signals/${signal.id}/answer`, { answer: "decline", etag: signal.etag, reason: words }))
        .status,
    ).toBe(200);

    const region = await w.call(ada(), "GET", `${BOARD}/signals/${signal.id}`);
    expect(region.body).toMatchObject({ state: "declined", declineReason: words, note: "Regionens oro" });
    expect(region.body).not.toHaveProperty("answerHidden");

    const west = await w.call(per(), "GET", `${BOARD}/signals/${signal.id}`);
    expect(west.status).toBe(200);
    expect(west.body).toMatchObject({ note: "Regionens oro", state: "open", overdue: false, answerHidden: true });
    expect(west.body).not.toHaveProperty("declineReason");
    const seen = await everythingSeenBy(per(), f);
    expect(seen.history.body.signals).toEqual([west.body]);
    expect(seen.text + textOf(west)).not.toContain(words);
  });

  it("shows a care provider the region's signal on the board, without the municipality's acknowledgement", async () => {
    const f = await theRegionsEntry();
    const signal = await theRegionsSignal(f);
    expect(
      (await w.call(hugo(), "POST", `${BOARD}/signals/${signal.id}/answer`, { answer: "acknowledge", etag: signal.etag })).status,
    ).toBe(200);
    const west = (await everythingSeenBy(per(), f)).board.body.signals.find((e: { id: string }) => e.id === signal.id);
    expect(west).toMatchObject({ state: "open", answerHidden: true });
    const region = (await everythingSeenBy(ada(), f)).board.body.signals.find((e: { id: string }) => e.id === signal.id);
    expect(region).toMatchObject({ state: "acknowledged" });
  });

  it("refuses an answer from an organisation the signal was not sent to", async () => {
    const f = await theRegionsEntry();
    const signal = await theRegionsSignal(f);
    refusedAsNotOurs(
      await w.call(per(), "POST", `${BOARD}/signals/${signal.id}/answer`, {
        answer: "decline",
        etag: signal.etag,
        reason: "Västras skäl",
      }),
    );
    refusedAsNotOurs(await w.call(ada(), "POST", `${BOARD}/signals/${signal.id}/answer`, { answer: "resolve", etag: signal.etag }));
  });

  it("answers a stale answer with a 409 whose current body is the signal exactly as GET shows it", async () => {
    const f = await theRegionsEntry();
    const signal = await theRegionsSignal(f);
    const words = norrbysWords();
    const declined = await w.call(hugo(), "POST", `${BOARD}/signals/${signal.id}/answer`, {
      answer: "decline",
      etag: signal.etag,
      reason: words,
    });
    expect(declined.status).toBe(200);
    // A second Norrby member answers from the old version. (Västra cannot get this far: it is refused as not the receiver.)
    const stale = await w.call(karin(), "POST", `${BOARD}/signals/${signal.id}/answer`, { answer: "resolve", etag: signal.etag });
    expect([stale.status, stale.body.error.current]).toEqual([409, (await w.call(karin(), "GET", `${BOARD}/signals/${signal.id}`)).body]);
  });
});

describe("consents, absences and cover stay within the organisation", () => {
  it("refuses the municipality recording the region's consent", async () => {
    const f = await theRegionsEntry();
    const today = w.today();
    refusedAsNotOurs(
      await w.call(hugo(), "PUT", `${BOARD}/participants/${f.participant.id}/consents/${ORG.region}`, {
        status: "given",
        receivingOrganisationIds: [ORG.north, ORG.west, ORG.south],
        givenOn: today,
        validUntil: addDays(today, 30),
      }),
    );
  });

  it("refuses a municipal manager registering or cancelling a region colleague's absence", async () => {
    const from = addDays(w.today(), 200);
    refusedAsNotOurs(await w.call(karin(), "POST", `${BOARD}/absences`, { memberId: ada().id, from, to: from, reason: "sick" }));
    const absence = await aCoverRequest(w, ada(), eva().id);
    refusedAsNotOurs(await w.call(karin(), "POST", `${BOARD}/absences/${absence.id}/cancel`, { etag: absence.etag }));
  });

  it("refuses a cover answer from another organisation", async () => {
    const absence = await aCoverRequest(w, ada(), eva().id);
    refusedAsNotOurs(await w.call(hugo(), "POST", `${BOARD}/absences/${absence.id}/cover`, { etag: absence.etag, answer: "accept" }));
  });
});
