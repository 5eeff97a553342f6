import { z } from "zod";
import type { BoardId, Enrolment, ParticipantId, Study } from "../domain/types";
import {
  type Mapping,
  boardPartition,
  entity,
  jsonColumn,
  keyPart,
  parseStored,
  storedDate,
  storedInstant,
  toJson,
} from "./entity-support";

// Studies: PartitionKey boardId; RowKey `study_${studyId}` for a study, and
// `enrolment_${studyId}_${participantId}` for a participant's research consent and enrolment in it.
// A board has a few studies and at most a few hundred enrolments: one partition, RowKey ranges.

export const studyKeys = (boardId: BoardId, studyId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `study_${keyPart(studyId, "Study id", { composite: true })}`,
});
export const enrolmentPrefix = (studyId: string): string => `enrolment_${keyPart(studyId, "Study id", { composite: true })}_`;
export const enrolmentKeys = (boardId: BoardId, studyId: string, participantId: ParticipantId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${enrolmentPrefix(studyId)}${keyPart(participantId, "Participant id")}`,
});

const StudyEntity = z.object({
  etag: z.string(),
  id: z.string(),
  boardId: z.string(),
  name: z.string(),
  ethicsApprovalReference: z.string(),
  from: storedDate,
  to: storedDate,
  dataManagerIds: jsonColumn(z.array(z.string())),
  createdAt: storedInstant,
  createdBy: z.string(),
  updatedAt: storedInstant,
  updatedBy: z.string(),
});

export const studyMapping: Mapping<Study> = {
  table: "Studies",
  what: "Study",
  toEntity: (s) =>
    entity(studyKeys(s.boardId, s.id), {
      id: s.id,
      boardId: s.boardId,
      name: s.name,
      ethicsApprovalReference: s.ethicsApprovalReference,
      from: s.from,
      to: s.to,
      dataManagerIds: toJson(s.dataManagerIds, "Data managers"),
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      updatedAt: s.updatedAt,
      updatedBy: s.updatedBy,
    }),
  fromEntity: (raw) => parseStored(StudyEntity, "Studies", raw),
};

const EnrolmentEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  studyId: z.string(),
  participantId: z.string(),
  consentGivenOn: storedDate,
  consentOrganisationId: z.string(),
  consentRecordedBy: z.string(),
  consentRecordedAt: storedInstant,
  studyParticipantId: z.string().optional(),
  enrolledAt: storedInstant.optional(),
  enrolledBy: z.string().optional(),
  withdrawnOn: storedDate.optional(),
  withdrawnBy: z.string().optional(),
});

export const enrolmentMapping: Mapping<Enrolment> = {
  table: "Studies",
  what: "Enrolment",
  toEntity: (e) =>
    entity(enrolmentKeys(e.boardId, e.studyId, e.participantId), {
      boardId: e.boardId,
      studyId: e.studyId,
      participantId: e.participantId,
      consentGivenOn: e.researchConsent.givenOn,
      consentOrganisationId: e.researchConsent.organisationId,
      consentRecordedBy: e.researchConsent.recordedBy,
      consentRecordedAt: e.researchConsent.recordedAt,
      studyParticipantId: e.studyParticipantId,
      enrolledAt: e.enrolledAt,
      enrolledBy: e.enrolledBy,
      withdrawnOn: e.withdrawnOn,
      withdrawnBy: e.withdrawnBy,
    }),
  fromEntity: (raw) => {
    const e = parseStored(EnrolmentEntity, "Studies", raw);
    return {
      boardId: e.boardId,
      studyId: e.studyId,
      participantId: e.participantId,
      researchConsent: {
        givenOn: e.consentGivenOn,
        organisationId: e.consentOrganisationId,
        recordedBy: e.consentRecordedBy,
        recordedAt: e.consentRecordedAt,
      },
      ...(e.studyParticipantId !== undefined ? { studyParticipantId: e.studyParticipantId } : {}),
      ...(e.enrolledAt !== undefined ? { enrolledAt: e.enrolledAt } : {}),
      ...(e.enrolledBy !== undefined ? { enrolledBy: e.enrolledBy } : {}),
      ...(e.withdrawnOn !== undefined ? { withdrawnOn: e.withdrawnOn } : {}),
      ...(e.withdrawnBy !== undefined ? { withdrawnBy: e.withdrawnBy } : {}),
      etag: e.etag,
    };
  },
};
