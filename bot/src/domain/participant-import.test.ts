import { Invalid } from "./errors";
import {
  columnsOf,
  IMPORT_REFUSED,
  importOutcome,
  planImport,
  type CsvRecord,
  type OutcomeContext,
  type ParsedLine,
} from "./participant-import";
import { refusalOf } from "./participant-registration";
import type { Consent, Member, Organisation, Participant } from "./types";

const member = (id: string, organisationId: string, displayName = id): Member => ({
  id,
  boardId: "b",
  tenantId: "t",
  objectId: id,
  displayName,
  organisationId,
  role: "staff",
  substituteIds: [],
});
const organisation = (id: string, name: string): Organisation => ({
  id,
  boardId: "b",
  name,
  kind: "other",
  tenantId: id,
  retentionDays: 1,
});
const members = [member("bo", "region", "Bo Region"), member("kim", "kommun", "Kim Kommun")];
const organisations = [organisation("region", "Psykiatri Nordstad"), organisation("kommun", "Norrby socialtjänst")];
const ctx = { members, organisations, organisationId: "region", today: "2026-03-04" };
const records = (...lines: string[]): CsvRecord[] => lines.map((l, i) => ({ line: i + 1, cells: l.split(";") }));

describe("the columns of an import file", () => {
  it("without a header line: code; initials; case manager; organisations; action", () => {
    expect(columnsOf(records("NST-001;A.B.;Bo Region;Norrby socialtjänst")[0])).toEqual({
      columns: ["code", "initials", "caseManager", "organisations", "action"],
      header: false,
    });
  });

  it("a header line names them in any order, in Swedish or English, the action optional", () => {
    expect(columnsOf(records("Initialer;KOD;organisations;handläggare")[0])).toEqual({
      columns: ["initials", "code", "organisations", "caseManager"],
      header: true,
    });
    expect(columnsOf(records("kod;initialer;handläggare;organisationer;åtgärd")[0]).columns).toEqual([
      "code",
      "initials",
      "caseManager",
      "organisations",
      "action",
    ]);
  });

  it("refuses the whole file for a header with an unknown, doubled or missing column", () => {
    expect(() => columnsOf(records("kod;initialer;handläggare;organisationer;personnummer")[0])).toThrow(Invalid);
    expect(() => columnsOf(records("kod;kod;initialer;handläggare;organisationer")[0])).toThrow(/twice/);
    expect(() => columnsOf(records("kod;initialer;organisationer")[0])).toThrow(/case manager/);
  });

  it("reads a named-column file with columns in another order", () => {
    const plan = planImport(records("organisationer;kod;initialer;handläggare", "Norrby socialtjänst;NST-001;A.B.;Bo Region"), ctx);
    expect(plan.refused).toEqual([]);
    expect(plan.accepted).toEqual([
      { line: 2, action: "create", input: { code: "NST-001", initials: "A.B.", caseManagerId: "bo", organisationIds: ["kommun"] } },
    ]);
  });
});

describe("what a line asks for", () => {
  it("update (or uppdatera) asks to change; empty or new asks to add; anything else is refused", () => {
    const plan = planImport(
      records(
        "NST-001;A.B.;Bo Region;Norrby socialtjänst;update",
        "NST-002;A.B.;Bo Region;Norrby socialtjänst;Uppdatera",
        "NST-003;A.B.;Bo Region;Norrby socialtjänst;",
        "NST-004;A.B.;Bo Region;Norrby socialtjänst;ny",
        "NST-005;A.B.;Bo Region;Norrby socialtjänst;overwrite",
        "NST-006;A.B.;Bo Region;Norrby socialtjänst;update;extra",
      ),
      ctx,
    );
    expect(plan.accepted.map((a) => [a.line, a.action])).toEqual([
      [1, "update"],
      [2, "update"],
      [3, "create"],
      [4, "create"],
    ]);
    expect(plan.refused).toEqual([
      { line: 5, reason: IMPORT_REFUSED.unknownAction },
      { line: 6, reason: IMPORT_REFUSED.tooManyColumns },
    ]);
  });
});

const TODAY = "2026-03-04";
const stored = (id: string, code: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  boardId: "b",
  code,
  initials: "A.B.",
  caseManagerId: "bo",
  writtenBy: "region",
  organisationIds: ["region", "kommun"],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});
