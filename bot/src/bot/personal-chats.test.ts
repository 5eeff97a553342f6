// Reaching people who never opened the bot: installed in the board's team, the bot opens a 1:1
// chat with each board member on the team's roster (createConversation on the loopback connector,
// through the real CloudAdapter), so the first card that is due finds them.
import { aBoard, aMember, anOrganisation } from "../test-support";
import { type Harness, action, activity, click, install, post, say, startHarness, textOf } from "../test-support/harness";
import type { Member } from "../domain/types";

const KOMMUN = "tenant-kommun";
let h: Harness;
let boardId: string;
let absentee: Member, substitute: Member, manager: Member;
const TEAM = `19:reach${Date.now()}@thread.tacv2`;
const as = (m: Pick<Member, "tenantId" | "objectId" | "displayName">) => ({
  tenantId: m.tenantId,
  objectId: m.objectId,
  name: m.displayName,
});
const personalOf = (m: Member) => `a:personal-${m.objectId}`;
const rosterEntry = (m: { objectId: string; tenantId: string; displayName: string }, i: number) => ({
  id: `29:roster-${i}`,
  aadObjectId: m.objectId,
  tenantId: m.tenantId,
  name: m.displayName,
  userRole: "user" as const,
});
const outsider = { tenantId: KOMMUN, objectId: `outsider${Date.now()}`, displayName: "Olle Utanför" };

