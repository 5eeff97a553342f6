// Who leads, in what order, and raise for today (issue 26 items 5 and 6) through HTTP on Azurite:
// an admin marks a staff-role nurse meeting leader (audited), who then starts and takes over the
// walkthrough while a staff colleague who is not a leader is refused; a meeting ordered by
// organisation keeps each organisation's participants together under its section; a participant
// not on the board raised for today comes after the board, once however often the raise is sent,
// is shown with the reasons the viewer may read (and access-logged), and is gone the next day.
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, START, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const greta = () => w.byName("Greta Provberg"); // region admin
const eva = () => w.byName("Eva Testsson"); // region manager
const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const david = () => w.byName("David Exempel"); // region staff, the nurse who chairs
const cecilia = () => w.byName("Cecilia Låtsas"); // region staff, not a leader
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const per = () => w.byName("Per Påhittsson"); // Västra coordinator
const MEETING = "?meeting=morgonmote";

/** A working day after START (a Wednesday): each test its own day, so each has its own walkthrough. */
const onDay = (iso: string) => w.setNow(new Date(`${iso}T07:00:00.000Z`));

async function memberAdminView(member: Member) {
  const admin = await w.call(greta(), "GET", `${BOARD}/admin`);
  expect(admin.status).toBe(200);
  return admin.body.members.find((m: { id: string }) => m.id === member.id);
}

describe("meeting leaders", () => {
  afterAll(() => w.setNow(START));

  it("an admin marks a staff member leader (in the admin audit); a manager may not", async () => {
    const before = await memberAdminView(david());
    expect(before.meetingLeader).toBeUndefined();
    const refused = await w.call(eva(), "PATCH", `${BOARD}/members/${david().id}`, { etag: before.etag, meetingLeader: true });
    expect(refused.status).toBe(403);

    const marked = await w.call(greta(), "PATCH", `${BOARD}/members/${david().id}`, { etag: before.etag, meetingLeader: true });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: david().id, role: "staff", meetingLeader: true });
    // A stale ETag is refused, never overwritten silently.
    const stale = await w.call(greta(), "PATCH", `${BOARD}/members/${david().id}`, { etag: before.etag, meetingLeader: false });
    expect(stale.status).toBe(409);

    const trail = await w.call(greta(), "GET", `${BOARD}/admin-audit`);
    expect(trail.status).toBe(200);
    expect(trail.body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: "memberChanged", subject: expect.objectContaining({ id: david().id }), fields: ["meetingLeader"] }),
      ]),
    );
    // The board tells the leader's tab that they may lead.
    const board = await w.call(david(), "GET", BOARD);
    expect(board.body.viewer.permissions).toContain("checkIn.record");
    expect((await w.call(cecilia(), "GET", BOARD)).body.viewer.permissions).not.toContain("checkIn.record");
  });

  it("a staff-role leader starts and takes over the walkthrough; a staff member who is not a leader is refused", async () => {
    onDay("2026-03-05");
    expect((await w.call(cecilia(), "POST", `${BOARD}/walkthrough${MEETING}`, {})).status).toBe(403);

    const started = await w.call(david(), "POST", `${BOARD}/walkthrough${MEETING}`, {});
    expect(started.status).toBe(200);
    expect(started.body.walkthrough).toMatchObject({ isPresenter: true, presenter: { memberId: david().id } });

    // Ada takes over; the leader takes it back; a colleague who is not a leader cannot.
    expect((await w.call(ada(), "POST", `${BOARD}/walkthrough/events${MEETING}`, { type: "takeOver" })).status).toBe(200);
    const back = await w.call(david(), "POST", `${BOARD}/walkthrough/events${MEETING}`, { type: "takeOver" });
    expect(back.status).toBe(200);
    expect(back.body.walkthrough.presenter.memberId).toBe(david().id);
    const refused = await w.call(cecilia(), "POST", `${BOARD}/walkthrough/events${MEETING}`, { type: "takeOver" });
    expect(refused.status).toBe(403);
    // …and may still follow it.
    expect((await w.call(cecilia(), "POST", `${BOARD}/walkthrough/join${MEETING}`, {})).status).toBe(200);
  });
});

