import { Invalid } from "./errors";
import { allowedTenantsOf, assertSubstitutes, planHandOver } from "./membership";
import type { Member, Organisation, Participant } from "./types";

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
  sip: { inPlace: false },
  crisisPlan: false,
  earlySignsPlan: false,
  onBoard: false,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const ada = member("ada");
const bo = member("bo");
const kim = member("kim", "kommun");
const gone = member("gone", "region", { leftAt: "2026-01-01T00:00:00.000Z" });
const members = [ada, bo, kim, gone];

describe("a member who leaves hands over every participant first", () => {
  const caseload = [participant("001", "ada"), participant("002", "ada"), participant("003", "bo")];

  it("refuses while any of their participants has no new case manager", () => {
    expect(() => planHandOver(ada, caseload, [{ participantId: "001", caseManagerId: "bo" }], members)).toThrow(Invalid);
  });

  it("refuses handing over to themselves or to someone who left", () => {
    expect(() => planHandOver(ada, caseload, [], members, "ada")).toThrow(Invalid);
    expect(() => planHandOver(ada, caseload, [], members, "gone")).toThrow(Invalid);
  });

  it("gives each of their participants the chosen case manager, and a default for the rest", () => {
    const planned = planHandOver(ada, caseload, [{ participantId: "001", caseManagerId: "kim" }], members, "bo");
    expect(planned.map((p) => [p.id, p.caseManagerId])).toEqual([
      ["001", "kim"],
      ["002", "bo"],
    ]);
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
});

it("a board lets in exactly its organisations' tenants", () => {
  const orgs: Organisation[] = [
    { id: "region", boardId: "b", name: "R", kind: "regionPsychiatry", tenantId: "AAA", additionalTenantIds: ["ccc"], retentionDays: 1 },
    { id: "kommun", boardId: "b", name: "K", kind: "municipalCare", tenantId: "bbb", retentionDays: 1 },
  ];
  expect(allowedTenantsOf(orgs)).toEqual(["aaa", "bbb", "ccc"]);
});
