import type { BoardView, EntryView, PresenceLiveEvent, WalkthroughLiveEvent } from "@fact-board/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/client";
import { ApiRequestError } from "../api/errors";
import { useLiveVersion, type LiveStatus } from "./useLiveVersion";

/** Bursts of changes (a walkthrough clicking through entries) become one refetch. */
export const REFETCH_DEBOUNCE_MS = 150;
/** While the board cannot be reached: the first retry after the server's Retry-After (or this), then doubling up to the cap. */
export const UNAVAILABLE_RETRY_MS = 3000;
export const UNAVAILABLE_RETRY_MAX_MS = 30_000;

export interface BoardState {
  board?: BoardView;
  error?: unknown;
  /** Storage or the server cannot be reached for a moment: the hook is retrying by itself. */
  unavailable: boolean;
  live: LiveStatus;
  refresh: () => Promise<void>;
  /** Shows the server's answer to one's own change at once, before the live refetch arrives. */
  applyEntry: (entry: EntryView) => void;
  removeEntry: (participantId: string) => void;
  /** The live stream's walkthrough and presence events, and its reconnects (events may have been missed). */
  subscribeLive: (listener: LiveListener) => () => void;
}

export type LiveSignal =
  { kind: "walkthrough"; event: WalkthroughLiveEvent } | { kind: "presence"; event: PresenceLiveEvent } | { kind: "reconnect" };
export type LiveListener = (signal: LiveSignal) => void;

/** The board's first read, made beside "me" before the shell mounted: its answer or its failure. */
export type FirstRead = { board: BoardView } | { failure: unknown };

/**
 * `first`: the board's first read, already answered when the shell mounts. A board is shown in the
 * first render instead of after a render, a paint and a read of its own; a failure is handled as
 * the shell's own first read failing (storage away: said at once, retried), not read again first.
 */
export function useBoard(client: ApiClient, boardId: string | undefined, first?: FirstRead): BoardState {
  const [board, setBoard] = useState<BoardView | undefined>(first && "board" in first ? first.board : undefined);
  const firstRef = useRef(first);
  const [error, setError] = useState<unknown>();
  const [unavailable, setUnavailable] = useState(false);
  const retry = useRef<{ timer?: ReturnType<typeof setTimeout>; attempts: number }>({ attempts: 0 });
  const latestRequest = useRef(0);
  const versionRef = useRef(-1);
  // The newest version the live stream announced, and whether a read is under way: an announcement
  // while the board is being read waits for that answer (which may already hold it) instead of
  // asking again — on opening, the stream's first event usually beats the first board.
  const announcedRef = useRef(-1);
  const readsUnderWay = useRef(0);
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);
  const scheduleRef = useRef<() => void>(() => undefined);

  const read = useCallback(
    async (answer: () => Promise<BoardView>) => {
      if (!boardId) return;
      const request = ++latestRequest.current;
      readsUnderWay.current++;
      try {
        const next = await answer();
        // Responses can overtake each other; only the newest request may set the board.
        if (request !== latestRequest.current) return;
        versionRef.current = next.version;
        setBoard(next);
        setError(undefined);
        setUnavailable(false);
        retry.current.attempts = 0;
        if (announcedRef.current > next.version) scheduleRef.current();
      } catch (e) {
        if (request !== latestRequest.current) return;
        if (e instanceof ApiRequestError && e.isUnavailable) {
          // Keep the last board on screen and try again by itself; the person sees why it is stale.
          setUnavailable(true);
          const first = (e.retryAfterSeconds ?? 0) * 1000 || UNAVAILABLE_RETRY_MS;
          const wait = Math.min(first * 2 ** retry.current.attempts++, UNAVAILABLE_RETRY_MAX_MS);
          clearTimeout(retry.current.timer);
          retry.current.timer = setTimeout(() => void refreshRef.current(), wait);
          return;
        }
        setError(e);
      } finally {
        readsUnderWay.current--;
      }
    },
    [boardId],
  );
  const refresh = useCallback(() => read(() => client.board(boardId!)), [read, client, boardId]);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => () => clearTimeout(retry.current.timer), []);

  useEffect(() => {
    const given = firstRef.current;
    firstRef.current = undefined;
    if (given && "board" in given) {
      versionRef.current = given.board.version;
      return;
    }
    setBoard(undefined);
    versionRef.current = -1;
    announcedRef.current = -1;
    void (given ? read(() => Promise.reject(given.failure)) : refresh());
  }, [refresh, read]);

  const scheduleRefresh = useCallback(() => {
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => void refresh(), REFETCH_DEBOUNCE_MS);
  }, [refresh]);
  scheduleRef.current = scheduleRefresh;

  useEffect(() => () => clearTimeout(debounce.current), []);

  const liveListeners = useRef(new Set<LiveListener>());
  const tell = (signal: LiveSignal) => {
    for (const l of [...liveListeners.current]) l(signal);
  };
  const subscribeLive = useCallback((listener: LiveListener) => {
    liveListeners.current.add(listener);
    return () => void liveListeners.current.delete(listener);
  }, []);

  const live = useLiveVersion(
    client,
    boardId,
    (version) => {
      announcedRef.current = Math.max(announcedRef.current, version);
      if (version > versionRef.current && readsUnderWay.current === 0) scheduleRefresh();
    },
    () => {
      scheduleRefresh();
      tell({ kind: "reconnect" });
    },
    { walkthrough: (event) => tell({ kind: "walkthrough", event }), presence: (event) => tell({ kind: "presence", event }) },
  );

  const applyEntry = useCallback((entry: EntryView) => {
    setBoard(
      (current) =>
        current && { ...current, rows: current.rows.map((row) => (row.participant.id === entry.participantId ? { ...row, entry } : row)) },
    );
  }, []);

  const removeEntry = useCallback((participantId: string) => {
    setBoard((current) => current && { ...current, rows: current.rows.filter((row) => row.participant.id !== participantId) });
  }, []);

  return { board, error, unavailable, live, refresh, applyEntry, removeEntry, subscribeLive };
}
