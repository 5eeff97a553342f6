import type {
  EditStudyBody,
  EnrolBody,
  EnrolmentView,
  ParticipantStudies,
  RecordResearchConsentBody,
  RegisterStudyBody,
  StudyList,
  StudyView,
  WithdrawFromStudyBody,
} from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { assertDataManagers, assertStudyPeriod, enrol, isDataManager, withdraw } from "../domain/study";
import type { Actor, BoardId, Enrolment, ParticipantId, Study } from "../domain/types";
import { changedFields, recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";

// A research study on the board (issue 28, domain/study.ts): admins register it and name its data
// managers; whoever's organisation may see a participant records their research consent, enrols
// them under the research team's id and records a withdrawal. Each step is in the admin audit and,
// for the participant, in the access log. The export is study-export.ts.

const toStudyView = (actor: Actor, s: Study & { etag: string }): StudyView => ({
  id: s.id,
  name: s.name,
  ethicsApprovalReference: s.ethicsApprovalReference,
  from: s.from,
  to: s.to,
  dataManagerIds: s.dataManagerIds,
  isDataManager: isDataManager(s, actor.member.id),
  etag: s.etag,
});

const toEnrolmentView = (e: Enrolment & { etag: string }): EnrolmentView => ({
  studyId: e.studyId,
  researchConsent: e.researchConsent,
  ...(e.studyParticipantId ? { studyParticipantId: e.studyParticipantId } : {}),
  ...(e.enrolledAt ? { enrolledAt: e.enrolledAt } : {}),
  ...(e.withdrawnOn ? { withdrawnOn: e.withdrawnOn } : {}),
  etag: e.etag,
});

export async function loadStudy(deps: UseCaseDeps, boardId: BoardId, studyId: string): Promise<Study & { etag: string }> {
  const study = await deps.storage.studies.get(boardId, studyId);
  if (!study) throw new NotFound("The study");
  return study;
}

/** The board's studies: names, approval and period are no one's personal data, so every member may read them. */
export async function listStudies(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<StudyList> {
  assertAllowed(actor.member, "board.read");
  const studies = await deps.storage.studies.listForBoard(boardId);
  return {
    studies: studies.sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name)).map((s) => toStudyView(actor, s)),
  };
}

export async function registerStudy(deps: UseCaseDeps, actor: Actor, boardId: BoardId, body: RegisterStudyBody): Promise<StudyView> {
  assertAllowed(actor.member, "study.manage");
  assertStudyPeriod(body.from, body.to);
  assertDataManagers(body.dataManagerIds, await deps.storage.members.listForBoard(boardId));
  const now = nowOf(deps);
  const study: Study = {
    id: deps.newId(),
    boardId,
    ...body,
    createdAt: now,
    createdBy: actor.member.id,
    updatedAt: now,
    updatedBy: actor.member.id,
  };
  await recordAdminChange(deps, actor.member, boardId, {
    what: "studyRegistered",
    subject: { kind: "study", id: study.id, name: study.name },
  });
  return toStudyView(actor, await deps.storage.studies.create(study));
}

export async function editStudy(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  studyId: string,
  body: EditStudyBody,
): Promise<StudyView> {
  assertAllowed(actor.member, "study.manage");
  const current = await loadStudy(deps, boardId, studyId);
  const { etag, ...changes } = body;
  const next: Study = { ...current, ...changes, updatedAt: nowOf(deps), updatedBy: actor.member.id };
  assertStudyPeriod(next.from, next.to);
  if (body.dataManagerIds) assertDataManagers(body.dataManagerIds, await deps.storage.members.listForBoard(boardId));
  const fields = changedFields(current, next, ["name", "ethicsApprovalReference", "from", "to", "dataManagerIds"]);
  if (fields.length === 0) throw new Invalid("Nothing to change.");
  const saved = await deps.storage.studies.update(next, { expectedEtag: etag });
  await recordAdminChange(deps, actor.member, boardId, {
    what: "studyChanged",
    subject: { kind: "study", id: studyId, name: next.name },
    fields,
  });
  return toStudyView(actor, saved);
}

/** A participant and the actor's right to act on their study data: their organisation may see them (NotFound otherwise). */
async function participantForStudy(deps: UseCaseDeps, actor: Actor, boardId: BoardId, participantId: ParticipantId) {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  assertAllowed(actor.member, "study.enrol", { ...ctx.relation, seesParticipant: true });
  return ctx.participant;
}

