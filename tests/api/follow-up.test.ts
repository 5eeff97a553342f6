// The follow-up per organisation and the statistics in longer periods, through HTTP against
// Azurite (issue 28), on a small board of its own: twelve participants, a region and a municipality.
// - the yearly target is a board setting (schema, ETag, admin audit) and the follow-up reads against it;
// - SIP coverage counts the SIPs set through the participant form (PATCH /participants/:id), and only
//   over the participants the viewer's organisation may see;
// - a quarterly statistics export of the board has cells where the monthly one withheld them.
import { FollowUpView } from "@fact-board/contract";
import type { Member } from "../../bot/src/domain/types";
import { readCsv } from "../../bot/src/use-cases/csv-test-support";
import { readStatisticsExport, solve } from "../../bot/src/use-cases/statistics-test-support";
import { aBoard, aMember, anEntry, anOrganisation, aParticipant, uniqueId } from "../support/storage";
import { startWorld, textOf, type World } from "./world";

let w: World;
const boardId = uniqueId("small");
const B = `/api/boards/${boardId}`;
const REGION = `${boardId}-region`;
const MUNI = `${boardId}-kommun`;
let admin: Member;
let manager: Member;
let muniManager: Member;
let coordinator: Member;
const participantIds: string[] = [];

/** Four put on (and registered) in each month of the first quarter; eight involve the municipality. */
const PUT_ON = ["2026-01", "2026-02", "2026-03"].flatMap((m) => ["05", "12", "19", "26"].map((d) => `${m}-${d}`));

beforeAll(async () => {
  w = await startWorld({ now: new Date("2026-04-10T08:00:00.000Z") });
  const s = w.app.storage;
  // The demo team's people, as members of this board too (the same sign-ins).
  const as = (demo: Member, organisationId: string, role: Member["role"]) =>
    s.members.create(
      aMember(boardId, { tenantId: demo.tenantId, objectId: demo.objectId, displayName: demo.displayName, organisationId, role }),
    );
  const region = w.member("admin");
  const north = w.member("manager", "norrby-soc");
  await s.boards.create(aBoard({ id: boardId, name: "FACT Liten (fiktiv)", allowedTenantIds: [region.tenantId, north.tenantId] }));
  await s.organisations.create(anOrganisation(boardId, { id: REGION, name: "Psykiatri Liten (fiktiv)", tenantId: region.tenantId }));
  await s.organisations.create(
    anOrganisation(boardId, { id: MUNI, name: "Liten kommun (fiktiv)", kind: "municipalSocialServices", tenantId: north.tenantId }),
  );
  admin = await as(region, REGION, "admin");
  manager = await as(w.member("manager"), REGION, "manager");
  coordinator = await as(w.member("coordinator"), REGION, "coordinator");
  muniManager = await as(north, MUNI, "manager");
  for (const [i, day] of PUT_ON.entries()) {
    const p = await s.participants.create(
      aParticipant(boardId, {
        code: `LIT-${String(i + 1).padStart(3, "0")}`,
        initials: `Q${"CWXZ"[i % 4]}.L.`,
        caseManagerId: coordinator.id,
        writtenBy: REGION,
        organisationIds: i % 3 === 2 ? [REGION] : [REGION, MUNI],
        plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
        onBoard: true,
        createdAt: `${day}T07:00:00.000Z`,
      }),
    );
    participantIds.push(p.id);
    await s.entries.create(
      anEntry(boardId, p.id, { writtenBy: REGION, putOnOn: day, putOnBy: coordinator.id, nextEvaluationOn: "2026-04-20", reviews: [] }),
    );
  }
});
afterAll(async () => {
  await w?.stop();
});

const followUp = async (who: Member, query = "") => {
  const res = await w.call(who, "GET", `${B}/follow-up${query}`);
  expect(res.status).toBe(200);
  return FollowUpView.parse(res.body);
};
const row = (view: FollowUpView, organisationId: string) => view.organisations.find((o) => o.organisationId === organisationId)!;

