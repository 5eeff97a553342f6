import { aCoveredAbsence, aFreshParticipant, BOARD, startWorld, type World } from "./world";

// "Mina deltagare": a person's own participants, and while they cover for an absent colleague,
// that colleague's participants too (the board shows the substitute as contact for those days).

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(async () => {
  await w?.stop();
});

it("lists my own participants and those of the colleague I cover for today, and no one else's", async () => {
  const substitute = w.byName("Cecilia Låtsas");
  const colleague = w.byName("David Exempel");
  const absentId = await aCoveredAbsence(w, substitute);
  const mine = await aFreshParticipant(w, { caseManagerId: substitute.id });
  const covered = await aFreshParticipant(w, { caseManagerId: absentId });
  const notMine = await aFreshParticipant(w, { caseManagerId: colleague.id });

  const res = await w.call(substitute, "GET", `${BOARD}/participants?mine=true`);
  expect(res.status).toBe(200);
  const codes = (res.body.participants as Array<{ code: string }>).map((p) => p.code);
  expect(codes).toEqual(expect.arrayContaining([mine.participant.code, covered.participant.code]));
  expect(codes).not.toContain(notMine.participant.code);
  const coveredView = (res.body.participants as Array<{ code: string; caseManagerStandInId?: string }>).find(
    (p) => p.code === covered.participant.code,
  );
  expect(coveredView?.caseManagerStandInId).toBe(substitute.id);
});
