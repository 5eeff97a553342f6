// The tab's performance figures for `npm run bench` (issue 3):
//   initialJsGzipKb    — gzipped size of the JavaScript tab/dist/index.html loads up front
//                        (its module script and modulepreloads; lazy chunks are listed, not counted);
//   boardInteractiveMs — navigation start → board on screen and usable (the tab's
//                        "fact-board-interactive" performance mark) for a board of 40 entries,
//                        headless Debian Chromium, signed in through the development sign-in.
import { launchChromium } from "./bench-support.mjs";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "tab/dist");
const ENTRIES = 40;
const RUNS = 5;

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** JS files index.html loads before anything renders: the entry module and its modulepreloads. */
export function initialScripts(html) {
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]);
  return [...files].map((src) => src.replace(/^\/tab\//, ""));
}

export function bundleSizes() {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const initial = new Set(initialScripts(html));
  const chunks = readdirSync(path.join(dist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const file = `assets/${f}`;
      return { file, gzipKb: kb(gzipSync(readFileSync(path.join(dist, file))).length), initial: initial.has(file) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzipKb - a.gzipKb);
  const initialJsGzipKb = Math.round(chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzipKb, 0) * 10) / 10;
  return { initialJsGzipKb, chunks };
}

async function json(baseUrl, token, method, url, body) {
  const res = await fetch(baseUrl + url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
  return res.json();
}

async function devToken(baseUrl) {
  const listed = await json(baseUrl, undefined, "GET", "/api/dev/people");
  const people = Array.isArray(listed) ? listed : listed.people;
  const person = people.find((p) => p.role === "coordinator") ?? people[0];
  return json(baseUrl, undefined, "POST", "/api/dev/sign-in", { tenantId: person.tenantId, objectId: person.objectId });
}

/** Tops the board up to 40 visible entries if the viewer sees fewer (puts participants on the board). */
async function ensureEntries(baseUrl, token, boardId) {
  let board = await json(baseUrl, token, "GET", `/api/boards/${boardId}`);
  if (board.rows.length >= ENTRIES) return board.rows.length;
  const { participants } = await json(baseUrl, token, "GET", `/api/boards/${boardId}/participants?offBoard=true`);
  const next = new Date(Date.parse(`${board.today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  for (const p of participants.filter((x) => !x.onBoard).slice(0, ENTRIES - board.rows.length)) {
    await json(baseUrl, token, "POST", `/api/boards/${boardId}/entries`, { participantId: p.id, reason: "coordinationNeed", priority: "medium", nextEvaluationOn: next }).catch(() => undefined);
  }
  board = await json(baseUrl, token, "GET", `/api/boards/${boardId}`);
  return board.rows.length;
}

export async function benchTab({ baseUrl, token, boardId, runs = RUNS }) {
  if (!existsSync(path.join(dist, "index.html"))) throw new Error("tab/dist is missing: run `npm run build -w tab` first");
  const sizes = bundleSizes();
  const stored = token ? { token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } : await devToken(baseUrl);
  const board = boardId ?? (await json(baseUrl, stored.token, "GET", "/api/me")).boards[0].id;
  const entries = await ensureEntries(baseUrl, stored.token, board);

  const browser = await launchChromium();
  const times = [];
  try {
    // One warm-up (server caches, Chromium's disk cache stays cold: a fresh context per run).
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.addInitScript((t) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(t)), stored);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/tab/?view=channel&board=${encodeURIComponent(board)}`);
      await page.waitForSelector("body[data-board-ready='true']", { timeout: 15_000 });
      const ms = await page.evaluate(() => performance.getEntriesByName("fact-board-interactive")[0]?.startTime ?? NaN);
      if (i > 0) times.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return {
    initialJsGzipKb: sizes.initialJsGzipKb,
    chunks: sizes.chunks,
    boardInteractiveMs: Math.round(times[Math.floor(times.length / 2)]),
    boardInteractiveMaxMs: Math.round(times[times.length - 1]),
    entries,
  };
}
