/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { boardContext, boardView, row } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext, type BoardContextValue } from "./BoardContext";
import { CompactBoard } from "./CompactBoard";

function context(rows: ReturnType<typeof row>[]): BoardContextValue {
  return boardContext(boardView(rows));
}

describe("the side panel's compact board", () => {
  const rows = [
    row("FIK-001", { entry: { priority: "high", reason: "crisis", daysOnBoard: 12 } }),
    row("FIK-002", {
      entry: { priority: "low", reason: "discharge" },
      participant: { consentProblem: true, caseManagerId: "m2", caseManagerAbsent: true, caseManagerStandInId: "m3" },
    }),
  ];

  it("writes the priority in words as well as colour, with reason and days on the board", () => {
    renderInTab(
      <BoardContext.Provider value={context(rows)}>
        <CompactBoard rows={rows} onOpen={() => {}} />
      </BoardContext.Provider>,
    );
    const list = screen.getByRole("list", { name: "På tavlan" });
    const first = within(list).getByRole("button", { name: /^FIK-001/ });
    expect(first.textContent).toContain("Hög");
    expect(first.textContent).toContain("Kris");
    expect(first.textContent).toContain("12 d på tavlan");
  });

  it("badges a consent problem and an absent case manager with the substitute who covers", () => {
    const onOpen = jest.fn();
    renderInTab(
      <BoardContext.Provider value={context(rows)}>
        <CompactBoard rows={rows} onOpen={onOpen} />
      </BoardContext.Provider>,
    );
    const second = screen.getByRole("button", { name: /^FIK-002/ });
    expect(second.textContent).toContain("Samtycke saknas");
    expect(second.textContent).toContain("Ersättare: Cecilia Låtsas");
    expect(screen.getByRole("button", { name: /^FIK-001/ }).textContent).not.toContain("Samtycke saknas");
    fireEvent.click(second);
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
  });

  it("words the server's consent problem as days left when every consent is valid but one ends soon", () => {
    const given = { participantId: "p-FIK-003", receivingOrganisationIds: ["region"], basis: "consent" as const, status: "given" as const };
    const consents = [
      { ...given, disclosingOrganisationId: "region", daysUntilExpiry: 200 },
      { ...given, disclosingOrganisationId: "north", daysUntilExpiry: 20 },
    ];
    const expiring = [
      row("FIK-003", { participant: { consentProblem: true, consents } }),
      row("FIK-004", { participant: { consentProblem: false, consents } }),
    ];
    renderInTab(
      <BoardContext.Provider value={context(expiring)}>
        <CompactBoard rows={expiring} onOpen={() => {}} />
      </BoardContext.Provider>,
    );
    const flagged = screen.getByRole("button", { name: /^FIK-003/ }).textContent;
    expect(flagged).toContain("Samtycke går ut om 20 d");
    expect(flagged).not.toContain("Samtycke saknas");
    // No flag from the server, no badge: the tab does not decide on its own.
    expect(screen.getByRole("button", { name: /^FIK-004/ }).textContent).not.toContain("Samtycke");
  });

  it("leads with the newest since-yesterday note and the organisation that wrote it (Sedan sist)", () => {
    const note = (organisationId: string, on: string, text: string) => ({
      participantId: "p-FIK-005",
      entryId: "e-FIK-005",
      on,
      organisationId,
      text,
      writtenBy: "m1",
      writtenAt: `${on}T07:00:00.000Z`,
    });
    const withNotes = [
      row("FIK-005", { sinceLast: [note("north", "2026-11-24", "Flyttat till jourboende"), note("region", "2026-11-23", "Missat depå")] }),
      row("FIK-006"),
    ];
    renderInTab(
      <BoardContext.Provider value={context(withNotes)}>
        <CompactBoard rows={withNotes} onOpen={() => {}} />
      </BoardContext.Provider>,
    );
    const withNote = screen.getByRole("button", { name: /^FIK-005/ }).textContent;
    expect(withNote).toContain("Sedan sist: Flyttat till jourboende (Norrby soc) +1");
    expect(withNote).not.toContain("Missat depå");
    expect(screen.getByRole("button", { name: /^FIK-006/ }).textContent).not.toContain("Sedan sist");
  });
});
