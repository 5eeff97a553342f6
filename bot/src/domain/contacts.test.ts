import { SetContactBody, WorkPhone, isPersonalIdentityNumberIssue, looksLikePersonalIdentityNumber } from "@fact-board/contract";
import { authorshipTable, mayChange } from "./authorship";
import { assertContactPerson, contactAway, readableContacts, samePerson, writeContact, type ParticipantContact } from "./contacts";
import { Invalid } from "./errors";
import { isAllowed } from "./permissions";
import { CARE, MUNICIPALITY, REGION, aSharedParticipant, givenConsent } from "../test-support/authored-items";
import type { Absence, Consent, Cover, Member } from "./types";
import { visibilityFor } from "./visibility";

const TODAY = "2026-03-10";

const participant = aSharedParticipant();

const consent = (from: string, to: string[]): Consent => givenConsent(from, to);

const contactOf = (organisationId: string): ParticipantContact => ({
  boardId: "b1",
  participantId: "p1",
  organisationId,
  person: { kind: "external", name: `Kontakt ${organisationId}`, role: "Socialsekreterare" },
  writtenBy: `m-${organisationId}`,
  writtenAt: "2026-03-10T08:00:00.000Z",
});

const member = (id: string, organisationId: string, extra: Partial<Member> = {}): Member => ({
  id,
  boardId: "b1",
  tenantId: "t",
  objectId: id,
  displayName: id,
  organisationId,
  role: "coordinator",
  substituteIds: [],
  ...extra,
});

describe("who sees an organisation's contact", () => {
  // The region's consent names the municipality and care; the municipality's names only the region.
  const consents = [consent(REGION, [MUNICIPALITY, CARE]), consent(MUNICIPALITY, [REGION])];
  const all = [contactOf(CARE), contactOf(MUNICIPALITY), contactOf(REGION)];

  it("shows the region the municipality's contact, as the municipality's consent names it", () => {
    const v = visibilityFor(participant, consents, REGION, TODAY)!;
    expect(readableContacts(v, all).map((c) => c.organisationId)).toEqual([MUNICIPALITY, REGION]);
  });

  it("hides the municipality's contact from care, whom its consent does not name", () => {
    const v = visibilityFor(participant, consents, CARE, TODAY)!;
    expect(readableContacts(v, all).map((c) => c.organisationId)).toEqual([CARE, REGION]);
  });

  it("hides it again the day after the municipality withdraws its consent", () => {
    const withdrawn = [
      consent(REGION, [MUNICIPALITY, CARE]),
      { ...consent(MUNICIPALITY, [REGION]), status: "withdrawn" as const, withdrawnOn: TODAY },
    ];
    const v = visibilityFor(participant, withdrawn, REGION, "2026-03-11")!;
    expect(readableContacts(v, all).map((c) => c.organisationId)).toEqual([REGION]);
  });
});

describe("naming a contact", () => {
  it("is always the writer's own item, by those who may plan the entry", () => {
    expect(authorshipTable["contact.write"]).toMatchObject({ owner: "actor", byAnother: "ownItem" });
    expect(mayChange("contact.write", MUNICIPALITY, MUNICIPALITY)).toBe(true);
    expect(isAllowed("coordinator", "contact.write")).toBe(true);
    expect(isAllowed("staff", "contact.write", { caseManagerOrCover: false })).toBe(false);
    expect(isAllowed("staff", "contact.write", { caseManagerOrCover: true })).toBe(true);
  });

  it("takes a member of the own organisation, never a colleague of another or someone who left", () => {
    const person = { kind: "member" as const, memberId: "m1" };
    expect(() => assertContactPerson(person, REGION, member("m1", REGION))).not.toThrow();
    expect(() => assertContactPerson(person, REGION, member("m1", MUNICIPALITY))).toThrow(Invalid);
    expect(() => assertContactPerson(person, REGION, member("m1", REGION, { leftAt: "2026-03-01T00:00:00.000Z" }))).toThrow(Invalid);
    expect(() => assertContactPerson(person, REGION, undefined)).toThrow(Invalid);
    expect(() => assertContactPerson({ kind: "external", name: "A", role: "B" }, REGION, undefined)).not.toThrow();
  });

  it("records who named it and when, under the organisation", () => {
    const c = writeContact(
      { boardId: "b1", participantId: "p1", organisationId: CARE, person: { kind: "member", memberId: "m1" }, by: "m1" },
      "2026-03-10T09:00:00.000Z",
    );
    expect(c).toEqual({
      boardId: "b1",
      participantId: "p1",
      organisationId: CARE,
      person: { kind: "member", memberId: "m1" },
      writtenBy: "m1",
      writtenAt: "2026-03-10T09:00:00.000Z",
    });
  });

  it("knows a retried write of the same person", () => {
    expect(samePerson({ kind: "member", memberId: "a" }, { kind: "member", memberId: "a" })).toBe(true);
    expect(samePerson({ kind: "member", memberId: "a" }, { kind: "member", memberId: "b" })).toBe(false);
    expect(samePerson({ kind: "external", name: "A", role: "B" }, { kind: "external", name: "A", role: "B", phone: "010-123 45 67" })).toBe(
      false,
    );
    expect(samePerson({ kind: "member", memberId: "a" }, { kind: "external", name: "a", role: "B" })).toBe(false);
  });
});