describe("a meeting ordered by organisation", () => {
  afterAll(() => w.setNow(START));

  it("keeps each organisation's participants together, each organisation once, named by its section", async () => {
    const admin = await w.call(greta(), "GET", `${BOARD}/admin`);
    const meetings = admin.body.board.settings.meetings.map((m: { id: string }) =>
      m.id === "morgonmote" ? { ...m, walkthroughOrder: "byOrganisation" } : m,
    );
    const saved = await w.call(greta(), "PATCH", `${BOARD}/settings`, { etag: admin.body.board.etag, meetings });
    expect(saved.status).toBe(200);
    // A participant of each case manager's organisation, so the board has more than one section.
    await aFreshParticipant(w, {
      onBoard: true,
      writtenBy: ORG.north,
      caseManagerId: hugo().id,
      consents: [{ from: ORG.north, to: [ORG.region] }],
    });
    await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });

    onDay("2026-03-06");
    const started = await w.call(ada(), "POST", `${BOARD}/walkthrough${MEETING}`, {});
    expect(started.status).toBe(200);
    const view = started.body.walkthrough;
    const sections: Array<{ from: number; kind: string; organisationId?: string }> = view.sections;
    const orgSections = sections.filter((s) => s.kind === "organisation");
    expect(orgSections.length).toBeGreaterThan(1);
    // Each organisation heads one run, in the meeting's order of organisations.
    const ids = orgSections.map((s) => s.organisationId!);
    expect(new Set(ids).size).toBe(ids.length);
    const meetingOrder = meetings.find((m: { id: string }) => m.id === "morgonmote").organisationIds as string[];
    expect([...ids].sort((a, b) => meetingOrder.indexOf(a) - meetingOrder.indexOf(b))).toEqual(ids);

    // Every participant the region sees sits in the section of their case manager's organisation.
    const participants = new Map((await w.app.storage.participants.listForBoard(DEMO_BOARD_ID)).map((p) => [p.id, p]));
    const orgOf = new Map(w.members.map((m) => [m.id, m.organisationId]));
    const sectionAt = (index: number) => [...sections].reverse().find((s) => s.from <= index)!;
    expect(view.visible.length).toBeGreaterThan(2);
    for (const v of view.visible as Array<{ index: number; participantId: string }>) {
      const p = participants.get(v.participantId)!;
      expect({ code: p.code, section: sectionAt(v.index).organisationId }).toEqual({ code: p.code, section: orgOf.get(p.caseManagerId) });
    }
  });
});