describe("the yearly target, a board setting", () => {
  it("is set by an admin under the board's ETag, refused for an organisation not on the board, and kept in the admin audit", async () => {
    const etag = (await w.call(admin, "GET", `${B}/admin`)).body.board.etag as string;
    const elsewhere = await w.call(admin, "PATCH", `${B}/settings`, {
      etag,
      followUpTargets: [{ organisationId: "norrby-soc", perYear: 5 }],
    });
    expect([elsewhere.status, elsewhere.body.error.field]).toEqual([400, "followUpTargets.0.organisationId"]);
    const twice = await w.call(admin, "PATCH", `${B}/settings`, {
      etag,
      followUpTargets: [
        { organisationId: MUNI, perYear: 5 },
        { organisationId: MUNI, perYear: 6 },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await w.call(manager, "PATCH", `${B}/settings`, { etag, followUpTargets: [] })).status).toBe(403);

    const targets = [
      { organisationId: REGION, perYear: 30 },
      { organisationId: MUNI, perYear: 10 },
    ];
    const saved = await w.call(admin, "PATCH", `${B}/settings`, { etag, followUpTargets: targets });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.followUpTargets).toEqual(targets);
    // The old ETag no longer writes: nobody's change is overwritten silently.
    expect((await w.call(admin, "PATCH", `${B}/settings`, { etag, followUpTargets: [] })).status).toBe(409);
    const trail = (await w.call(admin, "GET", `${B}/admin-audit`)).body.events as Array<{ what: string; fields?: string[] }>;
    expect(trail.find((e) => e.what === "boardSettingsChanged")?.fields).toEqual(["followUpTargets"]);
  });

  it("is what each organisation's participants are read against, per year", async () => {
    const view = await followUp(manager, "?year=2026");
    expect([view.year, view.asOf, view.years]).toEqual([2026, "2026-04-10", [2026]]);
    expect(view.organisations.map((o) => [o.name, o.involvedAtYearEnd, o.newInYear, o.target, o.onBoardNow])).toEqual([
      ["Liten kommun (fiktiv)", 8, 8, 10, 8],
      ["Psykiatri Liten (fiktiv)", 12, 12, 30, 12],
    ]);
    // A year not begun is refused, one before the board had anyone counts none.
    expect((await w.call(manager, "GET", `${B}/follow-up?year=2027`)).status).toBe(400);
    expect((await w.call(manager, "GET", `${B}/follow-up?year=20x6`)).status).toBe(400);
    expect(row(await followUp(manager, "?year=2025"), REGION)).toMatchObject({ involvedAtYearEnd: 0, newInYear: 0, involvedNow: 12 });
  });

  it("is for managers only", async () => {
    for (const who of [admin, coordinator]) expect((await w.call(who, "GET", `${B}/follow-up`)).status).toBe(403);
    expect((await w.call(admin, "GET", `${B}/follow-up.csv`)).status).toBe(403);
  });
});

describe("SIP and crisis-plan coverage", () => {
  it("counts the SIPs set through the participant form, an overdue follow-up, and only what the viewer's organisation may see", async () => {
    const set = async (participantId: string, plans: unknown) => {
      const etag = (await w.app.storage.participants.get(boardId, participantId))!.etag;
      const res = await w.call(admin, "PATCH", `${B}/participants/${participantId}`, { etag, plans });
      expect(res.status).toBe(200);
    };
    const before = row(await followUp(manager), REGION);
    expect(before.sip).toEqual({ yes: 0, no: 0, notSet: 12 });
    await set(participantIds[0]!, { sip: { held: "yes", heldOn: "2026-01-20", nextFollowUpOn: "2026-04-01" }, crisisPlan: "yes" });
    await set(participantIds[1]!, { sip: { held: "yes", heldOn: "2026-02-20", nextFollowUpOn: "2026-08-01" } });
    await set(participantIds[2]!, { sip: { held: "no" }, crisisPlan: "no" });

    const region = row(await followUp(manager), REGION);
    expect(region).toMatchObject({
      plansCounted: 12,
      sip: { yes: 2, no: 1, notSet: 9 },
      // The follow-up that was due on 1 April.
      sipFollowUpOverdue: 1,
      crisisPlan: { yes: 1, no: 1, notSet: 10 },
    });
    // The municipality has no consent from the region: it counts its participants, not their plans.
    const muni = row(await followUp(muniManager), MUNI);
    expect(muni).toMatchObject({ involvedNow: 8, plansCounted: 0, sip: { yes: 0, no: 0, notSet: 0 }, target: 10 });
  });
});

