// Pågående insatser and the network (issue 26 items 2 and 4) through HTTP on Azurite. The region
// writes the participant and their entry; its consent names Norrby and Västra. Norrby's own consent
// names only the region (or, where said, Västra too). Each organisation keeps its own interventions;
// an action may be owned by an external role, its writer staying responsible; the participant's goal
// is written by the case manager's organisation only. Every item is shown by its writer's consent.
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const karin = () => w.byName("Karin Exempeldotter"); // Norrby manager
const per = () => w.byName("Per Påhittsson"); // Västra coordinator
const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };

let counter = 0;
const words = (who: string) => `ZQX${who}${++counter}`;

async function theRegionsEntry(norrbyNamesVastra = false, caseManagerId = ada().id): Promise<Fixture> {
  return aFreshParticipant(w, {
    caseManagerId,
    onBoard: true,
    consents: [
      { from: ORG.region, to: [ORG.north, ORG.west] },
      { from: ORG.north, to: norrbyNamesVastra ? [ORG.region, ORG.west] : [ORG.region] },
    ],
  });
}

const interventionsPath = (f: Fixture) => `${BOARD}/participants/${f.participant.id}/interventions`;

async function rowOf(member: Member, f: Fixture) {
  const board = await w.call(member, "GET", BOARD);
  expect(board.status).toBe(200);
  return board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === f.participant.id);
}

async function recordsOf(member: Member, f: Fixture, act: () => Promise<unknown>): Promise<string[]> {
  const list = async () =>
    (await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, RANGE)).filter(
      (e: AuditEvent) => e.participantId === f.participant.id,
    );
  const before = (await list()).map((e) => e.what);
  await act();
  const after = (await list()).map((e) => e.what);
  for (const what of before) after.splice(after.indexOf(what), 1);
  return after;
}

describe("ongoing support (Pågående insatser)", () => {
  it("hides the municipality's intervention from an organisation its consent does not name, and shows it where it does", async () => {
    const f = await theRegionsEntry();
    const label = words("BOENDE");
    const added = await w.call(hugo(), "POST", interventionsPath(f), { kind: "housingSupport", label, startedOn: "2026-01-15" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: "housingSupport", label, organisationId: ORG.north, startedOn: "2026-01-15" });
    expect(added.body.etag).toEqual(expect.any(String));

    const forAda = await rowOf(ada(), f);
    expect(forAda.interventions).toEqual([expect.objectContaining({ kind: "housingSupport", label, organisationId: ORG.north })]);
    // The region reads Norrby's intervention but never gets its ETag.
    expect(forAda.interventions[0].etag).toBeUndefined();

    // Västra sees the region's entry, but nothing of Norrby's intervention, anywhere.
    const forPer = await rowOf(per(), f);
    expect(forPer).toBeDefined();
    expect(forPer.interventions).toEqual([]);
    const history = await w.call(per(), "GET", `${BOARD}/participants/${f.participant.id}/history`);
    expect(history.body.interventions).toEqual([]);
    expect(textOf(history)).not.toContain(label);
    expect(textOf(await w.call(per(), "GET", BOARD))).not.toContain(label);

    // Where Norrby's consent names Västra, Västra reads it.
    const named = await theRegionsEntry(true);
    await w.call(hugo(), "POST", interventionsPath(named), { kind: "financialAssistance" });
    expect((await rowOf(per(), named)).interventions).toEqual([
      expect.objectContaining({ kind: "financialAssistance", organisationId: ORG.north }),
    ]);
  });

  it("lets only the keeping organisation change or end it, under the ETag it saw; ended ones move to the history", async () => {
    const f = await theRegionsEntry();
    const added = await w.call(hugo(), "POST", interventionsPath(f), { kind: "ipsWork", label: words("IPS") });
    const one = `${interventionsPath(f)}/${added.body.id}`;

    // The region reads it but may not change Norrby's words; Västra may not even see it.
    const byRegion = await w.call(ada(), "PUT", one, { etag: added.body.etag, label: "Regionens ord" });
    expect(byRegion.status).toBe(403);
    expect(byRegion.body.error.reason).toBe("NotYourOrganisationsText");
    expect((await w.call(per(), "PUT", one, { etag: added.body.etag, label: "Västras ord" })).status).toBe(404);

    const edited = await w.call(karin(), "PUT", one, { etag: added.body.etag, label: null, startedOn: "2026-02-01" });
    expect(edited.status).toBe(200);
    expect(edited.body.label).toBeUndefined();
    // Hugo still holds the first ETag: refused with what is stored now.
    const stale = await w.call(hugo(), "POST", `${one}/end`, { etag: added.body.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ startedOn: "2026-02-01", writtenBy: karin().id });

    const ended = await w.call(hugo(), "POST", `${one}/end`, { etag: edited.body.etag });
    expect(ended.status).toBe(200);
    expect(ended.body.endedOn).toBe(w.today());
    expect((await rowOf(ada(), f)).interventions).toEqual([]);
    const history = await w.call(ada(), "GET", `${BOARD}/participants/${f.participant.id}/history`);
    expect(history.body.interventions).toEqual([expect.objectContaining({ id: added.body.id, endedOn: w.today() })]);
    // Ended is history: it cannot be ended or changed again.
    expect((await w.call(hugo(), "POST", `${one}/end`, { etag: ended.body.etag })).status).toBe(409);
  });

  it("changes the label and start date only under the ETag seen: a stale one is a 409 with what is stored, which keeps the colleague's words", async () => {
    const f = await theRegionsEntry();
    const added = await w.call(hugo(), "POST", interventionsPath(f), {
      kind: "housingSupport",
      label: words("Boende"),
      startedOn: "2026-01-10",
    });
    const one = `${interventionsPath(f)}/${added.body.id}`;
    const karins = words("Karin");
    const byKarin = await w.call(karin(), "PUT", one, { etag: added.body.etag, label: karins, startedOn: "2026-01-12" });
    expect(byKarin.status).toBe(200);
    expect(byKarin.body).toMatchObject({ label: karins, startedOn: "2026-01-12", kind: "housingSupport", writtenBy: karin().id });

    // Hugo still holds the first version: his change is refused, with Karin's as it is stored now.
    const stale = await w.call(hugo(), "PUT", one, { etag: added.body.etag, label: words("Hugo"), startedOn: null });
    expect([stale.status, stale.body.error.code]).toEqual([409, "Conflict"]);
    expect(stale.body.error.current).toMatchObject({ label: karins, startedOn: "2026-01-12", etag: byKarin.body.etag });
    expect((await rowOf(hugo(), f)).interventions).toEqual([expect.objectContaining({ label: karins, startedOn: "2026-01-12" })]);

    // Re-applied on top of Karin's (the ETag the conflict carried): saved.
    const again = await w.call(hugo(), "PUT", one, { etag: stale.body.error.current.etag, label: "Varannan vecka", startedOn: null });
    expect(again.status).toBe(200);
    expect(again.body.label).toBe("Varannan vecka");
    expect(again.body.startedOn).toBeUndefined();
  });

  it("adds a retried intervention once and refuses an identity number in its label, storing nothing", async () => {
    const f = await theRegionsEntry();
    const body = { id: "retry-1", kind: "laro" };
    const first = await w.call(ada(), "POST", interventionsPath(f), body);
    const again = await w.call(ada(), "POST", interventionsPath(f), body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.etag).toBe(first.body.etag);
    const pnr = await w.call(ada(), "POST", interventionsPath(f), { kind: "other", label: "Gäller 19121212-1212" });
    expect(pnr.status).toBe(400);
    expect(pnr.body.error.reason).toBe("PersonalIdentityNumber");
    expect((await rowOf(ada(), f)).interventions.map((i: { kind: string }) => i.kind)).toEqual(["laro"]);
  });

  it("logs a write as a change and a board read as one view of the participant, however many interventions it has", async () => {
    const f = await theRegionsEntry();
    expect(await recordsOf(hugo(), f, () => w.call(hugo(), "POST", interventionsPath(f), { kind: "housingSupport" }))).toEqual(["changed"]);
    await w.call(ada(), "POST", interventionsPath(f), { kind: "depotMedication" });
    await w.call(ada(), "POST", interventionsPath(f), { kind: "outpatientTreatment" });
    expect(await recordsOf(ada(), f, () => w.call(ada(), "GET", BOARD))).toEqual(["viewedDetails"]);
  });
});

