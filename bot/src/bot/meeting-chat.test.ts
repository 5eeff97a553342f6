import { aBoard, aMember, anEntry, anOrganisation, aParticipant } from "../test-support";
import { type Harness, activity, post, startHarness, textOf } from "../test-support/harness";
import type { Actor, Member } from "../domain/types";
import { cardValidationProblems as validationProblems } from "../cards/test/validate";

// Issue 10's last part: when the walkthrough ends, the meeting chat gets a summary with counts only
// (reviewed n of m, put on, taken off, actions agreed, not reached) and a link. The counts are the
// server's record (issue 25): what the use-cases did while the walkthrough ran, each thing once. The chat's
// reference is recorded when the bot is added to the meeting (conversationUpdate in the meeting's
// group chat), through the real CloudAdapter against the fake Teams connector; the card is parsed
// and validated with the adaptivecards library in Swedish and English.

const REGION = "tenant-region";
const SV_CHAT = "19:meeting_Zm9vYmFy@thread.v2";
const EN_CHAT = "19:meeting_ZW5nbGlzaA@thread.v2";
const STRANGER_CHAT = "19:meeting_c3RyYW5nZXI@thread.v2";

let h: Harness;
let boardId: string;
let lead: Member;
let outsider: Member;
const participantIds: string[] = [];
const actor = (m: Member): Actor => ({ member: m, channel: "tab" });
const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });

const factsOf = (card: unknown): Record<string, string> => {
  const set = ((card as { body: Array<{ type: string; facts?: Array<{ title: string; value: string }> }> }).body ?? []).find(
    (b) => b.type === "FactSet",
  );
  return Object.fromEntries((set?.facts ?? []).map((f) => [f.title, f.value]));
};

/** The bot added to a Teams meeting: a conversationUpdate in the meeting's group chat. */
const addBotToMeeting = (m: Member, chatId: string, locale: string) =>
  post(h, {
    ...activity(
      h,
      as(m),
      { type: "conversationUpdate", membersAdded: [{ id: "28:fact-bot" }], locale },
      { id: chatId, conversationType: "groupChat" },
    ),
    channelData: { tenant: { id: m.tenantId }, meeting: { id: `meeting-of-${chatId}` } },
  });

beforeAll(async () => {
  h = await startHarness();
  const board = await h.storage.boards.create(aBoard({ name: "FACT Testköping", allowedTenantIds: [REGION] }));
  boardId = board.id;
  const region = await h.storage.organisations.create(anOrganisation(boardId, { id: `orgregion${boardId}`, tenantId: REGION }));
  lead = await h.storage.members.create(
    aMember(boardId, { tenantId: REGION, organisationId: region.id, role: "coordinator", displayName: "Rita Region" }),
  );
  // Of the allowed tenant, but no member of this board.
  outsider = aMember("another-board", { tenantId: REGION, organisationId: region.id, role: "coordinator" });
  for (const code of ["TST-001", "TST-002", "TST-003"]) {
    const p = await h.storage.participants.create(
      aParticipant(boardId, { code, caseManagerId: lead.id, writtenBy: region.id, organisationIds: [region.id] }),
    );
    await h.storage.entries.create(anEntry(boardId, p.id, { writtenBy: region.id, putOnOn: "2026-02-20" }));
    participantIds.push(p.id);
  }
});

afterAll(async () => {
  await h?.close();
});

it("records the meeting chat when the bot is added to the meeting, with the adder's boards", async () => {
  expect((await addBotToMeeting(lead, SV_CHAT, "sv-SE")).status).toBe(200);
  expect((await addBotToMeeting(lead, EN_CHAT, "en-US")).status).toBe(200);
  expect((await addBotToMeeting(outsider, STRANGER_CHAT, "sv-SE")).status).toBe(200);
  expect((await h.bot.references.get("groupChat", SV_CHAT))?.boardIds).toEqual([boardId]);
  expect((await h.bot.references.get("groupChat", STRANGER_CHAT))?.boardIds).toEqual([]);
});

const etagOf = async (participantId: string) => (await h.storage.entries.getCurrent(boardId, participantId))!.etag!;
const review = async (participantId: string, etag?: string) =>
  h.core.markEntryReviewed(actor(lead), boardId, participantId, { etag: etag ?? (await etagOf(participantId)) });
