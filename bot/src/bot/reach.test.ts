// Reaching people who never opened the bot: installed in the board's team, the bot opens a 1:1
// chat with each board member on the team's roster (createConversation on the loopback connector,
// through the real CloudAdapter), so the first card that is due finds them.
import { aBoard, aMember, anOrganisation } from "../storage/test-support";
import type { Member } from "../domain/types";
import { type Harness, action, activity, click, install, post, say, startHarness, textOf } from "./test/harness";

const KOMMUN = "tenant-kommun";
let h: Harness;
let boardId: string;
let absentee: Member, substitute: Member, manager: Member;
const TEAM = `19:reach${Date.now()}@thread.tacv2`;
const as = (m: Member) => ({ tenantId: m.tenantId, objectId: m.objectId, name: m.displayName });
const personalOf = (m: Member) => `a:personal-${m.objectId}`;
const rosterEntry = (m: { objectId: string; tenantId: string; displayName: string }, i: number) => ({ id: `29:roster-${i}`, aadObjectId: m.objectId, tenantId: m.tenantId, name: m.displayName, userRole: "user" as const });
const outsider = { tenantId: KOMMUN, objectId: `outsider${Date.now()}`, displayName: "Olle Utanför" };

beforeAll(async () => {
  h = await startHarness();
  boardId = (
    await h.storage.boards.create(
      aBoard({ allowedTenantIds: [KOMMUN], settings: { timeZone: "Europe/Stockholm", morningBriefAt: "07:45", briefChannelId: TEAM, botPosts: { morningBriefInChannel: true, signalCountsInChannel: true } } }),
    )
  ).id;
  const kommun = await h.storage.organisations.create(anOrganisation(boardId, { id: `orgk${boardId}`, name: "Socialtjänsten", tenantId: KOMMUN }));
  const mk = (o: Partial<Member>) => h.storage.members.create(aMember(boardId, { tenantId: KOMMUN, organisationId: kommun.id, ...o }));
  substitute = await mk({ role: "staff", displayName: "Sune Ersättare" });
  manager = await mk({ role: "manager", displayName: "Maja Chef" });
  absentee = await mk({ role: "staff", displayName: "Anna Borta", substituteIds: [substitute.id] });
  // Only the absent person has ever opened the bot.
  await install(h, as(absentee));
  h.connector.setMembers([absentee, substitute, manager, outsider].map(rosterEntry));
});
afterAll(() => h?.close());

describe("installed in the board's team", () => {
  it("links the channel even when a non-member installs it, welcomes the team and opens a chat with each board member on the roster", async () => {
    h.connector.clear();
    const res = await post(h, activity(h, as({ ...outsider }), { type: "installationUpdate", action: "add", channelData: { tenant: { id: KOMMUN }, team: { id: TEAM } } }, { id: TEAM, conversationType: "channel" }));
    expect(res.status).toBe(200);
    await h.bot.idle();
    const channels = await h.bot.references.channelsOf(boardId);
    expect(channels.map((c) => c.reference.conversation?.id)).toEqual([TEAM]);
    expect(textOf(h.connector.cards(TEAM))).toContain("Välkommen till FACT-tavlan");
    // The outsider is on the roster but not on the board; the absent person had a chat already.
    expect(h.connector.created.map((c) => c.aadObjectId).sort()).toEqual([substitute.objectId, manager.objectId].sort());
    expect(h.connector.created.every((c) => c.tenantId === KOMMUN)).toBe(true);
    expect((await h.bot.references.personal(substitute.id))?.reference.conversation?.id).toBe(personalOf(substitute));
    expect(await h.bot.references.personal(`${KOMMUN}.${outsider.objectId}`)).toBeUndefined();
  });

  it("a substitute who never opened the bot gets the cover request", async () => {
    await say(h, as(absentee), "frånvaro");
    const form = h.connector.cards(personalOf(absentee)).pop();
    const reg = action(form, "absence.register");
    h.connector.clear();
    await click(h, as(absentee), reg.verb, { ...reg.data, from: "2026-03-03", to: "2026-03-04", reason: "sick" });
    await h.bot.idle();
    const asked = h.connector.cards(personalOf(substitute));
    expect(asked).toHaveLength(1);
    expect(textOf(asked[0])).toContain("Jag täcker");
  });

  it("installing again opens no second chat", async () => {
    h.connector.clear();
    await post(h, activity(h, as(manager), { type: "installationUpdate", action: "add", channelData: { tenant: { id: KOMMUN }, team: { id: TEAM } } }, { id: TEAM, conversationType: "channel" }));
    await h.bot.idle();
    expect(h.connector.created).toEqual([]);
  });
});

describe("welcome on install", () => {
  it.each([
    ["personal", undefined, "Här får du signaler"],
    ["group chat", { id: `19:group${Date.now()}@thread.v2`, conversationType: "groupChat" }, "I en gruppchatt"],
  ] as const)("welcomes a %s install", async (_scope, conversation, words) => {
    h.connector.clear();
    await install(h, as(manager), conversation);
    const id = conversation?.id ?? personalOf(manager);
    expect(textOf(h.connector.cards(id))).toContain(words);
  });

  it("welcomes in English when Teams says the person uses English", async () => {
    h.connector.clear();
    await post(h, activity(h, as(substitute), { type: "installationUpdate", action: "add", locale: "en-GB" }));
    expect(textOf(h.connector.cards(personalOf(substitute)))).toContain("Welcome to FACT Board");
  });
});
