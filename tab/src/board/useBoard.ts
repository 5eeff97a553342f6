import type { BoardView, EntryView } from "@fact-board/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/client";
import { useLiveVersion, type LiveStatus } from "./useLiveVersion";

/** Bursts of changes (a walkthrough clicking through entries) become one refetch. */
export const REFETCH_DEBOUNCE_MS = 150;

export interface BoardState {
  board?: BoardView;
  error?: unknown;
  live: LiveStatus;
  refresh: () => Promise<void>;
  /** Shows the server's answer to one's own change at once, before the live refetch arrives. */
  applyEntry: (entry: EntryView) => void;
  removeEntry: (participantId: string) => void;
}

export function useBoard(client: ApiClient, boardId: string | undefined): BoardState {
  const [board, setBoard] = useState<BoardView>();
  const [error, setError] = useState<unknown>();
  const latestRequest = useRef(0);
  const versionRef = useRef(-1);
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = useCallback(async () => {
    if (!boardId) return;
    const request = ++latestRequest.current;
    try {
      const next = await client.board(boardId);
      // Responses can overtake each other; only the newest request may set the board.
      if (request !== latestRequest.current) return;
      versionRef.current = next.version;
      setBoard(next);
      setError(undefined);
    } catch (e) {
      if (request === latestRequest.current) setError(e);
    }
  }, [client, boardId]);

  useEffect(() => {
    setBoard(undefined);
    versionRef.current = -1;
    void refresh();
  }, [refresh]);

  const scheduleRefresh = useCallback(() => {
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => void refresh(), REFETCH_DEBOUNCE_MS);
  }, [refresh]);

  useEffect(() => () => clearTimeout(debounce.current), []);

  const live = useLiveVersion(
    client,
    boardId,
    (version) => {
      if (version > versionRef.current) scheduleRefresh();
    },
    scheduleRefresh,
  );

  const applyEntry = useCallback((entry: EntryView) => {
    setBoard((current) =>
      current && { ...current, rows: current.rows.map((row) => (row.participant.id === entry.participantId ? { ...row, entry } : row)) },
    );
  }, []);

  const removeEntry = useCallback((participantId: string) => {
    setBoard((current) => current && { ...current, rows: current.rows.filter((row) => row.participant.id !== participantId) });
  }, []);

  return { board, error, live, refresh, applyEntry, removeEntry };
}
