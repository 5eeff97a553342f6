/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { renderInTab } from "../../test-support/render";
import { NotReachedList } from "./NotReachedList";

it("lists the colleagues the bot's cards do not reach, under its own heading", () => {
  renderInTab(<NotReachedList people={[{ memberId: "t.o1", displayName: "Bo Chef", since: "2026-03-02T09:15:00.000Z" }]} />);
  const list = screen.getByRole("region", { name: "Når inte fram" });
  expect(list.textContent).toContain("Bo Chef");
  expect(screen.getAllByRole("listitem")).toHaveLength(1);
});

it("shows nothing when every card arrives", () => {
  renderInTab(<NotReachedList people={[]} />);
  expect(screen.queryByRole("region", { name: "Når inte fram" })).toBeNull();
});
