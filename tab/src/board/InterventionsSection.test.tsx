/** @jest-environment jsdom */
import type { BoardRow, InterventionView } from "@fact-board/contract";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView, row } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import { EntryActionsProvider } from "./EntryActions";
import { GoalSection } from "./GoalSection";
import { InterventionsSection } from "./InterventionsSection";

// Pågående insatser and Deltagarens mål (issue 26): what the viewer may change comes from the server
// (row.may, the ETag only on the own organisation's items); another organisation's lines are text.

function render(r: BoardRow, client: Partial<ApiClient> = {}) {
  const board = boardView([r]);
  renderInTab(
    <ApiContext.Provider value={client as ApiClient}>
      <BoardContext.Provider value={boardContext(board)}>
        <EntryActionsProvider>
          <GoalSection participant={r.participant} may={r.may} />
          <InterventionsSection row={r} />
        </EntryActionsProvider>
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

const intervention = (organisationId: string, over: Partial<InterventionView> = {}): InterventionView => ({
  id: `i-${organisationId}`,
  participantId: "p-FIK-001",
  organisationId,
  kind: "housingSupport",
  writtenBy: "m1",
  writtenAt: "2026-11-20T08:00:00.000Z",
  ...over,
});

describe("ongoing support on a row", () => {
  it("names each intervention's organisation and offers an end only on the viewer's own", () => {
    const r = row("FIK-001", { may: { keepInterventions: true } });
    r.interventions = [
      intervention("north", { label: "Två gånger i veckan", startedOn: "2026-10-01" }),
      intervention("region", { id: "i-own", kind: "depotMedication", etag: "W/1" }),
    ];
    render(r);
    const section = screen.getByRole("region", { name: "Pågående insatser" });
    expect(within(section).getByText("Boendestöd – Två gånger i veckan")).toBeTruthy();
    expect(within(section).getByText(/Norrby soc/)).toBeTruthy();
    const ends = within(section).getAllByRole("button", { name: /^Avsluta/ });
    expect(ends.map((b) => b.getAttribute("aria-label"))).toEqual(["Avsluta Depåmedicinering (Psykiatrin)"]);
  });

  it("adds the own organisation's intervention with the kind the person chose", async () => {
    const addIntervention = jest.fn().mockResolvedValue(intervention("region", { kind: "laro" }));
    const r = row("FIK-001", { may: { keepInterventions: true } });
    render(r, { addIntervention });
    const section = screen.getByRole("region", { name: "Pågående insatser" });
    fireEvent.click(within(section).getByRole("button", { name: /Lägg till insats/ }));
    fireEvent.change(within(section).getByRole("combobox", { name: "Insats" }), { target: { value: "laro" } });
    fireEvent.click(within(section).getByRole("button", { name: "Lägg till insats" }));
    await waitFor(() => expect(addIntervention).toHaveBeenCalled());
    expect(addIntervention.mock.calls[0]![2]).toMatchObject({ kind: "laro" });
  });

  it("changes the own organisation's label and start date under the ETag on screen, and offers no change of another's", async () => {
    const editIntervention = jest.fn().mockResolvedValue(intervention("region", { id: "i-own", etag: "W/2" }));
    const r = row("FIK-001", { may: { keepInterventions: true } });
    r.interventions = [
      intervention("north", { label: "Två gånger i veckan" }),
      intervention("region", { id: "i-own", kind: "depotMedication", label: "Varje vecka", startedOn: "2026-10-01", etag: "W/1" }),
    ];
    render(r, { editIntervention });
    const section = screen.getByRole("region", { name: "Pågående insatser" });
    const changes = within(section).getAllByRole("button", { name: /^Ändra/ });
    expect(changes.map((b) => b.getAttribute("aria-label"))).toEqual(["Ändra Depåmedicinering (Psykiatrin)"]);
    fireEvent.click(changes[0]!);
    const form = within(section).getByRole("form", { name: "Ändra Depåmedicinering" });
    expect((within(form).getByRole("textbox", { name: /Kort beskrivning/ }) as HTMLInputElement).value).toBe("Varje vecka");
    fireEvent.change(within(form).getByRole("textbox", { name: /Kort beskrivning/ }), { target: { value: "Varannan vecka" } });
    fireEvent.change(within(form).getByLabelText("Startade"), { target: { value: "" } });
    fireEvent.click(within(form).getByRole("button", { name: "Spara ändring" }));
    await waitFor(() => expect(editIntervention).toHaveBeenCalled());
    expect(editIntervention.mock.calls[0]!.slice(1)).toEqual([
      "p-FIK-001",
      "i-own",
      { etag: "W/1", label: "Varannan vecka", startedOn: null },
    ]);
    await waitFor(() => expect(within(section).queryByRole("form")).toBeNull());
  });

  it("offers nothing to change to a viewer the server gives no right", () => {
    const r = row("FIK-001", { may: { keepInterventions: false, setGoal: false } });
    r.interventions = [intervention("region", { etag: "W/1" })];
    render(r);
    expect(screen.queryByRole("button", { name: /Lägg till insats|^Avsluta|^Ändra (?!mål)/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Ändra mål" })).toBeNull();
  });
});

describe("the participant's goal", () => {
  it("shows the goal with the organisation that wrote it, editable only where the server says so", () => {
    const r = row("FIK-001", {
      participant: {
        goal: { text: "Ha kvar lägenheten", organisationId: "north", writtenBy: "m9", writtenAt: "2026-11-20T08:00:00.000Z" },
      },
      may: { setGoal: true },
    });
    render(r);
    const goal = screen.getByRole("region", { name: "Deltagarens mål" });
    expect(within(goal).getByText("Ha kvar lägenheten")).toBeTruthy();
    expect(within(goal).getByText("Skrivet av Norrby soc")).toBeTruthy();
    fireEvent.click(within(goal).getByRole("button", { name: "Ändra mål" }));
    expect(within(goal).getByRole("textbox", { name: /Deltagarens mål/ })).toBeTruthy();
  });
});
