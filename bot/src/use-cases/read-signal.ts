import type { SignalView } from "@fact-board/contract";
import { isOverdue } from "../domain/signal";
import { NotFound } from "../domain/errors";
import type { Actor, BoardId, Signal } from "../domain/types";
import { signalCardRights } from "../domain/viewer-rights";
import { visibilityFor } from "../domain/visibility";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { toSignalView } from "./view-mappers";

// A signal as one person may see it now, for a card (the signal card, a reminder, the manager's
// alert): built at send time and at every refresh, with visibility, rights and the access log
// decided here, like any read of the API. Seeing the participant is a read of their details and
// is logged (channel from the actor: `bot` for cards).

export interface SignalRights {
  acknowledge: boolean;
  resolve: boolean;
  decline: boolean;
  putOnBoard: boolean;
}

export interface SignalForViewer {
  /** What anyone the signal concerns may see: ids, state and times, no participant, no text. */
  signal: Pick<
    Signal,
    "id" | "state" | "urgency" | "proposeBoard" | "raisedAt" | "answerBy" | "fromOrganisationId" | "toOrganisationId"
  > & {
    etag: string;
    overdue: boolean;
    /** Open, and its cards have reached nobody who can answer it (their Att göra holds it). */
    notReached: boolean;
  };
  /** Only when the viewer's organisation may see the participant now. */
  participant?: { id: string; code: string; initials: string; onBoard: boolean };
  /** Kind of need, note, decline reason: only when the viewer may also read the sender's writing. */
  details?: Pick<SignalView, "kind" | "note" | "declineReason">;
  fromOrganisation: string;
  toOrganisation: string;
  rights: SignalRights;
}

const NO_RIGHTS: SignalRights = { acknowledge: false, resolve: false, decline: false, putOnBoard: false };

/**
 * Someone of the sending or receiving organisation always learns that the signal exists (its
 * state and organisations), even when their consent no longer lets them see whom it is about;
 * anyone else may not know about it (NotFound), unless they may read it like the API shows it.
 */
export async function readSignal(deps: UseCaseDeps, actor: Actor, boardId: BoardId, signalId: string): Promise<SignalForViewer> {
  const s = deps.storage;
  const today = todayOf(deps);
  const now = deps.clock();
  const e = await s.signals.get(boardId, signalId);
  if (!e) throw new NotFound("The signal");
  const [participant, consents, absences, from, to, entry] = await Promise.all([
    s.participants.get(boardId, e.participantId),
    s.consents.listForParticipant(boardId, e.participantId),
    s.absences.listCurrent(boardId, today),
    s.organisations.get(boardId, e.fromOrganisationId),
    s.organisations.get(boardId, e.toOrganisationId),
    s.entries.getCurrent(boardId, e.participantId),
  ]);
  if (!participant || participant.erasedAt) throw new NotFound("The signal");
  const member = actor.member;
  const concerned = member.organisationId === e.fromOrganisationId || member.organisationId === e.toOrganisationId;
  const visibility = visibilityFor(participant, consents, member.organisationId, today);
  const view = visibility && toSignalView(visibility, e, now);
  if (!view && !concerned) throw new NotFound("The signal");

  let rights = NO_RIGHTS;
  if (visibility) {
    rights = signalCardRights(member, relationOf(actor, participant, absences, consents, today), e, entry !== undefined);
    // Logged before anything is shown: if it cannot be written, the caller gets no details.
    await recordAccess(deps, actor, "viewedDetails", [participant]);
  }
  // The answer (state, overdue) is the receiving organisation's, shown by the same rule as the tab's
  // signal view: without a view only the receiver itself knows where its answer stands.
  const answerVisible = view ? !view.answerHidden : member.organisationId === e.toOrganisationId;
  return {
    signal: {
      id: e.id,
      etag: e.etag ?? "",
      state: answerVisible ? e.state : "open",
      urgency: e.urgency,
      proposeBoard: e.proposeBoard,
      raisedAt: e.raisedAt,
      answerBy: e.answerBy,
      overdue: answerVisible && isOverdue(e, now),
      notReached: e.state === "open" && e.notReachedSince !== undefined,
      fromOrganisationId: e.fromOrganisationId,
      toOrganisationId: e.toOrganisationId,
    },
    ...(visibility
      ? { participant: { id: participant.id, code: participant.code, initials: participant.initials, onBoard: entry !== undefined } }
      : {}),
    ...(view
      ? {
          details: {
            kind: view.kind,
            ...(view.note ? { note: view.note } : {}),
            ...(view.declineReason ? { declineReason: view.declineReason } : {}),
          },
        }
      : {}),
    fromOrganisation: from?.name ?? "—",
    toOrganisation: to?.name ?? "—",
    rights,
  };
}
