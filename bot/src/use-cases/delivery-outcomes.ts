import { Conflict } from "../domain/errors";
import type { BoardId, Member, MemberId } from "../domain/types";
import { askedSubstitute } from "../domain/cover";
import { applyCoverEvent } from "./absences";
import { nowOf, type UseCaseDeps } from "./deps";

// What a delivery achieved, and what follows from it. The delivery port reports who a card reached
// and who it could not (no personal chat, blocked, refused to the last try); these use-cases decide
// what that means for the board: flags like "manager alerted" are only true when a card arrived,
// a substitute nobody can reach is passed over, and managers can see who is not reached.

export interface DeliveryReport {
  reached: readonly Member[];
  unreached: readonly Member[];
  /** Teams' answer was unknown (504): not known to be reached; the task waits in their Att göra. */
  unknown?: readonly Member[];
}

/** Remembers who cards do not reach (the overview shows them), and forgets it once one does. */
export async function recordReach(deps: UseCaseDeps, report: DeliveryReport): Promise<void> {
  const at = nowOf(deps);
  const changes: Array<[Member, (m: Member) => Member | undefined]> = [
    ...[...report.unreached, ...(report.unknown ?? [])].map((m): [Member, (x: Member) => Member | undefined] => [
      m,
      (x) => (x.notReachedSince ? undefined : { ...x, notReachedSince: at }),
    ]),
    ...report.reached.map((m): [Member, (x: Member) => Member | undefined] => [
      m,
      (x) => {
        if (!x.notReachedSince) return undefined;
        const { notReachedSince: _gone, ...rest } = x;
        return rest;
      },
    ]),
  ];
  // Most deliveries change nothing: the member as read for the delivery already says so.
  for (const [m, change] of changes) if (change(m)) await updateMember(deps, m.boardId, m.id, change);
}

/** Read, change, save under the ETag; an admin's edit in between is read again, once. */
async function updateMember(
  deps: UseCaseDeps,
  boardId: BoardId,
  memberId: MemberId,
  change: (m: Member) => Member | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await deps.storage.members.get(boardId, memberId);
    const next = current && change(current);
    if (!current || !next) return;
    try {
      await deps.storage.members.update(next, { expectedEtag: current.etag });
      return;
    } catch (e) {
      if (!(e instanceof Conflict) || attempt === 1) throw e;
    }
  }
}

/** The manager alert about an uncovered absence: alerted only when it reached a manager. */
export async function coverAlertDelivered(
  deps: UseCaseDeps,
  boardId: BoardId,
  absenceId: string,
  report: DeliveryReport,
): Promise<{ alerted: boolean }> {
  await recordReach(deps, report);
  if (report.reached.length === 0) return { alerted: false };
  const absence = await deps.storage.absences.get(boardId, absenceId);
  if (!absence || absence.cover.state !== "uncovered" || absence.cover.managerAlerted) return { alerted: true };
  try {
    await applyCoverEvent(deps, absence, { type: "managerAlerted", at: nowOf(deps) }, absence.etag);
  } catch (e) {
    // Another instance recorded it first.
    if (!(e instanceof Conflict)) throw e;
  }
  return { alerted: true };
}

/**
 * The cover request to a substitute: one that cannot be reached is passed over at once (the next
 * substitute, or the manager), rather than waiting out the answer time for someone never asked.
 */
export async function coverRequestDelivered(
  deps: UseCaseDeps,
  boardId: BoardId,
  absenceId: string,
  substituteId: MemberId,
  report: DeliveryReport,
): Promise<void> {
  await recordReach(deps, report);
  if (!report.unreached.some((m) => m.id === substituteId)) return;
  const absence = await deps.storage.absences.get(boardId, absenceId);
  if (!absence || askedSubstitute(absence.cover) !== substituteId) return;
  try {
    await applyCoverEvent(deps, absence, { type: "timeout", at: nowOf(deps) }, absence.etag);
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
  }
}

/** The manager alert about an unanswered signal: notified only when it reached a manager. */
export async function signalAlertDelivered(
  deps: UseCaseDeps,
  boardId: BoardId,
  signalId: string,
  report: DeliveryReport,
): Promise<{ notified: boolean }> {
  await recordReach(deps, report);
  if (report.reached.length === 0) return { notified: false };
  const e = await deps.storage.signals.get(boardId, signalId);
  if (!e || e.managerNotified) return { notified: true };
  try {
    await deps.storage.signals.update({ ...e, managerNotified: true }, { expectedEtag: e.etag });
  } catch (err) {
    if (!(err instanceof Conflict)) throw err;
  }
  return { notified: true };
}

/**
 * The signal's cards to the receiving organisation: reaching none of them (no personal chat with the
 * bot, as for a shared-channel member of another tenant, or Teams' answer unknown), the signal is
 * marked not reached and its sender told once. Someone of them opening it in Att göra clears it.
 */
export async function signalRaisedDelivered(
  deps: UseCaseDeps,
  boardId: BoardId,
  signalId: string,
  report: DeliveryReport & { pending?: readonly Member[] },
): Promise<void> {
  await recordReach(deps, report);
  const notReached = report.unreached.length + (report.unknown?.length ?? 0);
  // Reached someone, still trying, or no cards in this installation (the tab is everyone's channel).
  if (report.reached.length > 0 || (report.pending?.length ?? 0) > 0 || notReached === 0) return;
  const signal = await deps.storage.signals.get(boardId, signalId);
  if (!signal || signal.notReachedSince || signal.state !== "open") return;
  try {
    await deps.storage.signals.update({ ...signal, notReachedSince: nowOf(deps) }, { expectedEtag: signal.etag });
  } catch (e) {
    // Answered or marked meanwhile: whoever changed it decides.
    if (!(e instanceof Conflict)) throw e;
    return;
  }
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "signalNotReached", boardId, signalId });
}
