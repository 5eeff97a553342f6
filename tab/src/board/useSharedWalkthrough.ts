import type { WalkthroughEventBody, WalkthroughResponse, WalkthroughView } from "@fact-board/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { useBoardContext } from "./BoardContext";

export interface SharedWalkthrough {
  /** False until the first answer: "no walkthrough yet" and "not loaded yet" look different. */
  loaded: boolean;
  walkthrough?: WalkthroughView;
  error?: unknown;
  start: () => Promise<void>;
  /** Sends one event; false when the server refused it (the error is in `error`). */
  send: (event: WalkthroughEventBody) => Promise<boolean>;
}

/**
 * Today's walkthrough, held by the server and followed live: every change bumps the board's
 * version, the board refetches, and this refetches the walkthrough as this viewer may see it.
 * `attend`: this surface (stage, side panel) counts its viewer as an attendee.
 */
export function useSharedWalkthrough({ attend }: { attend: boolean }): SharedWalkthrough {
  const client = useApi();
  const { board, boardId, meetingId, teamsChatId } = useBoardContext();
  const [state, setState] = useState<{ loaded: boolean; walkthrough?: WalkthroughView }>({ loaded: false });
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);
  const joinedOn = useRef<string>(undefined);

  const apply = useCallback((res: WalkthroughResponse) => {
    // An answer to one's own change is newer than any read still under way.
    latest.current++;
    setState({ loaded: true, ...(res.walkthrough ? { walkthrough: res.walkthrough } : {}) });
    setError(undefined);
  }, []);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const res = await client.walkthrough(boardId, meetingId);
      if (request === latest.current) setState({ loaded: true, ...(res.walkthrough ? { walkthrough: res.walkthrough } : {}) });
    } catch (e) {
      if (request === latest.current) setError(e);
    }
  }, [client, boardId, meetingId]);

  useEffect(() => {
    void load();
  }, [load, board.version]);

  const w = state.walkthrough;
  const me = board.viewer.memberId;
  useEffect(() => {
    if (!attend || !w || w.endedAt || joinedOn.current === w.date) return;
    joinedOn.current = w.date;
    if (w.attendees.some((a) => a.memberId === me)) return;
    client.joinWalkthrough(boardId, meetingId, teamsChatId ? { teamsChatId } : {}).then(apply, (e: unknown) => {
      joinedOn.current = undefined;
      setError(e);
    });
  }, [attend, w, me, client, boardId, meetingId, teamsChatId, apply]);

  const start = useCallback(async () => {
    try {
      apply(await client.startWalkthrough(boardId, meetingId, teamsChatId ? { teamsChatId } : {}));
    } catch (e) {
      setError(e);
    }
  }, [client, boardId, meetingId, teamsChatId, apply]);

  const send = useCallback(
    async (event: WalkthroughEventBody) => {
      try {
        apply(await client.walkthroughEvent(boardId, event, meetingId));
        return true;
      } catch (e) {
        setError(e);
        return false;
      }
    },
    [client, boardId, meetingId, apply],
  );

  return { ...state, error, start, send };
}
