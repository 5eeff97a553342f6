// Every CSV export through HTTP, in both forms (issue 28 "Files that open right", issue 29 "CSV that
// is safe in any spreadsheet" and "Suppression that holds"):
// - `?format=excel` opens by double-click in Swedish Excel: a UTF-8 BOM, semicolons, Swedish
//   headers and words, local times; without it (or `format=csv`) the comma form for scripts;
// - both read back through csv-parse with their separator, every row as wide as its header;
// - opened with `;` or `,` as separator, no cell starts a formula — with hostile text planted in
//   what the exports carry (an organisation's name, a log-review note, a stored access record);
// - the statistics export's withheld cells cannot be solved from the rest of it.
import type { Member } from "../../bot/src/domain/types";
import { formulaCellsOf, readCsv } from "../../bot/src/use-cases/csv-test-support";
import { readStatisticsExport, solve } from "../../bot/src/use-cases/statistics-test-support";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, type World } from "./world";

let w: World;
let participantId: string;
const HOSTILE_NAME = 'Regionen;=1+1 "psykiatri",@SUM(A1)';
const HOSTILE_NOTE = "ok;=1+1\n-2+3";
const HOSTILE_CODE = "=HYPERLINK(1);+1";

const period = () => w.today().slice(0, 7);
const manager = () => w.member("manager");

beforeAll(async () => {
  w = await startWorld();
  // What an export carries that someone could have typed: an organisation's name, a review's note,
  // and (planted in storage, as if it had got past every check) an access record's code.
  const region = (await w.app.storage.organisations.get(DEMO_BOARD_ID, ORG.region))!;
  await w.app.storage.organisations.update({ ...region, name: HOSTILE_NAME }, { expectedEtag: region.etag });
  const { participant } = await aFreshParticipant(w, { onBoard: true });
  participantId = participant.id;
  const coordinator = w.member("coordinator");
  await w.call(coordinator, "GET", `${BOARD}/participants/${participant.id}/history`);
  await w.app.storage.audit.append([
    {
      boardId: DEMO_BOARD_ID,
      at: `${w.today()}T01:00:00.000Z`,
      actor: { tenantId: coordinator.tenantId, objectId: coordinator.objectId, organisationId: ORG.region, role: "coordinator" },
      what: "viewedDetails",
      participantId: participant.id,
      participantCode: HOSTILE_CODE,
      channel: "tab",
      outcome: "allowed",
    },
  ]);
  const m = manager();
  const admin = w.member("admin");
  expect((await w.call(m, "PUT", `${BOARD}/log-reviewers/${ORG.region}`, { memberIds: [m.id, admin.id] })).status).toBe(200);
  const review = await w.call(m, "GET", `${BOARD}/log-reviews/${period()}`);
  const night = review.body.items.find((i: { memberId: string }) => i.memberId === coordinator.id);
  const marked = await w.call(m, "POST", `${BOARD}/log-reviews/${period()}/items/${night.id}`, {
    status: "followUp",
    note: HOSTILE_NOTE,
    etag: review.body.etag,
  });
  expect(marked.status).toBe(200);
});
afterAll(async () => {
  await w?.stop();
});

