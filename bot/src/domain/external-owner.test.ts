import { AddActionBody } from "@fact-board/contract";
import { addAction } from "./board";
import type { BoardEntry, Member } from "./types";

// The network (issue 26): an action may be done by someone outside the board, named by role; the
// member who writes it stays responsible and the action carries their organisation.

const entry: BoardEntry = {
  id: "e1",
  boardId: "b1",
  participantId: "p1",
  writtenBy: "org-region",
  reason: "crisis",
  priority: "high",
  putOnOn: "2026-03-01",
  putOnBy: "m-region",
  nextEvaluationOn: "2026-03-12",
  actions: [],
  reviews: [],
  updatedAt: "2026-03-01T08:00:00.000Z",
  updatedBy: "m-region",
};
const municipalCoordinator = { id: "m-kommun", organisationId: "org-kommun", role: "coordinator" } as Member;

describe("an action owned outside the board", () => {
  it("names either a member or an external role, never both or neither", () => {
    const base = { etag: "e", what: "Följa med till AMF", byWhen: "2026-03-12" };
    expect(AddActionBody.safeParse({ ...base, responsibleId: "t.o" }).success).toBe(true);
    expect(AddActionBody.safeParse({ ...base, external: { role: "amfGuide", name: "Guide Demo" } }).success).toBe(true);
    expect(AddActionBody.safeParse({ ...base, external: { role: "amfGuide" }, responsibleId: "t.o" }).success).toBe(false);
    expect(AddActionBody.safeParse(base).success).toBe(false);
    expect(AddActionBody.safeParse({ ...base, external: { role: "socialtjänsten" } }).success).toBe(false);
    expect(AddActionBody.safeParse({ ...base, external: { role: "other", name: "x".repeat(61) } }).success).toBe(false);
    expect(AddActionBody.safeParse({ ...base, external: { role: "relative", name: "Mamma 19121212-1212" } }).success).toBe(false);
  });

  it("is the writing organisation's action, its writer responsible", () => {
    const next = addAction(
      entry,
      municipalCoordinator,
      {
        id: "a1",
        what: "Följa med till AMF",
        responsibleId: municipalCoordinator.id,
        byWhen: "2026-03-12",
        external: { role: "amfGuide" },
      },
      "2026-03-10T08:00:00.000Z",
    );
    expect(next.actions[0]).toMatchObject({
      writtenBy: "org-kommun",
      responsibleId: "m-kommun",
      createdBy: "m-kommun",
      external: { role: "amfGuide" },
    });
  });
});
