/** @jest-environment ./tab/test-support/jsdom-environment.cjs */
import { entry } from "../test-support/fixtures";
import { click, getByRole, queryAllByRole, render } from "../test-support/render";
import { ConflictDialog } from "./ConflictDialog";

describe("ConflictDialog", () => {
  const before = entry({ priority: "medium", nextEvaluationOn: "2026-11-26" });
  const current = entry({ priority: "medium", nextEvaluationOn: "2026-11-29", etag: 'W/"2"' });

  it("shows what changed meanwhile and one's own change, and lets one re-apply it", async () => {
    const onReapply = jest.fn();
    const onDiscard = jest.fn();
    const view = await render(<ConflictDialog conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }} onReapply={onReapply} onDiscard={onDiscard} />);
    const dialog = getByRole("alertdialog", "Någon annan ändrade FIK-021 samtidigt");
    expect(getByRole("row", /^Prioritet/, dialog).textContent).toContain("Låg");
    expect(getByRole("row", /^Nästa uppföljning/, dialog).textContent).toMatch(/29 nov/);
    await click(getByRole("button", "Använd min ändring igen", dialog));
    expect(onReapply).toHaveBeenCalledTimes(1);
    await click(getByRole("button", "Ignorera min ändring", dialog));
    expect(onDiscard).toHaveBeenCalledTimes(1);
    view.unmount();
  });

  it("offers only to discard when the entry is gone", async () => {
    const view = await render(<ConflictDialog conflict={{ code: "FIK-021", before, change: { kind: "review" } }} onReapply={jest.fn()} onDiscard={jest.fn()} />);
    const dialog = getByRole("alertdialog");
    expect(dialog.textContent).toContain("Deltagaren finns inte längre på tavlan");
    expect(queryAllByRole("button", "Använd min ändring igen", dialog)).toHaveLength(0);
    view.unmount();
  });

  it("speaks English when the viewer does", async () => {
    const view = await render(<ConflictDialog conflict={{ code: "FIK-021", before, current, change: { kind: "edit", fields: { priority: "low" } } }} onReapply={jest.fn()} onDiscard={jest.fn()} />, "en-GB");
    getByRole("button", "Apply my change again");
    view.unmount();
  });
});
