import { browserSuite, openBoard, people, screenshot, signedInContext } from "./browser";

// A member whose organisation has no valid consent for a participant sees no details of them:
// not on the board, not in the page, not in what the browser received. The server decides; the
// tab only shows how many are hidden.

const suite = browserSuite();

it("shows a member of an organisation without consent nothing about the participant", async () => {
  const full = (await suite.boardAs(people.coordinator)).board;
  let outsider: typeof people.coordinator | undefined;
  let hiddenCodes: string[] = [];
  for (const person of [people.westCoordinator, people.northCoordinator]) {
    const view = (await suite.boardAs(person)).board;
    const visible = new Set(view.rows.map((r) => r.participant.code));
    hiddenCodes = full.rows.map((r) => r.participant.code).filter((c) => !visible.has(c));
    if (view.hiddenCount > 0 && hiddenCodes.length > 0) {
      outsider = person;
      break;
    }
  }
  expect(outsider).toBeDefined();

  const context = await signedInContext(suite.browser, suite.app.baseUrl, outsider!);
  const page = await context.newPage();
  const received: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/")) received.push(await response.text().catch(() => ""));
  });
  await openBoard(page, suite.app.baseUrl, "?view=channel");
  await page.getByText(/deltagare på tavlan visas inte/).waitFor();
  const text = await page.locator("body").innerText();
  for (const code of hiddenCodes) {
    expect(text).not.toContain(code);
    for (const body of received) expect(body).not.toContain(code);
  }
  await screenshot(page, "channel-outsider");
  await context.close();
});
