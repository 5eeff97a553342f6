/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView, row } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import { EntryActionsProvider } from "./EntryActions";
import { EntryDetails } from "./EntryDetails";

// What authorship allows comes from the server (mayEdit, mayMarkDone); the tab only shows it.

function renderDetails(r: ReturnType<typeof row>) {
  const board = boardView([r]);
  renderInTab(
    <ApiContext.Provider value={{} as ApiClient}>
      <BoardContext.Provider value={boardContext(board)}>
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
    // Its reason is that organisation's words, shown with its name.
    expect(screen.getByText("Kris (Norrby soc)")).toBeTruthy();
  });

  it("offers edit and take-off on the viewer's own organisation's entry", () => {
    renderDetails(row("FIK-002"));
    expect(screen.getByRole("button", { name: "Ändra" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ta bort från tavlan" })).toBeTruthy();
  });

  it("lets the viewer tick only the actions the server says are theirs to mark done", () => {
    renderDetails(row("FIK-003", { entry: { actions: [northsAction, ownAction] } }));
    expect((screen.getByRole("checkbox", { name: /^Ringa boendestödet/ }) as HTMLInputElement).disabled).toBe(false);
    // Another organisation's action is its words to read, not a disabled control (issue 26).
    expect(screen.queryByRole("checkbox", { name: /^Hembesök/ })).toBeNull();
  });

  it("shows another organisation's action as normal text with that organisation and whether it is done", () => {
    const done = { ...northsAction, id: "a3", what: "Boendestöd ordnat", done: true };
    renderDetails(row("FIK-004", { entry: { actions: [northsAction, done] } }));
    const plan = screen.getByRole("region", { name: "Dagens plan" });
    expect(within(plan).queryAllByRole("checkbox")).toEqual([]);
    const open = within(plan)
      .getByText(/^Hembesök — Ada Fiktiv \(Psykiatrin\), senast/)
      .closest("li")!;
    expect(open.textContent).toContain("Inte klar · Skriven av Norrby soc");
    const finished = within(plan)
      .getByText(/^Boendestöd ordnat/)
      .closest("li")!;
    expect(finished.textContent).toContain("Klar · Skriven av Norrby soc");
    // No line of the plan is a disabled control ("Lägg till åtgärd" waits for a filled form: that is "not now").
    expect(within(plan).getByRole("list").querySelectorAll("[disabled], [aria-disabled='true']")).toHaveLength(0);
  });

  it("shows the viewer's own organisation's actions as text too when the row gives no right to plan", () => {
    renderDetails(row("FIK-005", { entry: { actions: [ownAction] }, may: { planActions: false } }));
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.getByText(/^Ringa boendestödet/).closest("li")!.textContent).toContain("Skriven av Psykiatrin");
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
    // In the dialog: the drawer's own Sedan sist field (the lead organisation's note) is not the partner's reason note.
    expect(within(dialog).queryByRole("combobox", { name: /Anledning/ })).toBeNull();
    expect(within(dialog).queryByRole("textbox", { name: /anteckning/i })).toBeNull();
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
