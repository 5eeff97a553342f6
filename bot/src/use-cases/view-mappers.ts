import type {
  AbsenceView,
  ActionView,
  ClosedEntryView,
  ConsentView,
  EntryView,
  SignalView,
  MemberView,
  OrganisationView,
  ParticipantView,
  PlansView,
} from "@fact-board/contract";
import { lastReviewReadable, nextEvaluationWriterOf, outcomeWriterOf, priorityWriterOf } from "../domain/board";
import { sipFollowUpOverdue } from "../domain/plans";
import { readableGoal } from "../domain/goal";
import { consentStatusOn, daysUntilExpiry } from "../domain/consent";
import { hasPartnershipConsentProblem } from "../domain/indicators";
import { type CoverSplit, askedSubstitute, isAbsentOn, standInFor } from "../domain/cover";
import { daysBetween } from "../domain/dates";
import { isOverdue } from "../domain/signal";
import type {
  Absence,
  BoardEntry,
  CalendarDate,
  ClosedBoardEntry,
  Consent,
  Signal,
  Member,
  Organisation,
  Participant,
} from "../domain/types";
import type { Relation } from "../domain/permissions";
import { consentRights, mayEditEntryFields, mayMarkActionDone, planRights, signalRights } from "../domain/viewer-rights";
import { canRead, type ParticipantVisibility } from "../domain/visibility";

/** Who is looking and how they relate to the participant: with it, views carry what the viewer may do. */
export interface ViewerRelation {
  member: Member;
  relation: Relation;
}

// Domain -> API views. Every mapper that touches a participant takes the viewer's visibility,
// so nothing written by an organisation the viewer may not read reaches a response.

export const toOrganisationView = (o: Organisation): OrganisationView => ({ id: o.id, name: o.name, kind: o.kind });

export const toMemberView = (m: Member): MemberView => ({
  id: m.id,
  displayName: m.displayName,
  organisationId: m.organisationId,
  role: m.role,
  substituteIds: m.substituteIds,
  ...(m.workingPattern ? { workingPattern: m.workingPattern } : {}),
});

export function toConsentView(c: Consent | undefined, participantId: string, disclosing: string, today: CalendarDate): ConsentView {
  const left = daysUntilExpiry(c, today);
  return {
    participantId,
    disclosingOrganisationId: disclosing,
    receivingOrganisationIds: c?.receivingOrganisationIds ?? [],
    basis: c?.basis ?? "consent",
    ...(c?.legalReference ? { legalReference: c.legalReference } : {}),
    status: consentStatusOn(c, today),
    ...(c?.givenOn ? { givenOn: c.givenOn } : {}),
    ...(c?.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c?.withdrawnOn ? { withdrawnOn: c.withdrawnOn } : {}),
    ...(left !== undefined ? { daysUntilExpiry: left } : {}),
    ...(c ? { recordedAt: c.recordedAt } : {}),
    ...(c?.etag ? { etag: c.etag } : {}),
  };
}

/** One consent line per involved organisation that discloses to others (every involved one except none). */
export function consentViewsFor(p: Participant, consents: readonly Consent[], today: CalendarDate): ConsentView[] {
  return p.organisationIds.map((org) =>
    toConsentView(
      consents.find((c) => c.disclosingOrganisationId === org),
      p.id,
      org,
      today,
    ),
  );
}