describe("the network", () => {
  it("shows an action owned by an AMF guide with the member who wrote it responsible (via), under the writer's consent", async () => {
    const f = await theRegionsEntry();
    const what = words("AMF");
    const added = await w.call(ada(), "POST", `${BOARD}/entries/${f.participant.id}/actions`, {
      etag: f.entry!.etag,
      what,
      external: { role: "amfGuide", name: "Påhittad guide" },
      byWhen: w.today(),
    });
    expect(added.status).toBe(201);
    const action = added.body.actions.find((a: { what: string }) => a.what === what);
    expect(action).toMatchObject({
      external: { role: "amfGuide", name: "Påhittad guide" },
      responsibleId: ada().id,
      writtenBy: ORG.region,
    });
    // Västra reads the region's action (the region's consent names it), with the same owner and "via".
    const forPer = await rowOf(per(), f);
    expect(forPer.entry.actions.find((a: { what: string }) => a.what === what)).toMatchObject({
      external: { role: "amfGuide" },
      responsibleId: ada().id,
    });
  });

  it("refuses an action naming both a member and an external owner", async () => {
    const f = await theRegionsEntry();
    const res = await w.call(ada(), "POST", `${BOARD}/entries/${f.participant.id}/actions`, {
      etag: f.entry!.etag,
      what: "Båda",
      responsibleId: ada().id,
      external: { role: "relative" },
      byWhen: w.today(),
    });
    expect(res.status).toBe(400);
  });
});

describe("the participant's goal (Deltagarens mål)", () => {
  it("is written only by the case manager's organisation and shown to others by its consent", async () => {
    // Hugo of Norrby is the case manager; Norrby's consent names only the region.
    const f = await theRegionsEntry(false, hugo().id);
    const goalPath = `${BOARD}/participants/${f.participant.id}/goal`;
    const text = words("MAL");
    const byRegion = await w.call(ada(), "PUT", goalPath, { etag: f.participant.etag, text: "Regionens mål" });
    expect(byRegion.status).toBe(403);
    expect(byRegion.body.error.reason).toBe("NotYourOrganisationsText");
    expect((await rowOf(ada(), f)).may.setGoal).toBe(false);
    expect((await rowOf(karin(), f)).may.setGoal).toBe(true);

    const written = await w.call(karin(), "PUT", goalPath, { etag: f.participant.etag, text });
    expect(written.status).toBe(200);
    expect(written.body.goal).toMatchObject({ text, organisationId: ORG.north, writtenBy: karin().id });
    // A stale ETag (the participant changed since) is a conflict, never a silent overwrite.
    const stale = await w.call(hugo(), "PUT", goalPath, { etag: f.participant.etag, text: words("STALE") });
    expect(stale.status).toBe(409);

    expect((await rowOf(ada(), f)).participant.goal).toMatchObject({ text, organisationId: ORG.north });
    const forPer = await rowOf(per(), f);
    expect(forPer.participant.goal).toBeUndefined();
    expect(textOf(await w.call(per(), "GET", BOARD))).not.toContain(text);
  });
});
