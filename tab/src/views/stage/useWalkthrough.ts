import type { BoardRow, RecordCheckInBody } from "@fact-board/contract";
import { useCallback, useEffect, useMemo, useState } from "react";
import { sortForCheckIn } from "../../board/model";

export type WalkthroughMode = "one" | "list";

export interface WalkthroughSession {
  startedAt: string;
  /** Participant ids in walkthrough order: the board at the start, then anyone put on during the meeting. */
  order: string[];
  reviewed: string[];
  added: string[];
  removed: string[];
  actionsAgreed: number;
}

export function startSession(rows: readonly BoardRow[], now: Date): WalkthroughSession {
  return { startedAt: now.toISOString(), order: sortForCheckIn(rows).map((r) => r.participant.id), reviewed: [], added: [], removed: [], actionsAgreed: 0 };
}

/** Reviewed today counts, also when someone else in the meeting marked it: progress follows the board. */
export function reviewedIds(session: WalkthroughSession, rows: readonly BoardRow[], today: string): string[] {
  const fromBoard = rows.filter((r) => r.entry.lastReviewedOn === today).map((r) => r.participant.id);
  return session.order.filter((id) => session.reviewed.includes(id) || fromBoard.includes(id));
}

export function checkInBody(session: WalkthroughSession, rows: readonly BoardRow[], today: string, attendeeIds: string[], endedAt: Date, etag?: string): RecordCheckInBody {
  return {
    ...(etag ? { etag } : {}),
    startedAt: session.startedAt,
    endedAt: endedAt.toISOString(),
    attendeeIds,
    reviewedParticipantIds: reviewedIds(session, rows, today),
    addedParticipantIds: session.added,
    removedParticipantIds: session.removed,
    actionsAgreed: session.actionsAgreed,
  };
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** Seconds since `since`, ticking once a second. */
export function useElapsed(since: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

export function useWalkthrough(rows: readonly BoardRow[], today: string) {
  const [session, setSession] = useState<WalkthroughSession>();
  const [index, setIndex] = useState(0);
  const [entryStartedAt, setEntryStartedAt] = useState<number>();

  // Someone put on the board during the meeting (here or elsewhere) joins the end of the walkthrough.
  useEffect(() => {
    setSession((s) => {
      if (!s) return s;
      const extra = rows.map((r) => r.participant.id).filter((id) => !s.order.includes(id));
      return extra.length ? { ...s, order: [...s.order, ...extra] } : s;
    });
  }, [rows]);

  const byId = useMemo(() => new Map(rows.map((r) => [r.participant.id, r])), [rows]);
  const visible = useMemo(() => (session ? session.order.filter((id) => byId.has(id)) : []), [session, byId]);
  const safeIndex = Math.min(index, Math.max(0, visible.length - 1));
  const current = visible.length ? byId.get(visible[safeIndex]!) : undefined;
  const reviewed = session ? reviewedIds(session, rows, today) : [];

  const start = useCallback(() => {
    setSession(startSession(rows, new Date()));
    setIndex(0);
    setEntryStartedAt(Date.now());
  }, [rows]);

  const goTo = useCallback((i: number) => {
    setIndex(i);
    setEntryStartedAt(Date.now());
  }, []);

  const markReviewed = useCallback((id: string) => setSession((s) => s && (s.reviewed.includes(id) ? s : { ...s, reviewed: [...s.reviewed, id] })), []);
  const markAdded = useCallback((id: string) => setSession((s) => s && { ...s, added: [...s.added, id] }), []);
  const markRemoved = useCallback((id: string) => setSession((s) => s && { ...s, removed: [...s.removed, id] }), []);
  const countAction = useCallback(() => setSession((s) => s && { ...s, actionsAgreed: s.actionsAgreed + 1 }), []);

  return {
    session,
    start,
    current,
    index: safeIndex,
    visible: visible.map((id) => byId.get(id)!),
    total: session?.order.length ?? 0,
    reviewed,
    goTo,
    next: () => goTo(Math.min(safeIndex + 1, visible.length - 1)),
    previous: () => goTo(Math.max(0, safeIndex - 1)),
    isLast: safeIndex >= visible.length - 1,
    entryStartedAt,
    markReviewed,
    markAdded,
    markRemoved,
    countAction,
  };
}