/** A participant's research consents and enrolments, for someone whose organisation may see them. */
export async function readParticipantStudies(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ParticipantStudies> {
  const { participant } = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const enrolments = await deps.storage.studies.listForParticipant(boardId, participant.id);
  await recordAccess(deps, actor, "viewedDetails", [participant]);
  return { enrolments: enrolments.map(toEnrolmentView) };
}

/** Records (or corrects, under its ETag) the participant's research consent: given on a date, to the actor's organisation. */
export async function recordResearchConsent(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  studyId: string,
  participantId: ParticipantId,
  body: RecordResearchConsentBody,
): Promise<EnrolmentView> {
  const participant = await participantForStudy(deps, actor, boardId, participantId);
  const study = await loadStudy(deps, boardId, studyId);
  if (body.givenOn > todayOf(deps)) throw new Invalid("The research consent cannot be dated in the future.", "givenOn");
  if (body.givenOn > study.to) throw new Invalid("The research consent is dated after the study ends.", "givenOn");
  const current = await deps.storage.studies.getEnrolment(boardId, studyId, participantId);
  if (current && body.etag === undefined)
    throw new Invalid("The research consent is already recorded: send its etag to correct it.", "etag");
  const researchConsent = {
    givenOn: body.givenOn,
    organisationId: actor.member.organisationId,
    recordedBy: actor.member.id,
    recordedAt: nowOf(deps),
  };
  const next: Enrolment = current ? { ...current, researchConsent } : { boardId, studyId, participantId, researchConsent };
  await recordAccess(deps, actor, "consentRecorded", [participant]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "researchConsentRecorded",
    subject: { kind: "participant", id: participantId },
    detail: studyId,
  });
  const saved = await deps.storage.studies.saveEnrolment(next, body.etag === undefined ? {} : { expectedEtag: body.etag });
  return toEnrolmentView(saved);
}

/** Enrols the participant under the study's own id: refused until their research consent is recorded. */
export async function enrolInStudy(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  studyId: string,
  participantId: ParticipantId,
  body: EnrolBody,
): Promise<EnrolmentView> {
  const participant = await participantForStudy(deps, actor, boardId, participantId);
  await loadStudy(deps, boardId, studyId);
  const [current, others, participants] = await Promise.all([
    deps.storage.studies.getEnrolment(boardId, studyId, participantId),
    deps.storage.studies.listEnrolments(boardId, studyId),
    deps.storage.participants.listForBoard(boardId),
  ]);
  if (current && body.etag === undefined) throw new Invalid("Send the research consent's etag with the enrolment.", "etag");
  const next = enrol(
    current,
    body.studyParticipantId,
    new Set(participants.map((p) => p.code.toUpperCase())),
    actor.member.id,
    nowOf(deps),
  );
  if (
    others.some((o) => o.participantId !== participantId && o.studyParticipantId?.toUpperCase() === body.studyParticipantId.toUpperCase())
  )
    throw new Invalid("Another participant of the study has this id.", "studyParticipantId");
  await recordAccess(deps, actor, "changed", [participant]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "participantEnrolled",
    subject: { kind: "participant", id: participantId },
    detail: studyId,
  });
  return toEnrolmentView(await deps.storage.studies.saveEnrolment(next, { expectedEtag: body.etag! }));
}

/** Records the participant's withdrawal: no export carries them from then on. */
export async function withdrawFromStudy(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  studyId: string,
  participantId: ParticipantId,
  body: WithdrawFromStudyBody,
): Promise<EnrolmentView> {
  const participant = await participantForStudy(deps, actor, boardId, participantId);
  const current = await deps.storage.studies.getEnrolment(boardId, studyId, participantId);
  if (!current) throw new NotFound("The participant's research consent");
  const next = withdraw(current, body.withdrawnOn, actor.member.id);
  await recordAccess(deps, actor, "changed", [participant]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "participantWithdrawnFromStudy",
    subject: { kind: "participant", id: participantId },
    detail: studyId,
  });
  return toEnrolmentView(await deps.storage.studies.saveEnrolment(next, { expectedEtag: body.etag }));
}