export function toParticipantView(
  v: ParticipantVisibility,
  consents: readonly Consent[],
  absences: readonly Absence[],
  onBoard: boolean,
  today: CalendarDate,
  viewer?: ViewerRelation,
): ParticipantView {
  const p = v.participant;
  const standIn = standInFor(p.caseManagerId, absences, today, { participantId: p.id, consents });
  return {
    id: p.id,
    code: p.code,
    initials: p.initials,
    caseManagerId: p.caseManagerId,
    ...(standIn !== p.caseManagerId ? { caseManagerStandInId: standIn } : {}),
    caseManagerAbsent: isAbsentOn(p.caseManagerId, absences, today),
    writtenBy: p.writtenBy,
    organisationIds: p.organisationIds,
    plans: toPlansView(p, today, viewer),
    onBoard,
    consents: consentViewsFor(p, consents, today).map((c) =>
      viewer ? { ...c, may: consentRights(viewer.member, viewer.relation, p, c.disclosingOrganisationId) } : c,
    ),
    consentProblem: hasPartnershipConsentProblem(p, consents, today),
    ...goalOf(v),
    ...(p.etag ? { etag: p.etag } : {}),
  };
}

/** The goal under its writer's consent (domain/goal.ts). */
function goalOf(v: ParticipantVisibility): { goal?: ParticipantView["goal"] } {
  const goal = readableGoal(v);
  return goal
    ? { goal: { text: goal.text, organisationId: goal.organisationId, writtenBy: goal.writtenBy, writtenAt: goal.writtenAt } }
    : {};
}

/** The plans are the base record's: whoever may see the participant sees them, as stated or "notSet". */
export function toPlansView(p: Participant, today: CalendarDate, viewer?: ViewerRelation): PlansView {
  const { sip } = p.plans;
  return {
    crisisPlan: p.plans.crisisPlan,
    earlySignsPlan: p.plans.earlySignsPlan,
    sip: {
      held: sip.held,
      ...(sip.heldOn ? { heldOn: sip.heldOn } : {}),
      ...(sip.nextFollowUpOn ? { nextFollowUpOn: sip.nextFollowUpOn } : {}),
      ...(sip.convenedBy ? { convenedBy: sip.convenedBy } : {}),
      followUpOverdue: sipFollowUpOverdue(sip, today),
    },
    ...(p.plans.updatedAt ? { updatedAt: p.plans.updatedAt } : {}),
    ...(viewer ? { may: { set: planRights(viewer.member, viewer.relation, p) } } : {}),
  };
}

function actionViews(v: ParticipantVisibility, e: Pick<BoardEntry, "actions">): ActionView[] {
  return e.actions
    .filter((a) => canRead(v, a.writtenBy))
    .map((a) => ({
      id: a.id,
      what: a.what,
      responsibleId: a.responsibleId,
      byWhen: a.byWhen,
      done: a.done,
      writtenBy: a.writtenBy,
      mayMarkDone: mayMarkActionDone(v.viewer, a),
      ...(a.external ? { external: { role: a.external.role, ...(a.external.name ? { name: a.external.name } : {}) } } : {}),
    }));
}

/**
 * What an open and a closed entry show alike. Each part is gated by the organisation that wrote it:
 * the reason and its note by the entry's writer, priority and next evaluation each by its own
 * writer (the lead organisation after it changed them), actions and reviews by theirs.
 */
function entryFields(v: ParticipantVisibility, e: BoardEntry | ClosedBoardEntry) {
  const review = lastReviewReadable(e, (org) => canRead(v, org));
  const priorityBy = priorityWriterOf(e);
  const nextEvaluationBy = nextEvaluationWriterOf(e);
  return {
    id: e.id,
    participantId: e.participantId,
    writtenBy: e.writtenBy,
    reason: e.reason,
    ...(e.reasonNote ? { reasonNote: e.reasonNote } : {}),
    ...(canRead(v, priorityBy) ? { priority: e.priority, ...(priorityBy !== e.writtenBy ? { priorityWrittenBy: priorityBy } : {}) } : {}),
    putOnOn: e.putOnOn,
    ...(canRead(v, nextEvaluationBy)
      ? { nextEvaluationOn: e.nextEvaluationOn, ...(nextEvaluationBy !== e.writtenBy ? { nextEvaluationWrittenBy: nextEvaluationBy } : {}) }
      : {}),
    actions: actionViews(v, e),
    ...(review ? { lastReviewedOn: review.on, lastReviewedBy: review.by } : {}),
    updatedAt: e.updatedAt,
  };
}

