import { boardView, row } from "../test-support/fixtures";
import { addDays, consentProblemOf, filterRows, hasExpiringConsent, sortForCheckIn } from "./model";

describe("the board model", () => {
  it("orders the check-in by priority, then by the longest time on the board", () => {
    const rows = [
      row("FIK-003", { entry: { priority: "low", daysOnBoard: 40 } }),
      row("FIK-001", { entry: { priority: "high", daysOnBoard: 2 } }),
      row("FIK-002", { entry: { priority: "high", daysOnBoard: 9 } }),
      row("FIK-004", { entry: { priority: "medium", daysOnBoard: 1 } }),
    ];
    expect(sortForCheckIn(rows).map((r) => r.participant.code)).toEqual(["FIK-002", "FIK-001", "FIK-004", "FIK-003"]);
  });

  it("filters by organisation, case manager (or the substitute covering), priority, consent problems and open signals", () => {
    const rows = [
      row("FIK-001", {
        participant: { organisationIds: ["region", "north"], caseManagerId: "m2", caseManagerStandInId: "m3", caseManagerAbsent: true },
      }),
      row("FIK-002", { participant: { consentProblem: true }, entry: { priority: "low" } }),
      row("FIK-003"),
    ];
    const board = boardView(rows, {
      signals: [
        {
          id: "s1",
          participantId: "p-FIK-003",
          fromOrganisationId: "north",
          toOrganisationId: "region",
          kind: "concern",
          urgency: "today",
          proposeBoard: false,
          state: "open",
          raisedBy: "m9",
          raisedAt: "2026-11-24T07:00:00+01:00",
          answerBy: "2026-11-24T16:00:00+01:00",
          overdue: false,
        },
      ],
    });
    const codes = (f: Parameters<typeof filterRows>[2]) => filterRows(board, rows, f).map((r) => r.participant.code);
    expect(codes({ organisationId: "north" })).toEqual(["FIK-001"]);
    expect(codes({ caseManagerId: "m3" })).toEqual(["FIK-001"]);
    expect(codes({ priority: "low" })).toEqual(["FIK-002"]);
    expect(codes({ consentProblems: true })).toEqual(["FIK-002"]);
    expect(codes({ openSignals: true })).toEqual(["FIK-003"]);
    expect(codes({})).toEqual(["FIK-001", "FIK-002", "FIK-003"]);
  });

  it("words a consent as expiring within the server's 30-day window, never a window of its own", () => {
    const consent = {
      participantId: "p",
      disclosingOrganisationId: "north",
      receivingOrganisationIds: ["region"],
      basis: "consent" as const,
      status: "given" as const,
    };
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, daysUntilExpiry: 5 }] } }).participant)).toBe(true);
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, daysUntilExpiry: 90 }] } }).participant)).toBe(
      false,
    );
    // The tab once used 14 days while the server flags 30: 20 days left is expiring on both sides now.
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, daysUntilExpiry: 20 }] } }).participant)).toBe(true);
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, daysUntilExpiry: 30 }] } }).participant)).toBe(true);
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, daysUntilExpiry: 31 }] } }).participant)).toBe(
      false,
    );
    // Only the server's status says a consent is valid; no days left means nothing to count down.
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent, status: "expired" }] } }).participant)).toBe(false);
    expect(hasExpiringConsent(row("FIK-001", { participant: { consents: [{ ...consent }] } }).participant)).toBe(false);
  });

  it("takes the consent problem from the server and only words it: missing, or the fewest days left", () => {
    const given = { participantId: "p", receivingOrganisationIds: ["region"], basis: "consent" as const, status: "given" as const };
    const region = { ...given, disclosingOrganisationId: "region", daysUntilExpiry: 200 };
    const north = { ...given, disclosingOrganisationId: "north", daysUntilExpiry: 20 };
    // The server decides: no flag, no problem, whatever the days left say.
    expect(consentProblemOf({ consentProblem: false, consents: [region, { ...north, daysUntilExpiry: 3 }] })).toBeUndefined();
    expect(consentProblemOf({ consentProblem: true, consents: [region, north] })).toEqual({ kind: "expiring", days: 20 });
    expect(consentProblemOf({ consentProblem: true, consents: [region, { ...north, daysUntilExpiry: 0 }] })).toEqual({
      kind: "expiring",
      days: 0,
    });
    expect(
      consentProblemOf({ consentProblem: true, consents: [region, { ...north, status: "notAsked", daysUntilExpiry: undefined }] }),
    ).toEqual({ kind: "missing" });
    expect(
      consentProblemOf({ consentProblem: true, consents: [region, { ...north, status: "expired", daysUntilExpiry: undefined }] }),
    ).toEqual({ kind: "missing" });
    // Given but not yet in force: the server sends no days left.
    expect(consentProblemOf({ consentProblem: true, consents: [region, { ...north, daysUntilExpiry: undefined }] })).toEqual({
      kind: "missing",
    });
    expect(consentProblemOf({ consentProblem: true, consents: [] })).toEqual({ kind: "missing" });
  });

  it("filters consent problems by the server's flag alone", () => {
    const expiring = {
      participantId: "p",
      disclosingOrganisationId: "north",
      receivingOrganisationIds: ["region"],
      basis: "consent" as const,
      status: "given" as const,
      daysUntilExpiry: 10,
    };
    const rows = [
      row("FIK-001", { participant: { consents: [expiring] } }),
      row("FIK-002", { participant: { consents: [expiring], consentProblem: true } }),
    ];
    expect(filterRows(boardView(rows), rows, { consentProblems: true }).map((r) => r.participant.code)).toEqual(["FIK-002"]);
  });

  it("adds days to a calendar date across a month end", () => {
    expect(addDays("2026-11-28", 7)).toBe("2026-12-05");
  });
});
