/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { entry } from "../test-support/fixtures";
import { renderInTab } from "../test-support/render";
import { ConflictDialog } from "./ConflictDialog";

describe("ConflictDialog", () => {
  const before = entry({ priority: "medium", nextEvaluationOn: "2026-11-26" });
  const current = entry({ priority: "medium", nextEvaluationOn: "2026-11-29", etag: 'W/"2"' });

  it("shows what changed meanwhile and one's own change, and lets one re-apply it", () => {
    const onReapply = jest.fn();
    const onDiscard = jest.fn();
    renderInTab(<ConflictDialog conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }} onReapply={onReapply} onDiscard={onDiscard} />);
    const dialog = within(screen.getByRole("alertdialog", { name: "Någon annan ändrade FIK-021 samtidigt" }));
    expect(dialog.getByRole("row", { name: /^Prioritet/ }).textContent).toContain("Låg");
    expect(dialog.getByRole("row", { name: /^Nästa uppföljning/ }).textContent).toMatch(/29 nov/);
    fireEvent.click(dialog.getByRole("button", { name: "Använd min ändring igen" }));
    expect(onReapply).toHaveBeenCalledTimes(1);
    fireEvent.click(dialog.getByRole("button", { name: "Ignorera min ändring" }));
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it("offers only to discard when the entry is gone", () => {
    renderInTab(<ConflictDialog conflict={{ code: "FIK-021", before, change: { kind: "review" } }} onReapply={jest.fn()} onDiscard={jest.fn()} />);
    const dialog = screen.getByRole("alertdialog");
    expect(dialog.textContent).toContain("Deltagaren finns inte längre på tavlan");
    expect(within(dialog).queryAllByRole("button", { name: "Använd min ändring igen" })).toHaveLength(0);
  });

  it("speaks English when the viewer does", () => {
    renderInTab(<ConflictDialog conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }} onReapply={jest.fn()} onDiscard={jest.fn()} />, "en-GB");
    screen.getByRole("button", { name: "Apply my change again" });
  });
});
