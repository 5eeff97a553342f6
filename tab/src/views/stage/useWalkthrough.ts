import { useEffect, useState } from "react";

/** The morning meeting's time budget: the walkthrough paces itself to fit it. */
export const MEETING_BUDGET_SECONDS = 15 * 60;

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, "0")}`;
}

/**
 * Seconds each participant still left may take so the meeting ends on time: what remains of the
 * budget shared by those not reached yet (the current one included), never below zero.
 */
export function pacePerParticipant(elapsedSeconds: number, notReached: number, budget = MEETING_BUDGET_SECONDS): number {
  if (notReached <= 0) return 0;
  return Math.max(0, Math.floor((budget - elapsedSeconds) / notReached));
}

/** Seconds since `since` (an ISO instant or epoch ms), ticking once a second. */
export function useElapsed(since: string | number | undefined, paused = false): number {
  const start = typeof since === "string" ? Date.parse(since) : since;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Paused (the presenter has left): the clock stops where it was until someone takes over.
    if (start === undefined || paused) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [start, paused]);
  return start === undefined ? 0 : Math.max(0, Math.floor((now - start) / 1000));
}
