// A research study (issue 28, item 3), through HTTP against Azurite: an admin registers it, a
// participant is enrolled only under a recorded research consent and the study's own id, the data
// manager's export carries study ids and counts and nothing of the board's codes, initials, names
// or texts, a withdrawal leaves the next export without the participant, and anyone else asking
// for the export is refused (403) with the refusal in the admin audit.
import { parse as parseCsv } from "csv-parse/sync";
import type { Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const admin = () => w.member("admin");
const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const eva = () => w.byName("Eva Testsson"); // region manager: the study's data manager

/** What the test wrote into notes, actions and signals: none of it may leave in the export. */
const written: string[] = [];

/**
 * Whether the export holds anything of the board's: a participant's code or initials (as a token,
 * not inside a word), a member's name, or a text written on the board. Returns what it found.
 */
async function leaks(csv: string): Promise<string[]> {
  const participants = await w.app.storage.participants.listForBoard(DEMO_BOARD_ID);
  const members = await w.app.storage.members.listForBoard(DEMO_BOARD_ID);
  const found: string[] = [];
  const token = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}.])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
  for (const p of participants) {
    if (csv.toUpperCase().includes(p.code.toUpperCase())) found.push(`code ${p.code}`);
    if (token(p.initials).test(csv)) found.push(`initials ${p.initials}`);
  }
  for (const m of members) if (csv.includes(m.displayName)) found.push(`name ${m.displayName}`);
  for (const text of written) if (csv.includes(text)) found.push(`text ${text}`);
  return found;
}

