import type { Role } from "@fact-board/contract";
import { Forbidden } from "./errors";
import type { Member } from "./types";

// The permission matrix: the one place that says who may do what. API routes and card actions
// both call assertAllowed; the table in docs/privacy.md is generated from `permissionMatrix` (and a test
// checks it). Consent visibility is a separate, additional gate (see visibility.ts).

export type Permission =
  | "board.read"
  | "overview.read"
  | "participant.create"
  | "entry.putOn"
  | "entry.edit"
  | "entry.review"
  | "sinceLast.write"
  | "contact.write"
  | "decisions.readOwn"
  | "intervention.keep"
  | "participant.setGoal"
  | "entry.takeOff"
  | "entry.steer"
  | "participant.setPlans"
  | "consent.record"
  | "signal.raise"
  | "signal.answer"
  | "absence.registerOwn"
  | "absence.registerForOther"
  | "cover.answer"
  | "checkIn.record"
  | "participant.raiseToday"
  | "audit.read"
  | "statistics.export"
  | "followUp.read"
  | "logReview.appoint"
  | "logReview.perform"
  | "participant.edit"
  | "participant.import"
  | "board.configure"
  | "organisation.manage"
  | "member.manage"
  | "member.manageOwnOrganisation"
  | "member.substituteAcrossOrganisations"
  | "workingPattern.editOwn"
  | "workingPattern.editOthers"
  | "workPhone.editOwn"
  | "adminAudit.read"
  | "participant.beCaseManager"
  | "study.manage"
  | "study.enrol"
  | "study.export";

/** How the acting member relates to the thing acted on, worked out from storage, never from request data. */
export interface Relation {
  /** The member is the participant's case manager, or covers for them today. */
  caseManagerOrCover?: boolean;
  /** The member's organisation owns the thing: the consent's disclosing organisation, the signal's receiver, the absent colleague's organisation. */
  ownOrganisation?: boolean;
  /** The member is the substitute being asked right now. */
  askedSubstitute?: boolean;
  /** The member is one of the log reviewers their organisation named. */
  namedLogReviewer?: boolean;
  /** The member's organisation may see the participant (consent visibility, visibility.ts), checked today. */
  seesParticipant?: boolean;
  /** The member's organisation is the board's lead organisation (huvudman). */
  leadOrganisation?: boolean;
  /** An admin marked the member a meeting leader (Mötesledare), whatever their role. */
  meetingLeader?: boolean;
  /** The member is one of the study's named data managers. */
  studyDataManager?: boolean;
}

type Rule = { roles: readonly Role[]; staffIf?: keyof Relation; requires?: keyof Relation; description: string };

const LEADS: readonly Role[] = ["coordinator", "manager", "admin"];
const EVERYONE: readonly Role[] = ["coordinator", "staff", "manager", "admin"];