beforeAll(async () => {
  h = await startHarness();
  boardId = (
    await h.storage.boards.create(
      aBoard({
        allowedTenantIds: [KOMMUN],
        settings: {
          timeZone: "Europe/Stockholm",
          morningBriefAt: "07:45",
          briefChannelId: TEAM,
          botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
        },
      }),
    )
  ).id;
  const kommun = await h.storage.organisations.create(
    anOrganisation(boardId, { id: `orgk${boardId}`, name: "Socialtjänsten", tenantId: KOMMUN }),
  );
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
    const res = await post(
      h,
      activity(
        h,
        as({ ...outsider }),
        { type: "installationUpdate", action: "add", channelData: { tenant: { id: KOMMUN }, team: { id: TEAM } } },
        { id: TEAM, conversationType: "channel" },
      ),
    );
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
    await post(
      h,
      activity(
        h,
        as(manager),
        { type: "installationUpdate", action: "add", channelData: { tenant: { id: KOMMUN }, team: { id: TEAM } } },
        { id: TEAM, conversationType: "channel" },
      ),
    );
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

describe("who the cards do not reach", () => {
  let board2: string;
  let away: Member, unreachableSub: Member, reachableSub: Member, boss: Member;
  beforeAll(async () => {
    board2 = (await h.storage.boards.create(aBoard({ allowedTenantIds: [KOMMUN] }))).id;
    const org = await h.storage.organisations.create(
      anOrganisation(board2, { id: `orgk${board2}`, name: "Socialtjänsten", tenantId: KOMMUN }),
    );
    const mk = (o: Partial<Member>) => h.storage.members.create(aMember(board2, { tenantId: KOMMUN, organisationId: org.id, ...o }));
    unreachableSub = await mk({ role: "staff", displayName: "Ulf Nåslös" });
    reachableSub = await mk({ role: "staff", displayName: "Rut Nåbar" });
    // The manager never opened the bot and is in no team with it.
    boss = await mk({ role: "manager", displayName: "Bo Chef" });
    away = await mk({ role: "staff", displayName: "Alva Borta", substituteIds: [unreachableSub.id, reachableSub.id] });
    for (const m of [away, reachableSub]) await install(h, as(m));
  });

  it("passes over a substitute no card can reach, marks nobody alerted when no manager is reached, and shows the unreached in the overview", async () => {
    await say(h, as(away), "frånvaro");
    const reg = action(h.connector.cards(personalOf(away)).pop(), "absence.register");
    h.connector.clear();
    await click(h, as(away), reg.verb, { ...reg.data, from: "2026-03-03", to: "2026-03-03", reason: "sick" });
    await h.bot.idle();
    // Asked at once, without waiting out the first substitute's answer time.
    const asked = h.connector.cards(personalOf(reachableSub));
    expect(asked).toHaveLength(1);
    const [absence] = await h.storage.absences.listForMember(board2, away.id);
    expect(absence!.cover.declinedBy).toEqual([]);
    await click(h, as(reachableSub), "cover.decline", action(asked[0], "cover.decline").data);
    await h.bot.idle();
    const settled = await h.storage.absences.get(board2, absence!.id);
    expect(settled!.cover.state).toBe("uncovered");
    expect(settled!.cover.managerAlerted).toBe(false);
    expect((await h.storage.members.get(board2, boss.id))!.notReachedSince).toBeDefined();
    expect((await h.storage.members.get(board2, reachableSub.id))!.notReachedSince).toBeUndefined();
    const overview = await h.core.readOverview({ member: (await h.storage.members.get(board2, boss.id))!, channel: "tab" }, board2);
    expect(overview.notReached.map((p) => p.displayName)).toEqual(["Bo Chef", "Ulf Nåslös"]);
  });

  it("marks the manager alerted once the alert reaches them, and they are no longer listed as not reached", async () => {
    await install(h, as(boss));
    const [absence] = await h.storage.absences.listForMember(board2, away.id);
    await h.core.handleNotification({ type: "coverSettled", boardId: board2, absenceId: absence!.id });
    await h.bot.idle();
    expect((await h.storage.absences.get(board2, absence!.id))!.cover.managerAlerted).toBe(true);
    expect(textOf(h.connector.cards(personalOf(boss)))).toContain("Frånvaro utan ersättare");
    const overview = await h.core.readOverview({ member: (await h.storage.members.get(board2, boss.id))!, channel: "tab" }, board2);
    expect(overview.notReached.map((p) => p.displayName)).toEqual(["Ulf Nåslös"]);
  });
});

describe("a member of several boards", () => {
  it("chooses the board before a form opens, and the form is for the board chosen", async () => {
    const other = (await h.storage.boards.create(aBoard({ name: "FACT Landskrona", allowedTenantIds: [KOMMUN] }))).id;
    const org = await h.storage.organisations.create(
      anOrganisation(other, { id: `orgk${other}`, name: "Socialtjänsten", tenantId: KOMMUN }),
    );
    await h.storage.members.create(
      aMember(other, {
        tenantId: KOMMUN,
        objectId: manager.objectId,
        organisationId: org.id,
        role: "manager",
        displayName: manager.displayName,
      }),
    );
    h.connector.clear();
    await say(h, as(manager), "frånvaro");
    const choice = h.connector.cards(personalOf(manager)).pop() as { body: Array<Record<string, unknown>> };
    const input = choice.body.find((e) => e["id"] === "boardId")!;
    expect((input["choices"] as Array<{ value: string }>).map((c) => c.value).sort()).toEqual([boardId, other].sort());
    const open = action(choice, "open.absenceForm");
    const form = await click(h, as(manager), open.verb, { ...open.data, boardId: other });
    expect(action(form.card, "absence.register").data).toMatchObject({ card: "absenceForm", boardId: other });
    // A board they are not on is refused, whatever the card says.
    const refused = await click(h, as(manager), open.verb, { ...open.data, boardId: "notTheirBoard" });
    expect(textOf(refused.card)).toContain("Du är inte medlem i den tavla kortet gäller");

    // The help card's buttons name no board for them: each asks which board first.
    h.connector.clear();
    await say(h, as(manager), "hjälp");
    const help = h.connector.cards(personalOf(manager)).pop()!;
    const absenceButton = action(help, "open.absenceForm");
    expect(absenceButton.data).not.toHaveProperty("boardId");
    const asked = await click(h, as(manager), absenceButton.verb, absenceButton.data);
    const boards = (asked.card as { body: Array<Record<string, unknown>> }).body.find((e) => e["id"] === "boardId")!;
    expect((boards["choices"] as Array<{ value: string }>).map((c) => c.value).sort()).toEqual([boardId, other].sort());
  });
});
