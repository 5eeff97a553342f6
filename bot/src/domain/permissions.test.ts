import { Role } from "@fact-board/contract";
import { Forbidden } from "./errors";
import {
  assertAllowed,
  grantableRoles,
  isAllowed,
  mayChangeMember,
  mayGrantRole,
  permissionMatrix,
  roleGrants,
  type Permission,
  type Relation,
} from "./permissions";
import type { Member } from "./types";

// The expected matrix, written out again from docs/domain.md#roles-and-what-they-may-do rather than read from permissionMatrix,
// so that a change to who may do what has to be made in two places on purpose.

type Expectation = (role: Role, relation: Relation) => boolean;

const leads = (role: Role) => role === "coordinator" || role === "manager" || role === "admin";
const managers = (role: Role) => role === "manager" || role === "admin";
const leadsOrOwnStaff: Expectation = (role, r) => leads(role) || (role === "staff" && r.caseManagerOrCover === true);

const expected: Record<Permission, Expectation> = {
  "board.read": () => true,
  "overview.read": (role) => leads(role),
  "participant.create": (role) => leads(role),
  "entry.putOn": leadsOrOwnStaff,
  "entry.edit": leadsOrOwnStaff,
  "entry.review": leadsOrOwnStaff,
  "entry.takeOff": leadsOrOwnStaff,
  // Issue 24: the FACT team steers the board — the lead organisation's coordinators, case managers and managers (and admins).
  "entry.steer": (role, r) => r.leadOrganisation === true && leadsOrOwnStaff(role, r),
  "participant.setPlans": (role, r) => r.ownOrganisation === true && leadsOrOwnStaff(role, r),
  // Sedan sist (issue 26): whoever may plan the entry's actions writes the own organisation's note.
  "sinceLast.write": leadsOrOwnStaff,
  // Kontakter (issue 26): the own organisation's contact, named by those who may plan the entry.
  "contact.write": leadsOrOwnStaff,
  // Dagens beslut: every member reads what the own organisation wrote today.
  "decisions.readOwn": () => true,
  // Pågående insatser (issue 26): each organisation keeps its own list, like its own notes.
  "intervention.keep": leadsOrOwnStaff,
  // Deltagarens mål (issue 26): the case manager's organisation only.
  "participant.setGoal": (role, r) => r.ownOrganisation === true && leadsOrOwnStaff(role, r),
  "consent.record": (role, r) => r.ownOrganisation === true && leadsOrOwnStaff(role, r),
  "signal.raise": () => true,
  // Staff acknowledge signals in chat (docs/domain.md#who-uses-it): the participant's case manager or cover may, in the receiving organisation.
  "signal.answer": (role, r) => r.ownOrganisation === true && leadsOrOwnStaff(role, r),
  "absence.registerOwn": () => true,
  "absence.registerForOther": (role, r) => r.ownOrganisation === true && managers(role),
  "cover.answer": (_role, r) => r.askedSubstitute === true,
  // Issue 26: a member an admin marked meeting leader leads the walkthrough whatever their role.
  "checkIn.record": (role, r) => leads(role) || (role === "staff" && r.meetingLeader === true),
  // Ta upp idag (issue 26): any member whose organisation may see the participant.
  "participant.raiseToday": (_role, r) => r.seesParticipant === true,
  "audit.read": (role) => managers(role),
  // Research statistics: managers only (docs/domain.md#roles-and-what-they-may-do: de-identified counts for research).
  "statistics.export": (role) => role === "manager",
  // The follow-up per organisation: managers, who report the figures (issue 28).
  "followUp.read": (role) => role === "manager",
  "logReview.appoint": (role, r) => r.ownOrganisation === true && managers(role),
  "logReview.perform": (_role, r) => r.namedLogReviewer === true,
  // Setting up the board (issue 11): the base record is the writing organisation's own.
  "participant.edit": (role, r) => r.ownOrganisation === true && leadsOrOwnStaff(role, r),
  "participant.import": (role) => role === "admin",
  "board.configure": (role) => role === "admin",
  "organisation.manage": (role) => role === "admin",
  "member.manage": (role) => role === "admin",
  // Each organisation's own manager for their own people.
  "member.manageOwnOrganisation": (role, r) => r.ownOrganisation === true && managers(role),
  // Issue 27: cover across organisations is paired by admins; each member keeps their own working pattern.
  "member.substituteAcrossOrganisations": (role) => role === "admin",
  "workingPattern.editOwn": () => true,
  "workingPattern.editOthers": (role) => role === "admin",
  "workPhone.editOwn": () => true,
  "adminAudit.read": (role) => role === "admin",
  // Issue 29: a case manager is a member whose organisation may see the participant, whatever their role.
  "participant.beCaseManager": (_role, r) => r.seesParticipant === true,
  // Issue 28: admins register studies; whoever may see a participant records their research consent
  // (leads, and staff for their own participants); only the study's named data managers export.
  "study.manage": (role) => role === "admin",
  "study.enrol": (role, r) => r.seesParticipant === true && leadsOrOwnStaff(role, r),
  "study.export": (_role, r) => r.studyDataManager === true,
};

