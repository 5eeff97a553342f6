import { useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/client";

export type LiveStatus = "connecting" | "live" | "reconnecting";

const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter, so a restarted server is not hit by every viewer at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * Listens to the board's Server-Sent Events: `version` events announce a new board version.
 * The browser's own EventSource retry would reuse a URL whose token may have expired, so on an
 * error we close and reconnect ourselves with a fresh token and backoff. After a reconnect we may
 * have missed versions, so `onReconnect` lets the caller refetch.
 */
export function useLiveVersion(
  client: ApiClient,
  boardId: string | undefined,
  onVersion: (version: number) => void,
  onReconnect: () => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef({ onVersion, onReconnect });
  handlers.current = { onVersion, onReconnect };

  useEffect(() => {
    if (!boardId || typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    let everOpened = false;

    const connect = async () => {
      let url: string;
      try {
        url = await client.eventsUrl(boardId);
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener("open", () => {
        attempt = 0;
        setStatus("live");
        if (everOpened) handlers.current.onReconnect();
        everOpened = true;
      });
      source.addEventListener("version", (event) => {
        try {
          const { version } = JSON.parse((event as MessageEvent<string>).data) as { version: number };
          if (typeof version === "number") handlers.current.onVersion(version);
        } catch {
          // A malformed event is ignored; the next one or a reconnect brings the board up to date.
        }
      });
      source.addEventListener("error", () => {
        source?.close();
        retry();
      });
    };

    const retry = () => {
      if (stopped) return;
      setStatus("reconnecting");
      timer = setTimeout(() => void connect(), backoffDelay(attempt++));
    };

    void connect();
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [client, boardId]);

  return status;
}
