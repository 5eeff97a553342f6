import { useSyncExternalStore } from "react";

/**
 * Below 600 px (a phone's channel tab, a narrow Teams window) the channel tab shows the compact board,
 * one card per participant, instead of the table: eight columns do not fit, and a table scrolled
 * sideways shows one row per screen.
 */
export const NARROW_QUERY = "(max-width: 599.98px)";

function query(): MediaQueryList | undefined {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(NARROW_QUERY) : undefined;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

/** Whether the window is narrow now; follows it when it is resized or turned. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
