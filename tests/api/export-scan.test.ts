// Every CSV the app exports, scanned for what must not leave the board (issue 28): none holds a
// participant's initials, a member's name or any string written into notes, actions or signals; the
// counts (statistics, follow-up) hold no participant code either. The access-log exports name the
// participant they are about by code on purpose — log review (PDL 4:3) and a participant's extract
// (PDL 8:5) are about who saw whom — so codes are allowed there and nothing else is.
// The list below must name every `.csv` route the server registers, so a new export cannot escape it.
import { addDays } from "../../bot/src/domain/dates";
import { aSignal, uniqueId } from "../support/storage";
import { boardSecrets, type BoardSecrets, scanExport, type SecretKind } from "../support/export-scan";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, registeredRoutes, startWorld, textOf, type World } from "./world";

let w: World;
let participantId: string;
let studyId: string;
let secrets: BoardSecrets;
const PLANTED = {
  reasonNote: "Påhittad orsak Zebrakub",
  action: "Påhittad åtgärd Valrossdans",
  signal: "Påhittad signal Myrslok",
  sinceLast: "Påhittat sedan sist Kattuggla",
};

interface CsvExport {
  route: string;
  paths: () => string[];
  /** What the export carries on purpose, and why. */
  allow: SecretKind[];
}

const period = () => w.today().slice(0, 7);
const EXPORTS: CsvExport[] = [
  {
    route: "GET /api/boards/:boardId/statistics.csv",
    paths: () => ["month", "quarter", "year"].map((p) => `${BOARD}/statistics.csv?months=12&period=${p}`),
    allow: [],
  },
  { route: "GET /api/boards/:boardId/follow-up.csv", paths: () => [`${BOARD}/follow-up.csv`], allow: [] },
  {
    route: "GET /api/boards/:boardId/audit.csv",
    paths: () => [`${BOARD}/audit.csv?participantId=${participantId}`, `${BOARD}/audit.csv?memberId=${w.member("coordinator").id}`],
    allow: ["codes"],
  },
  {
    route: "GET /api/boards/:boardId/log-reviews/:period/report.csv",
    paths: () => [`${BOARD}/log-reviews/${period()}/report.csv`],
    allow: ["codes"],
  },
  // A study's data manager's export (the manager is named one below): study ids and counts only.
  { route: "GET /api/boards/:boardId/studies/:studyId/export.csv", paths: () => [`${BOARD}/studies/${studyId}/export.csv`], allow: [] },
  {
    route: "GET /api/boards/:boardId/participants/:participantId/log-extract.csv",
    paths: () => [`${BOARD}/participants/${participantId}/log-extract.csv`],
    allow: ["codes"],
  },
];

beforeAll(async () => {
  w = await startWorld();
  const coordinator = w.member("coordinator");
  const { participant, entry } = await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  participantId = participant.id;
  const today = w.today();
  // Free text in every place a person writes it: the entry's note and an action, a signal, since-last.
  await w.app.storage.entries.update(
    {
      ...entry!,
      reasonNote: PLANTED.reasonNote,
      actions: [...entry!.actions, { ...entry!.actions[0]!, id: "a2", what: PLANTED.action }],
    },
    { expectedEtag: entry!.etag },
  );
  await w.app.storage.signals.create(
    aSignal(DEMO_BOARD_ID, participant.id, {
      id: uniqueId("s"),
      fromOrganisationId: ORG.north,
      toOrganisationId: ORG.region,
      note: PLANTED.signal,
      raisedBy: w.member("coordinator", ORG.north).id,
      raisedAt: `${today}T07:00:00.000Z`,
      answerBy: `${addDays(today, 1)}T07:00:00.000Z`,
    }),
  );
  const since = await w.call(coordinator, "PUT", `${BOARD}/entries/${participant.id}/since-last`, { text: PLANTED.sinceLast });
  expect(since.status).toBe(200);
  // Accesses to review, and a review drawn, so the access-log exports have rows.
  await w.call(coordinator, "GET", `${BOARD}/participants/${participant.id}/history`);
  const m = w.member("manager");
  expect((await w.call(m, "PUT", `${BOARD}/log-reviewers/${ORG.region}`, { memberIds: [m.id] })).status).toBe(200);
  expect((await w.call(m, "GET", `${BOARD}/log-reviews/${period()}`)).status).toBe(200);
  // A study this participant is enrolled in, with the manager as its data manager.
  const year = today.slice(0, 4);
  const at = `${today}T07:00:00.000Z`;
  const admin = w.member("admin").id;
  const study = await w.app.storage.studies.create({
    id: uniqueId("study"),
    boardId: DEMO_BOARD_ID,
    name: "Fiktiv studie",
    ethicsApprovalReference: "Dnr 2019-01234",
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    dataManagerIds: [m.id],
    createdAt: at,
    createdBy: admin,
    updatedAt: at,
    updatedBy: admin,
  });
  studyId = study.id;
  await w.app.storage.studies.saveEnrolment({
    boardId: DEMO_BOARD_ID,
    studyId,
    participantId: participant.id,
    researchConsent: { givenOn: `${year}-01-02`, organisationId: ORG.region, recordedBy: coordinator.id, recordedAt: at },
    studyParticipantId: uniqueId("LU"),
    enrolledAt: at,
    enrolledBy: coordinator.id,
  });
  // Everyone signs in, so their principal names are stored and sought in every export.
  for (const m of w.members) expect((await w.call(m, "GET", "/api/me")).status).toBe(200);
  secrets = await boardSecrets(w.app.storage, DEMO_BOARD_ID);
});
afterAll(async () => {
  await w?.stop();
});

it("knows every CSV export the server has", () => {
  expect(EXPORTS.map((e) => e.route).sort()).toEqual(registeredRoutes().filter((r) => r.endsWith(".csv")));
});

it("reads the board's secrets, the planted free text among them", () => {
  expect(secrets.freeText).toEqual(expect.arrayContaining(Object.values(PLANTED)));
  expect(secrets.codes.length).toBeGreaterThan(10);
  expect(secrets.memberNames).toContain(w.member("coordinator").displayName);
  expect(secrets.memberUpns.length).toBeGreaterThanOrEqual(w.members.length);
  // The scanner finds what it looks for, as written and as a spreadsheet cell shows it.
  expect(scanExport(`a;"${PLANTED.signal}";b`, secrets)).toEqual([{ kind: "freeText", value: PLANTED.signal }]);
  const code = secrets.codes[0]!;
  expect(scanExport(`x,'${code}`, secrets)).toEqual([{ kind: "codes", value: code }]);
  expect(scanExport(`x,'${code}`, secrets, ["codes"])).toEqual([]);
});

describe.each(EXPORTS)("$route", (e) => {
  it.each(["csv", "excel"])("in the %s form holds none of the board's initials, names or free text", async (format) => {
    for (const path of e.paths()) {
      const res = await w.call(w.member("manager"), "GET", `${path}${path.includes("?") ? "&" : "?"}format=${format}`);
      expect(`${path} → ${res.status}`).toBe(`${path} → 200`);
      const text = textOf(res);
      // A file with rows: the scan looks at something.
      expect(text.split("\r\n").filter((l) => l && !l.startsWith("#") && !l.startsWith("\uFEFF#")).length).toBeGreaterThan(1);
      expect([path, scanExport(text, secrets, e.allow)]).toEqual([path, []]);
    }
  });
});