describe("raise for today (Ta upp idag)", () => {
  afterAll(() => w.setNow(START));

  it("is idempotent, comes after the board with the reasons each viewer may read, and is gone the next day", async () => {
    onDay("2026-03-09");
    // Off the board; the region's consent names Norrby, not Västra.
    const { participant } = await aFreshParticipant(w, {
      caseManagerId: ada().id,
      organisationIds: [ORG.region, ORG.north, ORG.west],
      consents: [
        { from: ORG.region, to: [ORG.north] },
        { from: ORG.north, to: [ORG.region] },
      ],
    });
    const path = `${BOARD}/participants/${participant.id}/raise-today`;
    const reason = "Påhittad: missade depåinjektionen";
    const first = await w.call(ada(), "POST", path, { reason });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ participantId: participant.id, on: "2026-03-09", organisationId: ORG.region, reason });
    // A retried or double-clicked raise answers with the same raise; another reason the same day is a conflict.
    const again = await w.call(ada(), "POST", path, { reason });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await w.call(ada(), "POST", path, { reason: "Påhittad: något annat" })).status).toBe(409);
    expect((await w.app.storage.raised.listOn(DEMO_BOARD_ID, "2026-03-09")).filter((r) => r.participantId === participant.id)).toHaveLength(
      1,
    );
    // Norrby raises the same participant with its own reason: its own item.
    expect((await w.call(hugo(), "POST", path, { reason: "Påhittad: Norrbys oro" })).status).toBe(201);
    // Västra may not see the participant: as if they did not exist.
    expect((await w.call(per(), "POST", path, { reason: "Påhittad" })).status).toBe(404);

    const started = await w.call(ada(), "POST", `${BOARD}/walkthrough${MEETING}`, {});
    expect(started.status).toBe(200);
    const view = started.body.walkthrough;
    const last = view.total - 1;
    expect(view.visible.find((v: { participantId: string }) => v.participantId === participant.id)?.index).toBe(last);
    expect(view.sections.at(-1)).toEqual({ from: last, kind: "raised" });

    const records = async (member: Member) =>
      (
        await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, {
          fromMonth: "2026-03",
          toMonth: "2026-03",
        })
      ).filter((e: AuditEvent) => e.participantId === participant.id && e.what === "viewedDetails").length;
    const seenBefore = await records(ada());
    const moved = await w.call(ada(), "POST", `${BOARD}/walkthrough/events${MEETING}`, { type: "moveTo", index: last });
    expect(moved.status).toBe(200);
    expect(moved.body.walkthrough.current).toMatchObject({ shown: "raised", participantId: participant.id });
    expect(moved.body.walkthrough.current.raised.participant).toMatchObject({ code: participant.code });
    expect(moved.body.walkthrough.current.raised.reasons.map((r: { organisationId: string }) => r.organisationId).sort()).toEqual([
      ORG.north,
      ORG.region,
    ]);
    expect(await records(ada())).toBeGreaterThan(seenBefore);
    // Norrby reads the region's reason (its consent names Norrby) and its own; Västra sees a placeholder only.
    const forHugo = await w.call(hugo(), "GET", `${BOARD}/walkthrough/current${MEETING}`);
    expect(forHugo.body.current.raised.reasons).toHaveLength(2);
    const forPer = await w.call(per(), "GET", `${BOARD}/walkthrough/current${MEETING}`);
    expect(forPer.body.current).toMatchObject({ shown: "hidden" });
    expect(JSON.stringify(forPer.body)).not.toContain("Påhittad");

    // The next working day the raise has dropped off: the participant is not in the walkthrough.
    onDay("2026-03-10");
    const tomorrow = await w.call(ada(), "POST", `${BOARD}/walkthrough${MEETING}`, {});
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.body.walkthrough.visible.map((v: { participantId: string }) => v.participantId)).not.toContain(participant.id);
    expect((tomorrow.body.walkthrough.sections ?? []).some((s: { kind: string }) => s.kind === "raised")).toBe(false);
  });

  it("takes a participant raised during a running walkthrough at its end", async () => {
    onDay("2026-03-11");
    const started = await w.call(ada(), "POST", `${BOARD}/walkthrough${MEETING}`, {});
    expect(started.status).toBe(200);
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const raised = await w.call(ada(), "POST", `${BOARD}/participants/${participant.id}/raise-today`, { reason: "Påhittad: under mötet" });
    expect(raised.status).toBe(201);
    const now = (await w.call(ada(), "GET", `${BOARD}/walkthrough${MEETING}`)).body.walkthrough;
    expect(now.total).toBe(started.body.walkthrough.total + 1);
    expect(now.visible.at(-1)).toMatchObject({ index: now.total - 1, participantId: participant.id });
    expect(now.counts.added).toBe(started.body.walkthrough.counts.added);
  });

  it("refuses a participant already on the board", async () => {
    const { participant } = await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });
    const res = await w.call(ada(), "POST", `${BOARD}/participants/${participant.id}/raise-today`, { reason: "Påhittad" });
    expect(res.status).toBe(409);
  });
});
