import type { Role } from "@fact-board/contract";
import type { Member, Participant } from "./types";
import { consentRights, rowRights, signalRights } from "./viewer-rights";

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
  sip: { inPlace: false },
  crisisPlan: false,
  earlySignsPlan: false,
  onBoard: true,
  createdAt: "2026-11-01T08:00:00Z",
};

describe("a board row", () => {
  it("lets staff edit, review and take off their own participant's entry, and nobody else's", () => {
    expect(rowRights(member("staff"), { caseManagerOrCover: true }, participant, { writtenBy: "region" })).toEqual({
      editEntry: true,
      planActions: true,
      review: true,
      takeOff: true,
      raiseSignal: true,
    });
    expect(rowRights(member("staff"), { caseManagerOrCover: false }, participant, { writtenBy: "region" })).toEqual({
      editEntry: false,
      planActions: false,
      review: false,
      takeOff: false,
      raiseSignal: true,
    });
  });

  it("leaves the shared fields and taking off to the organisation that put the participant on the board", () => {
    const may = rowRights(member("coordinator", "north"), {}, participant, { writtenBy: "region" });
    expect(may).toMatchObject({ editEntry: false, takeOff: false, review: true, planActions: true });
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
