// Issue 24, through HTTP on Azurite: what the board shows is true for a real team, and the FACT
// team steers it. The demo board's lead organisation (huvudman) is the regional psychiatry; Norrby
// (a municipality) puts a participant on; Västra is named only by the region's consent, Södervik
// only by Norrby's. The region re-prioritises and takes off Norrby's entry as its own items, and
// nobody reads one organisation's words under another's consent.
import { addDays } from "../../bot/src/domain/dates";
import type { Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Response, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator (the lead organisation)
const tove = () => w.byName("Tove Testdotter"); // region staff, case manager of nobody here
const greta = () => w.byName("Greta Provberg"); // region admin
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const per = () => w.byName("Per Påhittsson"); // Västra coordinator
const lars = () => w.byName("Lars Testberg"); // Södervik coordinator

let counter = 0;
const norrbysWords = () => `ZQXNORRBY${++counter}`;
const regionsWords = () => `ZQXREGION${++counter}`;

const entryPath = (participantId: string, suffix = "") => `${BOARD}/entries/${participantId}${suffix}`;

/** Everything a member reads about the participant, as text: the board (and so its live refresh), the list and history. */
async function everythingSeenBy(member: Member, participantId: string) {
  const board = await w.call(member, "GET", BOARD);
  const list = await w.call(member, "GET", `${BOARD}/participants?q=ZQX`);
  const history = await w.call(member, "GET", `${BOARD}/participants/${participantId}/history`);
  const row = board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === participantId);
  return { board, list, history, row, text: [board, list, history].map(textOf).join("\n") };
}

const refusedAsNotOurs = (res: Response<{ error?: { code?: string; reason?: string; message?: string } }>, instead: string) => {
  expect({ status: res.status, code: res.body?.error?.code, reason: res.body?.error?.reason }).toEqual({
    status: 403,
    code: "Forbidden",
    reason: "NotYourOrganisationsText",
  });
  expect(res.body.error?.message).toContain(instead);
};

/**
 * The region's participant; its consent names Norrby and Västra, Norrby's names the region only.
 * Norrby puts them on the board with a reason note of its own.
 */
