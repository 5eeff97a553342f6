import { grantChoices, joinRequestRights, mayDecideJoinRequest, memberRights } from "./viewer-rights";
import type { Member, Organisation } from "./types";

const member = (id: string, organisationId: string, role: Member["role"], extra: Partial<Member> = {}): Member => ({
  id,
  boardId: "b",
  tenantId: organisationId === "region" ? "aaa" : "bbb",
  objectId: id,
  displayName: id,
  organisationId,
  role,
  substituteIds: [],
  ...extra,
});
const organisation = (id: string, tenantId: string, more: string[] = []): Organisation => ({
  id,
  boardId: "b",
  name: id,
  kind: "other",
  tenantId,
  ...(more.length ? { additionalTenantIds: more } : {}),
  retentionDays: 1,
});
const orgs = [organisation("region", "aaa"), organisation("north", "bbb"), organisation("south", "ccc", ["aaa"])];

const admin = member("admin", "region", "admin");
const northManager = member("nm", "north", "manager");
const northStaff = member("ns", "north", "staff");
const northCoordinator = member("nc", "north", "coordinator");
const northManager2 = member("nm2", "north", "manager");
const regionStaff = member("rs", "region", "staff");

describe("where one may place people", () => {
  it("an admin: every organisation, every role", () => {
    expect(grantChoices(admin, orgs)).toEqual(
      orgs.map((o) => ({ organisationId: o.id, roles: ["staff", "coordinator", "manager", "admin"] })),
    );
  });

  it("a manager: their own organisation, staff and coordinator", () => {
    expect(grantChoices(northManager, orgs)).toEqual([{ organisationId: "north", roles: ["staff", "coordinator"] }]);
  });

  it("staff and coordinators: nowhere", () => {
    expect(grantChoices(northStaff, orgs)).toEqual([]);
    expect(grantChoices(northCoordinator, orgs)).toEqual([]);
  });
});

describe("what one may do about a member", () => {
  it("a manager changes and lets go their own staff and coordinators, with the roles they may grant", () => {
    expect(memberRights(northManager, northStaff)).toEqual({ edit: true, roles: ["staff", "coordinator"], leave: true });
    expect(memberRights(northManager, northCoordinator)).toEqual({ edit: true, roles: ["staff", "coordinator"], leave: true });
  });

  it("a manager may not touch another manager, an admin, or another organisation's people", () => {
    const nothing = { edit: false, roles: [], leave: false };
    expect(memberRights(northManager, northManager2)).toEqual(nothing);
    expect(memberRights(northManager, member("na", "north", "admin"))).toEqual(nothing);
    expect(memberRights(northManager, regionStaff)).toEqual(nothing);
  });

  it("a manager keeps their own name and substitutes and may leave, but not change their own role", () => {
    expect(memberRights(northManager, northManager)).toEqual({ edit: true, roles: [], leave: true });
  });

  it("an admin does anything to anyone, a member who left nothing", () => {
    expect(memberRights(admin, northManager)).toEqual({ edit: true, roles: ["staff", "coordinator", "manager", "admin"], leave: true });
    expect(memberRights(admin, member("gone", "north", "staff", { leftAt: "2026-01-01T00:00:00.000Z" }))).toEqual({
      edit: false,
      roles: [],
      leave: false,
    });
  });
});

describe("who decides a join request", () => {
  it("admins all; a manager those that name their own organisation; staff none", () => {
    expect(mayDecideJoinRequest(admin, ["north"])).toBe(true);
    expect(mayDecideJoinRequest(northManager, ["north"])).toBe(true);
    expect(mayDecideJoinRequest(northManager, ["region", "south"])).toBe(false);
    expect(mayDecideJoinRequest(northStaff, ["north"])).toBe(false);
  });

  it("a manager approves into their own organisation only, with staff or coordinator", () => {
    expect(joinRequestRights(northManager, { tenantId: "bbb", organisationIds: ["north"] }, orgs)).toEqual({
      decline: true,
      approveInto: [{ organisationId: "north", roles: ["staff", "coordinator"] }],
    });
    expect(joinRequestRights(northManager, { tenantId: "aaa", organisationIds: ["region", "south"] }, orgs)).toEqual({
      decline: false,
      approveInto: [],
    });
  });

  it("an admin approves into any organisation the person signs in to, with any role", () => {
    const all = ["staff", "coordinator", "manager", "admin"];
    expect(joinRequestRights(admin, { tenantId: "aaa", organisationIds: ["region", "south"] }, orgs)).toEqual({
      decline: true,
      approveInto: [
        { organisationId: "region", roles: all },
        { organisationId: "south", roles: all },
      ],
    });
  });
});