describe("GET /follow-up.csv", () => {
  it("gives the table for Swedish Excel or for scripts, names no participant, and is logged", async () => {
    const excel = await fetch(`${w.app.baseUrl}${B}/follow-up.csv?year=2026&format=excel`, {
      headers: { authorization: `Bearer ${await w.token(manager)}` },
    });
    const bytes = Buffer.from(await excel.arrayBuffer());
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const rows = readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), "excel");
    expect(rows[0]!.slice(0, 7)).toEqual([
      "År",
      "Räknat t.o.m.",
      "Organisation",
      "Organisationstyp",
      "Deltagare vid årets slut",
      "Nya under året",
      "Målsättning per år",
    ]);
    expect(rows.slice(1).map((r) => r.slice(2, 7))).toEqual([
      ["Liten kommun (fiktiv)", "Kommunal socialtjänst", "8", "8", "10"],
      ["Psykiatri Liten (fiktiv)", "Regionpsykiatri", "12", "12", "30"],
    ]);
    const comma = await w.call(manager, "GET", `${B}/follow-up.csv?year=2026`);
    const csv = readCsv(textOf(comma), "csv");
    expect(csv[0]!.slice(0, 5)).toEqual(["year", "asOf", "organisation", "organisationKind", "involvedAtYearEnd"]);
    expect(csv[2]!.slice(0, 4)).toEqual(["2026", "2026-04-10", "Psykiatri Liten (fiktiv)", "regionPsychiatry"]);
    const log = await w.app.storage.audit.listForMember(boardId, manager.tenantId, manager.objectId, {
      fromMonth: "2026-04",
      toMonth: "2026-04",
    });
    expect(log.filter((e) => e.what === "exported" && e.participantId === "")).toHaveLength(2);
  });
});

describe("statistics of a small board in longer periods", () => {
  const download = async (query: string) => {
    const get = (format: string) => w.call(manager, "GET", `${B}/statistics.csv?months=4&${query}&format=${format}`);
    const [comma, excel] = [await get("csv"), await get("excel")];
    expect([comma.status, excel.status]).toEqual([200, 200]);
    return { text: textOf(comma), exp: readStatisticsExport(textOf(comma), textOf(excel)) };
  };
  const putOn = (exp: ReturnType<typeof readStatisticsExport>) =>
    exp.months.map((m) => [m, exp.cells.get(`${m}|${exp.groups[0]}|putOn`) ?? "x"]);

  it("withholds each month's four put on the board, and shows the quarter's twelve", async () => {
    const monthly = await download("period=month");
    expect(putOn(monthly.exp)).toEqual([
      ["2026-01", "x"],
      ["2026-02", "x"],
      ["2026-03", "x"],
      ["2026-04", 0],
    ]);
    const quarterly = await download("period=quarter");
    expect(quarterly.text.split("\r\n")[0]).toBe(
      "# FACT Board de-identified statistics: counts per quarter and group of organisation kinds. No codes or names or free text.",
    );
    expect(quarterly.text).toMatch(/x = withheld\. Counts 1-4 are withheld\./);
    expect(putOn(quarterly.exp)).toEqual([
      ["2026-Q1", 12],
      ["2026-Q2", 0],
    ]);
    // More of the group's cells shown, none of them solvable back to a withheld one. (The board-wide
    // consent coverage is a stock counted at each period's end: a month shows it as often as a quarter.)
    const shown = (e: typeof quarterly.exp) =>
      [...e.cells].filter(([c, v]) => c.split("|")[1] !== "all" && v !== undefined && v > 0).length;
    expect(shown(quarterly.exp)).toBeGreaterThan(shown(monthly.exp));
    expect(solve(quarterly.exp)).toEqual([]);
    expect(putOn((await download("period=year")).exp)).toEqual([["2026", 12]]);
  });

  it("refuses a period it does not know", async () => {
    expect((await w.call(manager, "GET", `${B}/statistics.csv?period=week`)).status).toBe(400);
  });
});