async function norrbyPutsOn() {
  const { participant } = await aFreshParticipant(w, {
    caseManagerId: ada().id,
    consents: [
      { from: ORG.region, to: [ORG.north, ORG.west] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
  const note = norrbysWords();
  const put = await w.call(hugo(), "POST", `${BOARD}/entries`, {
    participantId: participant.id,
    reason: "coordinationNeed",
    reasonNote: note,
    priority: "low",
    nextEvaluationOn: addDays(w.today(), 7),
  });
  expect(put.status).toBe(201);
  return { participant, note, etag: put.body.etag as string };
}

describe("the FACT team steers the board (the lead organisation)", () => {
  it("lets a lead-organisation coordinator re-prioritise and take off an entry a municipality put on, each as the region's own item", async () => {
    const { participant, note, etag } = await norrbyPutsOn();
    const steered = await w.call(ada(), "PATCH", entryPath(participant.id), {
      etag,
      priority: "high",
      nextEvaluationOn: addDays(w.today(), 1),
    });
    expect(steered.status).toBe(200);
    expect(steered.body).toMatchObject({
      writtenBy: ORG.north,
      reasonNote: note,
      priority: "high",
      priorityWrittenBy: ORG.region,
      nextEvaluationWrittenBy: ORG.region,
    });
    // The region's row says what it may do: steer and take off, not change Norrby's reason.
    expect((await everythingSeenBy(ada(), participant.id)).row.may).toMatchObject({ editEntry: false, steer: true, takeOff: true });
    // Norrby, named by the region's consent, reads the region's priority as the region's.
    expect((await everythingSeenBy(hugo(), participant.id)).row.entry).toMatchObject({ priority: "high", priorityWrittenBy: ORG.region });

    const outcomeNote = regionsWords();
    const off = await w.call(ada(), "POST", entryPath(participant.id, "/take-off"), {
      etag: steered.body.etag,
      outcome: "stable",
      note: outcomeNote,
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ writtenBy: ORG.north, takenOffByOrganisation: ORG.region, outcome: "stable", outcomeNote });
    const norrby = await everythingSeenBy(hugo(), participant.id);
    expect(norrby.row).toBeUndefined();
    expect(norrby.history.body.closed[0]).toMatchObject({ reasonNote: note, outcomeNote, takenOffByOrganisation: ORG.region });
  });

  it("never shows the municipality's reason note to an organisation that only the lead organisation's consent names", async () => {
    const { participant, note, etag } = await norrbyPutsOn();
    const steered = await w.call(ada(), "PATCH", entryPath(participant.id), { etag, priority: "medium" });
    expect(steered.status).toBe(200);
    // Västra sees the participant (the region's record, its consent) but no trace of Norrby's entry or words.
    const west = await everythingSeenBy(per(), participant.id);
    expect(west.list.body.participants.map((p: { id: string }) => p.id)).toContain(participant.id);
    expect(west.row).toBeUndefined();
    expect(west.history.body).not.toHaveProperty("current");
    expect(west.text).not.toContain(note);
    // Still not after the region takes it off with its own note: the closed entry is Norrby's.
    const off = await w.call(ada(), "POST", entryPath(participant.id, "/take-off"), {
      etag: steered.body.etag,
      outcome: "transferred",
      note: regionsWords(),
    });
    expect(off.status).toBe(200);
    const after = await everythingSeenBy(per(), participant.id);
    expect(after.history.body.closed).toEqual([]);
    expect(after.text).not.toContain(note);
  });

  it("shows a reader of the municipality but not of the lead organisation the entry without the lead's priority", async () => {
    // Norrby's participant: its consent names the region and Södervik; the region's names Norrby only.
    const { participant } = await aFreshParticipant(w, {
      writtenBy: ORG.north,
      caseManagerId: hugo().id,
      consents: [
        { from: ORG.north, to: [ORG.region, ORG.south] },
        { from: ORG.region, to: [ORG.north] },
      ],
    });
    const put = await w.call(hugo(), "POST", `${BOARD}/entries`, {
      participantId: participant.id,
      reason: "crisis",
      priority: "low",
      nextEvaluationOn: addDays(w.today(), 7),
    });
    expect(put.status).toBe(201);
    const soderBefore = (await everythingSeenBy(lars(), participant.id)).row.entry;
    expect(soderBefore).toMatchObject({ priority: "low" });
    expect((await w.call(ada(), "PATCH", entryPath(participant.id), { etag: put.body.etag, priority: "high" })).status).toBe(200);
    const soder = (await everythingSeenBy(lars(), participant.id)).row.entry;
    expect(soder).not.toHaveProperty("priority");
    expect(soder).not.toHaveProperty("priorityWrittenBy");
    // The next evaluation is still Norrby's, so it is still there.
    expect(soder.nextEvaluationOn).toBe(put.body.nextEvaluationOn);
  });

  it("still refuses a partner that is not the lead organisation, with what to do instead", async () => {
    const { entry, participant } = await aFreshParticipant(w, {
      caseManagerId: ada().id,
      onBoard: true,
      consents: [
        { from: ORG.region, to: [ORG.north] },
        { from: ORG.north, to: [ORG.region] },
      ],
    });
    refusedAsNotOurs(
      await w.call(hugo(), "PATCH", entryPath(participant.id), { etag: entry!.etag, priority: "low" }),
      "Add an action of your own, or raise a signal to that organisation.",
    );
    refusedAsNotOurs(
      await w.call(hugo(), "POST", entryPath(participant.id, "/take-off"), { etag: entry!.etag, outcome: "stable" }),
      "Raise a signal to that organisation proposing it.",
    );
    // Norrby still puts on and proposes: a signal proposing the board.
    const signal = await w.call(hugo(), "POST", `${BOARD}/signals`, {
      participantId: participant.id,
      toOrganisationId: ORG.region,
      kind: "moreMunicipalSupport",
      urgency: "thisWeek",
      proposeBoard: true,
    });
    expect(signal.status).toBe(201);
  });

  it("leaves the reason and its note to the municipality, and steering to the lead's leads and the participant's case manager", async () => {
    const { participant, etag } = await norrbyPutsOn();
    refusedAsNotOurs(
      await w.call(ada(), "PATCH", entryPath(participant.id), { etag, reasonNote: regionsWords() }),
      "Add an action of your own, or raise a signal to that organisation.",
    );
    // A region staff member who is not the participant's case manager may not steer (the role, not authorship).
    const staff = await w.call(tove(), "PATCH", entryPath(participant.id), { etag, priority: "high" });
    expect(staff.status).toBe(403);
    expect(staff.body.error.reason).toBeUndefined();
  });

  it("lets an admin change the lead organisation, in the admin audit; the former lead then steers no more", async () => {
    const { participant, etag } = await norrbyPutsOn();
    const settings = (await w.call(greta(), "GET", `${BOARD}/admin`)).body.board;
    expect(settings.leadOrganisationId).toBe(ORG.region);
    const changed = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: settings.etag, leadOrganisationId: ORG.north });
    expect(changed.status).toBe(200);
    expect(changed.body.leadOrganisationId).toBe(ORG.north);
    const audit = (await w.call(greta(), "GET", `${BOARD}/admin-audit`)).body.events;
    expect(audit.find((e: { what: string }) => e.what === "leadOrganisationChanged")).toMatchObject({
      subject: { kind: "organisation", id: ORG.north },
      detail: `${ORG.region} → ${ORG.north}`,
    });
    refusedAsNotOurs(
      await w.call(ada(), "PATCH", entryPath(participant.id), { etag, priority: "high" }),
      "Add an action of your own, or raise a signal to that organisation.",
    );
    // A lead must be one of the board's organisations; then back to the region for the tests that follow.
    const wrong = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: changed.body.etag, leadOrganisationId: "nowhere" });
    expect([wrong.status, wrong.body.error.field]).toEqual([400, "leadOrganisationId"]);
    expect((await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: changed.body.etag, leadOrganisationId: ORG.region })).status).toBe(
      200,
    );
  });
});

