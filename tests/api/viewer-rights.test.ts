import { BoardView } from "@fact-board/contract";
import { aFreshParticipant, anOpenSignal, BOARD, ORG, startWorld, type World } from "./world";

// Issue 16: the board sends, with each row, signal and consent, what this viewer may do; the tab
// shows those buttons and nothing else. The same rules the use-cases assert, through HTTP.

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 120_000);
afterAll(() => w?.stop());

const boardAs = async (who: Parameters<World["call"]>[0]) => {
  const res = await w.call(who, "GET", BOARD);
  expect(res.status).toBe(200);
  // What the server sends is the contract, rights included.
  return BoardView.parse(res.body);
};

it("tells a staff member they may change their own participant's entry, and not a colleague's", async () => {
  const staff = w.member("staff", ORG.region);
  const mine = await aFreshParticipant(w, { onBoard: true, caseManagerId: staff.id, consents: [{ from: ORG.region, to: [ORG.north] }] });
  const theirs = await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  const board = await boardAs(staff);
  const rowOf = (id: string) => board.rows.find((r) => r.participant.id === id)!;
  expect(rowOf(mine.participant.id).may).toEqual({
    editEntry: true,
    steer: true,
    planActions: true,
    review: true,
    takeOff: true,
    raiseSignal: true,
    writeSinceLast: true,
    // Issue 26: the own organisation's interventions, and the goal (the case manager's organisation).
    keepInterventions: true,
    setGoal: true,
  });
  expect(rowOf(theirs.participant.id).may).toMatchObject({
    editEntry: false,
    steer: false,
    planActions: false,
    review: false,
    takeOff: false,
    writeSinceLast: false,
    keepInterventions: false,
    setGoal: false,
  });
  // Recording the region's consent is the case manager's (in the disclosing organisation), not the colleague's.
  expect(rowOf(mine.participant.id).participant.consents.find((c) => c.disclosingOrganisationId === ORG.region)?.may).toEqual({
    record: true,
  });
  expect(rowOf(theirs.participant.id).participant.consents.find((c) => c.disclosingOrganisationId === ORG.region)?.may).toEqual({
    record: false,
  });
});

it("leaves the entry's shared fields to the organisation that put it on the board, and a signal's answer to its receiver", async () => {
  const regionLead = w.member("coordinator", ORG.region);
  const northLead = w.member("coordinator", ORG.north);
  const { participant } = await aFreshParticipant(w, {
    onBoard: true,
    consents: [
      { from: ORG.region, to: [ORG.north] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
  await anOpenSignal(w, participant.id, ORG.region, ORG.north, regionLead.id);
  const asNorth = await boardAs(northLead);
  const row = asNorth.rows.find((r) => r.participant.id === participant.id)!;
  expect(row.may).toMatchObject({ editEntry: false, takeOff: false, review: true, planActions: true });
  const signalFor = (b: BoardView) => b.signals.find((e) => e.participantId === participant.id)!;
  expect(signalFor(asNorth).may).toEqual({ acknowledge: true, resolve: true, decline: true });
  expect(signalFor(await boardAs(regionLead)).may).toEqual({ acknowledge: false, resolve: false, decline: false });
});
