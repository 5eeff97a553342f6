import { z } from "zod";
import { Id } from "./common";
import { ContactView } from "./contacts";
import { FidelityIndicators } from "./fidelity";
import { ExternalOwnerView, GoalView, InterventionView } from "./support";
import {
  AbsenceReason,
  BoardReason,
  CalendarDate,
  ConsentBasis,
  ConsentStatus,
  CoverState,
  SignalState,
  Instant,
  OrganisationKind,
  PlanStatus,
  Priority,
  BoardModel,
  Role,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "./vocabulary";

// What the API answers: the views the server shapes (consent-filtered per viewer) and the tab renders.
export const ApiErrorCode = z.enum([
  "BadRequest",
  "Unauthenticated",
  "Forbidden",
  "NotFound",
  "Conflict",
  "InvalidTransition",
  "Invalid",
  "AlreadyExists",
  "TooManyRequests",
  "PayloadTooLarge",
  "Internal",
  /** Storage cannot be reached right now: try again after Retry-After; nothing was half-applied. */
  "StorageUnavailable",
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/**
 * Which domain rule refused, for the tab and cards to word themselves: another organisation's text
 * (authorship), a role beyond the caller's reach, the board's last admin, a case manager whose
 * organisation may not see the participant, a join request naming another organisation, and the
 * cap on pending join requests per tenant.
 */
export const RefusalReason = z.enum([
  "NotYourOrganisationsText",
  "PersonalIdentityNumber",
  "RoleBeyondReach",
  "LastAdmin",
  "CaseManagerMayNotSee",
  "JoinRequestOfAnotherOrganisation",
  "PendingJoinRequestsCapped",
  "ResearchConsentMissing",
  "NotStudyDataManager",
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const ApiError = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    /** Which field was wrong, for a 400. */
    field: z.string().optional(),
    /** For a 409 on a stale version: what is stored now, as the caller may see it. */
    current: z.unknown().optional(),
    /**
     * A refusal by a domain rule the tab words itself (403, 400 or 429): e.g. another organisation's
     * text (authorship), a personal identity number in the free-text field `field`, a role beyond reach.
     */
    reason: RefusalReason.optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const OrganisationView = z.object({ id: Id, name: z.string(), kind: OrganisationKind });
export type OrganisationView = z.infer<typeof OrganisationView>;

export const MemberView = z.object({
  id: z.string(),
  displayName: z.string(),
  organisationId: Id,
  role: Role,
  substituteIds: z.array(z.string()),
  /** Their own working days and hours (absent: the board's working hours). */
  workingPattern: z.object({ days: z.array(z.string()), opensAt: z.string(), closesAt: z.string() }).optional(),
});
export type MemberView = z.infer<typeof MemberView>;

export const ConsentView = z.object({
  participantId: Id,
  disclosingOrganisationId: Id,
  receivingOrganisationIds: z.array(Id),
  basis: ConsentBasis,
  legalReference: z.string().optional(),
  /** As of today: "expired" and "notAsked" are derived at read time. */
  status: ConsentStatus,
  givenOn: CalendarDate.optional(),
  validUntil: CalendarDate.optional(),
  withdrawnOn: CalendarDate.optional(),
  daysUntilExpiry: z.number().optional(),
  recordedAt: Instant.optional(),
  etag: z.string().optional(),
  /** What this viewer may do with it (the server's permission matrix, authorship and relation); absent: nothing. */
  may: z.object({ record: z.boolean() }).optional(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const ActionView = z.object({
  id: Id,
  what: z.string(),
  responsibleId: z.string(),
  byWhen: CalendarDate,
  done: z.boolean(),
  writtenBy: Id,
  /** Only the organisation that wrote an action marks it done (authorship); the role is in viewer.permissions. */
  mayMarkDone: z.boolean(),
  /** Done by someone outside the board; then `responsibleId` is the member who wrote it and stays responsible ("via"). */
  external: ExternalOwnerView.optional(),
});
export type ActionView = z.infer<typeof ActionView>;

/** SIP (samordnad individuell plan): held or not, when, the next follow-up and which organisation convenes it. */
export const SipView = z.object({
  held: PlanStatus,
  heldOn: CalendarDate.optional(),
  nextFollowUpOn: CalendarDate.optional(),
  convenedBy: Id.optional(),
  /** The next follow-up date has passed (by the server's today): shown on the board and the stage. */
  followUpOverdue: z.boolean(),
});
export type SipView = z.infer<typeof SipView>;

/**
 * The participant's plans, part of the base record: written by the organisation that wrote the
 * record and shown under its consent, like the record. "notSet" reads "Ej angivet", never "no".
 */
export const PlansView = z.object({
  crisisPlan: PlanStatus,
  earlySignsPlan: PlanStatus,
  sip: SipView,
  updatedAt: Instant.optional(),
  /** Whether this viewer may set them (the server's permission matrix and authorship); absent: no. */
  may: z.object({ set: z.boolean() }).optional(),
});
export type PlansView = z.infer<typeof PlansView>;

export const ParticipantView = z.object({
  id: Id,
  code: z.string(),
  initials: z.string(),
  caseManagerId: z.string(),
  /** The substitute covering for an absent case manager today. */
  caseManagerStandInId: z.string().optional(),
  caseManagerAbsent: z.boolean(),
  /** Participant lists only: whether this viewer may edit the record or change the case manager (the server decides; Inställningar offers it). */
  mayEditRecord: z.boolean().optional(),
  writtenBy: Id,
  organisationIds: z.array(Id),
  plans: PlansView,
  onBoard: z.boolean(),
  /** One per involved organisation other than the viewer's own view of itself. */
  consents: z.array(ConsentView),
  consentProblem: z.boolean(),
  /** The participant's own goal, when its writer's consent lets the viewer read it. */
  goal: GoalView.optional(),
  etag: z.string().optional(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const EntryView = z.object({
  id: Id,
  participantId: Id,
  writtenBy: Id,
  reason: BoardReason,
  reasonNote: z.string().optional(),
  /**
   * Priority and next evaluation are each their writer's item: the organisation that put the entry
   * on, or the board's lead organisation (huvudman) that changed it since. Absent when this viewer
   * may not read that organisation's items; `…WrittenBy` is set when the writer is not the entry's.
   */
  priority: Priority.optional(),
  priorityWrittenBy: Id.optional(),
  putOnOn: CalendarDate,
  daysOnBoard: z.number().int(),
  nextEvaluationOn: CalendarDate.optional(),
  nextEvaluationWrittenBy: Id.optional(),
  evaluationDue: z.boolean(),
  /** Whether the viewer's organisation owns the shared fields (put it on the board): only it edits them or takes it off. The role is in viewer.permissions. */
  mayEdit: z.boolean(),
  /** Only actions written by organisations the viewer may read. */
  actions: z.array(ActionView),
  /** The latest review by an organisation the viewer may read (each organisation's review is its own). */
  lastReviewedOn: CalendarDate.optional(),
  lastReviewedBy: z.string().optional(),
  updatedAt: Instant,
  etag: z.string(),
});
export type EntryView = z.infer<typeof EntryView>;

export const SignalView = z.object({
  id: Id,
  participantId: Id,
  fromOrganisationId: Id,
  toOrganisationId: Id,
  kind: SignalKind,
  urgency: Urgency,
  note: z.string().optional(),
  proposeBoard: z.boolean(),
  state: SignalState,
  raisedBy: z.string(),
  raisedAt: Instant,
  answerBy: Instant,
  overdue: z.boolean(),
  declineReason: z.string().optional(),
  /** The receiving organisation's answer is not shown: the viewer may read the sender but not the receiver. State then reads "open". */
  answerHidden: z.boolean().optional(),
  /** Nobody of the receiving organisation has been reached yet (no card arrived, nobody opened it in Att göra). */
  notReached: z.boolean().optional(),
  etag: z.string().optional(),
  /** The answers this viewer may give now (the receiving organisation's, by the state machine); absent: none. */
  may: z.object({ acknowledge: z.boolean(), resolve: z.boolean(), decline: z.boolean() }).optional(),
});
export type SignalView = z.infer<typeof SignalView>;

export const AbsenceView = z.object({
  id: Id,
  memberId: z.string(),
  organisationId: Id,
  from: CalendarDate,
  to: CalendarDate,
  reason: AbsenceReason,
  coverState: CoverState,
  coveredBy: z.string().optional(),
  askedSubstituteId: z.string().optional(),
  /**
   * A cover by a substitute of another organisation (issue 27): how many of the absent member's
   * participants the substitute covers today (their consent names the substitute's organisation)
   * and how many stay in the own organisation, with `othersTo` (absent: nobody, the absent member stays named).
   */
  split: z.object({ toSubstitute: z.number().int(), toOwnOrganisation: z.number().int(), othersTo: z.string().optional() }).optional(),
  etag: z.string().optional(),
});
export type AbsenceView = z.infer<typeof AbsenceView>;

/**
 * What this viewer may do about one row, decided by the server (role, case manager or cover today,
 * authorship); the tab shows the buttons it is told and never works this out itself.
 */
export const RowRights = z.object({
  /** Change the shared fields (reason, reason note, priority, next evaluation): only the organisation that put it on the board. */
  editEntry: z.boolean(),
  /** Change priority and next evaluation: the organisation that put it on, or the board's lead organisation (huvudman) as its own item. */
  steer: z.boolean(),
  /** Add to the action plan. */
  planActions: z.boolean(),
  review: z.boolean(),
  takeOff: z.boolean(),
  /** Raise a signal to another organisation involved with the participant. */
  raiseSignal: z.boolean(),
  /** Write (or edit today's) the own organisation's since-yesterday note. */
  writeSinceLast: z.boolean(),
  /** Add, edit and end the own organisation's ongoing interventions (Pågående insatser). Absent: no. */
  keepInterventions: z.boolean().optional(),
  /** Write the participant's own goal: the case manager's organisation only. Absent: no. */
  setGoal: z.boolean().optional(),
});
export type RowRights = z.infer<typeof RowRights>;

/** A since-yesterday note (Sedan sist): the writing organisation's own item, shown by its consent. */
export const SinceLastNoteView = z.object({
  participantId: Id,
  entryId: Id,
  /** The meeting day it was written for. */
  on: CalendarDate,
  organisationId: Id,
  text: z.string(),
  writtenBy: z.string(),
  writtenAt: Instant,
  /** Only on the viewer's own organisation's notes: what a same-day edit sends back. */
  etag: z.string().optional(),
});
export type SinceLastNoteView = z.infer<typeof SinceLastNoteView>;

/** A raise for today (Ta upp idag): its reason is the raising organisation's own item, shown only under that organisation's consent. */
export const RaisedView = z.object({
  participantId: Id,
  on: CalendarDate,
  organisationId: Id,
  reason: z.string(),
  raisedBy: z.string(),
  raisedAt: Instant,
});
export type RaisedView = z.infer<typeof RaisedView>;

export const BoardRow = z.object({
  participant: ParticipantView,
  entry: EntryView,
  may: RowRights,
  /** Since the last meeting, newest first, only those the viewer's organisation may read. */
  sinceLast: z.array(SinceLastNoteView),
  /** The ongoing interventions the viewer's organisation may read, by organisation. Absent: none. */
  interventions: z.array(InterventionView).optional(),
});
export type BoardRow = z.infer<typeof BoardRow>;

export const Viewer = z.object({
  memberId: z.string(),
  displayName: z.string(),
  organisationId: Id,
  role: Role,
  /** Permissions the viewer's role grants on this board (relations may narrow them per participant). */
  permissions: z.array(z.string()),
});
export type Viewer = z.infer<typeof Viewer>;

/** The board's own "Om tavlan": the team's routine and admission criteria, short text and a link, versioned in the admin audit. */
export const BoardAbout = z.object({ text: z.string(), link: z.string().optional(), version: z.number().int(), updatedAt: Instant });
export type BoardAbout = z.infer<typeof BoardAbout>;

/** The first day's checklist ("Kom igång"), worked out by the server from what the board holds. */
export const GettingStarted = z.object({
  /** A partner organisation besides the creator's. */
  organisations: z.boolean(),
  /** A member besides the first admin. */
  members: z.boolean(),
  participants: z.boolean(),
  /** Recurring meetings set under Inställningar → Möten. */
  meetings: z.boolean(),
  /** At least one consent recorded. */
  consents: z.boolean(),
});
export type GettingStarted = z.infer<typeof GettingStarted>;

export const BoardHeader = z.object({
  id: Id,
  name: z.string(),
  /** Registered participants who have not left the team, counted by the server. */
  caseload: z.number().int(),
  model: BoardModel,
  /** The lead organisation (huvudman): its coordinators, case managers and managers steer every entry. Absent on a board from before it was set. */
  leadOrganisationId: Id.optional(),
  about: BoardAbout.optional(),
});
export type BoardHeader = z.infer<typeof BoardHeader>;

export const BoardView = z.object({
  board: BoardHeader,
  gettingStarted: GettingStarted,
  today: CalendarDate,
  /** Bumped on every change; the live channel announces new versions. */
  version: z.number().int(),
  viewer: Viewer,
  organisations: z.array(OrganisationView),
  members: z.array(MemberView),
  /** Entries the viewer may see, in check-in order (priority, then days on the board). */
  rows: z.array(BoardRow),
  /** Entries on the board whose participant the viewer's organisation may not see (no valid consent): counted, never shown. */
  hiddenCount: z.number().int(),
  signals: z.array(SignalView),
  absences: z.array(AbsenceView),
});
export type BoardView = z.infer<typeof BoardView>;

export const BoardSummary = z.object({ id: Id, name: z.string(), memberId: z.string(), role: Role, organisationId: Id });
export const MeResponse = z.object({
  tenantId: z.string(),
  objectId: z.string(),
  boards: z.array(BoardSummary),
  /** Why a person has no board yet: they may create one (a hosting tenant), and whether their tenant belongs to a board's organisation (then they ask to join through the board's link). */
  mayCreateBoard: z.boolean().optional(),
  tenantOnABoard: z.boolean().optional(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ParticipantList = z.object({
  participants: z.array(ParticipantView),
  hiddenCount: z.number().int(),
  cursor: z.string().optional(),
});
export type ParticipantList = z.infer<typeof ParticipantList>;

export const ClosedEntryView = EntryView.omit({ etag: true, daysOnBoard: true, evaluationDue: true, mayEdit: true }).extend({
  takenOffOn: CalendarDate,
  /** Who took it off: absent, like the outcome, when this viewer may not read the taking-off organisation. */
  takenOffBy: z.string().optional(),
  /** The organisation that took it off, when not the one that put it on (the lead organisation). */
  takenOffByOrganisation: Id.optional(),
  /** The outcome and its note are the taking-off organisation's: absent when this viewer may not read it. */
  outcome: TakeOffOutcome.optional(),
  outcomeNote: z.string().optional(),
});
export type ClosedEntryView = z.infer<typeof ClosedEntryView>;

export const ParticipantHistory = z.object({
  participant: ParticipantView,
  current: EntryView.optional(),
  closed: z.array(ClosedEntryView),
  signals: z.array(SignalView),
  /** Every since-yesterday note the viewer may read, newest first (the drawer's history). */
  sinceLast: z.array(SinceLastNoteView),
  /** Every intervention the viewer may read, ongoing and ended (the drawer's history). Absent: none. */
  interventions: z.array(InterventionView).optional(),
});
export type ParticipantHistory = z.infer<typeof ParticipantHistory>;

export const CheckInView = z.object({
  date: CalendarDate,
  /** The recurring meeting it was held as ("all": the implicit daily meeting, and every check-in recorded before meetings existed). */
  meetingId: z.string(),
  meetingName: z.string().optional(),
  startedAt: Instant,
  endedAt: Instant,
  durationSeconds: z.number().int(),
  attendeeIds: z.array(z.string()),
  reviewedParticipantIds: z.array(Id),
  addedParticipantIds: z.array(Id),
  removedParticipantIds: z.array(Id),
  /**
   * How many ids of each list are not shown: participants the viewer's organisation may not see
   * (recorded by another organisation). Their ids never leave the server; a save keeps them.
   */
  hiddenCount: z.object({ reviewed: z.number().int(), added: z.number().int(), removed: z.number().int() }),
  actionsAgreed: z.number().int(),
  etag: z.string().optional(),
});
export type CheckInView = z.infer<typeof CheckInView>;

export const Overview = z.object({
  today: CalendarDate,
  model: BoardModel,
  onBoard: z.number().int(),
  /** Registered participants who have not left, counted by the server (no typed figure). */
  caseload: z.number().int(),
  /** Per organisation: the participants it is involved with who have not left. */
  caseloadByOrganisation: z.array(z.object({ organisationId: Id, caseload: z.number().int() })),
  averageDaysOnBoard: z.number(),
  consentsMissing: z.number().int(),
  consentsExpiringSoon: z.number().int(),
  signalsOverdue: z.number().int(),
  signalsOpen: z.number().int(),
  absencesWithoutCover: z.number().int(),
  /**
   * Working days of the last four weeks against the board's schedule: how many meetings were
   * scheduled (0: not expected), how many of those were held, and whether every held one covered
   * all its entries. `reviewed` is true when every scheduled meeting that day was held.
   */
  reviewedDays: z.array(
    z.object({
      date: CalendarDate,
      scheduled: z.number().int(),
      held: z.number().int(),
      reviewed: z.boolean(),
      allEntriesReviewed: z.boolean(),
    }),
  ),
  boardSizeOverTime: z.array(z.object({ date: CalendarDate, onBoard: z.number().int() })),
  daysOnBoard: z.array(z.object({ participantId: Id, code: z.string(), days: z.number().int() })),
  /** Month by month, counting only what the viewer's organisation may see. FACT boards only: other models get the plain counts. */
  fidelity: FidelityIndicators.optional(),
  /** Members of the viewer's organisation whom the bot's cards do not reach (no chat with the bot, or Teams refused to the end). */
  notReached: z.array(z.object({ memberId: Id, displayName: z.string(), since: Instant })),
});
export type Overview = z.infer<typeof Overview>;

export const AuditRecordView = z.object({
  /** The first (or only) time. */
  at: Instant,
  /** Identical views by one person in one 15-minute window are one record: the last time and how many. */
  lastAt: Instant,
  count: z.number().int().positive(),
  tenantId: z.string(),
  objectId: z.string(),
  organisationId: z.string(),
  role: Role,
  what: z.string(),
  participantCode: z.string(),
  channel: z.string(),
  outcome: z.string(),
});
export const AuditPage = z.object({ records: z.array(AuditRecordView), cursor: z.string().optional() });
export type AuditPage = z.infer<typeof AuditPage>;

/** The development sign-in (local only): the people one may sign in as, and the token it gives. */
export const DevPerson = z.object({
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
  role: Role,
});
export type DevPerson = z.infer<typeof DevPerson>;
export const DevPeopleResponse = z.object({ people: z.array(DevPerson) });
export type DevPeopleResponse = z.infer<typeof DevPeopleResponse>;
export const DevSignInResponse = z.object({ token: z.string(), expiresAt: Instant });

/**
 * GET /api/sign-in/config (no token needed): how the tab signs people in outside Teams.
 * `microsoft` is the Microsoft sign-in (MSAL: authorization code + PKCE) wherever the server knows
 * its Entra app; `devSignIn` only where the development sign-in runs.
 */
export const SignInConfig = z.object({
  devSignIn: z.boolean(),
  microsoft: z
    .object({
      clientId: z.string(),
      authority: z.string(),
      /** The API's delegated scope, `<application ID URI>/access_as_user`. */
      scopes: z.array(z.string()),
      knownAuthorities: z.array(z.string()),
      /** "AAD" for Entra; "OIDC" only for the tests' stand-in provider. */
      protocolMode: z.enum(["AAD", "OIDC"]),
    })
    .optional(),
});
export type SignInConfig = z.infer<typeof SignInConfig>;
export type DevSignInResponse = z.infer<typeof DevSignInResponse>;

export const WalkthroughAttendeeView = z.object({ memberId: z.string(), displayName: z.string(), organisationId: z.string() });
export type WalkthroughAttendeeView = z.infer<typeof WalkthroughAttendeeView>;

/**
 * Today's shared walkthrough as this viewer may see it. The stored walkthrough holds only ids; the
 * current participant's details come with it only when the viewer's organisation may see them
 * (and are access-logged), otherwise `current.shown` is "hidden" and nothing names them.
 */
export const WalkthroughView = z.object({
  date: CalendarDate,
  meetingId: z.string(),
  meetingName: z.string().optional(),
  presenter: WalkthroughAttendeeView,
  isPresenter: z.boolean(),
  /** False once the presenter's stage stopped its heartbeat (closed, or lost its connection): attendees may take over. */
  presenterPresent: z.boolean(),
  /** The walkthrough's own version (moves do not change the board's). */
  version: z.number().int().nonnegative(),
  startedAt: Instant,
  endedAt: Instant.optional(),
  total: z.number().int(),
  current: z
    .object({
      /** 0-based index in the walkthrough order (shown as index + 1). */
      index: z.number().int(),
      since: Instant,
      shown: z.enum(["details", "hidden", "offBoard", "raised"]),
      participantId: Id.optional(),
      row: BoardRow.optional(),
      /** With the details: the participant's contacts (Kontakter) the viewer's organisation may read, so the stage reads them with the move. */
      contacts: z.array(ContactView).optional(),
      /** A participant raised for today (not on the board): who they are and the reasons the viewer may read. */
      raised: z
        .object({ participant: z.object({ id: Id, code: z.string(), initials: z.string() }), reasons: z.array(RaisedView) })
        .optional(),
    })
    .optional(),
  /**
   * The section headings of the order: each organisation's participants together (a meeting
   * ordered by organisation) and those raised for today ("Upptagna idag"), by the index they start at.
   */
  sections: z
    .array(z.object({ from: z.number().int(), kind: z.enum(["organisation", "raised"]), organisationId: Id.optional() }))
    .optional(),
  /** Positions of the participants this viewer may see, for the list and the side panel. */
  visible: z.array(z.object({ index: z.number().int(), participantId: Id, reviewed: z.boolean(), secondsSpent: z.number().int() })),
  counts: z.object({
    reviewed: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
    actionsAgreed: z.number().int(),
    notReached: z.number().int(),
  }),
  attendees: z.array(WalkthroughAttendeeView),
});
export type WalkthroughView = z.infer<typeof WalkthroughView>;
export const WalkthroughResponse = z.object({ walkthrough: WalkthroughView.optional() });
export type WalkthroughResponse = z.infer<typeof WalkthroughResponse>;

/**
 * Att göra: one thing waiting for the viewer or their organisation, with what the card about it
 * carries (the same buttons). Participants appear by code only, as everywhere in the tab.
 */
export const InboxItem = z.discriminatedUnion("kind", [
  /** A signal to the viewer's organisation that the viewer may answer. */
  z.object({ kind: z.literal("signal"), participantCode: z.string(), signal: SignalView }),
  /** A colleague's absence on which the viewer is the substitute asked now. */
  z.object({ kind: z.literal("cover"), absence: AbsenceView }),
  /** A consent the viewer's organisation discloses that is missing, ended or ending within 30 days, and the viewer is who records it. */
  z.object({ kind: z.literal("consent"), participantCode: z.string(), participant: ParticipantView, consent: ConsentView }),
  /** An action on the board the viewer is responsible for, due today or earlier. */
  z.object({
    kind: z.literal("action"),
    participantId: Id,
    participantCode: z.string(),
    entryEtag: z.string(),
    action: ActionView,
  }),
]);
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxView = z.object({
  count: z.number().int().nonnegative(),
  items: z.array(InboxItem),
});
export type InboxView = z.infer<typeof InboxView>;