describe("plans that can be set, and not stated until they are", () => {
  it("reads a participant nobody stated plans for as not stated, and lets the record's writer set them", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id, consents: [{ from: ORG.region, to: [ORG.north] }] });
    // Stored before anyone said anything: the world's builder leaves the plans unstated.
    await w.app.storage.participants.update(
      { ...participant, plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } } },
      { expectedEtag: participant.etag },
    );
    const before = (await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`)).body.participant;
    expect(before.plans).toEqual({
      crisisPlan: "notSet",
      earlySignsPlan: "notSet",
      sip: { held: "notSet", followUpOverdue: false },
      may: { set: true },
    });
    const set = await w.call(ada(), "PUT", `${BOARD}/participants/${participant.id}/plans`, {
      etag: before.etag,
      crisisPlan: "yes",
      earlySignsPlan: "no",
      sip: { held: "yes", heldOn: addDays(w.today(), -200), nextFollowUpOn: addDays(w.today(), -20), convenedBy: ORG.north },
    });
    expect(set.status).toBe(200);
    expect(set.body.plans).toMatchObject({
      crisisPlan: "yes",
      earlySignsPlan: "no",
      sip: { held: "yes", convenedBy: ORG.north, followUpOverdue: true },
    });
    // A stale version is a conflict carrying what is stored now, never an overwrite.
    const stale = await w.call(ada(), "PUT", `${BOARD}/participants/${participant.id}/plans`, { etag: before.etag, crisisPlan: "no" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.plans.crisisPlan).toBe("yes");
    // Logged as a change of the participant.
    const log = (await w.call(w.member("manager"), "GET", `${BOARD}/audit?participantId=${participant.id}`)).body.records;
    expect(log.map((r: { what: string }) => r.what)).toContain("changed");
  });

  it("refuses another organisation setting them, and shows them only as the writer's consent allows", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id, organisationIds: [ORG.region, ORG.north, ORG.west] });
    const refused = await w.call(hugo(), "PUT", `${BOARD}/participants/${participant.id}/plans`, {
      etag: participant.etag,
      crisisPlan: "no",
    });
    // Without the region's consent Norrby may not even know the participant: 404, as for any id it may not see.
    expect(refused.status).toBe(404);
    await w.app.storage.consents.save({
      boardId: DEMO_BOARD_ID,
      participantId: participant.id,
      disclosingOrganisationId: ORG.region,
      receivingOrganisationIds: [ORG.north],
      basis: "consent",
      status: "given",
      givenOn: addDays(w.today(), -1),
      validUntil: addDays(w.today(), 100),
      recordedBy: ada().id,
      recordedAt: `${w.today()}T07:00:00.000Z`,
    });
    const seen = (await w.call(hugo(), "GET", `${BOARD}/participants/${participant.id}/history`)).body.participant;
    expect(seen.plans).toMatchObject({ crisisPlan: participant.plans.crisisPlan, may: { set: false } });
    refusedAsNotOurs(
      await w.call(hugo(), "PUT", `${BOARD}/participants/${participant.id}/plans`, { etag: seen.etag, crisisPlan: "no" }),
      "Raise a signal to that organisation.",
    );
    // Västra, named by no consent, sees nothing of them.
    expect((await w.call(per(), "GET", `${BOARD}/participants/${participant.id}/history`)).status).toBe(404);
  });

  it("refuses SIP details that do not hang together", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const res = await w.call(ada(), "PUT", `${BOARD}/participants/${participant.id}/plans`, {
      etag: participant.etag,
      sip: { held: "yes", heldOn: addDays(w.today(), 3) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/future/);
  });
});

describe("the caseload is counted, not typed", () => {
  const counted = async () => {
    const today = w.today();
    const all = await w.app.storage.participants.listForBoard(DEMO_BOARD_ID);
    return all.filter((p) => p.createdAt.slice(0, 10) <= today && (p.leftTeamOn === undefined || p.leftTeamOn > today));
  };

  it("counts the registered participants who have not left, on the board, the overview and its fidelity figures", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const current = await counted();
    const board = (await w.call(ada(), "GET", BOARD)).body;
    expect(board.board.caseload).toBe(current.length);
    const overview = (await w.call(ada(), "GET", `${BOARD}/overview`)).body;
    expect(overview.caseload).toBe(current.length);
    expect(overview.fidelity.months.at(-1).caseload).toBe(current.length);
    expect(overview.caseloadByOrganisation.find((c: { organisationId: string }) => c.organisationId === ORG.north).caseload).toBe(
      current.filter((p) => p.organisationIds.includes(ORG.north)).length,
    );
    // Leaving the team takes them out of the count.
    expect((await w.call(ada(), "POST", `${BOARD}/participants/${participant.id}/leave`, {})).status).toBe(200);
    expect((await w.call(ada(), "GET", BOARD)).body.board.caseload).toBe(current.length - 1);
  });
});

describe("the board says what it is", () => {
  it("shows its model in every board read, and a board of enhanced collaboration gets the plain counts without FACT fidelity", async () => {
    expect((await w.call(hugo(), "GET", BOARD)).body.board).toMatchObject({ model: "fact", leadOrganisationId: ORG.region });
    const settings = (await w.call(greta(), "GET", `${BOARD}/admin`)).body.board;
    const changed = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: settings.etag, model: "enhancedCollaboration" });
    expect([changed.status, changed.body.model]).toEqual([200, "enhancedCollaboration"]);
    expect((await w.call(hugo(), "GET", BOARD)).body.board.model).toBe("enhancedCollaboration");
    const overview = (await w.call(ada(), "GET", `${BOARD}/overview`)).body;
    expect(overview).toMatchObject({ model: "enhancedCollaboration" });
    expect(overview).not.toHaveProperty("fidelity");
    expect(overview.caseload).toBeGreaterThan(0);
    expect((await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: changed.body.etag, model: "fact" })).status).toBe(200);
    expect((await w.call(ada(), "GET", `${BOARD}/overview`)).body.fidelity.months).toHaveLength(6);
  });

  it("keeps each version of Om tavlan in the admin audit, and lets only admins change it", async () => {
    const read = async () => (await w.call(greta(), "GET", `${BOARD}/admin`)).body.board;
    const v2 = await w.call(greta(), "PATCH", `${BOARD}/settings`, {
      etag: (await read()).etag,
      about: { text: "Antagning: kris eller samordningsbehov.", link: "https://intranat.exempel.se/fact-rutin" },
    });
    expect(v2.status).toBe(200);
    const v3 = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: v2.body.etag, about: { text: "Antagning: kris." } });
    expect(v3.status).toBe(200);
    const about = (await w.call(per(), "GET", BOARD)).body.board.about;
    expect(about).toMatchObject({ text: "Antagning: kris.", version: (v2.body.about.version as number) + 1 });
    expect(about).not.toHaveProperty("link");
    const versions = (await w.call(greta(), "GET", `${BOARD}/admin-audit`)).body.events
      .filter((e: { what: string }) => e.what === "boardAboutChanged")
      .map((e: { detail: string }) => e.detail);
    // The tests' clock stands still, so both versions carry the same time: their order in the trail is not asserted.
    expect(versions).toEqual(
      expect.arrayContaining([
        `version ${about.version}: Antagning: kris.`,
        `version ${about.version - 1}: Antagning: kris eller samordningsbehov. (https://intranat.exempel.se/fact-rutin)`,
      ]),
    );
    // Only admins configure the board; a link must be https.
    const byCoordinator = await w.call(ada(), "PATCH", `${BOARD}/settings`, { etag: v3.body.etag, about: { text: "Min rutin" } });
    expect(byCoordinator.status).toBe(403);
    const http = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: v3.body.etag, about: { text: "x", link: "http://x.se" } });
    expect(http.status).toBe(400);
  });
});

