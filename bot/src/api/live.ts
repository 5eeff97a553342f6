import { Router, type Request, type Response } from "express";
import type { BoardId, Caller } from "../domain/types";
import type { Core } from "../core";
import { pathId } from "./validate";

// Live updates: Server-Sent Events announcing the board's version. The version lives in Table
// Storage (BoardVersions, bumped by every change), and each instance polls that one entity for the
// boards its clients watch — so a change made through any instance reaches every viewer within
// ~1 s, with no state that only one process knows. Clients refetch the board (their own view, as
// consent allows) when the version moves.

export const LIVE_POLL_MS = 500;
const HEARTBEAT_MS = 20_000;

type Listener = (version: number) => void;

export class BoardVersionWatcher {
  private readonly listeners = new Map<BoardId, Set<Listener>>();
  private readonly lastSeen = new Map<BoardId, number>();
  /** Ends each open stream: on shutdown, so clients reconnect to another instance at once. */
  private readonly closers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private shutDown = false;
  /** Polls skipped after storage failed: doubles with each failed poll (at most ~16 s), so an outage is not polled twice a second. */
  private skip = 0;
  private failures = 0;

  constructor(
    private readonly currentVersion: (boardId: BoardId) => Promise<number>,
    private readonly pollMs = LIVE_POLL_MS,
  ) {}

  subscribe(boardId: BoardId, listener: Listener, close: () => void = () => undefined): () => void {
    if (this.shutDown) {
      close();
      return () => undefined;
    }
    let set = this.listeners.get(boardId);
    if (!set) this.listeners.set(boardId, (set = new Set()));
    set.add(listener);
    this.closers.add(close);
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    return () => {
      this.closers.delete(close);
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(boardId);
        this.lastSeen.delete(boardId);
      }
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops polling and ends every open stream (graceful shutdown: streams are never "finished"). */
  shutdown(): void {
    this.shutDown = true;
    this.stop();
    for (const close of [...this.closers]) close();
  }

  private async poll(): Promise<void> {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    let failed = false;
    await Promise.all(
      [...this.listeners.keys()].map(async (boardId) => {
        try {
          const version = await this.currentVersion(boardId);
          if (this.lastSeen.get(boardId) === version) return;
          this.lastSeen.set(boardId, version);
          for (const l of this.listeners.get(boardId) ?? []) l(version);
        } catch {
          // Storage hiccup: a later poll tries again; viewers keep their last board meanwhile.
          failed = true;
        }
      }),
    );
    this.failures = failed ? this.failures + 1 : 0;
    this.skip = failed ? 2 ** Math.min(this.failures, 5) - 1 : 0;
  }
}

/**
 * Mounted behind the API's authentication and per-person limit like every other route: the tab
 * reads the stream with fetch and sends `Authorization: Bearer`, so no token is ever in a URL
 * (App Service and Application Insights record request URLs). A token in the query is not read.
 */
export function liveRoutes(core: Core, watcher: BoardVersionWatcher): Router {
  const r = Router();
  r.get("/api/boards/:boardId/events", async (req: Request, res: Response) => {
    const caller = res.locals.caller as Caller;
    const boardId = pathId(req.params.boardId, "boardId");
    await core.actorFor(caller, boardId, "tab");
    res.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 2000\n\n");
    const send = (version: number) => res.write(`event: version\ndata: ${JSON.stringify({ version })}\n\n`);
    // Subscribed before anything else is awaited, so a shutdown from here on ends this stream too.
    const unsubscribe = watcher.subscribe(boardId, send, () => res.end());
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    // The response's "close" is the client going away (the request's fires when its body is read).
    res.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
    if (!res.writableEnded) send(await core.boardVersion(boardId));
  });
  return r;
}
