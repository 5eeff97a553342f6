import type { AbsenceView } from "@fact-board/contract";
import "../i18n/both";
import { i18nextFor } from "../i18n";
import { boardView, participant } from "../test-support/fixtures";
import { caseManagerCover, coverText } from "./cover";

const absence = (overrides: Partial<AbsenceView>): AbsenceView => ({
  id: "a1",
  memberId: "m2",
  organisationId: "region",
  from: "2026-11-24",
  to: "2026-11-28",
  reason: "sick",
  coverState: "requesting",
  ...overrides,
});

describe("who covers for an absent case manager", () => {
  const sv = i18nextFor("sv-SE").t;
  const en = i18nextFor("en-GB").t;
  const away = participant({ caseManagerId: "m2", caseManagerAbsent: true });

  it("says a substitute is being asked while the first one has not answered, not that there is none", () => {
    const board = boardView([], { absences: [absence({ coverState: "requesting", askedSubstituteId: "m3" })] });
    const cover = caseManagerCover(board, away);
    expect(cover).toEqual({ state: "requesting", caseManagerId: "m2", contactId: "m2", askedSubstituteId: "m3" });
    expect(coverText(sv, board, cover)).toBe("Ersättare tillfrågas");
    expect(coverText(en, board, cover)).toBe("Substitute asked");
  });

  it("names the substitute who accepted, who is then the contact", () => {
    const board = boardView([], { absences: [absence({ coverState: "covered", coveredBy: "m3" })] });
    const cover = caseManagerCover(board, { ...away, caseManagerStandInId: "m3" });
    expect(cover.contactId).toBe("m3");
    expect(coverText(sv, board, cover)).toBe("Ersättare: Cecilia Låtsas");
  });

  it("says there is no substitute only when nobody accepted", () => {
    const board = boardView([], { absences: [absence({ coverState: "uncovered" })] });
    expect(coverText(sv, board, caseManagerCover(board, away))).toBe("Ingen ersättare");
  });

  it("ignores cancelled absences and other days, and says nothing while the case manager is at work", () => {
    const board = boardView([], {
      absences: [absence({ coverState: "cancelled" }), absence({ id: "a2", from: "2026-11-25", coverState: "requesting" })],
    });
    expect(caseManagerCover(board, away).state).toBe("uncovered");
    const present = caseManagerCover(board, participant({ caseManagerId: "m2" }));
    expect(present).toEqual({ state: "present", caseManagerId: "m2", contactId: "m2" });
    expect(coverText(sv, board, present)).toBeUndefined();
  });
});
