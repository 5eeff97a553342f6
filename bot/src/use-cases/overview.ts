import type { Overview } from "@fact-board/contract";
import { hasConsentProblem, daysUntilExpiry, consentStatusOn } from "../domain/consent";
import { addDays, daysBetween, workingDaysBetween } from "../domain/dates";
import { isOverdue } from "../domain/escalation";
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
  const [snapshot, checkIns] = await Promise.all([
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.checkIns.listBetween(boardId, from, today),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = new Map(snapshot.participants.map((p) => [p.id, p]));

  let consentsMissing = 0;
  let consentsExpiringSoon = 0;
  for (const p of snapshot.participants) {
    if (p.leftTeamOn || p.organisationIds.length < 2) continue;
    for (const org of p.organisationIds) {
      const c = (consents.get(p.id) ?? []).find((x) => x.disclosingOrganisationId === org);
      if (consentStatusOn(c, today) !== "given") consentsMissing++;
      else if (hasConsentProblem(c, today) && daysUntilExpiry(c, today) !== undefined) consentsExpiringSoon++;
    }
  }

  const days = snapshot.entries.map((e) => daysBetween(e.putOnOn, today));
  const checkInByDate = new Map(checkIns.map((c) => [c.date, c]));
  const reviewedDays = workingDaysBetween(from, today).map((date) => {
    const c = checkInByDate.get(date);
    return { date, reviewed: c !== undefined, allEntriesReviewed: c !== undefined && c.reviewedParticipantIds.length > 0 && c.reviewedParticipantIds.length >= snapshot.entries.length - c.addedParticipantIds.length };
  });

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
    onBoard: snapshot.entries.length,
    caseload: snapshot.board.caseload,
    averageDaysOnBoard: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : 0,
    consentsMissing,
    consentsExpiringSoon,
    escalationsOpen: snapshot.openEscalations.length,
    escalationsOverdue: snapshot.openEscalations.filter((e) => isOverdue(e, now)).length,
    absencesWithoutCover: snapshot.currentAbsences.filter((a) => a.cover.state === "uncovered" || a.cover.state === "requesting").length,
    reviewedDays,
    boardSizeOverTime,
    daysOnBoard: daysOnBoard.sort((a, b) => b.days - a.days),
  };
}
