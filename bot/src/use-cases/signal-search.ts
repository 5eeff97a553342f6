import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Participant } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";

/** Teams shows at most 15 choices in a typeahead list. */
export const SIGNAL_SEARCH_PAGE = 15;

export interface SignalCandidate {
  id: string;
  code: string;
  initials: string;
}

/**
 * The participants the actor may signal about, matching what they typed (code or initials): those
 * they may see, still in the FACT team, about whom some other organisation of the board may read
 * what the actor's organisation writes (raiseSignal refuses the rest). Only what is listed is logged.
 */
export async function searchParticipantsToSignal(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  text: string,
  page: { skip?: number; top?: number } = {},
): Promise<SignalCandidate[]> {
  assertAllowed(actor.member, "signal.raise");
  const today = todayOf(deps);
  const snapshot = await deps.storage.loadBoardSnapshot(boardId, today);
  if (!snapshot.board) throw new NotFound("The board");
  const consents = groupConsentsByParticipant(snapshot.consents);
  const others = snapshot.organisations.filter((o) => o.id !== actor.member.organisationId);
  const q = normalise(text);
  const skip = Math.max(0, page.skip ?? 0);
  const top = Math.min(Math.max(1, page.top ?? SIGNAL_SEARCH_PAGE), SIGNAL_SEARCH_PAGE);
  const matches: Participant[] = [];
  for (const p of [...snapshot.participants].sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id))) {
    if (p.leftTeamOn || p.erasedAt) continue;
    if (q && !normalise(p.code).includes(q) && !normalise(p.initials).includes(q)) continue;
    const pc = consents.get(p.id) ?? [];
    if (!visibilityFor(p, pc, actor.member.organisationId, today)) continue;
    const someoneMayRead = others.some((o) => visibilityFor(p, pc, o.id, today)?.readable.has(actor.member.organisationId));
    if (!someoneMayRead) continue;
    matches.push(p);
    if (matches.length >= skip + top) break;
  }
  const listed = matches.slice(skip);
  await recordAccess(deps, actor, "viewedDetails", listed);
  return listed.map((p) => ({ id: p.id, code: p.code, initials: p.initials }));
}

/** "fik 153", "FIK-153" and "153" all find FIK-153; "ab" finds A.B. */
const normalise = (s: string): string => s.toUpperCase().replace(/[\s.\-_]/g, "");
