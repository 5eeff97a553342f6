import type { Actor } from "../domain/types";
import type { Storage } from "../storage";
import { aBoard, aMember, anEntry, anOrganisation, aParticipant, createTestStorage } from "../storage/test-support";
import type { UseCaseDeps } from "./deps";
import { addAction, markEntryReviewed, putOnBoard } from "./entries";
import { silentNotifier } from "./notification";
import { reportWalkthroughEvent, startOrJoinWalkthrough } from "./walkthroughs";

// The server counts what a walkthrough did (issue 25): concurrent counts and moves all land, each
// once, and a change counts only in the running walkthroughs whose meeting covers the participant.

const NOW = new Date("2026-03-04T08:00:00.000Z");
const TODAY = "2026-03-04";

let storage: Storage;
let n = 0;
const deps = (): UseCaseDeps => ({
  storage,
  clock: () => NOW,
  timeZone: "Europe/Stockholm",
  newId: () => `id${++n}x${Date.now().toString(36)}`,
  notifier: silentNotifier,
});

beforeAll(async () => {
  storage = await createTestStorage();
});

const MEETINGS = [
  { id: "kommun", name: "Med kommunen", days: "workingDays" as const, time: "08:30", organisationIds: ["org-kommun"] },
  { id: "annan", name: "Med den andra", days: "workingDays" as const, time: "09:30", organisationIds: ["org-annan"] },
];

async function aBoardOnTheBoard(participants: number) {
  const board = aBoard({
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      botPosts: { morningBriefInChannel: false, signalCountsInChannel: false },
      meetings: MEETINGS,
    },
  });
  await storage.boards.create(board);
  for (const id of ["org-region", "org-kommun", "org-annan"]) await storage.organisations.create(anOrganisation(board.id, { id }));
  const lead = aMember(board.id, { organisationId: "org-region", role: "coordinator" });
  await storage.members.create(lead);
  const actor: Actor = { member: lead, channel: "tab" };
  const ids: string[] = [];
  for (let i = 0; i < participants; i++) {
    const p = aParticipant(board.id, { caseManagerId: lead.id, organisationIds: ["org-region", "org-kommun"] });
    await storage.participants.create(p);
    await storage.entries.create(anEntry(board.id, p.id));
    ids.push(p.id);
  }
  const etag = async (participantId: string) => (await storage.entries.getCurrent(board.id, participantId))!.etag!;
  return { boardId: board.id, lead, actor, ids, etag };
}

it("keeps every count and the presenter's move when reviews, actions and a move land at once", async () => {
  const b = await aBoardOnTheBoard(4);
  await startOrJoinWalkthrough(deps(), b.actor, b.boardId, "kommun");
  const etags = await Promise.all(b.ids.map(b.etag));
  await Promise.all([
    ...b.ids.slice(0, 3).map((id, i) => markEntryReviewed(deps(), b.actor, b.boardId, id, { etag: etags[i]! })),
    addAction(deps(), b.actor, b.boardId, b.ids[3]!, {
      etag: etags[3]!,
      id: "agreedatonce",
      what: "Ringa boendestödet",
      responsibleId: b.lead.id,
      byWhen: TODAY,
    }),
    reportWalkthroughEvent(deps(), b.actor, b.boardId, { type: "moveTo", index: 2 }, "kommun"),
  ]);
  const w = (await storage.walkthroughs.get(b.boardId, TODAY, "kommun"))!;
  expect([...w.reviewed].sort()).toEqual(b.ids.slice(0, 3).sort());
  expect(w.agreedActionIds).toEqual(["agreedatonce"]);
  expect(w.currentIndex).toBe(2);
});

it("counts only in the running walkthroughs whose meeting covers the participant, and in none once ended", async () => {
  const b = await aBoardOnTheBoard(2);
  const [first, second] = b.ids as [string, string];
  const kommun = await startOrJoinWalkthrough(deps(), b.actor, b.boardId, "kommun");
  const annan = await startOrJoinWalkthrough(deps(), b.actor, b.boardId, "annan");
  expect([kommun.total, annan.total]).toEqual([2, 0]);

  await markEntryReviewed(deps(), b.actor, b.boardId, first, { etag: await b.etag(first) });
  expect((await storage.walkthroughs.get(b.boardId, TODAY, "kommun"))!.reviewed).toEqual([first]);
  expect((await storage.walkthroughs.get(b.boardId, TODAY, "annan"))!.reviewed).toEqual([]);

  await reportWalkthroughEvent(deps(), b.actor, b.boardId, { type: "end" }, "kommun");
  await markEntryReviewed(deps(), b.actor, b.boardId, second, { etag: await b.etag(second) });
  expect((await storage.walkthroughs.get(b.boardId, TODAY, "kommun"))!.reviewed).toEqual([first]);
  expect((await storage.checkIns.get(b.boardId, TODAY, "kommun"))!.reviewedParticipantIds).toEqual([first]);
});

it("counts someone put on the board during the walkthrough as put on, at the end of its order", async () => {
  const b = await aBoardOnTheBoard(1);
  await startOrJoinWalkthrough(deps(), b.actor, b.boardId, "kommun");
  const newcomer = aParticipant(b.boardId, { caseManagerId: b.lead.id, organisationIds: ["org-region", "org-kommun"] });
  await storage.participants.create(newcomer);
  await putOnBoard(deps(), b.actor, b.boardId, {
    participantId: newcomer.id,
    reason: "crisis",
    priority: "high",
    nextEvaluationOn: "2026-03-11",
  });
  const w = (await storage.walkthroughs.get(b.boardId, TODAY, "kommun"))!;
  expect(w.added).toEqual([newcomer.id]);
  expect(w.order).toEqual([...b.ids, newcomer.id]);
});
