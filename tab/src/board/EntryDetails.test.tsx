/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
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
          subscribeLive: () => () => undefined,
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
    renderDetails(row("FIK-001", { entry: { writtenBy: "north", mayEdit: false }, may: { editEntry: false, takeOff: false } }));
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