const line = (action: ParsedLine["action"], input: Partial<ParsedLine["input"]> = {}): ParsedLine => ({
  line: 7,
  action,
  input: { code: "NST-001", initials: "A.B.", caseManagerId: "bo", organisationIds: ["kommun"], ...input },
});
const outcomeCtx = (over: Partial<OutcomeContext> = {}): OutcomeContext => ({
  importedId: "i-nst-001",
  withCode: undefined,
  withImportedId: undefined,
  consents: [],
  members,
  organisationId: "region",
  today: TODAY,
  newParticipant: (id, input) => stored(id, input.code, { ...input, organisationIds: ["region", ...input.organisationIds] }),
  ...over,
});

describe("never overwriting by accident", () => {
  it("creates a participant whose code and import id are free", () => {
    expect(importOutcome(line("create"), outcomeCtx())).toMatchObject({
      kind: "create",
      participant: { id: "i-nst-001", code: "NST-001" },
    });
  });

  it("refuses a code whose import id belongs to a participant whose code was changed since", () => {
    const edited = stored("i-nst-001", "NST-999", { initials: "X.Y." });
    expect(importOutcome(line("create"), outcomeCtx({ withImportedId: edited }))).toEqual({
      kind: "refused",
      reason: IMPORT_REFUSED.codeChanged,
    });
  });

  it("refuses a taken code without update, unless it is the same import again (a retry)", () => {
    const same = stored("i-nst-001", "NST-001");
    expect(importOutcome(line("create"), outcomeCtx({ withCode: same, withImportedId: same }))).toMatchObject({ kind: "unchanged" });
    expect(importOutcome(line("create", { initials: "Q.Q." }), outcomeCtx({ withCode: same, withImportedId: same }))).toEqual({
      kind: "refused",
      reason: IMPORT_REFUSED.exists,
    });
    const byHand = stored("p123", "NST-001");
    expect(importOutcome(line("create"), outcomeCtx({ withCode: byHand }))).toEqual({ kind: "refused", reason: IMPORT_REFUSED.exists });
  });

  it("updates only when asked, naming the fields that change", () => {
    const byHand = stored("p123", "NST-001");
    expect(importOutcome(line("update", { initials: "Q.Q." }), outcomeCtx({ withCode: byHand }))).toMatchObject({
      kind: "update",
      participant: { id: "p123", code: "NST-001", initials: "Q.Q." },
      fields: ["initials"],
    });
    expect(importOutcome(line("update"), outcomeCtx({ withCode: byHand }))).toMatchObject({ kind: "unchanged" });
  });

  it("refuses an update of nobody, or of a participant another organisation wrote", () => {
    expect(importOutcome(line("update"), outcomeCtx())).toEqual({ kind: "refused", reason: IMPORT_REFUSED.nothingToUpdate });
    const theirs = stored("p123", "NST-001", { writtenBy: "kommun" });
    expect(importOutcome(line("update", { initials: "Q.Q." }), outcomeCtx({ withCode: theirs }))).toEqual({
      kind: "refused",
      reason: IMPORT_REFUSED.notYourOrganisations,
    });
  });
});

describe("the case manager may see the participant", () => {
  const consent: Consent = {
    boardId: "b",
    participantId: "p123",
    disclosingOrganisationId: "region",
    receivingOrganisationIds: ["kommun"],
    basis: "consent",
    status: "given",
    givenOn: "2026-01-01",
    validUntil: "2026-12-31",
    recordedBy: "bo",
    recordedAt: "2026-01-01T00:00:00.000Z",
  };

  it("a new participant has no consent yet: a case manager of another organisation is refused", () => {
    expect(importOutcome(line("create", { caseManagerId: "kim" }), outcomeCtx())).toEqual({
      kind: "refused",
      reason: IMPORT_REFUSED.caseManagerMayNotSee,
    });
  });

  it("an update may name one whose organisation the writer's valid consent names", () => {
    const p = stored("p123", "NST-001");
    expect(importOutcome(line("update", { caseManagerId: "kim" }), outcomeCtx({ withCode: p }))).toMatchObject({ kind: "refused" });
    expect(importOutcome(line("update", { caseManagerId: "kim" }), outcomeCtx({ withCode: p, consents: [consent] }))).toMatchObject({
      kind: "update",
      fields: ["caseManagerId"],
    });
  });
});

