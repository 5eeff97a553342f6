/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import type { ApiClient } from "../api/client";
import { ApiContext } from "../api/ApiContext";
import { ApiRequestError } from "../api/errors";
import { boardView } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { BoardShell } from "./BoardShell";

describe("the board while storage cannot be reached", () => {
  it("says so, retries by itself and shows the board once it answers", async () => {
    const board = jest
      .fn()
      .mockRejectedValueOnce(new ApiRequestError(503, "StorageUnavailable", "later", undefined, undefined, undefined, 0.6))
      .mockResolvedValue(boardView([]));
    const client = { board } as unknown as ApiClient;
    renderInTab(
      <ApiContext.Provider value={client}>
        <BoardShell boardId="b1">
          <p>Tavlan visas</p>
        </BoardShell>
      </ApiContext.Provider>,
    );
    expect((await screen.findByRole("status")).textContent).toBe("Tavlan kan inte nås just nu – försöker igen…");
    expect(await screen.findByText("Tavlan visas", undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
    expect(board).toHaveBeenCalledTimes(2);
  });
});

describe('the board\'s first read, made beside "me"', () => {
  it("shows a failure at once, as if the shell had read it, and retries by itself without reading it again first", async () => {
    const board = jest.fn().mockResolvedValue(boardView([]));
    const client = { board } as unknown as ApiClient;
    const failure = new ApiRequestError(503, "StorageUnavailable", "later", undefined, undefined, undefined, 0.6);
    renderInTab(
      <ApiContext.Provider value={client}>
        <BoardShell boardId="b1" firstBoard={{ failure }}>
          <p>Tavlan visas</p>
        </BoardShell>
      </ApiContext.Provider>,
    );
    expect((await screen.findByRole("status")).textContent).toBe("Tavlan kan inte nås just nu – försöker igen…");
    expect(board).not.toHaveBeenCalled();
    expect(await screen.findByText("Tavlan visas", undefined, { timeout: 3000 })).toBeTruthy();
    expect(board).toHaveBeenCalledTimes(1);
  });

  it('shows a board that came with "me" in its first render', () => {
    const board = jest.fn();
    renderInTab(
      <ApiContext.Provider value={{ board } as unknown as ApiClient}>
        <BoardShell boardId="b1" firstBoard={{ board: boardView([]) }}>
          <p>Tavlan visas</p>
        </BoardShell>
      </ApiContext.Provider>,
    );
    expect(screen.getByText("Tavlan visas")).toBeTruthy();
    expect(board).not.toHaveBeenCalled();
  });
});