export const permissionMatrix: Record<Permission, Rule> = {
  "board.read": { roles: EVERYONE, description: "Read the board (consent decides which details)" },
  "overview.read": { roles: LEADS, description: "Read the manager overview and fidelity indicators" },
  "participant.create": { roles: LEADS, description: "Add a participant to the team" },
  "entry.putOn": { roles: LEADS, staffIf: "caseManagerOrCover", description: "Put a participant on the board" },
  "entry.edit": { roles: LEADS, staffIf: "caseManagerOrCover", description: "Edit an entry and its actions" },
  "entry.review": { roles: LEADS, staffIf: "caseManagerOrCover", description: "Mark an entry reviewed" },
  "sinceLast.write": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    description: "Write the own organisation's since-yesterday note on an entry (Sedan sist)",
  },
  "contact.write": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    description: "Name the own organisation's contact person for a participant: a member of it, or someone outside the board (Kontakter)",
  },
  "decisions.readOwn": {
    roles: EVERYONE,
    description: "Read what the own organisation wrote today, to copy into its own records (Dagens beslut)",
  },
  "intervention.keep": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    description: "Add, change and end the own organisation's ongoing interventions for a participant (Pågående insatser)",
  },
  "participant.setGoal": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "ownOrganisation",
    description: "Write the participant's own goal (Deltagarens mål; the case manager's organisation)",
  },
  "entry.takeOff": { roles: LEADS, staffIf: "caseManagerOrCover", description: "Take a participant off the board" },
  // Checked when the entry is another organisation's: the FACT team steers the whole board (issue 24).
  "entry.steer": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "leadOrganisation",
    description:
      "Re-prioritise, change the next evaluation of, or take off an entry another organisation put on the board (the lead organisation, as its own item)",
  },
  "participant.setPlans": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "ownOrganisation",
    description: "Set a participant's crisis plan, early-signs plan and SIP (the organisation that wrote the record)",
  },
  "consent.record": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "ownOrganisation",
    description: "Record the own organisation's consent",
  },
  "signal.raise": { roles: EVERYONE, description: "Raise a signal from the own organisation" },
  "signal.answer": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "ownOrganisation",
    description: "Acknowledge, resolve or decline a signal sent to the own organisation",
  },
  "absence.registerOwn": { roles: EVERYONE, description: "Register one's own absence" },
  "absence.registerForOther": { roles: ["manager", "admin"], requires: "ownOrganisation", description: "Register a colleague's absence" },
  "cover.answer": { roles: EVERYONE, requires: "askedSubstitute", description: "Answer a cover request (only the substitute asked)" },
  // The seeds: "2-3 teammedlemmar som kan fungera som ledare vid FACT-mötena", a staff-role nurse among them (issue 26).
  "checkIn.record": {
    roles: LEADS,
    staffIf: "meetingLeader",
    description: "Start, present and take over the walkthrough, which records the morning check-in",
  },
  "participant.raiseToday": {
    roles: EVERYONE,
    requires: "seesParticipant",
    description:
      "Raise a registered participant who is not on the board for today's meeting, with the own organisation's reason (Ta upp idag)",
  },
  "audit.read": { roles: ["manager", "admin"], description: "Read and export the access log (loggkontroll)" },
  "statistics.export": { roles: ["manager"], description: "Export de-identified statistics for research" },
  "followUp.read": {
    roles: ["manager"],
    description: "Read and export the follow-up per organisation (participants per year against the target, SIP and crisis-plan coverage)",
  },
  "logReview.appoint": {
    roles: ["manager", "admin"],
    requires: "ownOrganisation",
    description: "Name the own organisation's log reviewers",
  },
  "logReview.perform": {
    roles: EVERYONE,
    requires: "namedLogReviewer",
    description: "Review the own organisation's sample of the access log (loggkontroll)",
  },
  "participant.edit": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "ownOrganisation",
    description: "Edit a participant's record or change their case manager (the organisation that wrote it)",
  },
  "participant.import": { roles: ["admin"], description: "Import participants from a CSV file" },
  "board.configure": {
    roles: ["admin"],
    description:
      "Change the board's settings (name, time zone, morning brief, what the bot posts, recurring meetings, model, lead organisation, Om tavlan)",
  },
  "organisation.manage": { roles: ["admin"], description: "Add and edit partner organisations" },
  "member.manage": {
    roles: ["admin"],
    description: "Add members, decide join requests, change roles and substitutes, let a member leave (roles: see the grant rows)",
  },
  "member.manageOwnOrganisation": {
    roles: ["manager", "admin"],
    requires: "ownOrganisation",
    description: "The same for the own organisation's people, and decide the join requests that name the own organisation",
  },
  "member.substituteAcrossOrganisations": {
    roles: ["admin"],
    description:
      "Name a substitute from another organisation (they then cover only the participants whose consent names their organisation)",
  },
  "workingPattern.editOwn": { roles: EVERYONE, description: "Set one's own working pattern (weekdays and hours)" },
  "workingPattern.editOthers": { roles: ["admin"], description: "Set another member's working pattern" },
  "workPhone.editOwn": { roles: EVERYONE, description: "Add, change or remove one's own work phone number (shown with Kontakter)" },
  "adminAudit.read": { roles: ["admin"], description: "Read the admin audit trail (who changed which member, organisation or setting)" },
  // Checked on the member named, not on whoever names them: participant create and edit, import, hand-over on leaving.
  "participant.beCaseManager": {
    roles: EVERYONE,
    requires: "seesParticipant",
    description: "Be named a participant's case manager",
  },
  "study.manage": { roles: ["admin"], description: "Register and edit a research study and name its data managers" },
  // Research consent is the participant's own, given to whoever asks them; so whoever may see the
  // participant records it, as with the board's consents: leads, and staff for their own participants.
  "study.enrol": {
    roles: LEADS,
    staffIf: "caseManagerOrCover",
    requires: "seesParticipant",
    description: "Record a participant's research consent, enrol them under the study's own id, record their withdrawal",
  },
  "study.export": {
    roles: EVERYONE,
    requires: "studyDataManager",
    description: "Export a study's counts per enrolled participant and month (the study's data managers only)",
  },
};

