import { useEffect, useRef, useState } from "react";
import type { ApiClient, LiveHandlers } from "../api/client";

export type LiveStatus = "connecting" | "live" | "reconnecting";

const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter, so a restarted server is not hit by every viewer at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * Listens to the board's live stream (Server-Sent Events read with fetch, the token in the
 * Authorization header): `version` events announce a new board version; `walkthrough` and
 * `presence` events go to `others`. On an error or the end of
 * the stream we reconnect ourselves with backoff and a fresh token (a stored one may have expired).
 * After a reconnect we may have missed versions, so `onReconnect` lets the caller refetch.
 */
export function useLiveVersion(
  client: ApiClient,
  boardId: string | undefined,
  onVersion: (version: number) => void,
  onReconnect: () => void,
  others: Pick<LiveHandlers, "walkthrough" | "presence"> = {},
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef({ onVersion, onReconnect, others });
  handlers.current = { onVersion, onReconnect, others };

  useEffect(() => {
    if (!boardId || typeof fetch === "undefined") return;
    let controller: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    let everOpened = false;

    const connect = () => {
      if (stopped) return;
      const current = new AbortController();
      controller = current;
      client
        .liveVersions(
          boardId,
          {
            open: () => {
              attempt = 0;
              setStatus("live");
              if (everOpened) handlers.current.onReconnect();
              everOpened = true;
            },
            version: (version) => handlers.current.onVersion(version),
            walkthrough: (e) => handlers.current.others.walkthrough?.(e),
            presence: (e) => handlers.current.others.presence?.(e),
          },
          current.signal,
        )
        .catch(() => {
          if (!current.signal.aborted) retry();
        });
    };

    const retry = () => {
      if (stopped) return;
      setStatus("reconnecting");
      timer = setTimeout(connect, backoffDelay(attempt++));
    };

    connect();
    return () => {
      stopped = true;
      controller?.abort();
      if (timer) clearTimeout(timer);
    };
  }, [client, boardId]);

  return status;
}
