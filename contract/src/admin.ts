import { z } from "zod";
import { ETag, FreeText, Id, Initials, MemberId, ParticipantCode, ShortText, TeamsConversationId, withoutIdentityNumbers } from "./common";
import { PlansBody } from "./requests";
import { BoardModel, Instant, OrganisationKind, RecordedConsentStatus, Role } from "./vocabulary";

// Setting up and running a board (issue 11): creating it, its organisations, members, join
// requests, participants (one by one or imported) and settings. Strict like every request.

const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a GUID");
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const TimeZone = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, "an IANA time zone");
/** Days a participant's details are kept after they leave: up to ten years (health records). */
const RetentionDays = z.number().int().min(0).max(3660);

/**
 * A recurring meeting's id: chosen by the admin, part of the walkthrough's and check-in's keys. "all" is the implicit meeting of a board without a schedule.
 * Typed by a person, so guarded like free text.
 */
export const MeetingId = withoutIdentityNumbers(
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
).refine((id) => id !== "all", '"all" is the implicit meeting of a board without a schedule');
export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri"]);
export type Weekday = z.infer<typeof Weekday>;

/** One of the board's recurring meetings (issue 18): on these weekdays (or every working day), at this local time, with these partner organisations. */
export const RecurringMeeting = z.strictObject({
  id: MeetingId,
  name: ShortText(80),
  days: z.union([
    z.literal("workingDays"),
    z
      .array(Weekday)
      .min(1)
      .max(5)
      .refine((d) => new Set(d).size === d.length, "each weekday once"),
  ]),
  time: Time,
  organisationIds: z
    .array(Id)
    .min(1)
    .max(20)
    .refine((o) => new Set(o).size === o.length, "each organisation once"),
  /** The walkthrough's order: the board's check-in order (absent, "board"), or each organisation's participants together, in this list's order. */
  walkthroughOrder: z.enum(["board", "byOrganisation"]).optional(),
});
export type RecurringMeeting = z.infer<typeof RecurringMeeting>;
export const RecurringMeetings = z
  .array(RecurringMeeting)
  .max(20)
  .refine((ms) => new Set(ms.map((m) => m.id)).size === ms.length, "each meeting id once");

/** The board's recurring meetings as every member may read them (the configuration page links a meeting's tab to one). */
export const MeetingList = z.object({
  meetings: z.array(RecurringMeeting.omit({ organisationIds: true }).extend({ organisationIds: z.array(z.string()) })),
});
export type MeetingList = z.infer<typeof MeetingList>;

export const BotPosts = z.strictObject({ morningBriefInChannel: z.boolean(), signalCountsInChannel: z.boolean() });

/** A link to the team's own routine (an intranet page, a document): https only. */
const RoutineLink = withoutIdentityNumbers(
  z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(/^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i, "an https link"),
);

/** "Om tavlan": the team's routine and admission criteria in a few lines, and where the whole text is. */
export const BoardAboutBody = z.strictObject({ text: FreeText(1000), link: RoutineLink.optional() });
export type BoardAboutBody = z.infer<typeof BoardAboutBody>;