describe("a first day without guessing", () => {
  it("says what is set up on the demo board (every step done), counted by the server", async () => {
    expect((await w.call(hugo(), "GET", BOARD)).body.gettingStarted).toEqual({
      organisations: true,
      members: true,
      participants: true,
      meetings: true,
      consents: true,
    });
  });
});

describe("day one in an afternoon: the import takes each organisation's consent and the plans", () => {
  const header = [
    "kod",
    "initialer",
    "handläggare",
    "organisationer",
    "krisplan",
    "tidiga tecken",
    "sip",
    "sip datum",
    "sip nästa uppföljning",
    "sip sammankallande",
    `samtycke (${ORG.region})`,
    `samtycke givet (${ORG.region})`,
    `samtycke giltigt t.o.m. (${ORG.region})`,
    `samtycke mottagare (${ORG.region})`,
    "samtycke (Norrby kommun, socialförvaltningen (fiktiv))",
  ];
  async function importFile(body: Uint8Array | string, dryRun = false) {
    const res = await fetch(`${w.app.baseUrl}${BOARD}/participants/import${dryRun ? "?dryRun=true" : ""}`, {
      method: "POST",
      headers: { authorization: `Bearer ${await w.token(greta())}`, "content-type": "text/csv" },
      body: typeof body === "string" ? body : Buffer.from(body),
    });
    return { status: res.status, body: await res.json() };
  }
  /** One CSV line: a cell holding the separator or a quote is quoted, as Excel writes it. */
  const line = (cells: string[], sep = ";") =>
    cells.map((c) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

  it("writes the importing organisation's consent and the plans, refuses another organisation's consent line by line, and says what each line did", async () => {
    const today = w.today();
    const lines = [
      line(header),
      line([
        "QXI-001",
        "A.B.",
        "Ada Fiktiv",
        ORG.north,
        "ja",
        "nej",
        "ja",
        addDays(today, -30),
        addDays(today, 150),
        ORG.north,
        "givet",
        addDays(today, -30),
        addDays(today, 335),
        "",
        "",
      ]),
      line(["QXI-002", "C.D.", "Ada Fiktiv", ORG.north, "", "", "", "", "", "", "", "", "", "", ""]),
      line(["QXI-003", "E.F.", "Ada Fiktiv", ORG.north, "ja", "", "", "", "", "", "", "", "", "", "givet"]),
      line(["QXI-004", "G.H.", "Ada Fiktiv", ORG.north, "kanske", "", "", "", "", "", "", "", "", "", ""]),
    ];
    // Swedish Excel: semicolons, UTF-8 with a byte order mark.
    const file = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines.join("\r\n"))]);
    const checked = await importFile(file, true);
    expect(checked.status).toBe(200);
    expect(checked.body.refused).toEqual([
      { line: 4, reason: "Each organisation records its own consent: this line fills in another organisation's consent columns." },
      { line: 5, reason: "A plan column holds something other than yes (ja), no (nej), not stated (ej angivet) or nothing." },
    ]);
    expect(checked.body.lines).toEqual([
      {
        line: 2,
        outcome: "created",
        consent: { organisationId: ORG.region, status: "given" },
        plans: ["crisisPlan", "earlySignsPlan", "sip"],
      },
      { line: 3, outcome: "created" },
    ]);
    const done = await importFile(file);
    expect([done.status, done.body.imported, done.body.refused.length]).toEqual([200, 2, 2]);

    // Norrby, named by the region's consent from the file, sees QXI-001 with its plans; QXI-002 has no consent and stays hidden.
    const seen = (await w.call(hugo(), "GET", `${BOARD}/participants?q=QXI`)).body;
    expect(seen.participants.map((p: { code: string }) => p.code)).toEqual(["QXI-001"]);
    expect(seen.participants[0].plans).toMatchObject({
      crisisPlan: "yes",
      earlySignsPlan: "no",
      sip: { held: "yes", nextFollowUpOn: addDays(today, 150), convenedBy: ORG.north, followUpOverdue: false },
    });
    expect(
      seen.participants[0].consents.find((c: { disclosingOrganisationId: string }) => c.disclosingOrganisationId === ORG.region),
    ).toMatchObject({
      status: "given",
      receivingOrganisationIds: [ORG.north],
    });
    const region = (await w.call(ada(), "GET", `${BOARD}/participants?q=QXI-002`)).body.participants[0];
    expect(region.plans).toMatchObject({ crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } });

    // The same file again writes nothing: the lines are there already, with the same consent.
    const again = await importFile(file);
    expect([again.body.imported, again.body.alreadyThere]).toEqual([0, 2]);
    expect(again.body.lines.every((l: { consent?: unknown }) => l.consent === undefined)).toBe(true);
  });

  it("reads a comma file, and the Windows-1252 of Swedish Excel's plain CSV, å, ä and ö intact", async () => {
    const comma = [
      line(header, ","),
      line(["QXJ-001", "Å.Ö.", "Ada Fiktiv", ORG.north, "ej angivet", "ja", "nej", "", "", "", "", "", "", "", ""], ","),
    ];
    const checked = await importFile(comma.join("\n"), true);
    expect(checked.body).toMatchObject({ refused: [], lines: [{ line: 2, outcome: "created", plans: ["earlySignsPlan", "sip"] }] });
    // "Nej" and the organisation's name with ö, as Windows-1252 bytes (ö is 0xF6, one byte).
    const latin = [
      line(header),
      line(["QXK-001", "B.Ö.", "Ada Fiktiv", "Norrby kommun, socialförvaltningen (fiktiv)", "Nej", "", "", "", "", "", "", "", "", "", ""]),
    ].join("\r\n");
    const bytes = Uint8Array.from([...latin].map((c) => c.charCodeAt(0)));
    expect(bytes.includes(0xf6)).toBe(true);
    const read = await importFile(bytes, true);
    expect(read.body).toMatchObject({ refused: [], lines: [{ line: 2, outcome: "created", plans: ["crisisPlan"] }] });
  });
});