const agreeAction = async (participantId: string, id: string, etag?: string) =>
  h.core.addAction(actor(lead), boardId, participantId, {
    etag: etag ?? (await etagOf(participantId)),
    id,
    what: "Ringa boendestödet",
    responsibleId: lead.id,
    byWhen: "2026-03-03",
  });

it("posts the summary to the meeting chats the walkthrough ran in, counts only, once, in each chat's language", async () => {
  const core = h.core;
  const [first, , third] = participantIds as [string, string, string];
  // Before the walkthrough: reviewed and agreed, but no walkthrough ran, so it counts in nothing.
  await review(third);
  await agreeAction(third, "before-start");

  const started = await core.startOrJoinWalkthrough(actor(lead), boardId, undefined, SV_CHAT);
  await core.joinWalkthrough(actor(lead), boardId, undefined, EN_CHAT);
  await core.joinWalkthrough(actor(lead), boardId, undefined, STRANGER_CHAT);
  expect(started.total).toBe(3);
  expect(started.counts).toMatchObject({ reviewed: 0, actionsAgreed: 0 });

  // During it: one review clicked twice, and one action whose request is retried with its first ETag.
  const before = await etagOf(first);
  await review(first, before);
  await review(first, before);
  const afterReview = await etagOf(first);
  await agreeAction(first, "agreed-in-meeting", afterReview);
  await agreeAction(first, "agreed-in-meeting", afterReview);
  expect((await core.readWalkthrough(actor(lead), boardId))?.counts).toMatchObject({ reviewed: 1, actionsAgreed: 1, notReached: 2 });
  // The chats' "Följ genomgången" (follow-walkthrough.test.ts) go out first; this counts the summary alone.
  await h.bot.idle();
  h.connector.clear();
  await core.reportWalkthroughEvent(actor(lead), boardId, { type: "end" });
  await h.bot.idle();

  const [sv] = h.connector.cards(SV_CHAT);
  const [en] = h.connector.cards(EN_CHAT);
  expect(h.connector.cards(SV_CHAT)).toHaveLength(1);
  expect(h.connector.cards(EN_CHAT)).toHaveLength(1);
  // The installer of that chat is not a member of the board: nothing goes there.
  expect(h.connector.cards(STRANGER_CHAT)).toHaveLength(0);

  for (const card of [sv!, en!]) {
    expect(validationProblems(card)).toEqual([]);
    expect(textOf(card)).not.toMatch(/TST-\d{3}/);
    const link = (card["actions"] as Array<{ type: string; url: string }>).find((a) => a.type === "Action.OpenUrl");
    expect(link?.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
  }
  expect(textOf(sv)).toContain("Morgonmötet är klart: FACT Testköping");
  expect(factsOf(sv)).toEqual({ Genomgångna: "1 av 3", Upptagna: "0", Borttagna: "0", "Överenskomna åtgärder": "1", "Inte hunna": "2" });
  expect(textOf(en)).toContain("The morning check-in is done: FACT Testköping");
  expect(factsOf(en)).toMatchObject({ Reviewed: "1 of 3", "Actions agreed": "1", "Not reached": "2" });
  const checkIn = await core.readCheckIn(actor(lead), boardId, "2026-03-02");
  expect(checkIn).toMatchObject({ reviewedParticipantIds: [first], actionsAgreed: 1 });

  // After it ended: a review and an action count in nothing, neither the check-in nor the walkthrough.
  const [, second] = participantIds as [string, string];
  await review(second);
  await agreeAction(second, "after-end");
  expect(await core.readCheckIn(actor(lead), boardId, "2026-03-02")).toMatchObject({ reviewedParticipantIds: [first], actionsAgreed: 1 });
  expect((await core.readWalkthrough(actor(lead), boardId))?.counts).toMatchObject({ reviewed: 1, actionsAgreed: 1 });

  // Started again and ended again the same day: the chat is not told twice.
  await core.startOrJoinWalkthrough(actor(lead), boardId, undefined, SV_CHAT);
  await core.reportWalkthroughEvent(actor(lead), boardId, { type: "end" });
  await h.bot.idle();
  expect(h.connector.cards(SV_CHAT)).toHaveLength(1);
});