export const CreateBoardBody = z.strictObject({
  name: ShortText(80),
  /** What the board is; absent: FACT. */
  model: BoardModel.optional(),
  /** The creator's own organisation: its tenant is the creator's. */
  organisation: z.strictObject({ name: ShortText(120), kind: OrganisationKind, retentionDays: RetentionDays }),
  /** How the creator is shown to colleagues (names in the token are never read). */
  displayName: ShortText(80),
  briefChannelId: TeamsConversationId.optional(),
  timeZone: TimeZone.optional(),
  morningBriefAt: Time.optional(),
  /** A regular expression the admin types: text, so guarded like any. */
  codePattern: FreeText(80).min(1).optional(),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;

/** "Målsättningen 30 deltagare per år": the participants an organisation aims to have involved in a year. */
export const FollowUpTarget = z.strictObject({ organisationId: Id, perYear: z.number().int().min(0).max(10_000) });
export type FollowUpTarget = z.infer<typeof FollowUpTarget>;
export const FollowUpTargets = z
  .array(FollowUpTarget)
  .max(50)
  .refine((ts) => new Set(ts.map((t) => t.organisationId)).size === ts.length, "one target per organisation");

export const EditBoardSettingsBody = z.strictObject({
  etag: ETag,
  name: ShortText(80).optional(),
  timeZone: TimeZone.optional(),
  morningBriefAt: Time.optional(),
  briefChannelId: TeamsConversationId.nullable().optional(),
  botPosts: BotPosts.optional(),
  codePattern: FreeText(80).min(1).nullable().optional(),
  /** The board's recurring meetings; an empty list: one implicit meeting every working day with everyone. */
  meetings: RecurringMeetings.optional(),
  model: BoardModel.optional(),
  /** The lead organisation (huvudman): one of the board's organisations. */
  leadOrganisationId: Id.optional(),
  /** "Om tavlan"; null takes it away. Each change is a new version in the admin audit. */
  about: BoardAboutBody.nullable().optional(),
  /** The follow-up's yearly targets, one per organisation at most; an empty list takes them away. */
  followUpTargets: FollowUpTargets.optional(),
});
export type EditBoardSettingsBody = z.infer<typeof EditBoardSettingsBody>;

export const OrganisationBody = z.strictObject({
  name: ShortText(120),
  kind: OrganisationKind,
  tenantIds: z.array(Guid).min(1).max(5),
  retentionDays: RetentionDays,
});
export type OrganisationBody = z.infer<typeof OrganisationBody>;
export const EditOrganisationBody = OrganisationBody.partial().extend({ etag: ETag });
export type EditOrganisationBody = z.infer<typeof EditOrganisationBody>;

export const AddMemberBody = z.strictObject({
  tenantId: Guid,
  objectId: Guid,
  displayName: ShortText(80),
  organisationId: Id,
  role: Role,
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const EditMemberBody = z.strictObject({
  etag: ETag,
  role: Role.optional(),
  displayName: ShortText(80).optional(),
  substituteIds: z.array(MemberId).max(10).optional(),
  /** Meeting leader (Mötesledare): may start and take over the walkthrough, whatever the role. Admins only. */
  meetingLeader: z.boolean().optional(),
});
export type EditMemberBody = z.infer<typeof EditMemberBody>;

export const LeaveBoardBody = z.strictObject({
  etag: ETag,
  /** A new case manager for every participant the leaver is case manager for. */
  handOver: z.array(z.strictObject({ participantId: Id, caseManagerId: MemberId })).max(1000),
  /** The new case manager for every participant not named in `handOver` (also those the caller may not see). */
  defaultCaseManagerId: MemberId.optional(),
  /** Said on the signals closed because the leaver raised or held them. */
  reason: ShortText(200),
});
export type LeaveBoardBody = z.infer<typeof LeaveBoardBody>;

export const JoinRequestBody = z.strictObject({ displayName: ShortText(80), message: ShortText(200).optional() });
export type JoinRequestBody = z.infer<typeof JoinRequestBody>;
export const DecideJoinRequestBody = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("approve"), etag: ETag, organisationId: Id, role: Role }),
  z.strictObject({ decision: z.literal("decline"), etag: ETag }),
]);
export type DecideJoinRequestBody = z.infer<typeof DecideJoinRequestBody>;

export const EditParticipantBody = z.strictObject({
  etag: ETag,
  code: ParticipantCode.optional(),
  initials: Initials.optional(),
  caseManagerId: MemberId.optional(),
  organisationIds: z.array(Id).min(1).max(10).optional(),
  plans: PlansBody.optional(),
});
export type EditParticipantBody = z.infer<typeof EditParticipantBody>;

export const OrganisationAdminView = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  tenantIds: z.array(z.string()),
  retentionDays: z.number().int(),
  etag: z.string(),
});
export type OrganisationAdminView = z.infer<typeof OrganisationAdminView>;

export const MemberAdminView = z.object({
  id: z.string(),
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  organisationId: Id,
  role: Role,
  substituteIds: z.array(z.string()),
  meetingLeader: z.boolean().optional(),
  leftAt: Instant.optional(),
  /** Participants this member is case manager for: leaving needs a new one for each. */
  caseManagerFor: z.array(z.object({ participantId: Id, code: z.string() })),
  /** Participants they are case manager for whom the viewer's organisation may not see: counted, handed over with `defaultCaseManagerId`. */
  caseManagerForHidden: z.number().int(),
  etag: z.string(),
  /**
   * What the viewer may do about this member, from the permission matrix (issue 29): change them
   * (name, substitutes), the roles they may be given (their current one included when it is within
   * reach), and let them leave. Present in `GET …/admin`.
   */
  may: z.object({ edit: z.boolean(), roles: z.array(Role), leave: z.boolean() }).optional(),
});
export type MemberAdminView = z.infer<typeof MemberAdminView>;

/** Where the viewer may place someone: an organisation and the roles they may grant there. */
export const GrantChoice = z.object({ organisationId: Id, roles: z.array(Role) });
export type GrantChoice = z.infer<typeof GrantChoice>;

export const JoinRequestView = z.object({
  memberId: z.string(),
  /** From the person's token: who they are. The display name and message are their own words, never proof of anything. */
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  message: z.string().optional(),
  /** The organisations the request names: those whose tenants the person signed in from. */
  organisationIds: z.array(z.string()),
  requestedAt: Instant,
  state: z.enum(["pending", "approved", "declined"]),
  etag: z.string(),
  /** What the viewer may decide (in `GET …/admin`): decline, and approve into which organisations with which roles. */
  may: z.object({ decline: z.boolean(), approveInto: z.array(GrantChoice) }).optional(),
});
export type JoinRequestView = z.infer<typeof JoinRequestView>;

