/** @jest-environment ./tab/test-support/jsdom-environment.cjs */
import { boardView, row } from "../test-support/fixtures";
import { click, getByRole, queryAllByRole, render } from "../test-support/render";
import { BoardContext, type BoardContextValue } from "./BoardContext";
import { CompactBoard } from "./CompactBoard";

function context(rows: ReturnType<typeof row>[]): BoardContextValue {
  return { board: boardView(rows), boardId: "b1", live: "live", refresh: async () => {}, applyEntry: () => {}, removeEntry: () => {} };
}

describe("the side panel's compact board", () => {
  const rows = [
    row("FIK-001", { entry: { priority: "high", reason: "crisis", daysOnBoard: 12 } }),
    row("FIK-002", {
      entry: { priority: "low", reason: "discharge" },
      participant: { consentProblem: true, caseManagerId: "m2", caseManagerAbsent: true, caseManagerStandInId: "m3" },
    }),
  ];

  it("writes the priority in words as well as colour, with reason and days on the board", async () => {
    const view = await render(
      <BoardContext.Provider value={context(rows)}>
        <CompactBoard rows={rows} onOpen={() => {}} />
      </BoardContext.Provider>,
    );
    const list = getByRole("list", "På tavlan");
    const first = getByRole("button", /^FIK-001/, list);
    expect(first.textContent).toContain("Hög");
    expect(first.textContent).toContain("Kris");
    expect(first.textContent).toContain("12 d på tavlan");
    view.unmount();
  });

  it("badges a consent problem and an absent case manager with the substitute who covers", async () => {
    const onOpen = jest.fn();
    const view = await render(
      <BoardContext.Provider value={context(rows)}>
        <CompactBoard rows={rows} onOpen={onOpen} />
      </BoardContext.Provider>,
    );
    const second = getByRole("button", /^FIK-002/);
    expect(second.textContent).toContain("Samtycke saknas");
    expect(second.textContent).toContain("Ersättare: Cecilia Låtsas");
    expect(queryAllByRole("button", /^FIK-001/)[0]!.textContent).not.toContain("Samtycke saknas");
    await click(second);
    expect(onOpen).toHaveBeenCalledWith(rows[1]);
    view.unmount();
  });
});
