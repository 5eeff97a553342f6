import type { Role } from "@fact-board/contract";
import type { Member, Participant } from "./types";
import {
  consentRights,
  mayEditWorkingPattern,
  mayWriteContact,
  planRights,
  rowRights,
  signalRights,
  workingPatternPermission,
} from "./viewer-rights";

// The rights the views send with each row, signal and consent: the tab shows exactly these buttons.

const member = (role: Role, organisationId = "region"): Member => ({
  id: "m1",
  boardId: "b1",
  tenantId: "t",
  objectId: "o",
  displayName: "Ada",
  organisationId,
  role,
  substituteIds: [],
});

const participant: Participant = {
  id: "p1",
  boardId: "b1",
  code: "FIK-001",
  initials: "A.B.",
  caseManagerId: "m1",
  writtenBy: "region",
  organisationIds: ["region", "north"],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: true,
  createdAt: "2026-11-01T08:00:00Z",
};

describe("a board row", () => {
  it("lets staff edit, review and take off their own participant's entry, and nobody else's", () => {
    expect(rowRights(member("staff"), { caseManagerOrCover: true }, participant, { writtenBy: "region" })).toEqual({
      editEntry: true,
      steer: true,
      planActions: true,
      review: true,
      takeOff: true,
      raiseSignal: true,
      writeSinceLast: true,
    });
    expect(rowRights(member("staff"), { caseManagerOrCover: false }, participant, { writtenBy: "region" })).toEqual({
      editEntry: false,
      steer: false,
      planActions: false,
      review: false,
      takeOff: false,
      raiseSignal: true,
      writeSinceLast: false,
    });
  });

  it("leaves the shared fields and taking off to the organisation that put the participant on the board", () => {
    const may = rowRights(member("coordinator", "north"), {}, participant, { writtenBy: "region" });
    expect(may).toMatchObject({ editEntry: false, steer: false, takeOff: false, review: true, planActions: true });
    // The board's lead organisation is another: still nothing for Norrby.
    expect(rowRights(member("coordinator", "north"), {}, participant, { writtenBy: "region" }, "region")).toMatchObject({
      steer: false,
      takeOff: false,
    });
  });

  it("lets the lead organisation steer and take off an entry a partner put on, but not its reason (issue 24)", () => {
    const northsEntry = { writtenBy: "north" };
    for (const role of ["coordinator", "manager", "admin"] as const)
      expect(rowRights(member(role, "region"), {}, participant, northsEntry, "region")).toMatchObject({
        editEntry: false,
        steer: true,
        takeOff: true,
      });
    // The lead organisation's case manager of the participant may, its other staff may not.
    expect(rowRights(member("staff", "region"), { caseManagerOrCover: true }, participant, northsEntry, "region")).toMatchObject({
      steer: true,
      takeOff: true,
    });
    expect(rowRights(member("staff", "region"), { caseManagerOrCover: false }, participant, northsEntry, "region")).toMatchObject({
      steer: false,
      takeOff: false,
    });
    // A board without a lead organisation (set up before it existed): only the writer.
    expect(rowRights(member("coordinator", "region"), {}, participant, northsEntry)).toMatchObject({ steer: false, takeOff: false });
  });

  it("offers no signal when no other organisation is involved", () => {
    expect(rowRights(member("coordinator"), {}, { ...participant, organisationIds: ["region"] }, { writtenBy: "region" }).raiseSignal).toBe(
      false,
    );
  });
});

describe("a signal", () => {
  it("may be answered by the receiving organisation only, by what its state still allows", () => {
    expect(signalRights(member("coordinator", "north"), {}, { toOrganisationId: "north", state: "open" })).toEqual({
      acknowledge: true,
      resolve: true,
      decline: true,
    });
    expect(signalRights(member("coordinator", "north"), {}, { toOrganisationId: "north", state: "acknowledged" }).acknowledge).toBe(false);
    expect(signalRights(member("coordinator", "region"), {}, { toOrganisationId: "north", state: "open" })).toEqual({
      acknowledge: false,
      resolve: false,
      decline: false,
    });
    expect(
      signalRights(member("staff", "north"), { caseManagerOrCover: false }, { toOrganisationId: "north", state: "open" }).resolve,
    ).toBe(false);
  });
});

describe("a consent", () => {
  it("is recorded by the disclosing organisation, where it has someone to disclose to", () => {
    expect(consentRights(member("coordinator"), {}, participant, "region").record).toBe(true);
    expect(consentRights(member("coordinator"), {}, participant, "north").record).toBe(false);
    expect(consentRights(member("coordinator"), {}, { ...participant, organisationIds: ["region"] }, "region").record).toBe(false);
    expect(consentRights(member("staff"), { caseManagerOrCover: true }, participant, "region").record).toBe(true);
  });
});

describe("plans", () => {
  it("are set by the organisation that wrote the record, by its leads and the participant's case manager", () => {
    expect(planRights(member("coordinator"), {}, participant)).toBe(true);
    expect(planRights(member("staff"), { caseManagerOrCover: true }, participant)).toBe(true);
    expect(planRights(member("staff"), { caseManagerOrCover: false }, participant)).toBe(false);
    expect(planRights(member("manager", "north"), {}, participant)).toBe(false);
  });
});

describe("a working pattern", () => {
  it("is set by the member themself, and another member's only by an admin", () => {
    expect(workingPatternPermission(member("staff"), "m1")).toBe("workingPattern.editOwn");
    expect(workingPatternPermission(member("staff"), "m2")).toBe("workingPattern.editOthers");
    expect(mayEditWorkingPattern(member("staff"), "m1")).toBe(true);
    expect(mayEditWorkingPattern(member("manager"), "m2")).toBe(false);
    expect(mayEditWorkingPattern(member("admin"), "m2")).toBe(true);
  });
});

describe("a contact in Kontakter", () => {
  it("is written by the organisation's leads, and by staff only as case manager or cover", () => {
    expect(mayWriteContact(member("coordinator"), { seesParticipant: true })).toBe(true);
    expect(mayWriteContact(member("staff"), { seesParticipant: true, caseManagerOrCover: true })).toBe(true);
    expect(mayWriteContact(member("staff"), { seesParticipant: true, caseManagerOrCover: false })).toBe(false);
  });
});
