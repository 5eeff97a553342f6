// Opens the tab inside the one Teams-like host (tests/fixtures/teams-host.html, served by the app
// at /fixtures/ in development and test): for the browser tests and the bench alike. The host page
// is a real file on the app's origin, not a Playwright route: with a route in place every request
// of the page would take a detour through the test's own process, which skews the bench's timing.

/** Where the app serves tests/fixtures (FIXTURES_DIR). */
const FIXTURES_PATH = "/fixtures";

/** Microsoft's valid Teams host domains, as its CDN answers them (teams-js fetches the list). */
const VALID_ORIGINS = ["teams.microsoft.com", "*.teams.microsoft.com", "teams.cloud.microsoft"];

/**
 * The context Teams answers getContext with: a Swedish web client, the person, and what the surface
 * adds (`context`: meetingId in a meeting, channelId and channelType in a channel, ...).
 */
function teamsContext(frameContext, person, extra = {}) {
  return {
    frameContext,
    locale: "sv-SE",
    theme: "default",
    hostClientType: "web",
    entityId: "board",
    appSessionId: "session-1",
    isFullScreen: false,
    isMultiWindow: false,
    ...(person ? { tid: person.tenantId, userObjectId: person.objectId } : {}),
    ...extra,
  };
}

async function openInTeamsHost(browserContext, baseUrl, options) {
  const origin = new URL(baseUrl).origin;
  if (options.validDomainsUrl) {
    // Offline here: answer Microsoft's valid-domains list as its CDN would (once the CSP lets the request out).
    await browserContext.route(options.validDomainsUrl, (route) =>
      route.fulfill({
        contentType: "application/json",
        headers: { "access-control-allow-origin": "*" },
        body: JSON.stringify({ validOrigins: VALID_ORIGINS }),
      }),
    );
  }
  const tokens = typeof options.token === "string" ? { "": options.token } : options.tokens;
  const config = {
    tabUrl: new URL(options.url, origin).href,
    context: teamsContext(options.frameContext, options.person, options.context),
    tokens,
    width: options.width ?? 1200,
    height: options.height ?? 860,
    ...(options.failUntilAuthenticated ? { failUntilAuthenticated: options.failUntilAuthenticated } : {}),
    ...(options.shareFails ? { shareFails: options.shareFails } : {}),
  };
  const page = await browserContext.newPage();
  const messages = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${origin}${FIXTURES_PATH}/teams-host.html`);
  await page.waitForFunction(() => "teamsHost" in window);
  await page.evaluate((c) => window.teamsHost.open(c), config);
  const frame = await (await page.waitForSelector("iframe#tab")).contentFrame();
  return {
    page,
    frame,
    console: messages,
    calls: () => page.evaluate(() => window.teamsHost.calls()),
    async waitForCall(func) {
      await page.waitForFunction((f) => window.teamsHost.calls().some((c) => c.func === f), func);
      return (await page.evaluate(() => window.teamsHost.calls())).find((c) => c.func === func);
    },
    save: () => page.evaluate(() => window.teamsHost.save()),
    changeTheme: (theme) => page.evaluate((t) => window.teamsHost.changeTheme(t), theme),
  };
}

// CommonJS, so that the TypeScript tests (CommonJS) and the bench (ES modules) share it.
module.exports = { FIXTURES_PATH, teamsContext, openInTeamsHost };
