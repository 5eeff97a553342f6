import type { CoverState } from "@fact-board/contract";
import { type CoverSplit, askedSubstitute, splitCover } from "../domain/cover";
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
  /** A cover from another organisation: how many participants went to the substitute, and how many stayed with whom (counts only). */
  split?: { toSubstitute: number; toOwnOrganisation: number; othersToName?: string };
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
  // Across organisations, which went where follows today's consents (checked at each read, like visibility).
  let split: CoverSplit | undefined;
  if (absence?.cover.state === "covered" && absence.cover.across) {
    const [participants, consents] = await Promise.all([
      deps.storage.participants.listForBoard(boardId),
      deps.storage.consents.listForBoard(boardId),
    ]);
    split = splitCover(
      absence,
      participants.filter((p) => !p.leftTeamOn && !p.erasedAt),
      consents,
      todayOf(deps),
    );
  }
  return { absence, split, nameOf: (id: string) => names.get(id) ?? "—" };
}

function factsOf(boardId: BoardId, a: Absence & { etag: string }, nameOf: (id: string) => string, split?: CoverSplit): AbsenceFacts {
  const asked = askedSubstitute(a.cover);
  const othersTo = a.cover.across?.othersTo;
  return {
    boardId,
    absence: { id: a.id, etag: a.etag, from: a.from, to: a.to, state: a.cover.state },
    ...(asked ? { askedSubstituteName: nameOf(asked) } : {}),
    ...(a.cover.coveredBy ? { coveredByName: nameOf(a.cover.coveredBy) } : {}),
    ...(split
      ? {
          split: {
            toSubstitute: split.toSubstitute.length,
            toOwnOrganisation: split.toOwnOrganisation.length,
            ...(othersTo ? { othersToName: nameOf(othersTo) } : {}),
          },
        }
      : {}),
  };
}

export async function viewCoverCard(
  deps: UseCaseDeps,
  viewer: Member | undefined,
  boardId: BoardId,
  absenceId: string,
): Promise<CoverCardView> {
  const { absence, nameOf, split } = await absenceWithNames(deps, boardId, absenceId);
  if (!absence) throw new NotFound("The cover request");
  return {
    ...factsOf(boardId, absence, nameOf, split),
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
  const { absence, nameOf, split } = await absenceWithNames(deps, boardId, absenceId);
  // Colleagues' absences are the absent person's and their manager's business only.
  if (!absence || !viewer || !absenceRights(viewer, absence).cancel) throw new NotFound("The absence");
  return {
    ...factsOf(boardId, absence, nameOf, split),
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
