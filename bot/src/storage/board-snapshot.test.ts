import {
  aBoard,
  aConsent,
  aMember,
  aParticipant,
  anAbsence,
  anEntry,
  aSignal,
  anOrganisation,
  createTestStorageWithTables,
} from "./test-support";

describe("loading a whole board", () => {
  it("reads everything the board view needs, for that board only, in a few parallel queries", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const board = await storage.boards.create(aBoard({ id: "b1" }));
    await storage.boards.create(aBoard({ id: "b2" }));
    const org = await storage.organisations.create(anOrganisation("b1"));
    const member = await storage.members.create(aMember("b1"));
    const participants = await Promise.all(
      Array.from({ length: 30 }, (_, i) => storage.participants.create(aParticipant("b1", { id: `p${i}` }))),
    );
    const entries = await Promise.all(participants.slice(0, 5).map((p) => storage.entries.create(anEntry("b1", p.id))));
    const consent = await storage.consents.save(aConsent("b1", "p1"));
    const open = await storage.signals.create(aSignal("b1", "p1"));
    await storage.signals.create(aSignal("b1", "p2", { state: "resolved" }));
    const current = await storage.absences.create(anAbsence("b1", member.id, { from: "2025-03-01", to: "2025-03-05" }));
    await storage.absences.create(anAbsence("b1", member.id, { from: "2025-01-01", to: "2025-01-05" }));
    // Noise on another board.
    await storage.participants.create(aParticipant("b2"));
    await storage.signals.create(aSignal("b2", "p1"));

    const queries = Object.values(service.tables)
      .map((t) => [jest.spyOn(t, "listEntities"), jest.spyOn(t, "getEntity")])
      .flat();
    const snapshot = await storage.loadBoardSnapshot("b1", "2025-03-03");
    const calls = queries.reduce((n, spy) => n + spy.mock.calls.length, 0);
    expect(calls).toBe(8);

    expect(snapshot.board).toEqual(board);
    expect(snapshot.organisations).toEqual([org]);
    expect(snapshot.members).toEqual([member]);
    expect(snapshot.participants).toHaveLength(30);
    expect(snapshot.entries.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(snapshot.consents).toEqual([consent]);
    expect(snapshot.openSignals).toEqual([open]);
    expect(snapshot.currentAbsences).toEqual([current]);
  });

  it("says so when the board does not exist", async () => {
    const { storage } = await createTestStorageWithTables();
    const snapshot = await storage.loadBoardSnapshot("nosuch", "2025-03-03");
    expect(snapshot.board).toBeUndefined();
    expect(snapshot.participants).toEqual([]);
  });
});
