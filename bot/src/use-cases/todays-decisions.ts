import type { TodaysDecisions } from "@fact-board/contract";
import { localDate } from "../domain/dates";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { todaysDecisions } from "../domain/todays-decisions";
import type { Actor, BoardId } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";

// "Dagens beslut för <min organisation>": what the viewer's own organisation wrote today, per
// participant code, to copy into its own records. Only participants the organisation may still
// see today are listed (a code is a detail too), each with one access record.

export async function readTodaysDecisions(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<TodaysDecisions> {
  assertAllowed(actor.member, "decisions.readOwn");
  const today = todayOf(deps);
  const org = actor.member.organisationId;
  const [snapshot, closed, notes, signals] = await Promise.all([
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.entries.historyForBoard(boardId, today),
    deps.storage.sinceLast.listFrom(boardId, today),
    deps.storage.signals.listForBoard(boardId),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  const byParticipant = todaysDecisions(org, today, { current: snapshot.entries, closed, notes, signals }, (instant) =>
    localDate(new Date(instant), deps.timeZone),
  );
  const consents = groupConsentsByParticipant(snapshot.consents);
  const listed = snapshot.participants
    .filter((p) => byParticipant.has(p.id) && visibilityFor(p, consents.get(p.id) ?? [], org, today))
    .sort((a, b) => a.code.localeCompare(b.code, "sv"));
  await recordAccess(deps, actor, "viewedDetails", listed);
  return {
    date: today,
    organisationId: org,
    participants: listed.map((p) => ({ participantId: p.id, code: p.code, lines: byParticipant.get(p.id)! })),
  };
}