async function registerStudy(dataManagers: Member[]) {
  const res = await w.call(admin(), "POST", `${BOARD}/studies`, {
    name: "Fiktiv FACT-studie",
    ethicsApprovalReference: "Dnr 2019-01234",
    from: "2026-01-01",
    to: "2026-12-31",
    dataManagerIds: dataManagers.map((m) => m.id),
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; etag: string };
}

/** A participant of the region and Norrby on the board, with a note, an action and a signal written through the API. */
async function aParticipantWithHistory(tag: string) {
  const { participant, entry } = await aFreshParticipant(w, {
    onBoard: true,
    caseManagerId: ada().id,
    consents: [
      { from: ORG.region, to: [ORG.north] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
  const reasonNote = `Skälet ${tag} påhittat`;
  const action = `Ringa boendestödet ${tag}`;
  const sinceLast = `Sov dåligt ${tag}`;
  const signalNote = `Orolig granne ${tag}`;
  written.push(reasonNote, action, sinceLast, signalNote);
  const edited = await w.call(ada(), "PATCH", `${BOARD}/entries/${participant.id}`, { etag: entry!.etag, reasonNote });
  expect(edited.status).toBe(200);
  const added = await w.call(ada(), "POST", `${BOARD}/entries/${participant.id}/actions`, {
    etag: edited.body.etag,
    what: action,
    responsibleId: ada().id,
    byWhen: w.today(),
  });
  expect(added.status).toBe(201);
  expect((await w.call(ada(), "PUT", `${BOARD}/entries/${participant.id}/since-last`, { text: sinceLast })).status).toBeLessThan(300);
  const raised = await w.call(w.member("coordinator", ORG.north), "POST", `${BOARD}/signals`, {
    participantId: participant.id,
    toOrganisationId: ORG.region,
    kind: "morePsychiatricSupport",
    urgency: "thisWeek",
    note: signalNote,
  });
  expect(raised.status).toBe(201);
  return participant;
}

async function consentAndEnrol(studyId: string, participantId: string, studyParticipantId: string) {
  const consent = await w.call(ada(), "PUT", `${BOARD}/studies/${studyId}/participants/${participantId}/research-consent`, {
    givenOn: "2026-02-01",
  });
  expect(consent.status).toBe(200);
  expect(consent.body.researchConsent).toMatchObject({ givenOn: "2026-02-01", organisationId: ORG.region, recordedBy: ada().id });
  const enrolled = await w.call(ada(), "POST", `${BOARD}/studies/${studyId}/participants/${participantId}/enrol`, {
    studyParticipantId,
    etag: consent.body.etag,
  });
  expect(enrolled.status).toBe(200);
  return enrolled.body as { etag: string };
}

const exportOf = async (who: Member, studyId: string, format = "csv") =>
  w.call(who, "GET", `${BOARD}/studies/${studyId}/export.csv?format=${format}`);

/** The raw file: the bytes decoded without dropping a BOM (fetch's text() would). */
async function download(who: Member, studyId: string, format: string) {
  const res = await fetch(`${w.app.baseUrl}${BOARD}/studies/${studyId}/export.csv?format=${format}`, {
    headers: { authorization: `Bearer ${await w.token(who)}` },
  });
  return { status: res.status, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
}

const adminTrail = async () => (await w.app.storage.adminAudit.listForBoard(DEMO_BOARD_ID, { pageSize: 500 })).items;

describe("a research study", () => {
  it("is registered by an admin with an approval reference written the usual way, and edited under its ETag", async () => {
    const study = await registerStudy([eva()]);
    const renamed = await w.call(admin(), "PATCH", `${BOARD}/studies/${study.id}`, { etag: study.etag, name: "Fiktiv studie, del 2" });
    expect(renamed.status).toBe(200);
    const stale = await w.call(admin(), "PATCH", `${BOARD}/studies/${study.id}`, { etag: study.etag, name: "Krockar" });
    expect([stale.status, stale.body.error.code]).toEqual([409, "Conflict"]);
    const list = await w.call(ada(), "GET", `${BOARD}/studies`);
    expect(list.body.studies.find((s: { id: string }) => s.id === study.id)).toMatchObject({
      name: "Fiktiv studie, del 2",
      ethicsApprovalReference: "Dnr 2019-01234",
      isDataManager: false,
    });
    const trail = await adminTrail();
    expect(trail.some((e) => e.what === "studyRegistered" && e.subject.id === study.id)).toBe(true);
    expect(trail.find((e) => e.what === "studyChanged" && e.subject.id === study.id)).toMatchObject({ fields: ["name"] });
    // Not an admin: refused.
    expect(
      (
        await w.call(eva(), "POST", `${BOARD}/studies`, {
          ...{ name: "X", ethicsApprovalReference: "Dnr 2020-00001" },
          from: "2026-01-01",
          to: "2026-02-01",
          dataManagerIds: [eva().id],
        })
      ).status,
    ).toBe(403);
  });

  it("enrols a participant only after their research consent, under an id that is no personal identity number or board code", async () => {
    const study = await registerStudy([eva()]);
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const path = `${BOARD}/studies/${study.id}/participants/${participant.id}`;
    const refused = await w.call(ada(), "POST", `${path}/enrol`, { studyParticipantId: "LU-0100" });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "Invalid", reason: "ResearchConsentMissing" });
    expect(refused.body.error.message).toMatch(/research consent/);
    expect((await w.app.storage.studies.getEnrolment(DEMO_BOARD_ID, study.id, participant.id))?.studyParticipantId).toBeUndefined();

    const consent = await w.call(ada(), "PUT", `${path}/research-consent`, { givenOn: "2026-02-01" });
    expect(consent.status).toBe(200);
    const personal = await w.call(ada(), "POST", `${path}/enrol`, { studyParticipantId: "19800101-1234", etag: consent.body.etag });
    expect(personal.status).toBe(400);
    expect(personal.body.error).toMatchObject({ field: "studyParticipantId", reason: "PersonalIdentityNumber" });
    const code = await w.call(ada(), "POST", `${path}/enrol`, { studyParticipantId: participant.code, etag: consent.body.etag });
    expect([code.status, code.body.error.field]).toEqual([400, "studyParticipantId"]);
    const enrolled = await w.call(ada(), "POST", `${path}/enrol`, { studyParticipantId: "LU-0100", etag: consent.body.etag });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({ studyId: study.id, studyParticipantId: "LU-0100" });
    // Read back in the participant's admin area.
    const studies = await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/studies`);
    expect(studies.body.enrolments).toEqual([expect.objectContaining({ studyId: study.id, studyParticipantId: "LU-0100" })]);
    // An organisation that may not see the participant does not learn they exist.
    const north = await w.call(w.member("coordinator", ORG.north), "PUT", `${path}/research-consent`, { givenOn: "2026-02-01" });
    expect(north.status).toBe(404);
  });

  it("exports study ids and counts to its data manager, with nothing of the board's codes, initials, names or texts, and logs it", async () => {
    const study = await registerStudy([eva()]);
    const first = await aParticipantWithHistory("alfa");
    const second = await aParticipantWithHistory("beta");
    await consentAndEnrol(study.id, first.id, "LU-0042");
    const secondEnrolment = await consentAndEnrol(study.id, second.id, "LU-0043");

    const excel = await download(eva(), study.id, "excel");
    expect(excel.status).toBe(200);
    const text = excel.text;
    expect(text.startsWith("\uFEFF# ")).toBe(true);
    const rows = parseCsv(text.replace(/^\uFEFF/, ""), { delimiter: ";", comment: "#", columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => `${r["Studie-id"]} ${r["Månad"]}`)).toEqual([
      "LU-0042 2026-01",
      "LU-0042 2026-02",
      "LU-0042 2026-03",
      "LU-0043 2026-01",
      "LU-0043 2026-02",
      "LU-0043 2026-03",
    ]);
    const march = rows.find((r) => r["Studie-id"] === "LU-0042" && r["Månad"] === "2026-03")!;
    // Put on three days before today (4 March): 1–4 March on the board.
    expect(march).toMatchObject({
      "Dagar på tavlan": "4",
      "Upptagen på tavlan: Kris": "1",
      "Åtgärder skrivna av: Regionpsykiatri": "2",
      "Signaler: Behov av mer psykiatriskt stöd": "1",
      "Signaler från Kommunal socialtjänst till Regionpsykiatri": "1",
      "Samtycken mellan alla inblandade organisationer": "ja",
    });
    expect(await leaks(text)).toEqual([]);
    // The scan can find what it looks for.
    expect(await leaks(`${text}${first.code};${first.initials};${ada().displayName};${written[0]}`)).toEqual([
      `code ${first.code}`,
      `initials ${first.initials}`,
      `name ${ada().displayName}`,
      `text ${written[0]}`,
    ]);

    const csv = await download(eva(), study.id, "csv");
    expect([csv.status, csv.text.startsWith("\uFEFF")]).toEqual([200, false]);
    const header = csv.text.split("\r\n").find((l) => !l.startsWith("#"))!;
    expect(header.startsWith("studyParticipantId,month,daysOnBoard,putOn.crisis,")).toBe(true);
    expect(header).toContain("signalPairs.municipalSocialServices.regionPsychiatry");
    expect(header.endsWith(",consentCovered")).toBe(true);
    expect(await leaks(csv.text)).toEqual([]);

    // In the admin audit, and in each exported participant's access log.
    expect((await adminTrail()).find((e) => e.what === "studyExported" && e.subject.id === study.id)).toMatchObject({
      actor: { memberId: eva().id },
      detail: "2",
    });
    for (const p of [first, second]) {
      const log = await w.app.storage.audit.listForParticipant(DEMO_BOARD_ID, p.id, { fromMonth: "2026-03", toMonth: "2026-03" });
      expect(log.some((e) => e.what === "exported" && e.actor.objectId === eva().objectId)).toBe(true);
    }

    // A withdrawal: the next export is without the participant.
    const withdrawn = await w.call(ada(), "POST", `${BOARD}/studies/${study.id}/participants/${second.id}/withdraw`, {
      withdrawnOn: w.today(),
      etag: secondEnrolment.etag,
    });
    expect(withdrawn.status).toBe(200);
    const after = String((await exportOf(eva(), study.id)).body);
    expect(after).toContain("LU-0042");
    expect(after).not.toContain("LU-0043");
  });

  it("refuses the export to anyone who is not its data manager (403), and logs the refusal", async () => {
    const study = await registerStudy([eva()]);
    for (const who of [ada(), admin(), w.member("manager", ORG.north)]) {
      const res = await exportOf(who, study.id);
      expect([who.displayName, res.status, res.body.error?.reason]).toEqual([who.displayName, 403, "NotStudyDataManager"]);
      expect(
        (await adminTrail()).some((e) => e.what === "studyExportRefused" && e.subject.id === study.id && e.actor.memberId === who.id),
      ).toBe(true);
    }
  });
});
