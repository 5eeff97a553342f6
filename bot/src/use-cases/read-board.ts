import type { BoardRow, BoardView, SignalView, Viewer } from "@fact-board/contract";
import { checkInOrder } from "../domain/board";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Member, Participant } from "../domain/types";
import { generalPermissions, rowRights } from "../domain/viewer-rights";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { sinceLastFrom, visibleNotes } from "./since-last";
import { toAbsenceView, toEntryView, toSignalView, toMemberView, toOrganisationView, toParticipantView } from "./view-mappers";

/** What the viewer's role allows in general; per-participant relations (case manager, cover) may add more for staff. */
export function viewerOf(member: Member): Viewer {
  const permissions = generalPermissions(member);
  return { memberId: member.id, displayName: member.displayName, organisationId: member.organisationId, role: member.role, permissions };
}

/**
 * The board as this viewer may see it: one snapshot (a few partition queries in parallel), consent
 * decided per participant at this request, one audit record per participant shown.
 */
export async function readBoard(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<BoardView> {
  assertAllowed(actor.member, "board.read");
  const today = todayOf(deps);
  const now = deps.clock();
  const [snapshot, version] = await Promise.all([
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.boardVersions.current(boardId),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  // One range query after the snapshot (it needs the board's meeting days): the notes since the last meeting.
  const recentNotes = await deps.storage.sinceLast.listFrom(boardId, sinceLastFrom(snapshot.board, today));
  const viewerOrg = actor.member.organisationId;
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = new Map(snapshot.participants.map((p) => [p.id, p]));

  const rows: BoardRow[] = [];
  const shown: Participant[] = [];
  const visibleById = new Map<string, NonNullable<ReturnType<typeof visibilityFor>>>();
  let hiddenCount = 0;
  for (const entry of checkInOrder(snapshot.entries)) {
    const participant = participants.get(entry.participantId);
    const pc = consents.get(entry.participantId) ?? [];
    const visibility = participant && visibilityFor(participant, pc, viewerOrg, today);
    const entryView = visibility && toEntryView(visibility, entry, today);
    if (!visibility || !entryView) {
      hiddenCount++;
      continue;
    }
    visibleById.set(participant.id, visibility);
    shown.push(participant);
    const viewer = { member: actor.member, relation: relationOf(actor, participant, snapshot.currentAbsences, today) };
    rows.push({
      participant: toParticipantView(visibility, pc, snapshot.currentAbsences, true, today, viewer),
      entry: entryView,
      may: rowRights(actor.member, viewer.relation, participant, entry),
      sinceLast: visibleNotes(
        visibility,
        recentNotes.filter((n) => n.participantId === participant.id),
      ),
    });
  }

  const signals: SignalView[] = [];
  // Signals may concern participants who are not on the board (yet): their code is shown too.
  for (const e of snapshot.openSignals) {
    let visibility = visibleById.get(e.participantId);
    const participant = participants.get(e.participantId);
    if (!visibility && participant) {
      visibility = visibilityFor(participant, consents.get(participant.id) ?? [], viewerOrg, today);
      if (visibility) {
        visibleById.set(participant.id, visibility);
        shown.push(participant);
      }
    }
    const view =
      visibility &&
      participant &&
      toSignalView(visibility, e, now, {
        member: actor.member,
        relation: relationOf(actor, participant, snapshot.currentAbsences, today),
      });
    if (view) signals.push(view);
  }

  await recordAccess(deps, actor, "viewedDetails", shown);

  return {
    board: { id: snapshot.board.id, name: snapshot.board.name, caseload: snapshot.board.caseload },
    today,
    version,
    viewer: viewerOf(actor.member),
    organisations: snapshot.organisations.map(toOrganisationView),
    members: snapshot.members.map(toMemberView),
    rows,
    hiddenCount,
    signals,
    absences: snapshot.currentAbsences.map(toAbsenceView),
  };
}
