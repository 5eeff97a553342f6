import { z } from "zod";
import { ETag, Id, MemberId, ShortText } from "./common";
import { CalendarDate, Instant } from "./vocabulary";

// A research study on the board (issue 28, item 3): registered by an admin, with its ethics
// approval and its data managers; participants enrolled only under a recorded research consent,
// known to the study by the research team's own id. Every text a person types is guarded against
// personal identity numbers (common.ts); an approval reference written the usual way
// ("Dnr 2019-01234") is not one.

/** The research team's own id of a participant ("LU-0042"): never the board's code, never a personal identity number. */
export const StudyParticipantId = ShortText(40).regex(/^[A-Za-z0-9ÅÄÖåäö._-]+$/, "letters, digits, dot, dash, underscore");

const StudyFields = {
  name: ShortText(120),
  /** The ethics approval reference, e.g. "Dnr 2019-01234" (Etikprövningsmyndigheten). */
  ethicsApprovalReference: ShortText(80),
  from: CalendarDate,
  to: CalendarDate,
  dataManagerIds: z.array(MemberId).min(1).max(20),
};

export const RegisterStudyBody = z.strictObject(StudyFields);
export type RegisterStudyBody = z.infer<typeof RegisterStudyBody>;

export const EditStudyBody = z.strictObject({
  etag: ETag,
  name: StudyFields.name.optional(),
  ethicsApprovalReference: StudyFields.ethicsApprovalReference.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  dataManagerIds: StudyFields.dataManagerIds.optional(),
});
export type EditStudyBody = z.infer<typeof EditStudyBody>;

export const StudyView = z.object({
  id: Id,
  name: z.string(),
  ethicsApprovalReference: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  dataManagerIds: z.array(z.string()),
  /** Whether the caller is one of its data managers (may export). */
  isDataManager: z.boolean(),
  etag: z.string(),
});
export type StudyView = z.infer<typeof StudyView>;

export const StudyList = z.object({ studies: z.array(StudyView) });
export type StudyList = z.infer<typeof StudyList>;

/** The participant's research consent: given on a date, recorded by the caller for their own organisation. */
export const RecordResearchConsentBody = z.strictObject({ givenOn: CalendarDate, etag: ETag.optional() });
export type RecordResearchConsentBody = z.infer<typeof RecordResearchConsentBody>;

/** `etag`: the research consent's record as the person saw it (absent: no consent recorded, and enrolment is refused). */
export const EnrolBody = z.strictObject({ studyParticipantId: StudyParticipantId, etag: ETag.optional() });
export type EnrolBody = z.infer<typeof EnrolBody>;

export const WithdrawFromStudyBody = z.strictObject({ withdrawnOn: CalendarDate, etag: ETag });
export type WithdrawFromStudyBody = z.infer<typeof WithdrawFromStudyBody>;

/** One participant in one study, as someone whose organisation may see the participant reads it. */
export const EnrolmentView = z.object({
  studyId: Id,
  researchConsent: z.object({ givenOn: CalendarDate, organisationId: z.string(), recordedBy: z.string(), recordedAt: Instant }),
  studyParticipantId: z.string().optional(),
  enrolledAt: Instant.optional(),
  withdrawnOn: CalendarDate.optional(),
  etag: z.string(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const ParticipantStudies = z.object({ enrolments: z.array(EnrolmentView) });
export type ParticipantStudies = z.infer<typeof ParticipantStudies>;
