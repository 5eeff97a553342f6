import type { AdminOverview, FollowUpView } from "@fact-board/contract";
import fs from "node:fs";
import { readCsv } from "../../bot/src/use-cases/csv-test-support";
import { api, DEMO_BOARD_ID, demoPerson } from "../support/app";
import { browserSuite, layoutDefects, people, screenshot, seriousAxeViolations } from "./browser";

// The follow-up per organisation in the manager overview (issue 28): a table per year with the
// board's yearly target, a bar chart of the same figures, and the file for Swedish Excel.

const suite = browserSuite();
const B = `/api/boards/${DEMO_BOARD_ID}`;

it("shows the manager each organisation's participants against the yearly target, as a table and a chart, axe-clean", async () => {
  // An admin sets the region's target in the board's settings.
  const { token: adminToken } = await suite.boardAs(demoPerson("region", 7));
  const { body: admin } = await api<AdminOverview>(suite.app.baseUrl, adminToken, "GET", `${B}/admin`);
  const region = admin.organisations.find((o) => o.kind === "regionPsychiatry")!;
  const set = await api(suite.app.baseUrl, adminToken, "PATCH", `${B}/settings`, {
    etag: admin.board.etag,
    followUpTargets: [{ organisationId: region.id, perYear: 30 }],
  });
  expect(set.status).toBe(200);
  // A study with one of the region's participants enrolled: "in a study" counts them.
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const managerId = admin.members.find((m) => m.objectId === people.manager.objectId && m.tenantId === people.manager.tenantId)!.id;
  const study = await api<{ id: string }>(suite.app.baseUrl, adminToken, "POST", `${B}/studies`, {
    name: "Fiktiv uppföljningsstudie",
    ethicsApprovalReference: "Dnr 2025-05555",
    from: `${today.slice(0, 4)}-01-01`,
    to: `${today.slice(0, 4)}-12-31`,
    dataManagerIds: [managerId],
  });
  expect(study.status).toBe(201);
  const enrolled = (await suite.boardAs(demoPerson("region", 7))).board.rows.find((row) =>
    row.participant.organisationIds.includes(region.id),
  )!.participant;
  const path = `${B}/studies/${study.body.id}/participants/${enrolled.id}`;
  const consent = await api<{ etag: string }>(suite.app.baseUrl, adminToken, "PUT", `${path}/research-consent`, { givenOn: today });
  expect(consent.status).toBe(200);
  const enrol = await api(suite.app.baseUrl, adminToken, "POST", `${path}/enrol`, {
    studyParticipantId: "LU-0777",
    etag: consent.body.etag,
  });
  expect(enrol.status).toBe(200);
  const { token } = await suite.boardAs(people.manager);
  const { body: expected } = await api<FollowUpView>(suite.app.baseUrl, token, "GET", `${B}/follow-up`);

  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel");
  await page.getByRole("tab", { name: "Översikt" }).click();
  const table = page.getByRole("table", { name: `Uppföljning per organisation ${expected.year}` });
  await table.waitFor();
  const headers = await table.getByRole("columnheader").allTextContents();
  expect(headers).toEqual([
    "Organisation",
    "Deltagare vid årets slut",
    "Nya under året",
    "Målsättning per år",
    "På tavlan nu",
    "SIP upprättad",
    "SIP-uppföljning försenad",
    "Krisplan finns",
    "I studie nu",
  ]);
  // One row per organisation of the board, named, with the server's counts.
  const rows = table.getByRole("row");
  expect(await rows.count()).toBe(expected.organisations.length + 1);
  const regionRow = table.locator(`tr[data-organisation="${region.id}"]`);
  const cells = await regionRow.getByRole("cell").allTextContents();
  const r = expected.organisations.find((o) => o.organisationId === region.id)!;
  expect(cells).toEqual([
    region.name,
    String(r.involvedAtYearEnd),
    String(r.newInYear),
    "30",
    String(r.onBoardNow),
    `${r.sip.yes} av ${r.plansCounted}`,
    String(r.sipFollowUpOverdue),
    `${r.crisisPlan.yes} av ${r.plansCounted}`,
    `${r.inStudy} av ${r.plansCounted}`,
  ]);
  expect(r.involvedAtYearEnd).toBeGreaterThan(0);
  expect(r.inStudy).toBeGreaterThan(0);
  // An organisation without a target says so in words, not as 0.
  const other = expected.organisations.find((o) => o.organisationId !== region.id)!;
  expect((await table.locator(`tr[data-organisation="${other.organisationId}"]`).getByRole("cell").nth(3).textContent())!).toBe(
    "Ej angivet",
  );
  // The chart of the same figures: one bar per organisation.
  const chart = page.getByRole("heading", { name: "Deltagare vid årets slut per organisation" });
  await chart.waitFor();
  await page.locator("section[aria-label='Uppföljning per organisation'] svg rect").first().waitFor();

  await page.getByRole("region", { name: "Uppföljning per organisation" }).scrollIntoViewIfNeeded();
  await screenshot(page, "channel-follow-up");
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);

  // The file opens right in Swedish Excel and holds the same row.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Ladda ner uppföljningen (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`uppfoljning-${expected.year}.csv`);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  expect(csv.startsWith("\uFEFF# FACT Board – uppföljning per organisation")).toBe(true);
  const [header, ...lines] = readCsv(csv, "excel");
  expect(header!.slice(2, 7)).toEqual([
    "Organisation",
    "Organisationstyp",
    "Deltagare vid årets slut",
    "Nya under året",
    "Målsättning per år",
  ]);
  expect(lines.find((l) => l[2] === region.name)?.slice(4, 7)).toEqual([String(r.involvedAtYearEnd), String(r.newInYear), "30"]);
  expect(lines.find((l) => l[2] === region.name)?.[header!.indexOf("I en forskningsstudie nu")]).toBe(String(r.inStudy));
  await context.close();
});

it("shows a coordinator no follow-up (the server gives no right to it)", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel");
  await page.getByRole("tab", { name: "Översikt" }).click();
  await page.getByRole("heading", { name: "Antal på tavlan över tid" }).waitFor();
  expect(await page.getByRole("table", { name: /^Uppföljning per organisation/ }).count()).toBe(0);
  await context.close();
});
