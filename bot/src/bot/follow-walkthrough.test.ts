import { parseOpenItem } from "@fact-board/contract";
import { aBoard, aMember, anEntry, anOrganisation, aParticipant } from "../test-support";
import { type Harness, activity, post, startHarness, textOf } from "../test-support/harness";
import type { Actor, Member } from "../domain/types";
import { cardValidationProblems as validationProblems } from "../cards/test/validate";

// Issue 27, item 1: when a walkthrough starts, the meeting chat (which attendees from other tenants
// read too: they get no side panel or stage) gets one "Följ genomgången" card linking to the stage
// in a browser, once per walkthrough and chat, however often stages open and whatever Teams answers
// (429, then a 504 after it had posted). Through the real CloudAdapter against the misbehaving
// connector; cards parsed and validated with the adaptivecards library.

const REGION = "tenant-region";
const CHAT = "19:meeting_Zm9sbG93@thread.v2";
const MEETING = "m-norrby";

let h: Harness;
let boardId: string;
let lead: Member;
let colleague: Member;
const actor = (m: Member): Actor => ({ member: m, channel: "tab" });
const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });

const followCards = () => h.connector.cards(CHAT).filter((c) => textOf(c).includes("Följ genomgången"));

beforeAll(async () => {
  h = await startHarness();
  const board = aBoard({ name: "FACT Följköping", allowedTenantIds: [REGION] });
  boardId = board.id;
  const region = anOrganisation(boardId, { id: `orgregion${boardId}`, tenantId: REGION });
  await h.storage.boards.create({
    ...board,
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
      meetings: [{ id: MEETING, name: "Morgonmöte med Norrby", days: "workingDays", time: "08:30", organisationIds: [region.id] }],
    },
  });
  await h.storage.organisations.create(region);
  lead = await h.storage.members.create(
    aMember(boardId, { tenantId: REGION, organisationId: region.id, role: "coordinator", displayName: "Rita Region" }),
  );
  colleague = await h.storage.members.create(aMember(boardId, { tenantId: REGION, organisationId: region.id, role: "staff" }));
  const p = await h.storage.participants.create(
    aParticipant(boardId, { code: "FLJ-001", caseManagerId: lead.id, writtenBy: region.id, organisationIds: [region.id] }),
  );
  await h.storage.entries.create(anEntry(boardId, p.id, { writtenBy: region.id, putOnOn: "2026-02-20" }));
  // The bot added to the Teams meeting by a member of the board: the chat can be written to.
  const added = await post(h, {
    ...activity(
      h,
      as(lead),
      { type: "conversationUpdate", membersAdded: [{ id: "28:fact-bot" }], locale: "sv-SE" },
      { id: CHAT, conversationType: "groupChat" },
    ),
    channelData: { tenant: { id: REGION }, meeting: { id: "teams-meeting-1" } },
  });
  expect(added.status).toBe(200);
});

afterAll(async () => {
  await h?.close();
});

it("posts one Följ genomgången to the meeting chat when the walkthrough starts, linking to its stage in a browser", async () => {
  h.connector.clear();
  // Teams under load: two 429s, then it posts the card and answers 504 as if it had not.
  h.connector.failNext([429, 429], 1);
  h.connector.postThenTimeOut(1);
  await h.core.startOrJoinWalkthrough(actor(lead), boardId, MEETING, CHAT);
  await h.bot.idle();
  // The two refusals and the post that timed out were this card's.
  expect(h.connector.attempts).toBeGreaterThanOrEqual(3);
  // Every other stage or side panel that opens in the meeting joins with the same chat.
  await h.core.joinWalkthrough(actor(colleague), boardId, MEETING, CHAT);
  await h.core.joinWalkthrough(actor(lead), boardId, MEETING, CHAT);
  // The due item for the notification handled again (the poller after a restart).
  const date = (await h.core.readWalkthrough(actor(lead), boardId, MEETING))!.date;
  await h.core.handleNotification({ type: "walkthroughInChat", boardId, date, meetingId: MEETING });
  await h.bot.idle();

  const cards = followCards();
  expect(cards).toHaveLength(1);
  const card = cards[0]!;
  expect(validationProblems(card)).toEqual([]);
  expect(textOf(card)).toContain("Genomgången har börjat: FACT Följköping");
  expect(textOf(card)).toContain("Morgonmöte med Norrby");
  // Nothing about a participant: everyone in the meeting reads the chat.
  expect(textOf(card)).not.toMatch(/FLJ-\d{3}/);
  const open = (card["actions"] as Array<{ type: string; title: string; url: string }>).find((a) => a.type === "Action.OpenUrl");
  expect(open?.title).toBe("Följ genomgången");
  const url = new URL(open!.url);
  expect(url.origin + url.pathname).toBe("https://fact.example/tab/");
  expect(Object.fromEntries(url.searchParams)).toEqual({ board: boardId, view: "stage", meeting: MEETING });
});

it("ends and continues the same day without telling the chat again", async () => {
  await h.core.reportWalkthroughEvent(actor(lead), boardId, { type: "end" }, MEETING);
  await h.core.startOrJoinWalkthrough(actor(lead), boardId, MEETING, CHAT);
  await h.bot.idle();
  expect(followCards()).toHaveLength(1);
});

it("gives the brief before the scheduled meeting the same link, and acting cards a link to their item", async () => {
  const brief = await h.bot.cards.render({ card: "morningBrief", boardId, meetingId: MEETING }, { audience: "channel", locale: "sv" });
  const follow = brief.actions!.find((a) => a.title === "Följ genomgången");
  expect(follow && "url" in follow ? Object.fromEntries(new URL(follow.url).searchParams) : undefined).toEqual({
    board: boardId,
    view: "stage",
    meeting: MEETING,
  });

  const form = await h.bot.cards.render({ card: "absenceForm", boardId }, { member: lead, audience: "personal", locale: "sv" });
  const link = form.actions!.find((a) => a.title === "Öppna i FACT-tavlan");
  const deep = new URL(link && "url" in link ? link.url : "https://x");
  expect(deep.origin + deep.pathname).toBe(`https://teams.microsoft.com/l/entity/11111111-2222-3333-4444-555555555555/board-${boardId}`);
  const context = JSON.parse(deep.searchParams.get("context")!) as { subEntityId: string };
  expect(parseOpenItem(context.subEntityId)).toEqual({ item: "absenceForm" });
});
