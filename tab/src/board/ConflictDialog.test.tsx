/** @jest-environment jsdom */
import { fireEvent } from "@testing-library/react";
import { openedDialog } from "../test-support/dialogs";
import { entry } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { ConflictDialog } from "./ConflictDialog";

describe("ConflictDialog", () => {
  const before = entry({ priority: "medium", nextEvaluationOn: "2026-11-26" });
  const current = entry({ priority: "medium", nextEvaluationOn: "2026-11-29", etag: 'W/"2"' });

  it("shows what changed meanwhile and one's own change, and lets one re-apply it", async () => {
    const onReapply = jest.fn();
    const onDiscard = jest.fn();
    renderInTab(
      <ConflictDialog
        conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }}
        onReapply={onReapply}
        onDiscard={onDiscard}
      />,
    );
    const dialog = await openedDialog(
      "Någon annan ändrade FIK-021 samtidigt",
      { role: "button", name: "Använd min ändring igen" },
      "alertdialog",
    );
    expect(dialog.getByRole("row", { name: /^Prioritet/ }).textContent).toContain("Låg");
    expect(dialog.getByRole("row", { name: /^Nästa uppföljning/ }).textContent).toMatch(/29 nov/);
    fireEvent.click(dialog.getByRole("button", { name: "Använd min ändring igen" }));
    expect(onReapply).toHaveBeenCalledTimes(1);
    fireEvent.click(dialog.getByRole("button", { name: "Ignorera min ändring" }));
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it("offers only to discard when the entry is gone", async () => {
    renderInTab(
      <ConflictDialog conflict={{ code: "FIK-021", before, change: { kind: "review" } }} onReapply={jest.fn()} onDiscard={jest.fn()} />,
    );
    const dialog = await openedDialog(/FIK-021/, { role: "button", name: "Ignorera min ändring" }, "alertdialog");
    expect(dialog.getByText(/Deltagaren finns inte längre på tavlan/)).toBeTruthy();
    expect(dialog.queryAllByRole("button", { name: "Använd min ändring igen" })).toHaveLength(0);
  });

  it("speaks English when the viewer does", async () => {
    renderInTab(
      <ConflictDialog
        conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }}
        onReapply={jest.fn()}
        onDiscard={jest.fn()}
      />,
      "en-GB",
    );
    const dialog = await openedDialog(/FIK-021/, { role: "button", name: "Apply my change again" }, "alertdialog");
    expect(dialog.getByRole("button", { name: "Discard my change" })).toBeTruthy();
  });
});
