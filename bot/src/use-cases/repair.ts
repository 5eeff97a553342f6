import type { BoardId } from "../domain/types";
import { scheduleCoverTimeout } from "./absences";
import { todayOf, type UseCaseDeps } from "./deps";
import { scheduleSignalFollowUp } from "./signals";

// The sweep for what a crash can leave half-done (see docs/storage.md#nothing-half-done-after-a-crash).
// Readers settle what they meet; this finds the rest, on a due item every hour:
//   - a take-off interrupted after its history write is completed, one that lost to an edit and
//     stopped before withdrawing its history row has that row withdrawn (entries.settle);
//   - a cover request waiting for an answer without its timeout (the ask was saved, the timeout
//     not) gets it again: scheduling is idempotent, so the ones that have it are untouched;
//   - an open signal that has not reminded yet gets its follow-up again (raised, then the process
//     died before scheduling it); until it reminds, its one item sits at its answer-by time.
// Anything repaired bumps the board version, so viewers refetch.

export async function repairBoard(deps: UseCaseDeps, boardId: BoardId): Promise<number> {
  const storage = deps.storage;
  const [entries, absences, signals] = await Promise.all([
    storage.entries.listCurrent(boardId),
    storage.absences.listCurrent(boardId, todayOf(deps)),
    storage.signals.listOpen(boardId),
  ]);
  let repaired = 0;
  for (const entry of entries) repaired += (await storage.entries.settle(boardId, entry.participantId)).repaired;
  for (const absence of absences) await scheduleCoverTimeout(deps, absence);
  for (const e of signals) if (e.state === "open" && e.remindersSent === 0 && !e.managerNotified) await scheduleSignalFollowUp(deps, e);
  if (repaired > 0) await storage.boardVersions.bump(boardId);
  return repaired;
}