/** The raw file: the bytes decoded without dropping a BOM (fetch's text() would). */
async function download(member: Member, path: string) {
  const res = await fetch(`${w.app.baseUrl}${path}`, { headers: { authorization: `Bearer ${await w.token(member)}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

interface Export {
  name: string;
  path: () => string;
  fileName: RegExp;
  /** The header line of each table, comma form then Excel form. */
  tables: { csv: string[]; excel: string[] }[];
  /** A cell each form must hold: the hostile text, neutralised, or a word. */
  holds: { csv: string[]; excel: string[] };
}

const EXPORTS: Export[] = [
  {
    name: "loggkontroll (a participant's access log)",
    path: () => `${BOARD}/audit.csv?participantId=${participantId}`,
    fileName: /^loggkontroll\.csv$/,
    tables: [
      {
        csv: ["at", "tenantId", "objectId", "organisationId", "role", "what", "participantCode", "channel", "outcome", "lastAt", "count"],
        excel: [
          "Tid",
          "Klientorganisation (tenant-id)",
          "Användarens objekt-id",
          "Organisation",
          "Roll",
          "Vad",
          "Deltagare",
          "Kanal",
          "Utfall",
          "Senast",
          "Antal",
        ],
      },
    ],
    holds: {
      csv: ["'=HYPERLINK(1);'+1", "viewedHistory", "coordinator"],
      excel: ["'=HYPERLINK(1);'+1", "Visade historik", "Samordnare", "Tillåten"],
    },
  },
  {
    name: "loggkontroll for a period (the log review's report)",
    path: () => `${BOARD}/log-reviews/${period()}/report.csv`,
    fileName: /^loggkontroll-\d{4}-\d{2}\.csv$/,
    tables: [
      {
        csv: ["organisationId", "period", "seed", "drawnAt", "drawnBy", "population", "sampled", "marked", "followUp"],
        excel: ["Organisation", "Period", "Frö", "Dragen", "Dragen av", "Poster under perioden", "I urvalet", "Granskade", "Att följa upp"],
      },
      {
        csv: [
          "recordId",
          "at",
          "lastAt",
          "count",
          "memberId",
          "role",
          "what",
          "participantCode",
          "channel",
          "rules",
          "status",
          "note",
          "markedBy",
          "markedAt",
        ],
        excel: [
          "Post",
          "Tid",
          "Senast",
          "Antal",
          "Medlem",
          "Roll",
          "Vad",
          "Deltagare",
          "Kanal",
          "Varför i urvalet",
          "Bedömning",
          "Anteckning",
          "Bedömd av",
          "Bedömd",
        ],
      },
    ],
    holds: { csv: ["ok;'=1+1\n'-2+3", "followUp"], excel: ["ok;'=1+1\n'-2+3", "Att följa upp", "Utanför mötestid"] },
  },
  {
    name: "registerutdrag (a participant's log extract)",
    path: () => `${BOARD}/participants/${participantId}/log-extract.csv`,
    fileName: /^registerutdrag\.csv$/,
    tables: [
      {
        csv: ["participantCode", "organisation", "unit", "at", "lastAt", "count", "what", "channel"],
        excel: ["Deltagare", "Organisation", "Enhet", "Första gången", "Senast", "Antal", "Vad", "Kanal"],
      },
    ],
    holds: {
      csv: [`Regionen;'=1+1 "psykiatri",'@SUM(A1)`, "regionPsychiatry"],
      excel: [`Regionen;'=1+1 "psykiatri",'@SUM(A1)`, "Regionpsykiatri"],
    },
  },
  {
    name: "statistik (de-identified statistics)",
    path: () => `${BOARD}/statistics.csv?months=3`,
    fileName: /^statistik\.csv$/,
    tables: [{ csv: ["month", "organisationKind", "measure", "value"], excel: ["Månad", "Organisationstyper", "Mått", "Antal"] }],
    holds: {
      csv: ["onBoard", "municipalCare+regionPsychiatry", "checkInAttendance", "consentCovered"],
      excel: [
        "På tavlan vid månadens slut",
        "Kommunal vård och omsorg + Regionpsykiatri",
        "Närvaro på morgonmöten (medarbetare per möte)",
        "Deltagare med samtycke mellan alla sina organisationer",
      ],
    },
  },
  {
    name: "uppföljning (the follow-up per organisation)",
    path: () => `${BOARD}/follow-up.csv`,
    fileName: /^uppfoljning\.csv$/,
    tables: [
      {
        csv: [
          "year",
          "asOf",
          "organisation",
          "organisationKind",
          "involvedAtYearEnd",
          "newInYear",
          "target",
          "today",
          "involvedNow",
          "onBoardNow",
          "plansCounted",
          "sipYes",
          "sipNo",
          "sipNotSet",
          "sipFollowUpOverdue",
          "crisisPlanYes",
          "crisisPlanNo",
          "crisisPlanNotSet",
          "inStudy",
        ],
        excel: [
          "År",
          "Räknat t.o.m.",
          "Organisation",
          "Organisationstyp",
          "Deltagare vid årets slut",
          "Nya under året",
          "Målsättning per år",
          "Nu (datum)",
          "Deltagare nu",
          "På tavlan nu",
          "Planer räknade för (deltagare din organisation får se)",
          "SIP upprättad",
          "Ingen SIP",
          "SIP ej angivet",
          "SIP-uppföljning försenad",
          "Krisplan finns",
          "Ingen krisplan",
          "Krisplan ej angivet",
          "I en forskningsstudie nu",
        ],
      },
    ],
    // The organisation's (hostile) name, neutralised, and its kind as a code or in words.
    holds: {
      csv: [`Regionen;'=1+1 "psykiatri",'@SUM(A1)`, "regionPsychiatry"],
      excel: [`Regionen;'=1+1 "psykiatri",'@SUM(A1)`, "Regionpsykiatri"],
    },
  },
];

const withFormat = (path: string, format: string) => `${path}${path.includes("?") ? "&" : "?"}format=${format}`;

describe.each(EXPORTS)("$name", (e) => {
  it.each([
    ["excel", ","],
    ["csv", ";"],
  ] as const)("in the %s form: opens right, reads back, and no cell runs as a formula with either separator", async (format, other) => {
    const { res, bytes, text } = await download(manager(), withFormat(e.path(), format));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")!.match(/^attachment; filename="?([^"]+)"?$/)?.[1]).toMatch(e.fileName);
    // The BOM tells Excel the file is UTF-8 (å, ä, ö); scripts get none.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(format === "excel");

    const rows = readCsv(text, format);
    const headers = e.tables.map((t) => t[format]);
    let table = -1;
    for (const row of rows) {
      const next = headers.findIndex((h, i) => i > table && row.join("\u0000") === h.join("\u0000"));
      if (next >= 0) table = next;
      else expect([row, row.length]).toEqual([row, headers[table]!.length]);
    }
    expect(table).toBe(headers.length - 1);
    // Every table's header was found in order, and the data lines split on the form's separator alone.
    expect(rows.length).toBeGreaterThan(headers.length);
    for (const cell of e.holds[format]) expect(rows.flat()).toContain(cell);
    // The other separator only ever inside a quoted cell.
    for (const line of text.split("\r\n").filter((l) => !l.startsWith("#") && !l.includes('"'))) expect(line).not.toContain(other);
    // Times: Swedish local times in the Excel form, ISO in the comma form.
    const times = rows.flat().filter((c) => /^\d{4}-\d\d-\d\d[T ]\d\d:/.test(c));
    if (e.tables[0]!.csv.includes("at")) expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(format === "excel" ? /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/ : /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);

    expect(formulaCellsOf(text)).toEqual([]);
  });

  it("gives the comma form by default and refuses a form it does not know", async () => {
    const byDefault = await download(manager(), e.path());
    const comma = await download(manager(), withFormat(e.path(), "csv"));
    expect(byDefault.res.status).toBe(200);
    // Same file, but for the moment it was taken (statistics and extracts are logged, times differ).
    expect(readCsv(byDefault.text, "csv")[0]).toEqual(readCsv(comma.text, "csv")[0]);
    expect(byDefault.text.startsWith("\uFEFF")).toBe(false);
    expect((await download(manager(), withFormat(e.path(), "xlsx"))).res.status).toBe(400);
  });
});

it("gives local times in the Excel form for the instants the comma form gives in ISO", async () => {
  const comma = readCsv((await download(manager(), `${BOARD}/audit.csv?participantId=${participantId}&format=csv`)).text, "csv");
  const excel = readCsv((await download(manager(), `${BOARD}/audit.csv?participantId=${participantId}&format=excel`)).text, "excel");
  // The planted record, by its (neutralised) code: 01:00 UTC in March is 02:00 in Stockholm.
  const planted = (rows: string[][], column: number) => rows.filter((r) => r[column] === "'=HYPERLINK(1);'+1").map((r) => r[0]);
  expect(planted(comma, 6)).toEqual([`${w.today()}T01:00:00.000Z`]);
  expect(planted(excel, 6)).toEqual([`${w.today()} 02:00:00`]);
});

it("states the suppression rule in the statistics file, and its withheld cells cannot be solved", async () => {
  const comma = (await download(manager(), `${BOARD}/statistics.csv?months=6`)).text;
  const excel = (await download(manager(), `${BOARD}/statistics.csv?months=6&format=excel`)).text;
  expect(
    comma
      .split("\r\n")
      .filter((l) => l.startsWith("# "))
      .join(" "),
  ).toMatch(/x = withheld\. Counts 1-4 are withheld\. More counts/);
  expect(
    excel
      .split("\r\n")
      .filter((l) => l.startsWith("# "))
      .join(" "),
  ).toMatch(/x = dolt antal\. Antal 1–4 döljs\. Fler antal döljs/);
  const exp = readStatisticsExport(comma, excel);
  expect([...exp.cells.values()].some((v) => v === undefined)).toBe(true);
  expect(solve(exp)).toEqual([]);
});
