import { Conflict } from "../domain/errors";
import { meetingById, meetingCovers } from "../domain/meeting-schedule";
import type { BoardId, Participant } from "../domain/types";
import { isRecordedBy, recordOnWalkthrough, type WalkthroughFact } from "../domain/walkthrough";
import { todayOf, type UseCaseDeps } from "./deps";

// The server counts (issue 25). What a walkthrough reports in the check-in, in fidelity and in the
// meeting chat — reviewed, put on, taken off, actions agreed — is recorded here by the use-case that
// did it (markEntryReviewed, putOnBoard, takeOffBoard, addAction), never by a browser: every
// walkthrough of the board running today whose meeting covers the participant records it. A change
// made while none runs counts in nothing.
//
// Recording is a set union under the walkthrough's ETag: on a lost race (a move, a join, another
// count) it reads again and re-applies, so nothing is overwritten and nothing is counted twice. A
// recorded count bumps the walkthrough's version; the caller bumps the board version for the change.

/** Concurrent counts, joins and moves commute: on a stale ETag, read again and re-apply. */
const ATTEMPTS = 8;

/** Records `fact` about `participant` in each running walkthrough of the board today that covers them; true when one changed. */
export async function countInRunningWalkthroughs(
  deps: UseCaseDeps,
  boardId: BoardId,
  participant: Pick<Participant, "id" | "organisationIds">,
  fact: WalkthroughFact,
): Promise<boolean> {
  const today = todayOf(deps);
  const running = (await deps.storage.walkthroughs.listOn(boardId, today)).filter((w) => !w.endedAt);
  if (running.length === 0) return false;
  const board = await deps.storage.boards.get(boardId);
  let changed = false;
  for (const w of running) {
    const meeting = board && meetingById(board, w.meetingId);
    if (!isRecordedBy(w, fact, meeting !== undefined && meetingCovers(meeting, participant))) continue;
    if (await recordOn(deps, boardId, w.meetingId, fact)) changed = true;
  }
  return changed;
}

async function recordOn(deps: UseCaseDeps, boardId: BoardId, meetingId: string, fact: WalkthroughFact): Promise<boolean> {
  const today = todayOf(deps);
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.storage.walkthroughs.get(boardId, today, meetingId);
    // Ended meanwhile: the check-in already holds what it counted, and this came after.
    const next = stored && recordOnWalkthrough(stored, fact);
    if (!stored || next === stored || !next) return false;
    try {
      const saved = await deps.storage.walkthroughs.save(next, { expectedEtag: stored.etag });
      // A count is a change of the walkthrough: its own version moves, so attendees (and the
      // per-version cache in core/board-snapshots.ts) read the new counts, not the old ones.
      await deps.storage.boardVersions.bumpWalkthrough(boardId, { meetingId, index: saved.currentIndex, change: "other" });
      return true;
    } catch (e) {
      if (!(e instanceof Conflict) || attempt >= ATTEMPTS) throw e;
    }
  }
}
