/** @jest-environment jsdom */
import type { BoardView } from "@fact-board/contract";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ApiClient, LiveHandlers } from "../api/client";
import { boardView } from "../test-support/fixtures";
import { REFETCH_DEBOUNCE_MS, useBoard } from "./useBoard";

// The live stream and the first board read race on opening: the stream's first event announces
// the version the read is about to return. One read is enough then; a newer version is not.

function fakeClient() {
  const reads: Array<(board: BoardView) => void> = [];
  let live: LiveHandlers | undefined;
  const client = {
    board: jest.fn(() => new Promise<BoardView>((resolve) => reads.push(resolve))),
    liveVersions: jest.fn(async (_boardId: string, on: LiveHandlers) => {
      live = on;
      on.open();
      await new Promise(() => undefined);
    }),
  };
  return {
    client: client as unknown as ApiClient,
    reads,
    announce: (v: number) => live?.version(v),
    calls: () => client.board.mock.calls.length,
  };
}

// useLiveVersion opens the stream only where fetch exists (jsdom has none); the fake client never calls it.
beforeAll(() => {
  (globalThis as Record<string, unknown>).fetch ??= () => Promise.reject(new Error("no network in this test"));
});

const afterDebounce = () => act(() => new Promise((r) => setTimeout(r, REFETCH_DEBOUNCE_MS + 50)));

describe("the board and its live stream", () => {
  it("reads the board once when the stream announces, while the first read is under way, the version that read returns", async () => {
    const fake = fakeClient();
    const { result } = renderHook(() => useBoard(fake.client, "b1"));
    await waitFor(() => expect(fake.reads).toHaveLength(1));
    act(() => fake.announce(4));
    await act(async () => fake.reads[0]!(boardView([], { version: 4 })));
    await afterDebounce();
    expect(result.current.board?.version).toBe(4);
    expect(fake.calls()).toBe(1);
  });

  it("reads again when the announced version is newer than the one the read returned", async () => {
    const fake = fakeClient();
    const { result } = renderHook(() => useBoard(fake.client, "b1"));
    await waitFor(() => expect(fake.reads).toHaveLength(1));
    act(() => fake.announce(5));
    await act(async () => fake.reads[0]!(boardView([], { version: 4 })));
    await waitFor(() => expect(fake.calls()).toBe(2));
    await act(async () => fake.reads[1]!(boardView([], { version: 5 })));
    expect(result.current.board?.version).toBe(5);
  });

  it('shows a board that came with "me" in its first render, without reading it again, and reads a newer version', async () => {
    const fake = fakeClient();
    const { result } = renderHook(() => useBoard(fake.client, "b1", { board: boardView([], { version: 4 }) }));
    expect(result.current.board?.version).toBe(4);
    act(() => fake.announce(4));
    await afterDebounce();
    expect(fake.calls()).toBe(0);
    act(() => fake.announce(5));
    await waitFor(() => expect(fake.calls()).toBe(1));
  });

  it("reads again for a version announced after the board is shown", async () => {
    const fake = fakeClient();
    renderHook(() => useBoard(fake.client, "b1"));
    await waitFor(() => expect(fake.reads).toHaveLength(1));
    await act(async () => fake.reads[0]!(boardView([], { version: 4 })));
    act(() => fake.announce(4));
    await afterDebounce();
    expect(fake.calls()).toBe(1);
    act(() => fake.announce(6));
    await waitFor(() => expect(fake.calls()).toBe(2));
  });
});
