import type { InboxItem, InboxView } from "@fact-board/contract";
import { hasConsentProblem } from "../domain/consent";
import { askedSubstitute } from "../domain/cover";
import { Conflict, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Participant, Signal } from "../domain/types";
import { consentRights } from "../domain/viewer-rights";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { responsibleFor } from "../core/recipients";
import { recordAccess } from "./audit";
import { recordReach } from "./delivery-outcomes";
import { todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { toAbsenceView, toConsentView, toEntryView, toParticipantView, toSignalView } from "./view-mappers";

// Att göra: what waits for this person or their organisation, with the rights each card carries.
// It is where a card that could not reach someone still reaches them (a shared-channel member of
// another tenant has no chat with the bot; a post Teams answered 504 to may not be there), so it is
// built from the board's state, never from what was sent. Opening it counts as being reached.

export async function viewInbox(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<InboxView> {
  assertAllowed(actor.member, "board.read");
  const today = todayOf(deps);
  const now = deps.clock();
  const snapshot = await deps.storage.loadBoardSnapshot(boardId, today);
  if (!snapshot.board) throw new NotFound("The board");
  const me = actor.member;
  const org = me.organisationId;
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = new Map(snapshot.participants.filter((p) => !p.erasedAt).map((p) => [p.id, p]));
  const visibilityOf = (p: Participant) => visibilityFor(p, consents.get(p.id) ?? [], org, today);
  const viewerOf = (p: Participant) => ({
    member: me,
    relation: relationOf(actor, p, snapshot.currentAbsences, consents.get(p.id) ?? [], today),
  });
  const items: InboxItem[] = [];
  const shown = new Map<string, Participant>();
  const signalsShown: Signal[] = [];

  for (const s of snapshot.openSignals) {
    const p = s.toOrganisationId === org ? participants.get(s.participantId) : undefined;
    const visibility = p && visibilityOf(p);
    const view = p && visibility && toSignalView(visibility, s, now, viewerOf(p));
    if (!p || !view?.may || !(view.may.acknowledge || view.may.resolve || view.may.decline)) continue;
    items.push({ kind: "signal", participantCode: p.code, signal: view });
    shown.set(p.id, p);
    signalsShown.push(s);
  }

  for (const a of snapshot.currentAbsences) {
    if (a.cover.state === "requesting" && askedSubstitute(a.cover) === me.id) items.push({ kind: "cover", absence: toAbsenceView(a) });
  }

  for (const p of participants.values()) {
    const consent = (consents.get(p.id) ?? []).find((c) => c.disclosingOrganisationId === org);
    if (!p.organisationIds.includes(org) || !hasConsentProblem(consent, today)) continue;
    const { relation } = viewerOf(p);
    if (!consentRights(me, relation, p, org).record) continue;
    const responsible = responsibleFor(p, org, snapshot.members, snapshot.currentAbsences, consents.get(p.id) ?? [], today);
    if (!responsible.some((m) => m.id === me.id)) continue;
    const visibility = visibilityOf(p);
    if (!visibility) continue;
    const participant = toParticipantView(
      visibility,
      consents.get(p.id) ?? [],
      snapshot.currentAbsences,
      snapshot.entries.some((e) => e.participantId === p.id),
      today,
      viewerOf(p),
    );
    const view = toConsentView(consent, p.id, org, today);
    items.push({ kind: "consent", participantCode: p.code, participant, consent: { ...view, may: { record: true } } });
    shown.set(p.id, p);
  }

  for (const entry of snapshot.entries) {
    const p = participants.get(entry.participantId);
    const visibility = p && visibilityOf(p);
    const view = visibility && toEntryView(visibility, entry, today);
    if (!p || !view) continue;
    for (const action of view.actions) {
      if (action.done || action.responsibleId !== me.id || action.byWhen > today) continue;
      items.push({ kind: "action", participantId: p.id, participantCode: p.code, entryEtag: view.etag, action });
      shown.set(p.id, p);
    }
  }

  await recordAccess(deps, actor, "viewedDetails", [...shown.values()]);
  await reachedThroughInbox(deps, actor, signalsShown);
  return { count: items.length, items };
}

/** Opening Att göra reaches the person: their "not reached" clears, and so does that of the signals it showed them. */
async function reachedThroughInbox(deps: UseCaseDeps, actor: Actor, signals: readonly Signal[]): Promise<void> {
  if (actor.member.notReachedSince) await recordReach(deps, { reached: [actor.member], unreached: [] });
  for (const s of signals) {
    if (!s.notReachedSince) continue;
    const { notReachedSince: _cleared, ...rest } = s;
    try {
      await deps.storage.signals.update(rest, { expectedEtag: s.etag! });
      await deps.storage.boardVersions.bump(s.boardId);
    } catch (e) {
      // Answered meanwhile: the answer says more than "reached".
      if (!(e instanceof Conflict)) throw e;
    }
  }
}