const permissions = Object.keys(permissionMatrix) as Permission[];
const relations: Relation[] = [false, true].flatMap((caseManagerOrCover) =>
  [false, true].flatMap((ownOrganisation) =>
    [false, true].flatMap((askedSubstitute) =>
      [false, true].flatMap((namedLogReviewer) =>
        [false, true].flatMap((seesParticipant) =>
          [false, true].flatMap((leadOrganisation) =>
            [false, true].flatMap((meetingLeader) =>
              [false, true].map((studyDataManager) => ({
                caseManagerOrCover,
                ownOrganisation,
                askedSubstitute,
                namedLogReviewer,
                seesParticipant,
                leadOrganisation,
                meetingLeader,
                studyDataManager,
              })),
            ),
          ),
        ),
      ),
    ),
  ),
);

const describeRelation = (r: Relation) =>
  (Object.entries(r) as [keyof Relation, boolean][])
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join("+") || "no relation";

// One test per role and permission, each walking every relation (256 of them): as strict as a test
// per cell, and it names every relation it disagrees on, without 50,000 tests' overhead.
const cases = Role.options.flatMap((role) => permissions.map((permission) => ({ role, permission })));

describe("the permission matrix", () => {
  it("has an expectation for every permission, and no more", () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  it("describes every permission for the generated table in docs/privacy.md", () => {
    for (const p of permissions) expect(permissionMatrix[p].description).not.toHaveLength(0);
  });

  it.each(cases)("$role: $permission, with every relation", ({ role, permission }) => {
    const wrong = relations
      .filter((relation) => isAllowed(role, permission, relation) !== expected[permission](role, relation))
      .map((relation) => `${describeRelation(relation)}: expected ${expected[permission](role, relation)}`);
    expect(wrong).toEqual([]);
    expect(relations).toHaveLength(2 ** 8);
  });

  it("treats a missing relation as no relation", () => {
    for (const role of Role.options) for (const p of permissions) expect(isAllowed(role, p)).toBe(expected[p](role, {}));
  });
});

describe("what the matrix means for people", () => {
  it("lets staff edit an entry only as the participant's case manager or their cover", () => {
    expect(isAllowed("staff", "entry.edit", {})).toBe(false);
    expect(isAllowed("staff", "entry.edit", { ownOrganisation: true })).toBe(false);
    expect(isAllowed("staff", "entry.edit", { caseManagerOrCover: true })).toBe(true);
  });

  it("lets nobody, not even an admin, record another organisation's consent", () => {
    for (const role of Role.options)
      expect(isAllowed(role, "consent.record", { caseManagerOrCover: true, ownOrganisation: false })).toBe(false);
  });

  it("keeps the access log (loggkontroll) to managers and admins", () => {
    expect(Role.options.filter((role) => isAllowed(role, "audit.read", { caseManagerOrCover: true, ownOrganisation: true }))).toEqual([
      "manager",
      "admin",
    ]);
  });

  it("lets only the substitute being asked answer a cover request, whatever their role", () => {
    expect(isAllowed("admin", "cover.answer", { ownOrganisation: true })).toBe(false);
    expect(isAllowed("staff", "cover.answer", { askedSubstitute: true })).toBe(true);
  });
});

describe("guarding an action", () => {
  const staff: Member = {
    id: "tenant-a.nurse",
    boardId: "board-1",
    tenantId: "tenant-a",
    objectId: "nurse",
    displayName: "Nurse",
    organisationId: "org-psychiatry",
    role: "staff",
    substituteIds: [],
  };

  it("throws Forbidden when the member may not", () => {
    expect(() => assertAllowed(staff, "audit.read")).toThrow(Forbidden);
  });

  it("passes when the member may", () => {
    expect(() => assertAllowed(staff, "entry.takeOff", { caseManagerOrCover: true })).not.toThrow();
  });
});

// Issue 29: who may grant what, written out again from the issue rather than read from roleGrants.
const RANK: Record<Role, number> = { staff: 0, coordinator: 1, manager: 2, admin: 3 };
const expectedGrant = (actor: Role, target: Role, own: boolean): boolean =>
  actor === "admin" || (actor === "manager" && own && (target === "staff" || target === "coordinator"));

describe("who may grant which role", () => {
  const grantCases = Role.options.flatMap((actor) =>
    Role.options.flatMap((target) => [true, false].map((own) => ({ actor, target, own, allowed: expectedGrant(actor, target, own) }))),
  );

  it("has a rule for every role", () => {
    expect(Object.keys(roleGrants).sort()).toEqual([...Role.options].sort());
    for (const r of Role.options) expect(roleGrants[r].description).not.toHaveLength(0);
  });

  it.each(grantCases)("$actor grants $target (own organisation: $own): $allowed", ({ actor, target, own, allowed }) => {
    expect(mayGrantRole(actor, target, { ownOrganisation: own })).toBe(allowed);
  });

  it("admins grant any role, in any organisation", () => {
    for (const own of [true, false])
      expect(grantableRoles("admin", { ownOrganisation: own })).toEqual(["staff", "coordinator", "manager", "admin"]);
  });

  it("a manager grants staff and coordinator in their own organisation only", () => {
    expect(grantableRoles("manager", { ownOrganisation: true })).toEqual(["staff", "coordinator"]);
    expect(grantableRoles("manager", { ownOrganisation: false })).toEqual([]);
  });

  it("nobody grants a role above their own, whatever the relation", () => {
    for (const actor of Role.options)
      for (const target of Role.options)
        if (RANK[target] > RANK[actor])
          for (const own of [true, false]) expect(mayGrantRole(actor, target, { ownOrganisation: own })).toBe(false);
  });

  it("changes to admins are admin-only: granting, demoting and changing an admin", () => {
    for (const actor of ["staff", "coordinator", "manager"] as const) {
      expect(mayGrantRole(actor, "admin", { ownOrganisation: true })).toBe(false);
      expect(mayChangeMember(actor, { from: "admin", to: "staff" }, { ownOrganisation: true })).toBe(false);
      expect(mayChangeMember(actor, { from: "admin" }, { ownOrganisation: true })).toBe(false);
    }
    expect(mayChangeMember("admin", { from: "admin", to: "staff" }, { ownOrganisation: false })).toBe(true);
  });

  it("a role change needs reach over the role held and the new one", () => {
    expect(mayChangeMember("manager", { from: "staff", to: "coordinator" }, { ownOrganisation: true })).toBe(true);
    expect(mayChangeMember("manager", { from: "staff", to: "manager" }, { ownOrganisation: true })).toBe(false);
    expect(mayChangeMember("manager", { from: "manager", to: "staff" }, { ownOrganisation: true })).toBe(false);
    expect(mayChangeMember("manager", { from: "staff", to: "coordinator" }, { ownOrganisation: false })).toBe(false);
  });

  it("a manager keeps their own name and substitutes, but not their own role", () => {
    expect(mayChangeMember("manager", { from: "manager" }, { ownOrganisation: true, self: true })).toBe(true);
    expect(mayChangeMember("manager", { from: "manager", to: "admin" }, { ownOrganisation: true, self: true })).toBe(false);
    expect(mayChangeMember("manager", { from: "manager", to: "staff" }, { ownOrganisation: true, self: true })).toBe(false);
    expect(mayChangeMember("staff", { from: "staff" }, { ownOrganisation: true, self: true })).toBe(false);
    // Someone else's name and substitutes need reach over the role they hold.
    expect(mayChangeMember("manager", { from: "manager" }, { ownOrganisation: true })).toBe(false);
    expect(mayChangeMember("manager", { from: "coordinator" }, { ownOrganisation: true })).toBe(true);
  });
});

describe("who may be a case manager", () => {
  it("only a member whose organisation may see the participant, whatever their role", () => {
    for (const role of Role.options) {
      expect(isAllowed(role, "participant.beCaseManager", { seesParticipant: true })).toBe(true);
      expect(
        isAllowed(role, "participant.beCaseManager", { seesParticipant: false, ownOrganisation: true, caseManagerOrCover: true }),
      ).toBe(false);
    }
  });
});
