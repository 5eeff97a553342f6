import type { BoardVersionEvent, PresenceLiveEvent, WalkthroughLiveEvent } from "@fact-board/contract";
import { Router, type Request, type Response } from "express";
import type { BoardId, Caller } from "../domain/types";
import type { Core, LiveEvent } from "../core";
import { PRESENTER_GONE_AFTER_MS } from "../domain/walkthrough";
import { pathId } from "./validate";

// Live updates: Server-Sent Events telling a board's viewers what changed, typed so each re-reads
// only that: "version" (the board changed), "walkthrough" (the walkthrough's own version and
// position) and "presence" (the presenting stage stopped or resumed its heartbeat).
//
// Push, then poll. A change made through this instance is announced at once: the core publishes
// it on its bus when the write succeeded. Changes made through other instances are carried by a
// poll of the board's one live entity in Table Storage (BoardVersions) every LIVE_POLL_MS; the
// versions tell the two apart, so a change is announced once. No state only one process knows.

/** Across instances a change waits at most one interval plus a read: well within 1 s (docs/performance.md). */
export const LIVE_POLL_MS = 250;
/** After a failed poll (storage down) the next ones wait longer, never more than this: recovery is prompt. */
export const LIVE_POLL_MAX_BACKOFF_MS = 2_000;
const HEARTBEAT_MS = 20_000;

export type LiveMessage =
  | { event: "version"; data: BoardVersionEvent }
  | { event: "walkthrough"; data: WalkthroughLiveEvent }
  | { event: "presence"; data: PresenceLiveEvent };
type Listener = (message: LiveMessage) => void;

interface Seen {
  board: number;
  walkthrough: number;
  /** The presenter whose heartbeat was last seen, and whether it was still beating. */
  presence?: { meetingId: string; presenterId: string; present: boolean };
}

type LiveSource = Pick<Core, "liveState" | "liveEvents" | "now">;

export class BoardVersionWatcher {
  private readonly listeners = new Map<BoardId, Set<Listener>>();
  private readonly seen = new Map<BoardId, Seen>();
  private readonly busSubscriptions = new Map<BoardId, () => void>();
  /** Ends each open stream: on shutdown, so clients reconnect to another instance at once. */
  private readonly closers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private shutDown = false;
  /** Polls skipped after storage failed: doubles with each failed poll, up to LIVE_POLL_MAX_BACKOFF_MS. */
  private skip = 0;
  private failures = 0;

  constructor(
    private readonly source: LiveSource,
    private readonly pollMs = LIVE_POLL_MS,
  ) {}

  subscribe(boardId: BoardId, listener: Listener, close: () => void = () => undefined): () => void {
    if (this.shutDown) {
      close();
      return () => undefined;
    }
    let set = this.listeners.get(boardId);
    if (!set) {
      this.listeners.set(boardId, (set = new Set()));
      this.busSubscriptions.set(
        boardId,
        this.source.liveEvents.subscribe(boardId, (e) => this.fromBus(e)),
      );
    }
    set.add(listener);
    this.closers.add(close);
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    return () => {
      this.closers.delete(close);
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(boardId);
        this.seen.delete(boardId);
        this.busSubscriptions.get(boardId)?.();
        this.busSubscriptions.delete(boardId);
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

  private seenOf(boardId: BoardId): Seen {
    let s = this.seen.get(boardId);
    if (!s) this.seen.set(boardId, (s = { board: -1, walkthrough: -1 }));
    return s;
  }

  private send(boardId: BoardId, message: LiveMessage): void {
    for (const l of this.listeners.get(boardId) ?? []) l(message);
  }

  private board(boardId: BoardId, version: number): void {
    const seen = this.seenOf(boardId);
    if (version <= seen.board) return;
    seen.board = version;
    this.send(boardId, { event: "version", data: { version } });
  }

  private walkthrough(boardId: BoardId, data: WalkthroughLiveEvent): void {
    const seen = this.seenOf(boardId);
    if (data.version <= seen.walkthrough) return;
    seen.walkthrough = data.version;
    this.send(boardId, { event: "walkthrough", data });
  }

  private presence(boardId: BoardId, heartbeat: { meetingId: string; memberId: string; seenAt: string } | undefined): void {
    const seen = this.seenOf(boardId);
    const present = heartbeat !== undefined && this.source.now().getTime() - Date.parse(heartbeat.seenAt) < PRESENTER_GONE_AFTER_MS;
    const was = seen.presence;
    const next = heartbeat
      ? { meetingId: heartbeat.meetingId, presenterId: heartbeat.memberId, present }
      : was && { ...was, present: false };
    if (!next || (was && was.meetingId === next.meetingId && was.presenterId === next.presenterId && was.present === next.present)) return;
    seen.presence = next;
    this.send(boardId, {
      event: "presence",
      data: { meetingId: next.meetingId, presenterId: next.presenterId, presenterPresent: next.present },
    });
  }

  private fromBus(e: LiveEvent): void {
    if (e.type === "board") this.board(e.boardId, e.version);
    else if (e.type === "walkthrough")
      this.walkthrough(e.boardId, { meetingId: e.meetingId, version: e.version, index: e.index, change: e.change });
    else this.presence(e.boardId, e.heartbeat);
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
          const live = await this.source.liveState(boardId);
          if (!this.listeners.has(boardId)) return;
          this.board(boardId, live.version);
          if (live.walkthrough) this.walkthrough(boardId, live.walkthrough);
          // Also how a presenter's stage that stopped beating is noticed: its last beat grows old.
          this.presence(boardId, live.presenter);
        } catch {
          // Storage hiccup: a later poll tries again; viewers keep what they have meanwhile.
          failed = true;
        }
      }),
    );
    this.failures = failed ? this.failures + 1 : 0;
    this.skip = failed ? Math.min(2 ** this.failures - 1, Math.ceil(LIVE_POLL_MAX_BACKOFF_MS / this.pollMs)) : 0;
  }
}

const sse = (m: LiveMessage) => `event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;

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
    // Subscribed before anything else is awaited, so a shutdown from here on ends this stream too.
    const unsubscribe = watcher.subscribe(
      boardId,
      (m) => res.write(sse(m)),
      () => res.end(),
    );
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    // The response's "close" is the client going away (the request's fires when its body is read).
    res.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
    if (!res.writableEnded) res.write(sse({ event: "version", data: { version: await core.boardVersion(boardId) } }));
  });
  return r;
}
