import express, { type Express, type RequestHandler } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { isUnauthenticated, type Authenticate } from "../auth";
import type { Core } from "../core";
import type { Logger } from "../logger";
import { adminRoutes, type JoinRequestRateLimits } from "./admin-routes";
import { boardRoutes } from "./board-routes";
import { studyRoutes } from "./study-routes";
import { errorHandler, HttpError, STORAGE_RETRY_AFTER_SECONDS } from "./errors";
import { BoardVersionWatcher, liveRoutes } from "./live";
import { noStore, perAddressRateLimit, perCallerRateLimit, sameOriginOnly, securityHeaders, type RateLimitOptions } from "./security";

export interface AppParts {
  /** The application core: every route is a command or query of it. */
  core: Core;
  authenticate: Authenticate;
  log: Logger;
  publicUrl: string;
  /** POST /api/messages: the Bot Framework endpoint. It parses its own body and validates the Bot Framework token itself. */
  botEndpoint?: RequestHandler;
  /** Mounted before authentication: the development sign-in (its routes live under /api/dev, which is limited per address). */
  unauthenticatedRoutes?: Array<{ path: string; handler: RequestHandler | express.Router }>;
  tabDistDir?: string;
  /** Test and bench pages served at /fixtures/ (never in production: config refuses it). */
  fixturesDir?: string;
  /** Per person, for authenticated API requests. */
  rateLimit?: RateLimitOptions;
  /** Per client address, for requests that fail authentication and the development routes. */
  addressRateLimit?: RateLimitOptions;
  /** Per client address, for the sign-in configuration (served before anyone is known, so no tenant to count by). */
  signInConfigRateLimit?: RateLimitOptions;
  /** Abuse limits on asking to join a board, per client address and per tenant. */
  joinRequestRateLimits?: JoinRequestRateLimits;
  /** Reverse proxies whose X-Forwarded-For is trusted (express "trust proxy"); 0 or absent: none. */
  trustProxyHops?: number;
  /** The sign-in authority's origin, allowed by the CSP for the browser sign-in. */
  signInOrigin?: string;
}

export const MAX_BODY_BYTES = 32 * 1024;
/** /readyz answers within a second, whatever storage does. */
export const READY_DEADLINE_MS = 900;

export function createApp(parts: AppParts): { app: Express; watcher: BoardVersionWatcher } {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  // A hop count, never `true`: trusting every X-Forwarded-For entry would let a client pick its own address.
  app.set("trust proxy", parts.trustProxyHops ?? 0);
  app.use(securityHeaders(parts.signInOrigin ? { signInOrigin: parts.signInOrigin } : {}));
  app.use("/api", noStore);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    // The probe has its own short deadline; this one is the promise to the load balancer.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("readiness probe timed out")), READY_DEADLINE_MS);
    });
    try {
      await Promise.race([parts.core.ready(), deadline]);
      res.json({ status: "ready" });
    } catch {
      res.status(503).setHeader("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS)).json({ status: "storage unreachable" });
    } finally {
      clearTimeout(timer);
    }
  });

  if (parts.botEndpoint) app.post("/api/messages", parts.botEndpoint);
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  const perAddress = perAddressRateLimit(parts.addressRateLimit ?? { windowMs: 60_000, limit: 300 });
  app.use("/api/dev", perAddress);
  // Its own budget: a page load reads it once, and a flood of it must not use up the development sign-in's.
  app.use("/api/sign-in", perAddressRateLimit(parts.signInConfigRateLimit ?? { windowMs: 60_000, limit: 120 }));
  for (const r of parts.unauthenticatedRoutes ?? []) app.use(r.path, r.handler);

  const watcher = new BoardVersionWatcher(parts.core);
  app.use("/api", sameOriginOnly(parts.publicUrl));
  app.use("/api", async (req, res, next) => {
    try {
      res.locals.caller = await parts.authenticate(req);
      next();
    } catch (e) {
      // Only failures count against the address: people behind one municipal NAT with valid
      // tokens are counted per person below, never held back by a neighbour's expired token.
      if (isUnauthenticated(e)) await perAddress(req, res, () => next(e));
      else next(e);
    }
  });
  app.use("/api", perCallerRateLimit(parts.rateLimit ?? { windowMs: 60_000, limit: 600 }));
  app.use(liveRoutes(parts.core, watcher));
  app.use(boardRoutes(parts.core));
  app.use(studyRoutes(parts.core));
  app.use(adminRoutes(parts.core, parts.joinRequestRateLimits));
  app.use("/api", (_req, _res, next) => next(new HttpError(404, "NotFound", "No such API route.")));

  const tabDir = parts.tabDistDir;
  if (tabDir && existsSync(path.join(tabDir, "index.html"))) {
    app.use("/tab", express.static(tabDir, { index: "index.html", maxAge: "1h", setHeaders: noCacheForHtml }));
    app.get("/", (_req, res) => res.redirect("/tab/"));
  }
  // Served like the tab (same headers, CSP and caching), so a page measured against it meets the same server.
  if (parts.fixturesDir) app.use("/fixtures", express.static(parts.fixturesDir, { maxAge: "1h", setHeaders: noCacheForHtml }));

  app.use(errorHandler(parts.log));
  return { app, watcher };
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
}
