import { Conflict } from "../domain/errors";
import type { BoardId } from "../domain/types";
import type { Stored } from "../storage";
import type { RequestKey } from "../storage/request-key-entity";
import { nowOf, type UseCaseDeps } from "./deps";

// Creates asked for once. A create names its keys (the key its client sent once per form, and the
// content that makes two creates the same); each is claimed with createEntity before anything is
// made, so of concurrent submits exactly one makes the thing and the others answer with it. A read
// before the write would let all of them through (issue 27: three absences, four cover cards).

/** What an earlier request made, as it stands: there and counting, there but no longer counting (cancelled), or not there (yet). */
export type Earlier<T> = { made: T } | "noLongerCounts" | undefined;

export interface OnceRequest<T> {
  boardId: BoardId;
  keys: ReadonlyArray<string | undefined>;
  make(id: string): Promise<T>;
  earlier(id: string): Promise<Earlier<T>>;
}

/** How long a first request may take before a later one with its key takes over (it crashed, or failed before releasing). */
const IN_FLIGHT_MS = 30_000;
const POLL_MS = 50;
const MAX_WAIT_MS = 3_000;

export async function createOnce<T>(deps: UseCaseDeps, r: OnceRequest<T>): Promise<T> {
  const id = deps.newId();
  const held: Array<Stored<RequestKey>> = [];
  const releaseHeld = () => Promise.all(held.map((row) => deps.storage.requestKeys.release(row)));
  try {
    for (const key of r.keys) {
      if (!key) continue;
      const claimed = await claimOrFindEarlier(deps, r, key, id);
      if ("made" in claimed) {
        await releaseHeld();
        return claimed.made;
      }
      held.push(claimed.row);
    }
    return await r.make(id);
  } catch (e) {
    await releaseHeld().catch(() => undefined);
    throw e;
  }
}

async function claimOrFindEarlier<T>(
  deps: UseCaseDeps,
  r: OnceRequest<T>,
  key: string,
  id: string,
): Promise<{ row: Stored<RequestKey> } | { made: T }> {
  for (let attempt = 0; ; attempt++) {
    const at = nowOf(deps);
    const row = await deps.storage.requestKeys.claim({ boardId: r.boardId, key, resultId: id, at });
    if (row.resultId === id) return { row };
    const earlier = await waitForEarlier(deps, r, row);
    if (earlier && earlier !== "noLongerCounts") return earlier;
    try {
      // Cancelled since, or never made: this request makes it, and no other takes the key with it.
      return { row: await deps.storage.requestKeys.takeOver(row, id, at) };
    } catch (e) {
      if (!(e instanceof Conflict) || attempt >= 2) throw e;
    }
  }
}

async function waitForEarlier<T>(deps: UseCaseDeps, r: OnceRequest<T>, row: Stored<RequestKey>): Promise<Earlier<T>> {
  const started = Date.now();
  for (;;) {
    const earlier = await r.earlier(row.resultId);
    if (earlier !== undefined) return earlier;
    // Not made yet: the first request is still at work, unless it claimed long ago and died.
    if (deps.clock().getTime() - Date.parse(row.at) > IN_FLIGHT_MS) return undefined;
    if (Date.now() - started > MAX_WAIT_MS) throw new Conflict("The same request, still being handled");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