export const BoardAdminView = z.object({
  id: Id,
  name: z.string(),
  allowedTenantIds: z.array(z.string()),
  settings: z.object({
    timeZone: z.string(),
    morningBriefAt: z.string(),
    briefChannelId: z.string().optional(),
    botPosts: BotPosts,
    codePattern: z.string().optional(),
    meetings: z.array(RecurringMeeting),
    followUpTargets: FollowUpTargets,
  }),
  model: BoardModel,
  leadOrganisationId: z.string().optional(),
  about: z.object({ text: z.string(), link: z.string().optional(), version: z.number().int(), updatedAt: Instant }).optional(),
  etag: z.string(),
});
export type BoardAdminView = z.infer<typeof BoardAdminView>;

/** Everything the "Inställningar" pages show; what the caller may change is in `may`. */
export const AdminOverview = z.object({
  board: BoardAdminView,
  organisations: z.array(OrganisationAdminView),
  members: z.array(MemberAdminView),
  joinRequests: z.array(JoinRequestView),
  /** Where the viewer may add members (from the roster) and with which roles: the server decides, the tab offers these only. */
  grantable: z.array(GrantChoice),
  may: z.object({
    configure: z.boolean(),
    manageOrganisations: z.boolean(),
    manageMembers: z.boolean(),
    manageOwnOrganisation: z.boolean(),
    importParticipants: z.boolean(),
    readAdminAudit: z.boolean(),
    /** Register and edit research studies (absent from servers before studies). */
    manageStudies: z.boolean().optional(),
  }),
});
export type AdminOverview = z.infer<typeof AdminOverview>;

export const RosterPerson = z.object({
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  guest: z.boolean(),
  member: z.boolean(),
});
export type RosterPerson = z.infer<typeof RosterPerson>;

export const ImportReport = z.object({
  /** Participants created (0 on a dry run). */
  imported: z.number().int(),
  /** Participants changed by lines that asked for it (`action` update; 0 on a dry run). */
  updated: z.number().int(),
  /** Lines already imported by an earlier run of the same file (a retry after a failure midway), or asking for an update that changes nothing. */
  alreadyThere: z.number().int(),
  /** `column` (1-based): the cell at fault, when one cell is (a personal identity number). */
  refused: z.array(z.object({ line: z.number().int(), reason: z.string(), column: z.number().int().optional() })),
  /** Every line that was not refused, with what it did (or, on a dry run, would do) and which fields an update changes. */
  lines: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(["created", "updated", "unchanged"]),
      fields: z.array(z.string()).optional(),
      /** The importing organisation's consent the line recorded (or, on a dry run, would record). */
      consent: z.object({ organisationId: z.string(), status: RecordedConsentStatus }).optional(),
      /** The plans the line set: crisisPlan, earlySignsPlan, sip. */
      plans: z.array(z.string()).optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const AdminAuditView = z.object({
  at: Instant,
  /** `tenantId` is the tenant the actor signed in from (part of their id): the display name is their own words. */
  actor: z.object({ memberId: z.string(), tenantId: z.string(), displayName: z.string(), organisationId: z.string(), role: Role }),
  what: z.string(),
  subject: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
  fields: z.array(z.string()).optional(),
  detail: z.string().optional(),
});
export const AdminAuditPage = z.object({ events: z.array(AdminAuditView), cursor: z.string().optional() });
export type AdminAuditPage = z.infer<typeof AdminAuditPage>;

/**
 * A member's working pattern (issue 27): the weekdays they work (public holidays still off) and
 * their hours in the board's time zone. Deadlines, reminders and who receives a signal now follow it.
 */
export const WorkingPattern = z
  .strictObject({
    days: z
      .array(Weekday)
      .min(1)
      .max(5)
      .refine((d) => new Set(d).size === d.length, "each weekday once"),
    opensAt: Time,
    closesAt: Time,
  })
  .refine((p) => p.opensAt < p.closesAt, { message: "the working day ends after it starts", path: ["closesAt"] });
export type WorkingPattern = z.infer<typeof WorkingPattern>;

/** Sets a member's working pattern; `null` goes back to the board's working hours. */
export const SetWorkingPatternBody = z.strictObject({ etag: ETag, pattern: WorkingPattern.nullable() });
export type SetWorkingPatternBody = z.infer<typeof SetWorkingPatternBody>;

export const WorkingPatternView = z.object({
  memberId: z.string(),
  /** The pattern in force: the member's own, or the board's working hours. */
  pattern: WorkingPattern,
  /** Whether the member set their own (false: the board's working hours). */
  own: z.boolean(),
  /** Whether the viewer may change it (the member themself, or an admin). */
  mayEdit: z.boolean(),
  etag: z.string(),
});
export type WorkingPatternView = z.infer<typeof WorkingPatternView>;