describe("the day-one columns: plans and each organisation's consent (issue 24)", () => {
  const header =
    "kod;initialer;handläggare;organisationer;krisplan;tidiga tecken;sip;sip datum;sip nästa uppföljning;sip sammankallande;" +
    "samtycke (Psykiatri Nordstad);samtycke givet (Psykiatri Nordstad);samtycke giltigt t.o.m. (Psykiatri Nordstad);samtycke mottagare (Psykiatri Nordstad);" +
    "samtycke (Norrby socialtjänst)";

  it("names consent columns per organisation, by name or id, and refuses an organisation the board does not have", () => {
    expect(
      columnsOf(records("kod;initialer;handläggare;organisationer;samtycke (kommun);Samtycke givet (Psykiatri Nordstad)")[0], organisations)
        .columns,
    ).toEqual([
      "code",
      "initials",
      "caseManager",
      "organisations",
      { consent: "status", organisationId: "kommun" },
      { consent: "givenOn", organisationId: "region" },
    ]);
    expect(() => columnsOf(records("kod;initialer;handläggare;organisationer;samtycke (Okänd)")[0], organisations)).toThrow(
      /organisation the board does not have/,
    );
    expect(() =>
      columnsOf(records("kod;initialer;handläggare;organisationer;samtycke (kommun);samtycke (Norrby socialtjänst)")[0], organisations),
    ).toThrow(/twice/);
  });

  it("reads the plans and the importing organisation's own consent, receivers defaulting to the line's other organisations", () => {
    const plan = planImport(
      records(
        header,
        "NST-001;A.B.;Bo Region;Norrby socialtjänst;ja;Nej;ja;2026-01-10;2026-07-10;Norrby socialtjänst;givet;2026-01-01;2026-12-31;;",
      ),
      ctx,
    );
    expect(plan.refused).toEqual([]);
    expect(plan.accepted[0]).toMatchObject({
      plans: {
        crisisPlan: "yes",
        earlySignsPlan: "no",
        sip: { held: "yes", heldOn: "2026-01-10", nextFollowUpOn: "2026-07-10", convenedBy: "kommun" },
      },
      consent: {
        disclosingOrganisationId: "region",
        status: "given",
        givenOn: "2026-01-01",
        validUntil: "2026-12-31",
        receivingOrganisationIds: ["kommun"],
      },
    });
  });

  it("leaves empty cells saying nothing: no plans, no consent", () => {
    const plan = planImport(records(header, "NST-001;A.B.;Bo Region;Norrby socialtjänst;;;;;;;;;;;"), ctx);
    expect(plan.accepted[0]).not.toHaveProperty("plans");
    expect(plan.accepted[0]).not.toHaveProperty("consent");
  });

  it("refuses, line by line, another organisation's consent and what it cannot read", () => {
    const plan = planImport(
      records(
        header,
        "NST-001;A.B.;Bo Region;Norrby socialtjänst;;;;;;;;;;;givet",
        "NST-002;A.B.;Bo Region;Norrby socialtjänst;kanske;;;;;;;;;;",
        "NST-003;A.B.;Bo Region;Norrby socialtjänst;;;;2026-01-10;;;;;;;",
        "NST-004;A.B.;Bo Region;Norrby socialtjänst;;;ja;10/1 2026;;;;;;;",
        "NST-005;A.B.;Bo Region;Norrby socialtjänst;;;;;;;givet;;;;",
        "NST-006;A.B.;Bo Region;Norrby socialtjänst;;;;;;;;2026-01-01;;;",
        "NST-007;A.B.;Bo Region;Norrby socialtjänst;;;;;;;ok;;;;",
        "NST-008;A.B.;Bo Region;Norrby socialtjänst;;;;;;;givet;2026-05-01;2026-01-01;;",
        "NST-009;A.B.;Bo Region;Norrby socialtjänst;;;;;;;givet;2026-01-01;2026-12-31;Okänd;",
        "NST-010;A.B.;Bo Region;Psykiatri Nordstad;;;;;;;givet;2026-01-01;2026-12-31;;",
        "NST-011;A.B.;Bo Region;Norrby socialtjänst;;;ja;;;Okänd;;;;;",
        "NST-012;A.B.;Bo Region;Norrby socialtjänst;;;ja;2027-01-01;;;;;;;",
        "NST-013;A.B.;Bo Region;Norrby socialtjänst;;;;;;;avböjt;;;;",
      ),
      ctx,
    );
    expect(plan.refused).toEqual([
      { line: 2, reason: IMPORT_REFUSED.othersConsent },
      { line: 3, reason: IMPORT_REFUSED.planValue },
      { line: 4, reason: IMPORT_REFUSED.sipColumnMissing },
      { line: 5, reason: IMPORT_REFUSED.date },
      { line: 6, reason: IMPORT_REFUSED.givenNeedsDates },
      { line: 7, reason: IMPORT_REFUSED.consentWithoutStatus },
      { line: 8, reason: IMPORT_REFUSED.consentStatus },
      { line: 9, reason: IMPORT_REFUSED.endsBeforeGiven },
      { line: 10, reason: IMPORT_REFUSED.consentReceiverUnknown },
      // Only the region involved: its consent would name nobody.
      { line: 11, reason: IMPORT_REFUSED.noReceivers },
      { line: 12, reason: IMPORT_REFUSED.convenerUnknown },
      { line: 13, reason: IMPORT_REFUSED.heldInFuture },
    ]);
    expect(plan.accepted.map((a) => [a.line, a.consent?.status])).toEqual([[14, "declined"]]);
  });

  it("creates a participant with the line's plans, and reports a re-run of the same line as unchanged with nothing to record", () => {
    const parsed: ParsedLine = {
      ...line("create"),
      plans: { crisisPlan: "yes" },
      consent: {
        disclosingOrganisationId: "region",
        status: "given",
        givenOn: "2026-01-01",
        validUntil: "2026-12-31",
        receivingOrganisationIds: ["kommun"],
      },
    };
    const at = { memberId: "bo", at: "2026-03-04T08:00:00.000Z" };
    const first = importOutcome(parsed, outcomeCtx({ importedBy: at }));
    expect(first).toMatchObject({
      kind: "create",
      participant: { plans: { crisisPlan: "yes", updatedBy: "bo" } },
      consent: parsed.consent,
    });
    const stored = (first as { participant: Participant }).participant;
    const recorded: Consent = {
      boardId: "b",
      participantId: stored.id,
      disclosingOrganisationId: "region",
      receivingOrganisationIds: ["kommun"],
      basis: "consent",
      status: "given",
      givenOn: "2026-01-01",
      validUntil: "2026-12-31",
      recordedBy: "bo",
      recordedAt: at.at,
    };
    const again = importOutcome(parsed, outcomeCtx({ withCode: stored, withImportedId: stored, consents: [recorded], importedBy: at }));
    expect(again).toEqual({ kind: "unchanged", participant: stored });
  });

  it("updates the plans of the importing organisation's own participant, naming them", () => {
    const own = stored("p123", "NST-001");
    expect(importOutcome({ ...line("update"), plans: { sip: { held: "no" } } }, outcomeCtx({ withCode: own }))).toMatchObject({
      kind: "update",
      fields: ["sip"],
      participant: { plans: { sip: { held: "no" } } },
    });
  });
});

