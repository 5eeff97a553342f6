import type { WalkthroughEventBody, WalkthroughMoveView, WalkthroughResponse, WalkthroughView } from "@fact-board/contract";
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

/** A move changes the position and the current participant only: the rest of the walkthrough stays. */
function withMove(w: WalkthroughView, move: WalkthroughMoveView): WalkthroughView {
  const { current: _current, endedAt: _endedAt, ...rest } = w;
  return {
    ...rest,
    version: move.version,
    isPresenter: move.isPresenter,
    presenterPresent: move.presenterPresent,
    ...(move.endedAt ? { endedAt: move.endedAt } : {}),
    ...(move.current ? { current: move.current } : {}),
  };
}

/**
 * Whether `next` may replace what is shown: another walkthrough (meeting or day), or the same
 * one at its version or later. The server gives a view a version its content has reached
 * (walkthroughs.ts viewOf), so an equal version may show more, never less.
 */
function mayReplace(shown: WalkthroughView | undefined, next: WalkthroughView): boolean {
  if (!shown || shown.meetingId !== next.meetingId || shown.date !== next.date) return true;
  return next.version >= shown.version;
}

/**
 * Today's walkthrough, held by the server and followed live. The live stream's typed events say
 * what changed: a move brings only the position and the current participant (one small read), any
 * other change of the walkthrough the whole of it, a board change (its version) the whole of it
 * too, since what the viewer may see can have changed. `attend`: this surface (stage, side panel)
 * counts its viewer as an attendee.
 */
export function useSharedWalkthrough({ attend }: { attend: boolean }): SharedWalkthrough {
  const client = useApi();
  const { board, boardId, meetingId, teamsChatId, subscribeLive } = useBoardContext();
  const [state, setState] = useState<{ loaded: boolean; walkthrough?: WalkthroughView }>({ loaded: false });
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);
  const joinedOn = useRef<string>(undefined);
  const shown = useRef<WalkthroughView>(undefined);
  shown.current = state.walkthrough;

  // Answers are ordered by the walkthrough's version, not by when they were asked: an attendee's
  // own join, answered after a move the presenter made meanwhile, must not put the stage back.
  // "None" has no version: it replaces a walkthrough only as the answer to the latest request.
  const show = useCallback((next: WalkthroughView | undefined, newest: boolean) => {
    setState((s) =>
      (next ? mayReplace(s.walkthrough, next) : newest) ? { loaded: true, ...(next ? { walkthrough: next } : {}) } : { ...s, loaded: true },
    );
  }, []);

  const apply = useCallback(
    (res: WalkthroughResponse) => {
      latest.current++;
      show(res.walkthrough, true);
      setError(undefined);
    },
    [show],
  );

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const res = await client.walkthrough(boardId, meetingId);
      show(res.walkthrough, request === latest.current);
    } catch (e) {
      // A failure is shown only if nothing was asked since (a later answer may already have come).
      if (request === latest.current) setError(e);
    }
  }, [client, boardId, meetingId, show]);

  const follow = useCallback(
    async (meeting: string) => {
      const request = ++latest.current;
      try {
        const move = await client.walkthroughMove(boardId, meeting);
        setState((s) =>
          s.walkthrough && s.walkthrough.meetingId === move.meetingId && move.version > s.walkthrough.version
            ? { ...s, walkthrough: withMove(s.walkthrough, move) }
            : s,
        );
      } catch (e) {
        if (request === latest.current) setError(e);
      }
    },
    [client, boardId],
  );

  useEffect(() => {
    void load();
  }, [load, board.version]);

  useEffect(
    () =>
      subscribeLive((signal) => {
        const w = shown.current;
        if (signal.kind === "reconnect") return void load();
        const e = signal.event;
        // A tab linked to a meeting follows that meeting's walkthrough only.
        if (meetingId !== undefined && e.meetingId !== meetingId) return;
        if (signal.kind === "presence") {
          if (w && w.meetingId === e.meetingId && w.presenter.memberId === signal.event.presenterId) {
            setState((s) =>
              s.walkthrough ? { ...s, walkthrough: { ...s.walkthrough, presenterPresent: signal.event.presenterPresent } } : s,
            );
          }
          return;
        }
        if (w && w.meetingId === signal.event.meetingId && signal.event.version <= w.version) return;
        if (w && w.meetingId === signal.event.meetingId && signal.event.change === "move") void follow(signal.event.meetingId);
        else void load();
      }),
    [subscribeLive, load, follow, meetingId],
  );

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
