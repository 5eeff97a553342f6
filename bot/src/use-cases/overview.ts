import type { Overview } from "@fact-board/contract";
import { addDays, daysBetween, workingDaysBetween } from "../domain/dates";
import { fidelityIndicators, fidelityWindowStart } from "../domain/fidelity";
import { meetingsOf, reviewedAsScheduled } from "../domain/meeting-schedule";
import { fidelitySettingsOf } from "../domain/fidelity-settings";
import { boardCounts } from "../domain/indicators";
import { boardModelOf, showsFidelity } from "../domain/board-profile";
import { caseloadByOrganisation, caseloadOn } from "../domain/caseload";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { todayOf, type UseCaseDeps } from "./deps";

const FIDELITY_WINDOW_DAYS = 28;

/**
 * The manager overview: counts across the whole board (no participant details), plus days on the
 * board per participant the viewer may see. Counts are not personal data and need no consent.
 */
export async function readOverview(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<Overview> {
  assertAllowed(actor.member, "overview.read");
  const today = todayOf(deps);
  const now = deps.clock();
  const from = addDays(today, -FIDELITY_WINDOW_DAYS);
  const fidelityFrom = fidelityWindowStart(today);
  const [snapshot, checkIns, closedEntries, signals] = await Promise.all([
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.checkIns.listBetween(boardId, fidelityFrom < from ? fidelityFrom : from, today),
    deps.storage.entries.historyForBoard(boardId, fidelityFrom),
    deps.storage.signals.listForBoard(boardId),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  const model = boardModelOf(snapshot.board);
  // FACT fidelity is about the FACT model: a board of another model gets the plain counts (issue 24).
  const fidelity = showsFidelity(model)
    ? fidelityIndicators(
        {
          board: snapshot.board,
          settings: fidelitySettingsOf(snapshot.board),
          participants: snapshot.participants,
          consents: snapshot.consents,
          currentEntries: snapshot.entries,
          closedEntries,
          checkIns,
          signals: signals.filter((e) => e.raisedAt >= fidelityFrom),
        },
        actor.member.organisationId,
        today,
      )
    : undefined;
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = new Map(snapshot.participants.map((p) => [p.id, p]));
  const counts = boardCounts(snapshot, today, now);
  // Against the board's schedule: a working day without a scheduled meeting is not expected.
  const reviewedDays = reviewedAsScheduled(meetingsOf(snapshot.board), from, today, checkIns, snapshot.entries, participants);

  // Board size over time from the current entries' start dates plus each check-in's additions and removals is
  // approximate; the current entries' "put on" dates give a faithful lower bound without reading history.
  const boardSizeOverTime = workingDaysBetween(from, today).map((date) => ({
    date,
    onBoard: snapshot.entries.filter((e) => e.putOnOn <= date).length,
  }));

  const daysOnBoard = snapshot.entries.flatMap((e) => {
    const p = participants.get(e.participantId);
    const v = p && visibilityFor(p, consents.get(p.id) ?? [], actor.member.organisationId, today);
    return v ? [{ participantId: e.participantId, code: v.participant.code, days: daysBetween(e.putOnOn, today) }] : [];
  });

  return {
    today,
    model,
    onBoard: snapshot.entries.length,
    caseload: caseloadOn(snapshot.participants, today),
    caseloadByOrganisation: caseloadByOrganisation(snapshot.participants, snapshot.organisations, today),
    averageDaysOnBoard: counts.averageDaysOnBoard,
    consentsMissing: counts.consentsMissing,
    consentsExpiringSoon: counts.consentsExpiringSoon,
    signalsOpen: counts.openSignals,
    signalsOverdue: counts.overdueSignals,
    absencesWithoutCover: counts.absencesWithoutCover,
    reviewedDays,
    boardSizeOverTime,
    daysOnBoard: daysOnBoard.sort((a, b) => b.days - a.days),
    ...(fidelity ? { fidelity } : {}),
    notReached: snapshot.members
      .filter((m) => m.organisationId === actor.member.organisationId && m.notReachedSince && !m.leftAt)
      .map((m) => ({ memberId: m.id, displayName: m.displayName, since: m.notReachedSince! }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, "sv")),
  };
}
