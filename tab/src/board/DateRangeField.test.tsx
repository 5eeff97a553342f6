/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { renderInTab } from "../test-support/render";
import { DateRangeField, isRangeValid, type DateRange } from "./DateRangeField";

function Range({ initial }: { initial: DateRange }) {
  const [value, setValue] = useState(initial);
  return <DateRangeField value={value} onChange={setValue} fromLabel="Från" toLabel="Till" wrongMessage="Till kan inte vara före från." />;
}

it("accepts a range whose end is on or after its start, and nothing half-filled", () => {
  expect(isRangeValid({ from: "2026-11-24", to: "2026-11-24" })).toBe(true);
  expect(isRangeValid({ from: "2026-11-24", to: "2026-11-23" })).toBe(false);
  expect(isRangeValid({ from: "", to: "2026-11-23" })).toBe(false);
});

it("says so on the end date when the end comes before the start", () => {
  renderInTab(<Range initial={{ from: "2026-11-24", to: "2026-11-26" }} />);
  expect(screen.queryByText("Till kan inte vara före från.")).toBeNull();
  fireEvent.change(screen.getByLabelText(/^Till/), { target: { value: "2026-11-20" } });
  expect(screen.getByText("Till kan inte vara före från.")).toBeTruthy();
  expect(screen.getByLabelText(/^Till/).getAttribute("min")).toBe("2026-11-24");
});