/**
 * Who may grant which role (issue 29): each role's reach, as data. Granting covers everything that
 * gives, changes or takes away a role: adding a member, approving a join request, a role change,
 * and changing or removing a member who holds it (one needs reach over the role they hold). Nobody
 * reaches above their own role; changes to admins are admins' alone, and so are organisations'
 * tenants (`organisation.manage`).
 */
type GrantRule = { roles: readonly Role[]; ownOrganisationOnly?: readonly Role[]; description: string };

export const roleGrants: Record<Role, GrantRule> = {
  staff: { roles: ["admin"], ownOrganisationOnly: ["manager"], description: "Grant the role staff, or change or remove a staff member" },
  coordinator: {
    roles: ["admin"],
    ownOrganisationOnly: ["manager"],
    description: "Grant the role coordinator, or change or remove a coordinator",
  },
  manager: { roles: ["admin"], description: "Grant the role manager, or change or remove a manager" },
  admin: { roles: ["admin"], description: "Grant the role admin, or change or remove an admin" },
};

/** Whether `actorRole` may grant `targetRole` (relation.ownOrganisation: the person is of the actor's organisation). */
export function mayGrantRole(actorRole: Role, targetRole: Role, relation: Relation = {}): boolean {
  const rule = roleGrants[targetRole];
  if (rule.roles.includes(actorRole)) return true;
  return relation.ownOrganisation === true && (rule.ownOrganisationOnly ?? []).includes(actorRole);
}

/** The roles `actorRole` may grant to someone of an organisation (own or another), lowest first. */
export const grantableRoles = (actorRole: Role, relation: Relation = {}): Role[] =>
  (Object.keys(roleGrants) as Role[]).filter((r) => mayGrantRole(actorRole, r, relation));

/**
 * A change to a member who holds `from`: a role change needs reach over both the role held and the
 * new one; their name and substitutes need reach over the role held, except that whoever manages
 * their own organisation's people keeps their own name and substitutes (`self`).
 */
export function mayChangeMember(actorRole: Role, change: { from: Role; to?: Role }, relation: Relation & { self?: boolean }): boolean {
  if (change.to !== undefined && change.to !== change.from)
    return mayGrantRole(actorRole, change.from, relation) && mayGrantRole(actorRole, change.to, relation);
  if (mayGrantRole(actorRole, change.from, relation)) return true;
  return relation.self === true && isAllowed(actorRole, "member.manageOwnOrganisation", { ownOrganisation: true });
}

export function isAllowed(role: Role, permission: Permission, relation: Relation = {}): boolean {
  const rule = permissionMatrix[permission];
  if (rule.requires && !relation[rule.requires]) return false;
  if (rule.roles.includes(role)) return true;
  return role === "staff" && rule.staffIf !== undefined && relation[rule.staffIf] === true;
}

/** The relation a member has by being marked a meeting leader: the flag is on the member, not on any participant. */
export const leaderRelation = (member: Pick<Member, "meetingLeader">): Relation => ({ meetingLeader: member.meetingLeader === true });

export function assertAllowed(member: Member, permission: Permission, relation: Relation = {}): void {
  if (!isAllowed(member.role, permission, relation)) throw new Forbidden();
}
