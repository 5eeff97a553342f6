import type { DecisionLine } from "@fact-board/contract";
import { outcomeWriterOf, priorityWriterOf } from "./board";
import type { SinceLastNote } from "./since-last";
import type { BoardEntry, CalendarDate, ClosedBoardEntry, Instant, OrganisationId, ParticipantId, Signal } from "./types";

// "Dagens beslut för <min organisation>" (issue 26 item 8): shared documentation across principals
// is not allowed, so each organisation copies what it decided into its own records. The list holds
// only what the viewer's own organisation wrote today — another organisation's words are never in
// it, whatever its consent says: they are that organisation's to document.

export interface DecisionSources {
  current: readonly BoardEntry[];
  /** Entries taken off the board today (or later: filtered here). */
  closed: readonly ClosedBoardEntry[];
  notes: readonly Pick<SinceLastNote, "participantId" | "on" | "organisationId" | "text" | "writtenAt">[];
  signals: readonly Signal[];
}

/**
 * What `organisation` wrote on `today`, per participant, in a fixed order: board changes first
 * (put on, priority, taken off), then since-yesterday notes, actions and signals. `dayOf` gives an
 * instant's local date in the board's time zone.
 */
export function todaysDecisions(
  organisation: OrganisationId,
  today: CalendarDate,
  sources: DecisionSources,
  dayOf: (instant: Instant) => CalendarDate,
): Map<ParticipantId, DecisionLine[]> {
  const out = new Map<ParticipantId, DecisionLine[]>();
  const add = (participantId: ParticipantId, line: DecisionLine) => {
    const lines = out.get(participantId);
    if (lines) lines.push(line);
    else out.set(participantId, [line]);
  };
  const closedToday = sources.closed.filter((c) => c.takenOffOn === today);
  const entries: readonly (BoardEntry | ClosedBoardEntry)[] = [...sources.current, ...closedToday];

  for (const e of entries) {
    if (e.writtenBy === organisation && e.putOnOn === today)
      add(e.participantId, {
        kind: "putOn",
        reason: e.reason,
        ...(e.reasonNote ? { reasonNote: e.reasonNote } : {}),
        priority: e.priority,
      });
    else if (e.prioritySetOn === today && priorityWriterOf(e) === organisation)
      add(e.participantId, { kind: "priority", priority: e.priority });
  }
  for (const c of closedToday)
    if (outcomeWriterOf(c) === organisation)
      add(c.participantId, { kind: "takenOff", outcome: c.outcome, ...(c.outcomeNote ? { note: c.outcomeNote } : {}) });
  for (const n of sources.notes)
    if (n.organisationId === organisation && n.on === today) add(n.participantId, { kind: "sinceLast", text: n.text });
  for (const e of entries)
    for (const a of e.actions)
      if (a.writtenBy === organisation && dayOf(a.createdAt) === today)
        add(e.participantId, { kind: "action", what: a.what, responsibleId: a.responsibleId, byWhen: a.byWhen, done: a.done });
  for (const s of [...sources.signals].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)))
    if (s.fromOrganisationId === organisation && dayOf(s.raisedAt) === today)
      add(s.participantId, {
        kind: "signal",
        signalKind: s.kind,
        toOrganisationId: s.toOrganisationId,
        urgency: s.urgency,
        ...(s.note ? { note: s.note } : {}),
      });
  return out;
}
