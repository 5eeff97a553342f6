import type { BoardId } from "../domain/types";
import type { Storage } from "../storage";
import type { PresenterHeartbeat, WalkthroughMark } from "../storage/board-version-repository";

// The core's event bus: what changed on a board, announced in this process the moment a write
// succeeded, so this instance's live streams tell their viewers at once. Changes made through
// other instances arrive by the live stream's poll of the board's version entity instead
// (api/live.ts); the two are told apart by version, so nothing is announced twice.

export type LiveEvent =
  | { type: "board"; boardId: BoardId; version: number }
  | ({ type: "walkthrough"; boardId: BoardId } & WalkthroughMark)
  | { type: "presenter"; boardId: BoardId; heartbeat: PresenterHeartbeat | undefined };

export type LiveListener = (event: LiveEvent) => void;

export interface LiveEvents {
  publish(event: LiveEvent): void;
  /** Events of one board; returns the unsubscribe. */
  subscribe(boardId: BoardId, listener: LiveListener): () => void;
}

export function createLiveEvents(): LiveEvents {
  const listeners = new Map<BoardId, Set<LiveListener>>();
  return {
    publish(event) {
      for (const l of [...(listeners.get(event.boardId) ?? [])]) {
        try {
          l(event);
        } catch {
          // A listener's failure (a stream that just closed) is its own: the write already succeeded.
        }
      }
    },
    subscribe(boardId, listener) {
      let set = listeners.get(boardId);
      if (!set) listeners.set(boardId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(boardId);
      };
    },
  };
}

/**
 * The storage the use-cases get: every use-case already marks a successful write by bumping the
 * board's version (or the walkthrough's, or the presenter's heartbeat), and here that mark is
 * also published on the bus, after the write and only when it succeeded. One place, so no
 * use-case can change the board without its viewers being told.
 */
export function announcing(storage: Storage, events: LiveEvents): Storage {
  const versions = storage.boardVersions;
  return {
    ...storage,
    boardVersions: {
      ...versions,
      async bump(boardId) {
        const version = await versions.bump(boardId);
        events.publish({ type: "board", boardId, version });
        return version;
      },
      async bumpWalkthrough(boardId, position) {
        const mark = await versions.bumpWalkthrough(boardId, position);
        events.publish({ type: "walkthrough", boardId, ...mark });
        return mark;
      },
      async markPresenter(boardId, heartbeat) {
        await versions.markPresenter(boardId, heartbeat);
        events.publish({ type: "presenter", boardId, heartbeat });
      },
    },
  };
}
