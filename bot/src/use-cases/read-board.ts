import type { BoardHeader, BoardRow, BoardView, SignalView, Viewer } from "@fact-board/contract";
import { PRIORITY_ORDER } from "../domain/board";
import { boardModelOf, gettingStarted } from "../domain/board-profile";
import { caseloadOn } from "../domain/caseload";
import { splitCover } from "../domain/cover";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, Board, BoardId, CalendarDate, Member, Participant } from "../domain/types";
import { generalPermissions, rowRights, supportRights } from "../domain/viewer-rights";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { sinceLastFrom, visibleNotes } from "./since-last";
import { visibleInterventions } from "./interventions";
import { toAbsenceView, toEntryView, toSignalView, toMemberView, toOrganisationView, toParticipantView } from "./view-mappers";

/** What the viewer's role allows in general; per-participant relations (case manager, cover) may add more for staff. */
export function viewerOf(member: Member): Viewer {
  const permissions = generalPermissions(member);
  return { memberId: member.id, displayName: member.displayName, organisationId: member.organisationId, role: member.role, permissions };
}

/**
 * What every surface shows in the board's header: its name, its model (never one presented as
 * another), its lead organisation, "Om tavlan", and the caseload the server counts (a count: no
 * consent needed, like the overview's).
 */
export function boardHeaderOf(board: Board, participants: readonly Participant[], today: CalendarDate): BoardHeader {
  const about = board.settings?.about;
  return {
    id: board.id,
    name: board.name,
    caseload: caseloadOn(participants, today),
    model: boardModelOf(board),
    ...(board.leadOrganisationId ? { leadOrganisationId: board.leadOrganisationId } : {}),
    ...(about
      ? { about: { text: about.text, ...(about.link ? { link: about.link } : {}), version: about.version, updatedAt: about.updatedAt } }
      : {}),
  };
}

/**
 * The board as this viewer may see it: one snapshot (a few partition queries in parallel), consent
 * decided per participant at this request, one audit record per participant shown.
 */
export async function readBoard(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<BoardView> {
  assertAllowed(actor.member, "board.read");
  const today = todayOf(deps);
  const now = deps.clock();
  const [snapshot, version, ongoing] = await Promise.all([
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.boardVersions.current(boardId),
    deps.storage.interventions.listOngoing(boardId),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  // One range query after the snapshot (it needs the board's meeting days): the notes since the last meeting.
  const recentNotes = await deps.storage.sinceLast.listFrom(boardId, sinceLastFrom(snapshot.board, today));
  const viewerOrg = actor.member.organisationId;
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = new Map(snapshot.participants.map((p) => [p.id, p]));
  const participantsInTeam = snapshot.participants.filter((p) => !p.leftTeamOn && !p.erasedAt);

  const rows: BoardRow[] = [];
  const shown: Participant[] = [];
  const visibleById = new Map<string, NonNullable<ReturnType<typeof visibilityFor>>>();
  let hiddenCount = 0;
  const lead = snapshot.board.leadOrganisationId;
  const organisationOf = new Map(snapshot.members.map((m) => [m.id, m.organisationId]));
  for (const entry of snapshot.entries) {
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
    const viewer = { member: actor.member, relation: relationOf(actor, participant, snapshot.currentAbsences, pc, today) };
    rows.push({
      participant: toParticipantView(visibility, pc, snapshot.currentAbsences, true, today, viewer),
      entry: entryView,
      may: {
        ...rowRights(actor.member, viewer.relation, participant, entry, lead),
        ...supportRights(actor.member, viewer.relation, organisationOf.get(participant.caseManagerId)),
      },
      sinceLast: visibleNotes(
        visibility,
        recentNotes.filter((n) => n.participantId === participant.id),
      ),
      interventions: visibleInterventions(visibility, ongoing),
    });
  }
  // Check-in order as this viewer reads it: a priority it may not read (the lead organisation's) orders as none, last.
  rows.sort(
    (a, b) =>
      (a.entry.priority ? PRIORITY_ORDER[a.entry.priority] : 3) - (b.entry.priority ? PRIORITY_ORDER[b.entry.priority] : 3) ||
      a.entry.putOnOn.localeCompare(b.entry.putOnOn),
  );

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
        relation: relationOf(actor, participant, snapshot.currentAbsences, consents.get(participant.id) ?? [], today),
      });
    if (view) signals.push(view);
  }

  await recordAccess(deps, actor, "viewedDetails", shown);

  return {
    board: boardHeaderOf(snapshot.board, snapshot.participants, today),
    gettingStarted: gettingStarted({ ...snapshot, board: snapshot.board }),
    today,
    version,
    viewer: viewerOf(actor.member),
    organisations: snapshot.organisations.map(toOrganisationView),
    members: snapshot.members.map(toMemberView),
    rows,
    hiddenCount,
    signals,
    // Which went where in a cross-organisation cover: counts only, never which participants.
    absences: snapshot.currentAbsences.map((a) =>
      toAbsenceView(a, a.cover.across ? splitCover(a, participantsInTeam, snapshot.consents, today) : undefined),
    ),
  };
}
