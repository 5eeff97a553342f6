import type {
  AbsenceReason,
  AccessChannel,
  AuditOutcome,
  AuditWhat,
  BoardModel,
  BoardReason,
  ConsentBasis,
  CoverState,
  ExternalRole,
  SignalState,
  OrganisationKind,
  PlanStatus,
  Priority,
  RecordedConsentStatus,
  Role,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "@fact-board/contract";

// The things of a FACT team, as docs/domain.md#things-and-their-rules describes them. Calendar dates are "YYYY-MM-DD"
// strings (Swedish local dates), instants are ISO strings. `etag` is the storage version a
// thing was read at; it travels with the thing so every save can be conditional.

export type OrganisationId = string;
/** `${tenantId}.${objectId}`: people from partner tenants are known by ids, never by name or e-mail. */
export type MemberId = string;
export type ParticipantId = string;
export type BoardId = string;
export type CalendarDate = string;
export type Instant = string;

export interface Versioned {
  etag?: string;
}

export interface Board extends Versioned {
  id: BoardId;
  name: string;
  /**
   * The lead organisation (huvudman): the organisation whose FACT team the board is. Its
   * coordinators, case managers and managers steer every entry (authorship.ts, entry.steer). The
   * creator's organisation at creation; absent on boards from before it existed until an admin sets it.
   */
  leadOrganisationId?: OrganisationId;
  /** Partner tenants whose members may sign in. */
  allowedTenantIds: string[];
  createdAt: Instant;
  /** The board's own fidelity targets (fidelity-settings.ts); absent: the FACT defaults. */
  fidelity?: Partial<{ bandLowPercent: number; bandHighPercent: number; longStayDays: number }>;
  /** Set by the board's admins (absent on older boards: the server's defaults apply). */
  settings?: BoardSettings;
}

export interface BoardSettings {
  timeZone: string;
  /** HH:MM local time. */
  morningBriefAt: string;
  /** The Teams channel the morning brief goes to. */
  briefChannelId?: string;
  /** What the bot may post where. */
  botPosts: { morningBriefInChannel: boolean; signalCountsInChannel: boolean };
  /** The board's pseudonymous code scheme, e.g. "HBG-" followed by three digits: a regular expression source. */
  codePattern?: string;
  /** The board's recurring meetings (meeting-schedule.ts); absent or empty: one implicit meeting every working day with everyone. */
  meetings?: RecurringMeeting[];
  /** What the board is (absent: FACT, as every board was before it could say). */
  model?: BoardModel;
  /** "Om tavlan": the team's routine and admission criteria; each change is a version in the admin audit. */
  about?: BoardAbout;
  /** The yearly targets of the follow-up per organisation (domain/follow-up.ts); absent: none set. */
  followUpTargets?: FollowUpTarget[];
}

/** "Målsättningen 30 deltagare per år": participants an organisation aims to have involved in a year. */
export interface FollowUpTarget {
  organisationId: OrganisationId;
  perYear: number;
}

export interface BoardAbout {
  text: string;
  link?: string;
  version: number;
  updatedAt: Instant;
  updatedBy: MemberId;
}

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri";

export interface RecurringMeeting {
  id: string;
  name: string;
  /** Every Swedish working day, or these weekdays (public holidays still excluded). */
  days: "workingDays" | Weekday[];
  /** HH:MM in the board's time zone. */
  time: string;
  /** The partner organisations taking part; empty only for the implicit meeting, which takes everyone. */
  organisationIds: OrganisationId[];
  /** The walkthrough's order: the board's check-in order (absent), or each organisation's participants together. */
  walkthroughOrder?: WalkthroughOrder;
}

export type WalkthroughOrder = "board" | "byOrganisation";

export interface Organisation extends Versioned {
  id: OrganisationId;
  boardId: BoardId;
  name: string;
  kind: OrganisationKind;
  tenantId: string;
  /** Further tenants its people sign in from (besides `tenantId`). */
  additionalTenantIds?: string[];
  /** Days after a participant leaves the team before their details are erased (per organisation: health care and social services keep records under different rules). */
  retentionDays: number;
}

export interface Member extends Versioned {
  id: MemberId;
  boardId: BoardId;
  tenantId: string;
  objectId: string;
  displayName: string;
  organisationId: OrganisationId;
  role: Role;
  /** Ordered substitutes (ersättare), same organisation only. */
  substituteIds: MemberId[];
  /** When the member left the board: they can no longer act, their name stays in history and the access log. */
  leftAt?: Instant;
  /** Since when cards for the member fail to reach them (no personal chat, or Teams refused to the end); cleared when one does. */
  notReachedSince?: Instant;
  /**
   * Further identities the same person signs in with, besides tenantId/objectId (which stay the
   * member id, so ids never change): a guest account in the hosting tenant, or the home tenant
   * they use in a shared channel. Each identity belongs to one member of a board.
   */
  identities?: Identity[];
  /** The days and hours the member works (part-time coordinators); absent: the board's working hours. */
  workingPattern?: WorkingPattern;
  /** Marked by an admin as a meeting leader (Mötesledare): may start and take over the walkthrough, whatever their role. */
  meetingLeader?: boolean;
  /** A work phone number the member added to their own profile (Kontakter's click-to-call). */
  workPhone?: string;
  /**
   * The user principal name the member last signed in with (upn.ts): a Teams chat link names a
   * person by it. Absent until they sign in (and on every record written before it existed).
   */
  upn?: string;
}

/** A member's working week: these weekdays (public holidays still off), between these local times. */
export interface WorkingPattern {
  days: Weekday[];
  /** HH:MM in the board's time zone. */
  opensAt: string;
  closesAt: string;
}

/** One sign-in identity: an Entra tenant and the person's object id in it. */
export interface Identity {
  tenantId: string;
  objectId: string;
}

/** SIP (samordnad individuell plan, the statutory joint plan). */
export interface SipPlan {
  held: PlanStatus;
  heldOn?: CalendarDate;
  nextFollowUpOn?: CalendarDate;
  /** The organisation that convenes it: one involved with the participant. */
  convenedBy?: OrganisationId;
}

/**
 * The participant's plans, part of the base record (authorship "participant.plans": the record's
 * writer sets them, shown under its consent). "notSet" until a person says: never read as "no".
 */
export interface ParticipantPlans {
  crisisPlan: PlanStatus;
  earlySignsPlan: PlanStatus;
  sip: SipPlan;
  updatedAt?: Instant;
  updatedBy?: MemberId;
}

export interface ParticipantGoal {
  text: string;
  /** The organisation that wrote it: the case manager's when it was written; shown by its consent. */
  organisationId: OrganisationId;
  writtenBy: MemberId;
  writtenAt: Instant;
}

export interface Participant extends Versioned {
  id: ParticipantId;
  boardId: BoardId;
  /** Pseudonymous code such as "HBG-017"; never a personal identity number. */
  code: string;
  initials: string;
  caseManagerId: MemberId;
  /** The organisation that wrote the base record. */
  writtenBy: OrganisationId;
  /** Partner organisations involved with the participant. */
  organisationIds: OrganisationId[];
  plans: ParticipantPlans;
  /** The participant's own goal (Deltagarens mål): the case manager's organisation's item (authorship "participant.goal"). */
  goal?: ParticipantGoal;
  onBoard: boolean;
  createdAt: Instant;
  /** Set when the participant leaves the FACT team: starts the retention period. */
  leftTeamOn?: CalendarDate;
  /** Set when details were erased after retention; only the id and counts remain. */
  erasedAt?: Instant;
}

/** Someone outside the board who does an action (the network, issue 26). */
export interface ExternalOwner {
  role: ExternalRole;
  name?: string;
}

export interface BoardAction {
  id: string;
  what: string;
  /** Who does it: a member id of the board; with `external`, the member who wrote it and stays responsible. */
  responsibleId: MemberId;
  /** Done by someone outside the board, named by role. Absent on every action written before the network. */
  external?: ExternalOwner;
  byWhen: CalendarDate;
  done: boolean;
  writtenBy: OrganisationId;
  createdBy: MemberId;
  createdAt: Instant;
}

export interface OrganisationReview {
  organisationId: OrganisationId;
  on: CalendarDate;
  by: MemberId;
}

export interface BoardEntry extends Versioned {
  id: string;
  boardId: BoardId;
  participantId: ParticipantId;
  writtenBy: OrganisationId;
  reason: BoardReason;
  /** Short, labelled free text: the UI and schema keep it brief. */
  reasonNote?: string;
  priority: Priority;
  /**
   * Who wrote the current priority and next evaluation, when it is not the entry's writer: the
   * board's lead organisation, which steers every entry as its own item (authorship "entry.steer").
   * Absent: the entry's writer. Each is shown only under its writer's consent.
   */
  priorityWrittenBy?: OrganisationId;
  /** The day the priority was last changed after the entry was put on (Dagens beslut lists it). */
  prioritySetOn?: CalendarDate;
  putOnOn: CalendarDate;
  putOnBy: MemberId;
  nextEvaluationOn: CalendarDate;
  nextEvaluationWrittenBy?: OrganisationId;
  actions: BoardAction[];
  /**
   * The last review by each organisation that reviewed it, at most one per organisation: that a
   * member of X reviewed the entry is X's fact, shown only to those who may read X.
   */
  reviews: OrganisationReview[];
  updatedAt: Instant;
  updatedBy: MemberId;
}

export interface ClosedBoardEntry extends Omit<BoardEntry, "etag"> {
  takenOffOn: CalendarDate;
  takenOffBy: MemberId;
  /** The organisation that took it off, when not the entry's writer (the lead organisation, or the record's writer on leaving): the outcome is its item. */
  takenOffByOrganisation?: OrganisationId;
  outcome: TakeOffOutcome;
  outcomeNote?: string;
}

export interface Consent extends Versioned {
  boardId: BoardId;
  participantId: ParticipantId;
  disclosingOrganisationId: OrganisationId;
  receivingOrganisationIds: OrganisationId[];
  basis: ConsentBasis;
  /** For a legal basis: the statute reference that lifts secrecy. */
  legalReference?: string;
  status: RecordedConsentStatus;
  givenOn?: CalendarDate;
  validUntil?: CalendarDate;
  withdrawnOn?: CalendarDate;
  recordedBy: MemberId;
  recordedAt: Instant;
}

export interface Signal extends Versioned {
  id: string;
  boardId: BoardId;
  participantId: ParticipantId;
  fromOrganisationId: OrganisationId;
  toOrganisationId: OrganisationId;
  kind: SignalKind;
  urgency: Urgency;
  note?: string;
  proposeBoard: boolean;
  state: SignalState;
  raisedBy: MemberId;
  raisedAt: Instant;
  /** When an answer is due; past it a reminder, then the receiving manager is told. */
  answerBy: Instant;
  remindersSent: number;
  managerNotified: boolean;
  /** Set when its cards reached nobody of the receiving organisation (no personal chat, or Teams' answer unknown); cleared when one of them opens it. */
  notReachedSince?: Instant;
  acknowledgedBy?: MemberId;
  acknowledgedAt?: Instant;
  resolvedBy?: MemberId;
  resolvedAt?: Instant;
  declinedBy?: MemberId;
  declinedAt?: Instant;
  declineReason?: string;
}

export interface Absence extends Versioned {
  id: string;
  boardId: BoardId;
  memberId: MemberId;
  organisationId: OrganisationId;
  from: CalendarDate;
  to: CalendarDate;
  reason: AbsenceReason;
  registeredBy: MemberId;
  registeredAt: Instant;
  cover: Cover;
}

export interface Cover {
  state: CoverState;
  /** Substitutes to ask, in order, fixed when the absence is registered. */
  candidateIds: MemberId[];
  /** Index into candidateIds of the substitute being asked (while requesting). */
  askedIndex: number;
  askedAt?: Instant;
  /** When the current ask times out and the next substitute is asked. */
  answerBy?: Instant;
  declinedBy: MemberId[];
  coveredBy?: MemberId;
  /**
   * Set when the substitute who covers is of another organisation: theirs, and the own-organisation
   * colleague who keeps the participants whose consent does not name it (cover.ts standInFor).
   */
  across?: { organisationId: OrganisationId; othersTo?: MemberId };
  managerAlerted: boolean;
}

export interface CheckIn extends Versioned {
  boardId: BoardId;
  date: CalendarDate;
  /** The recurring meeting held ("all": the implicit daily meeting, and every check-in stored before meetings existed). */
  meetingId: string;
  startedAt: Instant;
  endedAt: Instant;
  durationSeconds: number;
  attendeeIds: MemberId[];
  reviewedParticipantIds: ParticipantId[];
  addedParticipantIds: ParticipantId[];
  removedParticipantIds: ParticipantId[];
  actionsAgreed: number;
  recordedBy: MemberId;
}

export type { AuditWhat };

export interface AuditEvent {
  boardId: BoardId;
  at: Instant;
  actor: { tenantId: string; objectId: string; organisationId: OrganisationId; role: Role };
  what: AuditWhat;
  participantId: ParticipantId;
  /** The pseudonymous code, kept so the log stays readable after the participant's erasure. */
  participantCode: string;
  channel: AccessChannel;
  outcome: AuditOutcome;
  /**
   * Repeated identical views folded into one record (see `foldsInto` in storage/audit-entity.ts):
   * how many views the record stands for (absent: 1) and the time of the last one (absent: `at`,
   * which is always the first).
   */
  count?: number;
  lastAt?: Instant;
}

/** The person behind a request, after the identity seam has done its work. */
export interface Caller {
  tenantId: string;
  objectId: string;
  /**
   * The user principal name the validated token carries (`upn`, else `preferred_username`): what a
   * Teams chat link names. Personal data: kept on the member record for Kontakter, never logged.
   */
  upn?: string;
}

/** A caller looked up as a member of a board. */
export interface Actor {
  member: Member;
  channel: AccessChannel;
}

export const memberIdOf = (tenantId: string, objectId: string): MemberId => `${tenantId}.${objectId}`;

/** The key of a sign-in identity, shaped like a member id: a member's primary identity key is its id. */
export const identityKeyOf = (identity: Identity): string => memberIdOf(identity.tenantId.toLowerCase(), identity.objectId.toLowerCase());
/** A person who opened the app and is not a member asks to join; an admin approves (organisation, role) or declines. */
export interface JoinRequest extends Versioned {
  boardId: BoardId;
  /** `${tenantId}.${objectId}` of the person asking. */
  memberId: MemberId;
  tenantId: string;
  objectId: string;
  displayName: string;
  /** Free text, e.g. "Norrby socialtjänst, handläggare" — checked for personal identity numbers like any text. */
  message?: string;
  /**
   * The organisations the request names: the board's organisations whose tenants include the one
   * the person signed in from, when they asked (membership.ts organisationsNamedBy). Absent on
   * requests stored before requests named them.
   */
  organisationIds?: OrganisationId[];
  requestedAt: Instant;
  state: "pending" | "approved" | "declined";
  decidedBy?: MemberId;
  decidedAt?: Instant;
}

export type AdminAuditWhat =
  | "boardCreated"
  | "boardSettingsChanged"
  | "organisationAdded"
  | "organisationChanged"
  | "memberAdded"
  | "memberChanged"
  | "memberLeft"
  | "joinRequested"
  | "joinApproved"
  | "joinDeclined"
  | "participantRegistered"
  | "participantChanged"
  | "participantsImported"
  /** One participant created by an import (the summary is participantsImported). */
  | "participantImported"
  /** Refused, not done: someone tried to grant, change or remove a role beyond their reach (issue 29). */
  | "roleGrantRefused"
  /** The lead organisation (huvudman) set or changed; `detail` names the organisations. */
  | "leadOrganisationChanged"
  /** A new version of "Om tavlan"; `detail` holds the version, its text and link, so every version stays readable. */
  | "boardAboutChanged"
  /** A research study registered or changed (issue 28); `fields` names what changed. */
  | "studyRegistered"
  | "studyChanged"
  /** A participant's research consent, enrolment or withdrawal (subject: the participant by id; `detail`: the study id). */
  | "researchConsentRecorded"
  | "participantEnrolled"
  | "participantWithdrawnFromStudy"
  /** A study's data exported by a data manager (`detail`: how many participants, a number). */
  | "studyExported"
  /** Refused, not done: someone who is not the study's data manager asked for its export. */
  | "studyExportRefused";

/**
 * The admin audit trail: who changed which member, organisation or setting, and when. Append-only,
 * readable by admins. Participants appear by id only (their access is in the access log).
 */
export interface AdminAuditEvent {
  boardId: BoardId;
  at: Instant;
  actor: { memberId: MemberId; displayName: string; organisationId: OrganisationId; role: Role };
  what: AdminAuditWhat;
  subject: { kind: "board" | "organisation" | "member" | "participant" | "study"; id: string; name?: string };
  /** The fields that changed (names only, never values of participants' records). */
  fields?: string[];
  /** E.g. the number of participants imported, or the reason a signal was closed. */
  detail?: string;
}

/** A research study on the board (issue 28): registered by an admin; its data managers alone export its data. */
export interface Study extends Versioned {
  id: string;
  boardId: BoardId;
  name: string;
  /** The ethics approval reference ("Dnr 2019-01234"). */
  ethicsApprovalReference: string;
  from: CalendarDate;
  to: CalendarDate;
  dataManagerIds: MemberId[];
  createdAt: Instant;
  createdBy: MemberId;
  updatedAt: Instant;
  updatedBy: MemberId;
}

/** A participant's research consent for one study, and their enrolment under it. */
export interface Enrolment extends Versioned {
  boardId: BoardId;
  studyId: string;
  participantId: ParticipantId;
  researchConsent: { givenOn: CalendarDate; organisationId: OrganisationId; recordedBy: MemberId; recordedAt: Instant };
  /** The research team's own id of the participant; set on enrolment, only after the consent. */
  studyParticipantId?: string;
  enrolledAt?: Instant;
  enrolledBy?: MemberId;
  /** Withdrawal from the study: no export includes the participant from then on. */
  withdrawnOn?: CalendarDate;
  withdrawnBy?: MemberId;
}
