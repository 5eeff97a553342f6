import type { AdminOverview, WalkthroughResponse } from "@fact-board/contract";
import { api, DEMO_BOARD_ID, demoPerson, signIn } from "../support/app";
import { aParticipant } from "../support/storage";
import { browserSuite, people, screenshot, seriousAxeViolations, WAIT_MS, type Person } from "./browser";
import { onMorningStage } from "./meeting-scene";

// Who leads, in what order, and raise for today (issue 26 items 5 and 6) on the meeting stage in
// the Teams-like host: an admin marks a staff-role nurse meeting leader and orders the morning
// meeting by organisation; she starts the walkthrough from the stage, which names the section of
// the organisation whose participants come first; she raises a participant who is not on the board
// ("Ta upp idag") from the stage, and the walkthrough takes them after the board under
// "Upptagna idag", with the reason.

const suite = browserSuite();
const BOARD = `/api/boards/${DEMO_BOARD_ID}`;
const WALKTHROUGH = `${BOARD}/walkthrough?meeting=morgonmote`;
const REGION = "region-psykiatri";
const REGIONS_NAME = "Psykiatrimottagning Exempelstad (fiktiv)";
const memberIdOf = (p: Person) => `${p.tenantId}.${p.objectId}`;

it("a staff-role meeting leader starts a walkthrough ordered by organisation and raises an off-board participant, who comes after the board", async () => {
  const base = suite.app.baseUrl;
  const greta = demoPerson("region", 7); // admin
  const david = demoPerson("region", 4); // staff: the nurse who chairs
  const adminToken = await signIn(base, greta);
  const admin = (await api<AdminOverview>(base, adminToken, "GET", `${BOARD}/admin`)).body;
  // As Inställningar does: Mötesledare on the member, Genomgång per organisation on the meeting.
  const davidView = admin.members.find((m) => m.id === memberIdOf(david))!;
  expect(davidView.role).toBe("staff");
  const marked = await api(base, adminToken, "PATCH", `${BOARD}/members/${davidView.id}`, { etag: davidView.etag, meetingLeader: true });
  expect(marked.status).toBe(200);
  const meetings = admin.board.settings.meetings.map((m) => (m.id === "morgonmote" ? { ...m, walkthroughOrder: "byOrganisation" } : m));
  expect((await api(base, adminToken, "PATCH", `${BOARD}/settings`, { etag: admin.board.etag, meetings })).status).toBe(200);

  // A registered participant of the region, not on the board.
  const { board } = await suite.boardAs(people.coordinator);
  const code = `ZQR-${String(Date.now() % 10_000).padStart(4, "0")}`;
  await suite.app.storage.participants.create(
    aParticipant(DEMO_BOARD_ID, {
      code,
      initials: "RQ",
      caseManagerId: memberIdOf(people.coordinator),
      writtenBy: REGION,
      organisationIds: [REGION],
      onBoard: false,
      createdAt: `${board.today}T06:00:00.000Z`,
    }),
  );

  const stage = await onMorningStage(suite, david);
  await stage.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await stage.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();
  const davidToken = await signIn(base, david);
  const started = (await api<WalkthroughResponse>(base, davidToken, "GET", WALKTHROUGH)).body.walkthrough!;
  expect(started.presenter.memberId).toBe(memberIdOf(david));
  // The first section is the region's (first in the meeting's list), named on the stage.
  expect(started.sections?.[0]).toEqual({ from: 0, kind: "organisation", organisationId: REGION });
  const sectionIds = started.sections!.map((s) => s.organisationId);
  expect(new Set(sectionIds).size).toBe(sectionIds.length);
  await stage.frame.locator(`[data-walkthrough-section='${REGION}']`, { hasText: REGIONS_NAME }).waitFor();

  // Ta upp idag, from the stage, without leaving it.
  const reason = "Påhittad: missade depåinjektionen i går";
  await stage.frame.getByRole("button", { name: "Ta upp idag" }).click();
  const dialog = stage.frame.getByRole("dialog");
  await dialog.getByRole("searchbox").fill(code);
  await dialog.getByRole("combobox").selectOption({ label: `${code} · RQ` });
  await dialog.getByRole("textbox", { name: /Anledning/ }).fill(reason);
  await dialog.getByRole("button", { name: "Ta upp idag" }).click();
  await dialog.waitFor({ state: "detached" });

  // The walkthrough takes them after the board: the last place, under "Upptagna idag".
  let after = started;
  for (const deadline = Date.now() + WAIT_MS; after.total === started.total && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    after = (await api<WalkthroughResponse>(base, davidToken, "GET", WALKTHROUGH)).body.walkthrough!;
  }
  const last = after.total - 1;
  expect(after.total).toBe(started.total + 1);
  expect(after.sections?.at(-1)).toEqual({ from: last, kind: "raised" });
  expect(
    await api(base, davidToken, "POST", `${BOARD}/walkthrough/events?meeting=morgonmote`, { type: "moveTo", index: last }),
  ).toMatchObject({
    status: 200,
  });
  const raised = stage.frame.locator(`[data-current-index='${last}'][data-raised]`);
  await raised.locator(`[data-current-participant='${code}']`).waitFor();
  await raised.locator(`[data-raise-reason='${REGION}']`, { hasText: reason }).waitFor();
  await stage.frame.locator("[data-walkthrough-section='raised']", { hasText: "Upptagna idag" }).waitFor();
  // The raise's saved toast fades out by itself; axe judges the stage at rest, not a half-faded toast.
  await stage.frame.waitForFunction(() => document.querySelectorAll(".fui-Toast").length === 0);
  expect(await seriousAxeViolations(stage.frame)).toEqual([]);
  await screenshot(stage.page, "stage-raised-today");

  await stage.page.context().close();
});
