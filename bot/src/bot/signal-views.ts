import { type AdaptiveCard, buildSignalCard, buildManagerAlertCard, buildSignalNoticeCard, localDateTime } from "../cards";
import { addDays } from "../domain/dates";
import { NotFound } from "../domain/errors";
import { todayOf } from "../use-cases/deps";
import { readSignal } from "../use-cases/read-signal";
import { type CardViewDeps, type Viewer, actorOf, boardUrl, userIds } from "./viewer";

// A signal's cards: the person's own (built from readSignal, which decides details and buttons and
// logs the read), the manager's alert (the same answer), and what a shared conversation is told.

export async function signalCard(deps: CardViewDeps, boardId: string, signalId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const u = deps.useCases;
  if (viewer.audience === "channel" || !viewer.member) return signalNoticeCard(deps, boardId, signalId, viewer);
  const answer = await readSignal(u, actorOf(viewer.member), boardId, signalId);
  const today = todayOf(u);
  const sig = answer.signal;
  return buildSignalCard(
    {
      boardId,
      signal: {
        id: sig.id,
        etag: sig.etag,
        urgency: sig.urgency,
        state: sig.state,
        proposeBoard: sig.proposeBoard,
        raisedAt: localDateTime(sig.raisedAt, u.timeZone),
        answerBy: localDateTime(sig.answerBy, u.timeZone),
        overdue: sig.overdue,
        ...(answer.details?.kind ? { kind: answer.details.kind } : {}),
        ...(answer.details?.note ? { note: answer.details.note } : {}),
        ...(answer.details?.declineReason ? { declineReason: answer.details.declineReason } : {}),
      },
      ...(answer.participant ? { participant: answer.participant } : {}),
      fromOrganisation: answer.fromOrganisation,
      toOrganisation: answer.toOrganisation,
      viewer: answer.rights,
      today,
      defaultNextEvaluationOn: addDays(today, 7),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** What a shared conversation is told about a signal: one new signal to an organisation, and a link. */
async function signalNoticeCard(deps: CardViewDeps, boardId: string, signalId: string, viewer: Viewer): Promise<AdaptiveCard> {
  const s = deps.useCases.storage;
  const e = await s.signals.get(boardId, signalId);
  if (!e) throw new NotFound("The signal");
  const [to, board] = await Promise.all([s.organisations.get(boardId, e.toOrganisationId), s.boards.get(boardId)]);
  const url = boardUrl(deps, boardId, board?.name ?? "FACT");
  return buildSignalNoticeCard(
    {
      boardId,
      signalId,
      toOrganisation: to?.name ?? "—",
      state: e.state,
      ...(url ? { boardUrl: url } : {}),
      // Refreshing a notice gives the notice again (with its current state), never a personal card.
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}

/** The reminder or the manager's alert about an unanswered signal, built for this recipient from what they may see now. */
export async function signalAlertCard(
  deps: CardViewDeps,
  boardId: string,
  signalId: string,
  stage: "reminder" | "manager",
  viewer: Viewer,
): Promise<AdaptiveCard> {
  const u = deps.useCases;
  const member = viewer.member;
  if (!member) throw new NotFound("The signal");
  const [answer, board] = await Promise.all([readSignal(u, actorOf(member), boardId, signalId), u.storage.boards.get(boardId)]);
  const sig = answer.signal;
  const url = boardUrl(deps, boardId, board?.name ?? "FACT");
  return buildManagerAlertCard(
    {
      kind: "unansweredSignal",
      boardId,
      signal: {
        id: sig.id,
        ...(answer.details?.kind ? { kind: answer.details.kind } : {}),
        urgency: sig.urgency,
        state: sig.state,
        raisedAt: localDateTime(sig.raisedAt, u.timeZone),
        answerBy: localDateTime(sig.answerBy, u.timeZone),
      },
      ...(answer.participant ? { participantCode: answer.participant.code } : {}),
      fromOrganisation: answer.fromOrganisation,
      toOrganisation: answer.toOrganisation,
      stage,
      ...(url ? { boardUrl: url } : {}),
      refreshUserIds: userIds(viewer),
      ...(viewer.message ? { message: viewer.message } : {}),
    },
    viewer.locale,
  );
}
