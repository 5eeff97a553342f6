/** @jest-environment jsdom */
import type { WalkthroughMoveView, WalkthroughResponse, WalkthroughView } from "@fact-board/contract";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView } from "../test-support/fixtures";
import { BoardContext } from "./BoardContext";
import type { LiveListener } from "./useBoard";
import { useSharedWalkthrough } from "./useSharedWalkthrough";

// Answers to an attendee's reads and own join can arrive in any order; the stage shows the newest
// walkthrough by its version, whichever answer came last.

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const at = (version: number, index: number, attendees: string[] = []): WalkthroughView =>
  ({
    date: "2026-12-08",
    meetingId: "all",
    version,
    current: { index },
    attendees: attendees.map((memberId) => ({ memberId })),
    presenter: { memberId: "presenter" },
  }) as unknown as WalkthroughView;

it("keeps the presenter's move when the attendee's own join is answered after it", async () => {
  const reads = [deferred<WalkthroughResponse>(), deferred<WalkthroughResponse>()];
  let read = 0;
  const join = deferred<WalkthroughResponse>();
  const move = deferred<WalkthroughMoveView>();
  const client = {
    walkthrough: jest.fn(() => reads[read++]!.promise),
    joinWalkthrough: jest.fn(() => join.promise),
    walkthroughMove: jest.fn(() => move.promise),
  } as unknown as ApiClient;
  const listeners = new Set<LiveListener>();
  const board = boardView([]);
  const context = {
    ...boardContext(board),
    subscribeLive: (l: LiveListener) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={client}>
      <BoardContext.Provider value={context}>{children}</BoardContext.Provider>
    </ApiContext.Provider>
  );
  const { result } = renderHook(() => useSharedWalkthrough({ attend: true }), { wrapper });
  const announce = (version: number, index: number, change: "move" | "other") =>
    act(() => listeners.forEach((l) => l({ kind: "walkthrough", event: { meetingId: "all", version, index, change } })));

  await act(async () => reads[0]!.resolve({ walkthrough: at(1, 0) }));
  await waitFor(() => expect(client.joinWalkthrough).toHaveBeenCalled());
  // The join is saved (version 2) and the presenter moves on (version 3) before the join's answer arrives.
  announce(2, 0, "other");
  announce(3, 1, "move");
  await act(async () =>
    move.resolve({
      meetingId: "all",
      version: 3,
      presenterId: "presenter",
      isPresenter: false,
      presenterPresent: true,
      current: { index: 1 },
    } as WalkthroughMoveView),
  );
  expect(result.current.walkthrough?.current?.index).toBe(1);
  await act(async () => join.resolve({ walkthrough: at(2, 0, [board.viewer.memberId]) }));
  await act(async () => reads[1]!.resolve({ walkthrough: at(2, 0, [board.viewer.memberId]) }));
  expect(result.current.walkthrough?.current?.index).toBe(1);
  expect(result.current.walkthrough?.version).toBe(3);
});
