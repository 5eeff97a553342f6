import express, { type Express, type RequestHandler } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Authenticate } from "../auth";
import type { UseCaseDeps } from "../use-cases/deps";
import type { Logger } from "../logger";
import { boardRoutes } from "./board-routes";
import { errorHandler, HttpError } from "./errors";
import { BoardVersionWatcher, liveRoutes } from "./live";
import { perCallerRateLimit, sameOriginOnly, securityHeaders } from "./security";

export interface AppParts {
  deps: UseCaseDeps;
  authenticate: Authenticate;
  log: Logger;
  publicUrl: string;
  /** Storage reachable? For /readyz. */
  ready: () => Promise<void>;
  /** POST /api/messages: the Bot Framework endpoint. It parses its own body and validates the Bot Framework token itself. */
  botEndpoint?: RequestHandler;
  /** Mounted before authentication: the development sign-in. */
  unauthenticatedRoutes?: Array<{ path: string; handler: RequestHandler | express.Router }>;
  tabDistDir?: string;
  rateLimit?: { windowMs: number; limit: number };
  /** The sign-in authority's origin, allowed by the CSP for the browser sign-in. */
  signInOrigin?: string;
}

export const MAX_BODY_BYTES = 32 * 1024;

export function createApp(parts: AppParts): { app: Express; watcher: BoardVersionWatcher } {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use(securityHeaders(parts.signInOrigin ? { signInOrigin: parts.signInOrigin } : {}));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await parts.ready();
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "storage unreachable" });
    }
  });

  if (parts.botEndpoint) app.post("/api/messages", parts.botEndpoint);
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  for (const r of parts.unauthenticatedRoutes ?? []) app.use(r.path, r.handler);

  const watcher = new BoardVersionWatcher((boardId) => parts.deps.storage.boardVersions.current(boardId));
  app.use("/api", sameOriginOnly(parts.publicUrl));
  const limit = perCallerRateLimit(parts.rateLimit ?? { windowMs: 60_000, limit: 600 });
  app.use(liveRoutes(parts.deps, parts.authenticate, watcher, limit));
  app.use("/api", async (req, res, next) => {
    try {
      res.locals.caller = await parts.authenticate(req);
      next();
    } catch (e) {
      next(e);
    }
  });
  app.use("/api", limit);
  app.use(boardRoutes(parts.deps));
  app.use("/api", (_req, _res, next) => next(new HttpError(404, "NotFound", "No such API route.")));

  const tabDir = parts.tabDistDir;
  if (tabDir && existsSync(path.join(tabDir, "index.html"))) {
    app.use("/tab", express.static(tabDir, { index: "index.html", maxAge: "1h", setHeaders: noCacheForHtml }));
    app.get("/", (_req, res) => res.redirect("/tab/"));
  }

  app.use(errorHandler(parts.log));
  return { app, watcher };
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
}