/** Undefined when the entry was written by an organisation the viewer may not read. */
export function toEntryView(v: ParticipantVisibility, e: BoardEntry, today: CalendarDate): EntryView | undefined {
  if (!canRead(v, e.writtenBy)) return undefined;
  return {
    ...entryFields(v, e),
    daysOnBoard: daysBetween(e.putOnOn, today),
    evaluationDue: canRead(v, nextEvaluationWriterOf(e)) && e.nextEvaluationOn <= today,
    mayEdit: mayEditEntryFields(v.viewer, e),
    etag: e.etag ?? "",
  };
}

export function toClosedEntryView(v: ParticipantVisibility, e: ClosedBoardEntry): ClosedEntryView | undefined {
  if (!canRead(v, e.writtenBy)) return undefined;
  // Taking off is the taking-off organisation's item (the lead organisation's, when it took another's entry off).
  // A viewer who may not read it sees when the period ended, not by whom nor how.
  const outcomeBy = outcomeWriterOf(e);
  return {
    ...entryFields(v, e),
    takenOffOn: e.takenOffOn,
    ...(canRead(v, outcomeBy)
      ? {
          takenOffBy: e.takenOffBy,
          ...(outcomeBy !== e.writtenBy ? { takenOffByOrganisation: outcomeBy } : {}),
          outcome: e.outcome,
          ...(e.outcomeNote ? { outcomeNote: e.outcomeNote } : {}),
        }
      : {}),
  };
}

/**
 * Undefined when the signal's sender may not be read by the viewer. The answer (its state, whether
 * it is overdue, the decline reason) is the receiving organisation's: a viewer who may read the
 * sender but not the receiver sees the signal as raised, with `answerHidden`.
 */
export function toSignalView(v: ParticipantVisibility, e: Signal, now: Date, viewer?: ViewerRelation): SignalView | undefined {
  if (!canRead(v, e.fromOrganisationId)) return undefined;
  const answerVisible = canRead(v, e.toOrganisationId);
  return {
    id: e.id,
    participantId: e.participantId,
    fromOrganisationId: e.fromOrganisationId,
    toOrganisationId: e.toOrganisationId,
    kind: e.kind,
    urgency: e.urgency,
    ...(e.note ? { note: e.note } : {}),
    proposeBoard: e.proposeBoard,
    state: answerVisible ? e.state : "open",
    raisedBy: e.raisedBy,
    raisedAt: e.raisedAt,
    answerBy: e.answerBy,
    overdue: answerVisible && isOverdue(e, now),
    ...(answerVisible && e.declineReason ? { declineReason: e.declineReason } : {}),
    ...(answerVisible ? {} : { answerHidden: true }),
    ...(e.notReachedSince && e.state === "open" ? { notReached: true } : {}),
    ...(e.etag ? { etag: e.etag } : {}),
    ...(viewer ? { may: signalRights(viewer.member, viewer.relation, e) } : {}),
  };
}

/** Absences are about members, not participants: every member of the board sees them. */
export function toAbsenceView(a: Absence, split?: CoverSplit): AbsenceView {
  const asked = askedSubstitute(a.cover);
  return {
    id: a.id,
    memberId: a.memberId,
    organisationId: a.organisationId,
    from: a.from,
    to: a.to,
    reason: a.reason,
    coverState: a.cover.state,
    ...(a.cover.coveredBy ? { coveredBy: a.cover.coveredBy } : {}),
    ...(asked ? { askedSubstituteId: asked } : {}),
    ...(split && a.cover.across
      ? {
          split: {
            toSubstitute: split.toSubstitute.length,
            toOwnOrganisation: split.toOwnOrganisation.length,
            ...(a.cover.across.othersTo ? { othersTo: a.cover.across.othersTo } : {}),
          },
        }
      : {}),
    ...(a.etag ? { etag: a.etag } : {}),
  };
}