describe("a work phone number", () => {
  it.each(["+46 70 123 45 67", "010-123 45 67", "070-174 06 05", "08-123 456 78", "031-12 34 56", "+4670 1234567"])("takes %s", (phone) => {
    expect(looksLikePersonalIdentityNumber(phone)).toBe(false);
    expect(WorkPhone.safeParse(phone).success).toBe(true);
  });

  it.each(["ring mig", "070--123", "12345", "+46 70 123 45 67 89 00 11", "070-123 45 67 ank. 12", "-070 123"])("refuses %s", (phone) => {
    expect(WorkPhone.safeParse(phone).success).toBe(false);
  });

  it("refuses ten digits without separators that read as a personal identity number, and says so", () => {
    const refused = WorkPhone.safeParse("0701740605");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.some(isPersonalIdentityNumberIssue)).toBe(true);
  });

  it("an external contact's name and role are guarded text", () => {
    expect(
      SetContactBody.safeParse({ kind: "external", name: "Fia Påhittad", role: "Boendestödjare", phone: "070-174 06 50" }).success,
    ).toBe(true);
    expect(SetContactBody.safeParse({ kind: "external", name: "Fia 850101-1234", role: "Boendestödjare" }).success).toBe(false);
    expect(SetContactBody.safeParse({ kind: "external", name: "", role: "Boendestödjare" }).success).toBe(false);
    expect(SetContactBody.safeParse({ kind: "member", memberId: "t.o", name: "extra" }).success).toBe(false);
  });
});

describe("a contact who is away (Frånvaro)", () => {
  // The municipality's contact Mia is away; her substitutes are Sam (her own organisation) or Vera (care).
  const absence = (cover: Partial<Cover>, extra: Partial<Absence> = {}): Absence => ({
    id: "a1",
    boardId: "b1",
    memberId: "m-mia",
    organisationId: MUNICIPALITY,
    from: "2026-03-09",
    to: "2026-03-11",
    reason: "sick",
    registeredBy: "m-mia",
    registeredAt: "2026-03-09T07:00:00.000Z",
    cover: { state: "requesting", candidateIds: ["m-sam", "m-vera"], askedIndex: 0, declinedBy: [], managerAlerted: false, ...cover },
    ...extra,
  });
  const subject = (consents: Consent[] = []) => ({ participantId: "p1", consents });

  it("is not away without an absence covering today, nor with one that was cancelled", () => {
    expect(contactAway("m-mia", [], TODAY, subject())).toBeUndefined();
    expect(contactAway("m-mia", [absence({}, { from: "2026-03-11", to: "2026-03-12" })], TODAY, subject())).toBeUndefined();
    expect(contactAway("m-mia", [absence({ state: "cancelled" })], TODAY, subject())).toBeUndefined();
    expect(contactAway("m-sam", [absence({ state: "covered", coveredBy: "m-sam" })], TODAY, subject())).toBeUndefined();
  });

  it("is away, naming nobody, while no substitute has accepted", () => {
    expect(contactAway("m-mia", [absence({})], TODAY, subject())).toEqual({ away: true });
    expect(contactAway("m-mia", [absence({ state: "uncovered" })], TODAY, subject())).toEqual({ away: true });
  });

  it("names the own-organisation substitute who covers", () => {
    expect(contactAway("m-mia", [absence({ state: "covered", coveredBy: "m-sam" })], TODAY, subject())).toEqual({
      away: true,
      substituteId: "m-sam",
    });
  });

  it("names a substitute of another organisation only for a participant whose consent names that organisation", () => {
    const acrossCover = absence({ state: "covered", coveredBy: "m-vera", across: { organisationId: CARE, othersTo: "m-sam" } });
    expect(contactAway("m-mia", [acrossCover], TODAY, subject([consent(MUNICIPALITY, [CARE])]))).toEqual({
      away: true,
      substituteId: "m-vera",
    });
    // Not transferred to Vera: the cover names nobody more for this participant, Mia is shown away.
    expect(contactAway("m-mia", [acrossCover], TODAY, subject([consent(MUNICIPALITY, [REGION])]))).toEqual({ away: true });
  });
});
