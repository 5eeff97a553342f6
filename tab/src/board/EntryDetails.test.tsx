/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardView, row } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import { EntryActionsProvider } from "./EntryActions";
import { EntryDetails } from "./EntryDetails";

// What authorship allows comes from the server (mayEdit, mayMarkDone); the tab only shows it.

function renderDetails(r: ReturnType<typeof row>) {
  const board = boardView([r]);
  renderInTab(
    <ApiContext.Provider value={{} as ApiClient}>
      <BoardContext.Provider
        value={{
          board,
          boardId: "b1",
          unavailable: false,
          live: "live",
          refresh: async () => {},
          applyEntry: () => {},
          removeEntry: () => {},
        }}
      >
        <EntryActionsProvider>
          <EntryDetails row={r} />
        </EntryActionsProvider>
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

const northsAction = {
  id: "a1",
  what: "Hembesök",
  responsibleId: "m1",
  byWhen: "2026-11-25",
  done: false,
  writtenBy: "north",
  mayMarkDone: false,
};
const ownAction = { ...northsAction, id: "a2", what: "Ringa boendestödet", writtenBy: "region", mayMarkDone: true };

describe("an entry another organisation put on the board", () => {
  it("offers no edit or take-off when the server says the viewer's organisation does not own it, but still review", () => {
    renderDetails(
      row("FIK-001", { entry: { writtenBy: "north", mayEdit: false }, may: { editEntry: false, steer: false, takeOff: false } }),
    );
    expect(screen.queryByRole("button", { name: "Ändra" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ta bort från tavlan" })).toBeNull();
    expect(screen.getByRole("button", { name: "Markera som genomgången" })).toBeTruthy();
  });

  it("offers edit and take-off on the viewer's own organisation's entry", () => {
    renderDetails(row("FIK-002"));
    expect(screen.getByRole("button", { name: "Ändra" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ta bort från tavlan" })).toBeTruthy();
  });

  it("lets the viewer tick only the actions the server says are theirs to mark done", () => {
    renderDetails(row("FIK-003", { entry: { actions: [northsAction, ownAction] } }));
    expect((screen.getByRole("checkbox", { name: /^Hembesök/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole("checkbox", { name: /^Ringa boendestödet/ }) as HTMLInputElement).disabled).toBe(false);
  });
});

describe("the lead organisation steering an entry a partner put on (issue 24)", () => {
  it("offers priority and next evaluation, not the partner's reason, and taking it off", async () => {
    renderDetails(
      row("FIK-004", {
        entry: { writtenBy: "north", mayEdit: false, reasonNote: "Kommunens skäl" },
        may: { editEntry: false, steer: true, takeOff: true },
      }),
    );
    expect(screen.getByRole("button", { name: "Ta bort från tavlan" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Ändra" }));
    const dialog = await screen.findByRole("dialog", { name: "Ändra FIK-004" });
    expect(dialog.querySelector("input[type=radio]")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: /Anledning/ })).toBeNull();
    expect(screen.queryByRole("textbox", { name: /anteckning/i })).toBeNull();
  });

  it("says a priority and next evaluation it was not sent are not shown, and whose they are when it was", () => {
    renderDetails(row("FIK-005", { entry: { priority: undefined, nextEvaluationOn: undefined, writtenBy: "north" } }));
    expect(screen.getByText("Visas inte")).toBeTruthy();
    expect(screen.getByText("Visas inte för din organisation")).toBeTruthy();
  });
});

describe("the participant's plans", () => {
  it("say Ej angivet for a plan nobody stated, never Ingen, and flag an overdue SIP follow-up", () => {
    renderDetails(
      row("FIK-006", {
        participant: {
          plans: {
            crisisPlan: "notSet",
            earlySignsPlan: "no",
            sip: { held: "yes", heldOn: "2026-05-01", nextFollowUpOn: "2026-11-01", followUpOverdue: true },
          },
        },
      }),
    );
    expect(screen.getAllByText("Ej angivet").length).toBeGreaterThan(0);
    expect(screen.queryByText(/Ingen krisplan|Ingen SIP/)).toBeNull();
    expect(screen.getByText("SIP-uppföljning passerad")).toBeTruthy();
    // Only the record's writer is offered to change them (the server's plans.may).
    expect(screen.queryByRole("button", { name: "Ändra planer" })).toBeNull();
  });

  it("offers Ändra planer when the server says this viewer may set them", () => {
    renderDetails(
      row("FIK-007", {
        participant: {
          plans: { crisisPlan: "yes", earlySignsPlan: "yes", sip: { held: "notSet", followUpOverdue: false }, may: { set: true } },
        },
      }),
    );
    expect(screen.getByRole("button", { name: "Ändra planer" })).toBeTruthy();
  });
});
