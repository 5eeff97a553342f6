import { z } from "zod";
import { Id, ETag, FreeText, MemberId, ShortText, ParticipantCode, Initials, TeamsConversationId } from "./common";
import {
  AbsenceReason,
  BoardReason,
  CalendarDate,
  ConsentBasis,
  ExternalRole,
  InterventionKind,
  PlanStatus,
  Priority,
  RecordedConsentStatus,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "./vocabulary";

// What the API accepts. Request schemas are strict: unknown fields are rejected, so no one can set
// a field their role may not set (no mass assignment). Free text is short and labelled in the UI,
// so people write no more than the board needs, and is always ShortText or FreeText (common.ts):
// never a personal identity number. Ids are Id or MemberId, never free text.
/**
 * A participant's plans as a person sets them; a field left out stays as it is. "notSet" says
 * nobody knows (shown "Ej angivet"). SIP dates belong to a SIP that was held.
 */
export const PlansBody = z.strictObject({
  crisisPlan: PlanStatus.optional(),
  earlySignsPlan: PlanStatus.optional(),
  sip: z
    .strictObject({
      held: PlanStatus,
      heldOn: CalendarDate.optional(),
      nextFollowUpOn: CalendarDate.optional(),
      /** The organisation that convenes the SIP: one involved with the participant. */
      convenedBy: Id.optional(),
    })
    .optional(),
});
export type PlansBody = z.infer<typeof PlansBody>;

export const SetPlansBody = PlansBody.extend({ etag: ETag }).refine((b) => Object.keys(b).length > 1, "set at least one plan");
export type SetPlansBody = z.infer<typeof SetPlansBody>;

export const CreateParticipantBody = z.strictObject({
  code: ParticipantCode,
  initials: Initials,
  caseManagerId: MemberId,
  organisationIds: z.array(Id).min(1).max(10),
  plans: PlansBody.optional(),
});
export type CreateParticipantBody = z.infer<typeof CreateParticipantBody>;

export const PutOnBoardBody = z.strictObject({
  participantId: Id,
  reason: BoardReason,
  reasonNote: ShortText(200).optional(),
  priority: Priority,
  nextEvaluationOn: CalendarDate,
});
export type PutOnBoardBody = z.infer<typeof PutOnBoardBody>;

export const EditEntryBody = z
  .strictObject({
    etag: ETag,
    reason: BoardReason.optional(),
    reasonNote: ShortText(200).nullable().optional(),
    priority: Priority.optional(),
    nextEvaluationOn: CalendarDate.optional(),
  })
  .refine((b) => Object.keys(b).length > 1, "change at least one field");
export type EditEntryBody = z.infer<typeof EditEntryBody>;

/** Someone outside the board who does an action (the network): a role and, if wanted, a short name. */
export const ExternalOwnerBody = z.strictObject({ role: ExternalRole, name: ShortText(60).optional() });
export type ExternalOwnerBody = z.infer<typeof ExternalOwnerBody>;

export const AddActionBody = z
  .strictObject({
    etag: ETag,
    /** Chosen by the client so that a retried request adds the action once. */
    id: Id.optional(),
    what: ShortText(200),
    /** A member of the board who does it; or, instead, `external`. */
    responsibleId: MemberId.optional(),
    /** Done by someone outside the board (AMF-guide, god man…): the member who writes it stays responsible ("via"). */
    external: ExternalOwnerBody.optional(),
    byWhen: CalendarDate,
  })
  .refine((b) => (b.responsibleId === undefined) !== (b.external === undefined), {
    message: "name either a responsible member or an external owner",
    path: ["responsibleId"],
  });
export type AddActionBody = z.infer<typeof AddActionBody>;

/** Today's since-yesterday note: without `etag` a first write, with it an edit of the note the person saw. */
/** Ta upp idag: raise a participant not on the board for today's meeting, with the own organisation's short reason. */
export const RaiseTodayBody = z.strictObject({ reason: ShortText(200) });
export type RaiseTodayBody = z.infer<typeof RaiseTodayBody>;

export const WriteSinceLastBody = z.strictObject({ text: ShortText(300), etag: ETag.optional() });
export type WriteSinceLastBody = z.infer<typeof WriteSinceLastBody>;

/** Ongoing support (Pågående insatser): the own organisation's new intervention. */
export const AddInterventionBody = z.strictObject({
  /** Chosen by the client so that a retried request adds it once. */
  id: Id.optional(),
  kind: InterventionKind,
  label: ShortText(60).optional(),
  startedOn: CalendarDate.optional(),
});
export type AddInterventionBody = z.infer<typeof AddInterventionBody>;

/** A change to the own organisation's ongoing intervention; null clears the label or start date. */
export const EditInterventionBody = z
  .strictObject({
    etag: ETag,
    kind: InterventionKind.optional(),
    label: ShortText(60).nullable().optional(),
    startedOn: CalendarDate.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 1, "change at least one field");
export type EditInterventionBody = z.infer<typeof EditInterventionBody>;

/** Ending an intervention moves it to the history; without `endedOn`, today. */
export const EndInterventionBody = z.strictObject({ etag: ETag, endedOn: CalendarDate.optional() });
export type EndInterventionBody = z.infer<typeof EndInterventionBody>;

/** The participant's own goal (Deltagarens mål), in the participant's words; empty clears it. Under the participant's ETag. */
export const SetGoalBody = z.strictObject({ etag: ETag, text: FreeText(200) });
export type SetGoalBody = z.infer<typeof SetGoalBody>;

export const SetActionDoneBody = z.strictObject({ etag: ETag, done: z.boolean() });
export type SetActionDoneBody = z.infer<typeof SetActionDoneBody>;

export const ReviewBody = z.strictObject({ etag: ETag });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const TakeOffBody = z.strictObject({ etag: ETag, outcome: TakeOffOutcome, note: ShortText(200).optional() });
export type TakeOffBody = z.infer<typeof TakeOffBody>;

export const RecordConsentBody = z.strictObject({
  /** Absent for a first record; the consent's etag when changing an existing one. */
  etag: ETag.optional(),
  status: RecordedConsentStatus,
  basis: ConsentBasis.default("consent"),
  legalReference: ShortText(120).optional(),
  receivingOrganisationIds: z.array(Id).max(10),
  givenOn: CalendarDate.optional(),
  validUntil: CalendarDate.optional(),
  withdrawnOn: CalendarDate.optional(),
});
export type RecordConsentBody = z.input<typeof RecordConsentBody>;

export const RaiseSignalBody = z.strictObject({
  participantId: Id,
  toOrganisationId: Id,
  kind: SignalKind,
  urgency: Urgency,
  note: ShortText(300).optional(),
  proposeBoard: z.boolean().default(false),
});
export type RaiseSignalBody = z.input<typeof RaiseSignalBody>;

export const AnswerSignalBody = z.discriminatedUnion("answer", [
  z.strictObject({ answer: z.literal("acknowledge"), etag: ETag }),
  z.strictObject({ answer: z.literal("resolve"), etag: ETag }),
  z.strictObject({ answer: z.literal("decline"), etag: ETag, reason: ShortText(200) }),
]);
export type AnswerSignalBody = z.infer<typeof AnswerSignalBody>;

export const RegisterAbsenceBody = z.strictObject({
  /** Omitted: the caller's own absence. */
  memberId: MemberId.optional(),
  from: CalendarDate,
  to: CalendarDate,
  reason: AbsenceReason,
});
export type RegisterAbsenceBody = z.infer<typeof RegisterAbsenceBody>;

export const AnswerCoverBody = z.strictObject({ etag: ETag, answer: z.enum(["accept", "decline"]) });
export type AnswerCoverBody = z.infer<typeof AnswerCoverBody>;

export const CancelAbsenceBody = z.strictObject({ etag: ETag });
export type CancelAbsenceBody = z.infer<typeof CancelAbsenceBody>;

/** Leaving the team takes no input: the date is today, the retention period the writing organisation's. */
export const LeaveTeamBody = z.strictObject({});

/** The development sign-in (local only): who to sign in as, by the same ids Entra gives. */
export const DevSignInBody = z.strictObject({ tenantId: z.guid(), objectId: z.guid() });
export type DevSignInBody = z.infer<typeof DevSignInBody>;

/**
 * What a presenter does to the walkthrough: move on, take over, end. What happened on the board
 * during it (reviewed, put on, taken off, actions agreed) is counted by the server from the changes
 * themselves, so a report of it is refused, saying so.
 */
export const WalkthroughEventBody = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("moveTo"), index: z.number().int().min(0).max(1000) }),
    z.strictObject({ type: z.literal("takeOver") }),
    z.strictObject({ type: z.literal("end") }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? "one of moveTo, takeOver, end (what a presenter does). Reviewed, put on, taken off and actions agreed are counted by the server from the changes themselves, never reported."
        : undefined,
  },
);
export type WalkthroughEventBody = z.infer<typeof WalkthroughEventBody>;
/**
 * Starting or joining today's walkthrough: the server knows the day and the caller. A tab in a Teams
 * meeting names the meeting's chat, so the summary (counts only) is posted there when it ends.
 */
export const JoinWalkthroughBody = z.strictObject({
  teamsChatId: TeamsConversationId.optional(),
});
export type JoinWalkthroughBody = z.infer<typeof JoinWalkthroughBody>;
/** The presenting stage's heartbeat: the server knows who beats and when; nothing to send. */
export const PresenterHeartbeatBody = z.strictObject({});
export type PresenterHeartbeatBody = z.infer<typeof PresenterHeartbeatBody>;
/** Which of the board's recurring meetings a walkthrough or check-in belongs to; absent: the implicit daily meeting "all". */
export const MeetingQuery = z.strictObject({
  meeting: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
});
export type MeetingQuery = z.infer<typeof MeetingQuery>;
