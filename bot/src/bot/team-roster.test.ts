// The Teams team's roster as the bot reads it: the Bot Framework's paged members call, through the
// real adapter, against the stand-in connector (several pages, guests marked).
import { startHarness, type Harness } from "../test-support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const TENANT = "44444444-4444-4444-8444-444444444444";
const GUEST_HOME = "55555555-5555-4555-8555-555555555555";

it("reads every page of the team's members, with tenant, object id, name and whether they are guests", async () => {
  const boardId = `roster${Date.now()}`;
  const channelId = `19:${boardId}@thread.tacv2`;
  await h.storage.boards.create({
    id: boardId,
    name: "Roster",
    allowedTenantIds: [TENANT],
    createdAt: "2026-03-02T08:00:00.000Z",
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      briefChannelId: channelId,
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
    },
  });
  await h.bot.references.save({
    channelId: "msteams",
    serviceUrl: h.connector.url,
    bot: { id: "28:fact-bot", name: "FACT" },
    conversation: { id: channelId, conversationType: "channel", tenantId: TENANT, isGroup: true, name: "" },
  });
  const people = Array.from({ length: 1203 }, (_, i) => ({
    id: `29:${i}`,
    aadObjectId: `aaaaaaaa-0000-4000-a000-${String(i).padStart(12, "0")}`,
    tenantId: i === 7 ? GUEST_HOME : TENANT,
    name: `Person ${i}`,
    ...(i === 7 ? { userRole: "guest" as const } : { userRole: "user" as const }),
  }));
  h.connector.setMembers(people);
  const roster = await h.teams.roster.membersOf(boardId, channelId);
  expect(roster).toHaveLength(1203);
  expect(roster![7]).toEqual({ tenantId: GUEST_HOME, objectId: people[7]!.aadObjectId, displayName: "Person 7", guest: true });
  expect(roster!.filter((p) => p.guest)).toHaveLength(1);
});

it("has no roster for a board whose team the bot is not installed in", async () => {
  expect(await h.teams.roster.membersOf("noSuchBoard")).toBeUndefined();
});
