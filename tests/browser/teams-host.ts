// A Teams-like host for tab tests: a page on the tab's own origin (teams-js accepts a parent there)
// that iframes the tab and answers teams-js's postMessage calls the way Teams does, so the tab runs
// its real Teams code path: initialize, getContext, getAuthToken, authenticate. See docs/testing.md#a-teams-like-host-for-tab-tests.
import type { BrowserContext, Page } from "playwright-core";
import { TEAMS_JS_VALID_DOMAINS_URL } from "../../bot/src/api/security";

export interface TeamsHostOptions {
  /** The legacy context Teams answers getContext with (frameContext, tid, userObjectId, channelType, …). */
  context: Record<string, unknown>;
  /** Tokens by the tenant id the tab asks for (getAuthToken's tenantId); "" is Teams' default tenant. */
  tokens: Record<string, string>;
  /** getAuthToken fails with this reason until authentication.authenticate has run once. */
  failUntilAuthenticated?: string;
}

export interface TeamsHost {
  page: Page;
  /** Every call the tab made, in order: `func` and its `args`. */
  calls(): Promise<Array<{ func: string; args: unknown[] }>>;
  /** Console messages of the page and the tab's frame. */
  readonly console: string[];
}

const RUNTIME = {
  apiVersion: 4,
  isLegacyTeams: false,
  supports: {
    appInstallDialog: {},
    authentication: {},
    dialog: { card: {}, url: {} },
    meeting: {},
    pages: { appButton: {}, config: {}, currentApp: {}, tabs: {} },
    sharing: {},
    teamsCore: {},
  },
};

function hostPage(tabUrl: string, options: TeamsHostOptions): string {
  const config = JSON.stringify({ tabUrl, runtime: RUNTIME, ...options });
  return `<!doctype html><html><body style="margin:0">
<iframe id="tab" style="width:1200px;height:860px;border:0" src="${tabUrl}"></iframe>
<script>
const config = ${config};
window.calls = [];
let authenticated = false;
const answer = (source, id, uuid, args) => source.postMessage({ id, uuidAsString: uuid, args }, "*");
window.addEventListener("message", (event) => {
  const m = event.data;
  if (!m || typeof m.func !== "string" || event.source === window) return;
  window.calls.push({ func: m.func, args: m.args || [] });
  const reply = (args) => answer(event.source, m.id, m.uuidAsString, args);
  switch (m.func) {
    case "initialize":
      return reply([config.context.frameContext, "web", JSON.stringify(config.runtime), "2.58.0"]);
    case "getContext":
      return reply([config.context]);
    case "authentication.getAuthToken": {
      if (config.failUntilAuthenticated && !authenticated) return reply([false, config.failUntilAuthenticated]);
      const tenant = (m.args && m.args[3]) || "";
      const token = config.tokens[tenant];
      return token ? reply([true, token]) : reply([false, "tokenRevoked"]);
    }
    case "authentication.authenticate":
      authenticated = true;
      return reply([true, ""]);
    default:
      return undefined;
  }
});
</script></body></html>`;
}

/**
 * Serves the app at `origin` (an https origin Playwright answers itself, relaying to `baseUrl`):
 * teams-js refuses some calls, authentication.authenticate among them, from a page that is not https.
 * The live stream is refused (a relayed stream would never end); the tab copes with that by itself.
 */
export async function serveOverHttps(context: BrowserContext, origin: string, baseUrl: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith("/events")) return route.abort();
    const headers = { ...route.request().headers() };
    delete headers["origin"];
    const response = await route.fetch({ url: `${baseUrl}${url.pathname}${url.search}`, headers });
    return route.fulfill({ response });
  });
}

/** Opens `tabPath` (e.g. "/tab/?view=channel") inside the host on `baseUrl`'s origin. */
export async function openInTeamsHost(
  context: BrowserContext,
  baseUrl: string,
  tabPath: string,
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const messages: string[] = [];
  await context.route(`${baseUrl}/fakehost.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: hostPage(`${baseUrl}${tabPath}`, options) }),
  );
  // Offline here: answer Microsoft's valid-domains list as the CDN would (once the CSP lets the request out).
  await context.route(TEAMS_JS_VALID_DOMAINS_URL, (route) =>
    route.fulfill({
      contentType: "application/json",
      headers: { "access-control-allow-origin": "*" },
      body: JSON.stringify({ validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com", "teams.cloud.microsoft"] }),
    }),
  );
  const page = await context.newPage();
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${baseUrl}/fakehost.html`);
  return {
    page,
    calls: () => page.evaluate(() => (window as unknown as { calls: Array<{ func: string; args: unknown[] }> }).calls),
    console: messages,
  };
}
