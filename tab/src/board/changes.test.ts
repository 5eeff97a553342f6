import { entry } from "../test-support/fixtures";
import { conflictDiff } from "./changes";

describe("the conflict dialog's diff", () => {
  it("shows what the other person changed next to the field one changed oneself", () => {
    const before = entry({ priority: "medium", nextEvaluationOn: "2026-11-26" });
    const current = entry({ priority: "medium", nextEvaluationOn: "2026-11-29", etag: 'W/"2"' });
    const rows = conflictDiff(before, current, { kind: "edit", fields: { priority: "low" } });
    expect(rows).toEqual([
      { field: "priority", before: "medium", theirs: "medium", yours: "low" },
      { field: "nextEvaluationOn", before: "2026-11-26", theirs: "2026-11-29", yours: undefined },
    ]);
  });

  it("lists an action someone else added meanwhile, so adding one's own loses neither", () => {
    const before = entry();
    const current = entry({
      actions: [
        { id: "a1", what: "Hembesök", responsibleId: "m2", byWhen: "2026-11-25", done: false, writtenBy: "region", mayMarkDone: true },
      ],
    });
    const rows = conflictDiff(before, current, {
      kind: "addAction",
      action: { id: "x", what: "Ringa", responsibleId: "m1", byWhen: "2026-11-25" },
    });
    expect(rows).toEqual([{ field: "actions", before: "", theirs: "Hembesök", yours: undefined }]);
  });

  it("shows a cleared reason note as one's change", () => {
    const before = entry({ reasonNote: "Ny lägenhet" });
    const rows = conflictDiff(before, entry({ reasonNote: "Ny lägenhet" }), { kind: "edit", fields: { reasonNote: null } });
    expect(rows).toEqual([{ field: "reasonNote", before: "Ny lägenhet", theirs: "Ny lägenhet", yours: "" }]);
  });
});
