/** @jest-environment jsdom */
import type { JoinRequestBody } from "@fact-board/contract";
import { fireEvent, screen } from "@testing-library/react";
import type { ApiClient } from "../api/client";
import { ApiRequestError } from "../api/errors";
import { renderInTab } from "../test-support/render";
import { JoinBoard } from "./JoinBoard";

it("asks to join the board the tab names, with a name and a message, and says the request is pending", async () => {
  const sent: Array<{ boardId: string; body: JoinRequestBody }> = [];
  const client = {
    requestToJoin: async (boardId: string, body: JoinRequestBody) => (sent.push({ boardId, body }), { state: "pending" as const }),
  } as unknown as ApiClient;
  renderInTab(<JoinBoard client={client} boardId="b1" />);
  expect(screen.getByRole("button", { name: "Be om att gå med" })).toHaveProperty("disabled", true);
  fireEvent.change(screen.getByRole("textbox", { name: /Ditt namn/ }), { target: { value: "Maja Kommun" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Meddelande/ }), { target: { value: "Samordnare" } });
  fireEvent.click(screen.getByRole("button", { name: "Be om att gå med" }));
  expect((await screen.findByRole("status")).textContent).toMatch(/väntar på godkännande/);
  expect(sent).toEqual([{ boardId: "b1", body: { displayName: "Maja Kommun", message: "Samordnare" } }]);
});

it("says in words when the board cannot be joined from the person's organisation", async () => {
  const client = {
    requestToJoin: async () => Promise.reject(new ApiRequestError(404, "NotFound", "The board was not found.")),
  } as unknown as ApiClient;
  renderInTab(<JoinBoard client={client} boardId="b1" />);
  fireEvent.change(screen.getByRole("textbox", { name: /Ditt namn/ }), { target: { value: "Olle Okänd" } });
  fireEvent.click(screen.getByRole("button", { name: "Be om att gå med" }));
  expect((await screen.findByRole("alert")).textContent).toMatch(/din organisation är inte med på den/);
});

it("says in Swedish when too many requests wait, or too many were sent", async () => {
  let error = new ApiRequestError(429, "TooManyRequests", "Too many requests …", undefined, undefined, "PendingJoinRequestsCapped");
  const client = { requestToJoin: async () => Promise.reject(error) } as unknown as ApiClient;
  renderInTab(<JoinBoard client={client} boardId="b1" />);
  fireEvent.change(screen.getByRole("textbox", { name: /Ditt namn/ }), { target: { value: "Olle Okänd" } });
  fireEvent.click(screen.getByRole("button", { name: "Be om att gå med" }));
  expect((await screen.findByRole("alert")).textContent).toMatch(/många obesvarade förfrågningar från din organisation/);
  error = new ApiRequestError(429, "TooManyRequests", "Too many requests. Wait a moment and try again.");
  fireEvent.click(screen.getByRole("button", { name: "Be om att gå med" }));
  await screen.findByText(/många förfrågningar på kort tid/);
});