describe("consent coverage and attendance in the statistics", () => {
  const shared = () => participantIds.filter((_, i) => i % 3 !== 2);
  const record = async (who: Member, participantId: string, organisationId: string, to: string) => {
    const body = { status: "given", receivingOrganisationIds: [to], givenOn: "2026-02-01", validUntil: "2026-12-31" };
    const res = await w.call(who, "PUT", `${B}/participants/${participantId}/consents/${organisationId}`, body);
    expect(res.status).toBe(200);
  };
  const cells = (exp: ReturnType<typeof readStatisticsExport>, group: string, measure: string) =>
    exp.months.map((m) => [m, exp.cells.get(`${m}|${group}|${measure}`) ?? "x"]);

  beforeAll(async () => {
    // Of the eight shared with the municipality: six with both organisations' consents (recorded
    // through the API, given on 1 February), one with the region's only, one with none.
    const [both, oneWay] = [shared().slice(0, 6), shared()[6]!];
    for (const id of [...both, oneWay]) await record(coordinator, id, REGION, MUNI);
    for (const id of both) await record(muniManager, id, MUNI, REGION);
    // Five check-ins in March, each with two of the region's people and one of the municipality's.
    for (const day of ["02", "09", "16", "23", "30"])
      await w.app.storage.checkIns.save({
        boardId,
        date: `2026-03-${day}`,
        meetingId: "all",
        startedAt: `2026-03-${day}T07:00:00.000Z`,
        endedAt: `2026-03-${day}T07:20:00.000Z`,
        durationSeconds: 1200,
        attendeeIds: [coordinator.id, manager.id, muniManager.id],
        reviewedParticipantIds: [],
        addedParticipantIds: [],
        removedParticipantIds: [],
        actionsAgreed: 0,
        recordedBy: coordinator.id,
      });
  });

  it("counts the participants whose organisations' consents name each other, at each period's end", async () => {
    const get = (query: string, format: string) => w.call(manager, "GET", `${B}/statistics.csv?months=4&${query}&format=${format}`);
    const read = async (query: string) => readStatisticsExport(textOf(await get(query, "csv")), textOf(await get(query, "excel")));
    const monthly = await read("period=month");
    // January: none covered yet, three shared registered (withheld); February: six covered, none
    // not; March and April: six covered, two not (withheld).
    expect(cells(monthly, "all", "consentCovered")).toEqual([
      ["2026-01", 0],
      ["2026-02", 6],
      ["2026-03", 6],
      ["2026-04", 6],
    ]);
    expect(cells(monthly, "all", "consentNotCovered")).toEqual([
      ["2026-01", "x"],
      ["2026-02", 0],
      ["2026-03", "x"],
      ["2026-04", "x"],
    ]);
    const group = monthly.groups[0]!;
    expect(cells(monthly, group, "checkInAttendance")).toEqual([
      ["2026-01", 0],
      ["2026-02", 0],
      ["2026-03", 15],
      ["2026-04", 0],
    ]);
    expect(cells(monthly, "all", "checkInsHeld")).toEqual([
      ["2026-01", 0],
      ["2026-02", 0],
      ["2026-03", 5],
      ["2026-04", 0],
    ]);
    expect(solve(monthly)).toEqual([]);
    const quarterly = await read("period=quarter");
    expect(cells(quarterly, "all", "consentCovered")).toEqual([
      ["2026-Q1", 6],
      ["2026-Q2", 6],
    ]);
    expect(cells(quarterly, group, "checkInAttendance")).toEqual([
      ["2026-Q1", 15],
      ["2026-Q2", 0],
    ]);
    expect(solve(quarterly)).toEqual([]);
  });

  it("names the new measures in Swedish in the Excel form and says what they count in both", async () => {
    const excel = textOf(await w.call(manager, "GET", `${B}/statistics.csv?months=1&format=excel`));
    const rows = readCsv(excel, "excel");
    expect(rows.filter((r) => r[1] === "Alla organisationer").map((r) => r[2])).toEqual([
      "Morgonmöten hållna",
      "Deltagare med samtycke mellan alla sina organisationer",
      "Deltagare utan samtycke mellan alla sina organisationer",
    ]);
    expect(rows.some((r) => r[2] === "Närvaro på morgonmöten (medarbetare per möte)")).toBe(true);
    expect(excel).toMatch(/# Samtycke: deltagare med två eller fler organisationer vid periodens slut\./);
    const comma = textOf(await w.call(manager, "GET", `${B}/statistics.csv?months=1`));
    expect(comma).toMatch(/# consentCovered and consentNotCovered: participants with two or more organisations/);
    expect(comma).toMatch(/# checkInAttendance: each member present at a check-in counts once per check-in/);
  });
});

describe("in a study", () => {
  const register = async (name: string, from: string, to: string) => {
    const res = await w.call(admin, "POST", `${B}/studies`, {
      name,
      ethicsApprovalReference: "Dnr 2025-05555",
      from,
      to,
      dataManagerIds: [manager.id],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const enrol = async (studyId: string, participantId: string, studyParticipantId: string) => {
    const path = `${B}/studies/${studyId}/participants/${participantId}`;
    const consent = await w.call(coordinator, "PUT", `${path}/research-consent`, { givenOn: "2026-02-01" });
    expect(consent.status).toBe(200);
    const enrolled = await w.call(coordinator, "POST", `${path}/enrol`, { studyParticipantId, etag: consent.body.etag });
    expect(enrolled.status).toBe(200);
    return enrolled.body.etag as string;
  };

  it("counts per organisation the participants enrolled now, not withdrawn, in a study not ended, over those the viewer may see", async () => {
    const before = await followUp(manager);
    expect(before.organisations.map((o) => o.inStudy)).toEqual([0, 0]);
    const running = await register("Fiktiv studie pågår", "2026-01-01", "2026-12-31");
    const ended = await register("Fiktiv studie avslutad", "2025-01-01", "2026-03-31");
    // Enrolled: two shared with the municipality and one the region's alone (index 2).
    for (const [i, id] of [0, 1, 2].entries()) await enrol(running, participantIds[id]!, `LU-${i + 1}`);
    // Enrolled, then withdrawn; a research consent without an enrolment; enrolled in a study that has ended.
    const etag = await enrol(running, participantIds[3]!, "LU-9");
    const path = `${B}/studies/${running}/participants/${participantIds[3]}`;
    expect((await w.call(coordinator, "POST", `${path}/withdraw`, { withdrawnOn: "2026-04-01", etag })).status).toBe(200);
    const consentOnly = await w.call(coordinator, "PUT", `${B}/studies/${running}/participants/${participantIds[4]}/research-consent`, {
      givenOn: "2026-02-01",
    });
    expect(consentOnly.status).toBe(200);
    await enrol(ended, participantIds[6]!, "LU-6");

    const view = await followUp(manager);
    expect([row(view, REGION).inStudy, row(view, MUNI).inStudy]).toEqual([3, 2]);
    // The municipality's manager counts only those the region's consent lets the municipality see
    // (the first seven shared ones): both enrolled shared participants are among them.
    expect(row(await followUp(muniManager), MUNI)).toMatchObject({ plansCounted: 7, inStudy: 2 });

    const csv = readCsv(textOf(await w.call(manager, "GET", `${B}/follow-up.csv`)), "csv");
    const inStudy = csv[0]!.indexOf("inStudy");
    expect(csv.slice(1).map((r) => [r[2], r[inStudy]])).toEqual([
      ["Liten kommun (fiktiv)", "2"],
      ["Psykiatri Liten (fiktiv)", "3"],
    ]);
    const excel = readCsv(textOf(await w.call(manager, "GET", `${B}/follow-up.csv?format=excel`)), "excel");
    expect(excel[0]![inStudy]).toBe("I en forskningsstudie nu");
  });
});
