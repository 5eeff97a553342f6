import type { BoardId, CalendarDate } from "../domain/types";
import type { Walkthrough } from "../domain/walkthrough";
import type { Storage, Stored } from "../storage";
import { sinceLastFrom } from "../use-cases/since-last";
import type { MoveSnapshot } from "../use-cases/walkthrough-moves";

// The board's data as of one version, kept per instance for the walkthrough's move view: a move
// changes no board data, so attendees following it need not read the board again. Every change
// to the board bumps its version after the write, and the version is read from storage at every
// request before this is consulted, so a snapshot is never older than the version the request
// saw; consent validity (dates) is still decided at each request from the records.

const MAX_BOARDS = 200;

export interface BoardSnapshots {
  /** The snapshot of `boardId` at `version` (read once per version and day per instance). */
  at(boardId: BoardId, version: number, today: CalendarDate): Promise<MoveSnapshot>;
}

export function createBoardSnapshots(
  storage: Pick<Storage, "loadBoardSnapshot" | "sinceLast" | "raised" | "interventions" | "contacts">,
): BoardSnapshots {
  const cache = new Map<BoardId, { version: number; today: CalendarDate; snapshot: Promise<MoveSnapshot> }>();
  return {
    at(boardId, version, today) {
      const hit = cache.get(boardId);
      if (hit && hit.version === version && hit.today === today) return hit.snapshot;
      const snapshot = Promise.all([
        storage.loadBoardSnapshot(boardId, today),
        storage.interventions.listOngoing(boardId),
        // A contact's change bumps the board version (a member's phone or sign-in name too): the contacts belong to it.
        storage.contacts.listForBoard(boardId),
      ]).then(async ([board, interventions, contacts]) => ({
        ...board,
        sinceLastNotes: board.board ? await storage.sinceLast.listFrom(boardId, sinceLastFrom(board.board, today)) : [],
        // A raise bumps the board version, so today's raises belong to the version too.
        raises: board.board ? await storage.raised.listOn(boardId, today) : [],
        interventions,
        contacts,
      }));
      // A failed read is not kept: the next request reads again.
      snapshot.catch(() => {
        if (cache.get(boardId)?.snapshot === snapshot) cache.delete(boardId);
      });
      cache.delete(boardId);
      cache.set(boardId, { version, today, snapshot });
      if (cache.size > MAX_BOARDS) cache.delete(cache.keys().next().value!);
      return snapshot;
    },
  };
}

/**
 * Today's walkthrough of a meeting as of its own version, kept per instance for the move view:
 * every attendee on this instance reads the live entity anyway, and the walkthrough is read once
 * per version, not once per attendee. The version is bumped after every save, so a walkthrough
 * kept here is never older than the version the request read.
 */
export interface WalkthroughVersions {
  at(boardId: BoardId, date: CalendarDate, meetingId: string, version: number): Promise<Stored<Walkthrough> | undefined>;
}

export function createWalkthroughVersions(storage: Pick<Storage, "walkthroughs">): WalkthroughVersions {
  const cache = new Map<string, { version: number; walkthrough: Promise<Stored<Walkthrough> | undefined> }>();
  return {
    at(boardId, date, meetingId, version) {
      const key = `${boardId}|${date}|${meetingId}`;
      const hit = cache.get(key);
      if (hit && hit.version === version) return hit.walkthrough;
      const walkthrough = storage.walkthroughs.get(boardId, date, meetingId);
      walkthrough.then(
        (w) => w === undefined && cache.get(key)?.walkthrough === walkthrough && cache.delete(key),
        () => cache.get(key)?.walkthrough === walkthrough && cache.delete(key),
      );
      cache.delete(key);
      cache.set(key, { version, walkthrough });
      if (cache.size > MAX_BOARDS) cache.delete(cache.keys().next().value!);
      return walkthrough;
    },
  };
}
