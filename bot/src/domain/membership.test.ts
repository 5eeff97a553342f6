import { Invalid } from "./errors";
import {
  allowedTenantsOf,
  assertKeepsAnAdmin,
  assertSubstitutes,
  organisationsNamedBy,
  organisationsOfTenant,
  planHandOver,
  type HandOverContext,
} from "./membership";
import type { Consent, Member, Organisation, Participant } from "./types";

const member = (id: string, organisationId = "region", extra: Partial<Member> = {}): Member => ({
  id,
  boardId: "b",
  tenantId: "t",
  objectId: id,
  displayName: id,
  organisationId,
  role: "staff",
  substituteIds: [],
  ...extra,
});
const participant = (id: string, caseManagerId: string): Participant => ({
  id,
  boardId: "b",
  code: `NST-${id}`,
  initials: "A.B.",
  caseManagerId,
  writtenBy: "region",
  organisationIds: ["region"],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: false,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const ada = member("ada");
const bo = member("bo");
const kim = member("kim", "kommun");
const gone = member("gone", "region", { leftAt: "2026-01-01T00:00:00.000Z" });
const members = [ada, bo, kim, gone];

const TODAY = "2026-03-04";
/** The region's consent for participant 001 names the kommun: the kommun may see 001, not 002. */
const regionToKommun: Consent = {
  boardId: "b",
  participantId: "001",
  disclosingOrganisationId: "region",
  receivingOrganisationIds: ["kommun"],
  basis: "consent",
  status: "given",
  givenOn: "2026-01-01",
  validUntil: "2026-12-31",
  recordedBy: "ada",
  recordedAt: "2026-01-01T00:00:00.000Z",
};
const ctx = (visible: string[] = ["001", "002", "003"]): HandOverContext => ({
  consents: new Map([["001", [regionToKommun]]]),
  today: TODAY,
  visibleToActor: new Set(visible),
});

describe("a member who leaves hands over every participant first", () => {
  const caseload = [participant("001", "ada"), participant("002", "ada"), participant("003", "bo")];

  it("refuses while any of their participants has no new case manager", () => {
    expect(() => planHandOver(ada, caseload, [{ participantId: "001", caseManagerId: "bo" }], members, undefined, ctx())).toThrow(Invalid);
  });

  it("refuses handing over to themselves or to someone who left", () => {
    expect(() => planHandOver(ada, caseload, [], members, "ada", ctx())).toThrow(Invalid);
    expect(() => planHandOver(ada, caseload, [], members, "gone", ctx())).toThrow(Invalid);
  });

  it("gives each of their participants the chosen case manager, and a default for the rest", () => {
    const planned = planHandOver(ada, caseload, [{ participantId: "001", caseManagerId: "kim" }], members, "bo", ctx());
    expect(planned.map((p) => [p.id, p.caseManagerId])).toEqual([
      ["001", "kim"],
      ["002", "bo"],
    ]);
  });

  it("refuses a new case manager whose organisation may not see the participant (issue 29)", () => {
    // 002 has no consent naming the kommun: kim may not be its case manager, named or as the default.
    const named = () => planHandOver(ada, caseload, [{ participantId: "002", caseManagerId: "kim" }], members, "bo", ctx());
    expect(named).toThrow(expect.objectContaining({ reason: "CaseManagerMayNotSee", field: "handOver.002" }));
    const byDefault = () => planHandOver(ada, caseload, [], members, "kim", ctx());
    expect(byDefault).toThrow(expect.objectContaining({ reason: "CaseManagerMayNotSee", field: "handOver.002" }));
  });

  it("names the default, not the participant, when the actor may not see the participant", () => {
    const hidden = () => planHandOver(ada, caseload, [], members, "kim", ctx(["001"]));
    expect(hidden).toThrow(expect.objectContaining({ field: "defaultCaseManagerId" }));
  });
});

describe("the board keeps an admin", () => {
  const admin1 = member("a1", "region", { role: "admin" });
  const admin2 = member("a2", "kommun", { role: "admin" });
  const formerAdmin = member("a3", "region", { role: "admin", leftAt: "2026-01-01T00:00:00.000Z" });

  it("refuses taking the admin role from the last active admin (one who left does not count)", () => {
    expect(() => assertKeepsAnAdmin(admin1, false, [admin1, formerAdmin, ada])).toThrow(expect.objectContaining({ reason: "LastAdmin" }));
  });

  it("returns the other active admins, which the write must find unchanged", () => {
    expect(assertKeepsAnAdmin(admin1, false, [admin1, admin2, formerAdmin]).map((m) => m.id)).toEqual(["a2"]);
  });

  it("asks nothing when the admin stays admin, or the member is no admin", () => {
    expect(assertKeepsAnAdmin(admin1, true, [admin1])).toEqual([]);
    expect(assertKeepsAnAdmin(ada, false, [ada])).toEqual([]);
  });
});

describe("the organisations a join request names", () => {
  const orgs: Organisation[] = [
    { id: "region", boardId: "b", name: "R", kind: "regionPsychiatry", tenantId: "aaa", retentionDays: 1 },
    { id: "kommun", boardId: "b", name: "K", kind: "municipalCare", tenantId: "bbb", additionalTenantIds: ["AAA"], retentionDays: 1 },
  ];

  it("are those whose tenants the person signs in from, whatever the case", () => {
    expect(organisationsOfTenant("AAA", orgs)).toEqual(["region", "kommun"]);
    expect(organisationsOfTenant("bbb", orgs)).toEqual(["kommun"]);
  });

  it("are fixed when the person asked; an older request without them is read from its tenant", () => {
    expect(organisationsNamedBy({ tenantId: "aaa", organisationIds: ["region"] }, orgs)).toEqual(["region"]);
    expect(organisationsNamedBy({ tenantId: "bbb" }, orgs)).toEqual(["kommun"]);
  });
});

describe("substitutes", () => {
  it("come from the same organisation, are not oneself, not twice, not someone who left", () => {
    expect(() => assertSubstitutes(ada, ["bo"], members)).not.toThrow();
    expect(() => assertSubstitutes(ada, ["kim"], members)).toThrow(Invalid);
    expect(() => assertSubstitutes(ada, ["ada"], members)).toThrow(Invalid);
    expect(() => assertSubstitutes(ada, ["bo", "bo"], members)).toThrow(Invalid);
    expect(() => assertSubstitutes(ada, ["gone"], members)).toThrow(Invalid);
  });

  it("may come from another organisation when an admin pairs them, and stay when someone else reorders the list", () => {
    expect(() => assertSubstitutes(ada, ["kim", "bo"], members, true)).not.toThrow();
    expect(() => assertSubstitutes(ada, ["bo", "kim"], members, new Set(["kim"]))).not.toThrow();
    expect(() => assertSubstitutes(ada, ["bo", "kim"], members, new Set(["bo"]))).toThrow(Invalid);
    expect(() => assertSubstitutes(ada, ["ada"], members, true)).toThrow(Invalid);
  });
});

it("a board lets in exactly its organisations' tenants", () => {
  const orgs: Organisation[] = [
    { id: "region", boardId: "b", name: "R", kind: "regionPsychiatry", tenantId: "AAA", additionalTenantIds: ["ccc"], retentionDays: 1 },
    { id: "kommun", boardId: "b", name: "K", kind: "municipalCare", tenantId: "bbb", retentionDays: 1 },
  ];
  expect(allowedTenantsOf(orgs)).toEqual(["aaa", "bbb", "ccc"]);
});
