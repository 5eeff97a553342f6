/** @jest-environment jsdom */
import type { SignalView } from "@fact-board/contract";
import { screen } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView, participant } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import { EntryActionsProvider } from "./EntryActions";
import { SignalsSection } from "./SignalsSection";

// A signal's answer is the receiving organisation's: when the server withholds it, the tab says so.

const signal: SignalView = {
  id: "s1",
  participantId: "p001",
  fromOrganisationId: "region",
  toOrganisationId: "north",
  kind: "concern",
  urgency: "today",
  note: "Regionens oro",
  proposeBoard: false,
  state: "open",
  raisedBy: "m1",
  raisedAt: "2026-11-24T07:00:00.000Z",
  answerBy: "2026-11-24T11:00:00.000Z",
  overdue: false,
};

function renderSignals(s: SignalView) {
  const board = boardView([], {
    signals: [s],
    viewer: { memberId: "w1", displayName: "Per", organisationId: "west", role: "coordinator", permissions: ["board.read"] },
  });
  renderInTab(
    <ApiContext.Provider value={{} as ApiClient}>
      <BoardContext.Provider value={boardContext(board)}>
        <EntryActionsProvider>
          <SignalsSection participant={participant({ organisationIds: ["region", "north", "west"] })} />
        </EntryActionsProvider>
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

it("says the receiver's answer is not shown instead of calling the signal open", () => {
  renderSignals({ ...signal, answerHidden: true });
  expect(screen.getByText("Svaret visas inte")).toBeTruthy();
  expect(screen.queryByText("Öppen")).toBeNull();
  expect(screen.getByText(/Regionens oro/)).toBeTruthy();
});

it("shows the state when the answer may be read", () => {
  renderSignals(signal);
  expect(screen.getByText("Öppen")).toBeTruthy();
  expect(screen.queryByText("Svaret visas inte")).toBeNull();
});

it("offers exactly the answers the server says this viewer may give", () => {
  renderSignals({ ...signal, may: { acknowledge: false, resolve: true, decline: false } });
  expect(screen.getByRole("button", { name: "Lös" })).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Kvittera" })).toBeNull();
  expect(screen.queryByRole("button", { name: "Avböj" })).toBeNull();
});

it("offers no answer when the server sends no rights with the signal", () => {
  renderSignals(signal);
  expect(screen.queryByRole("button", { name: "Lös" })).toBeNull();
});