describe("the board's own ids are references, not typed text", () => {
  // An Entra object id is a random GUID: its first group may be eight digits that make a date, then four digits.
  const unlucky = member("tenant.19850312-1234-4abc-8def-0123456789ab", "region", "Ada Otur");
  const unluckyOrganisation = organisation("1985031212345", "Otursby kommun");
  const withUnlucky = { ...ctx, members: [...members, unlucky], organisations: [...organisations, unluckyOrganisation] };

  it("an import line naming a member or organisation by an id that holds a date and four digits is accepted", () => {
    const plan = planImport(records(`NST-001;A.B.;${unlucky.id};1985031212345`), withUnlucky);
    expect(plan.refused).toEqual([]);
    expect(plan.accepted[0]).toMatchObject({ input: { caseManagerId: unlucky.id, organisationIds: ["1985031212345"] } });
  });

  it("the same text in a cell that is not one of the board's ids is refused as a personal identity number", () => {
    const plan = planImport(records(`NST-001;A.B.;${unlucky.id};Psykiatri Nordstad`, "NST-002;A.B.;bo;19850312-1234"), {
      ...ctx,
      members: [...members],
    });
    expect(plan.refused).toEqual([
      { line: 1, reason: expect.stringMatching(/personal identity number/), column: 3 },
      { line: 2, reason: expect.stringMatching(/personal identity number/), column: 4 },
    ]);
  });

  it("registering one by one: a member id that holds a date is fine, an unknown one is refused as a number", () => {
    const input = { code: "NST-001", initials: "A.B.", organisationIds: ["region"] };
    expect(refusalOf({ ...input, caseManagerId: unlucky.id }, withUnlucky)).toBeUndefined();
    expect(refusalOf({ ...input, caseManagerId: "19850312-1234" }, ctx)).toMatch(/personal identity number/);
  });
});
