import type { CoverState } from "@fact-board/contract";
import { askedSubstitute } from "../domain/cover";
import { NotFound } from "../domain/errors";
import type { Absence, BoardId, Member } from "../domain/types";
import { absenceRights } from "../domain/viewer-rights";
import { todayOf, type UseCaseDeps } from "../use-cases/deps";

// The cards about an absence and its cover: about members, not participants, so nothing here is
// consent-gated or logged. Who is asked and who covers are named; the buttons follow the state
// machine and the viewer's rights.

interface AbsenceFacts {
  boardId: BoardId;
  absence: { id: string; etag: string; from: string; to: string; state: CoverState };
  askedSubstituteName?: string;
  coveredByName?: string;
}

/** The request to a substitute ("Jag täcker" / "Kan inte" for the one asked now). */
export interface CoverCardView extends AbsenceFacts {
  absentMemberName: string;
  viewerIsAsked: boolean;
  viewerIsCovering: boolean;
}

/** The absent person's own view of their absence, or their manager's. */
export interface AbsenceCardView extends AbsenceFacts {
  /** Absent: the card is about the viewer themself. */
  absentMemberName?: string;
  canCancel: boolean;
}

/** The manager's alert about an absence nobody covers. */
export interface CoverAlertView {
  boardId: BoardId;
  boardName: string;
  absence: AbsenceFacts["absence"];
  absentMemberName: string;
  canCancel: boolean;
}

async function absenceWithNames(deps: UseCaseDeps, boardId: BoardId, absenceId: string) {
  const [absence, members] = await Promise.all([deps.storage.absences.get(boardId, absenceId), deps.storage.members.listForBoard(boardId)]);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  return { absence, nameOf: (id: string) => names.get(id) ?? "—" };
}

function factsOf(boardId: BoardId, a: Absence & { etag: string }, nameOf: (id: string) => string): AbsenceFacts {
  const asked = askedSubstitute(a.cover);
  return {
    boardId,
    absence: { id: a.id, etag: a.etag, from: a.from, to: a.to, state: a.cover.state },
    ...(asked ? { askedSubstituteName: nameOf(asked) } : {}),
    ...(a.cover.coveredBy ? { coveredByName: nameOf(a.cover.coveredBy) } : {}),
  };
}

export async function viewCoverCard(
  deps: UseCaseDeps,
  viewer: Member | undefined,
  boardId: BoardId,
  absenceId: string,
): Promise<CoverCardView> {
  const { absence, nameOf } = await absenceWithNames(deps, boardId, absenceId);
  if (!absence) throw new NotFound("The cover request");
  return {
    ...factsOf(boardId, absence, nameOf),
    absentMemberName: nameOf(absence.memberId),
    viewerIsAsked: viewer !== undefined && askedSubstitute(absence.cover) === viewer.id,
    viewerIsCovering: viewer !== undefined && absence.cover.coveredBy === viewer.id,
  };
}

export async function viewAbsenceCard(
  deps: UseCaseDeps,
  viewer: Member | undefined,
  boardId: BoardId,
  absenceId: string,
): Promise<AbsenceCardView> {
  const { absence, nameOf } = await absenceWithNames(deps, boardId, absenceId);
  // Colleagues' absences are the absent person's and their manager's business only.
  if (!absence || !viewer || !absenceRights(viewer, absence).cancel) throw new NotFound("The absence");
  return {
    ...factsOf(boardId, absence, nameOf),
    ...(absence.memberId !== viewer.id ? { absentMemberName: nameOf(absence.memberId) } : {}),
    canCancel: absence.to >= todayOf(deps),
  };
}

export async function viewCoverAlert(
  deps: UseCaseDeps,
  viewer: Member | undefined,
  boardId: BoardId,
  absenceId: string,
): Promise<CoverAlertView> {
  const [{ absence, nameOf }, board] = await Promise.all([absenceWithNames(deps, boardId, absenceId), deps.storage.boards.get(boardId)]);
  if (!absence) throw new NotFound("The absence");
  return {
    boardId,
    boardName: board?.name ?? "FACT",
    absence: factsOf(boardId, absence, nameOf).absence,
    absentMemberName: nameOf(absence.memberId),
    canCancel: viewer !== undefined && absenceRights(viewer, absence).cancel,
  };
}
