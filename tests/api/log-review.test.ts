// Loggkontroll as a documented review, through HTTP: the region names its reviewers, the period's
// sample is the same every time it is opened, marks are stored and in the report, nobody marks
// their own access, and a participant's log extract lists each access per organisation.
import { DEMO_BOARD_ID, BOARD, ORG, aFreshParticipant, startWorld, textOf, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const period = () => w.today().slice(0, 7);

it("draws a reproducible sample, stores each mark with its note and exports it, and refuses a reviewer's own access", async () => {
  const manager = w.member("manager");
  const admin = w.member("admin");
  const coordinator = w.member("coordinator");
  // Accesses by the region's own people: the coordinator at night (a systematic rule), the manager by day.
  await w.app.storage.audit.append(
    [
      { m: coordinator, at: `${w.today()}T01:00:00.000Z` },
      { m: manager, at: `${w.today()}T09:00:00.000Z` },
    ].map(({ m, at }) => ({
      boardId: DEMO_BOARD_ID,
      at,
      actor: { tenantId: m.tenantId, objectId: m.objectId, organisationId: m.organisationId, role: m.role },
      what: "viewedDetails" as const,
      participantId: "someone",
      participantCode: "ZQX-0001",
      channel: "tab" as const,
      outcome: "allowed" as const,
    })),
  );
  expect((await w.call(manager, "GET", `${BOARD}/log-reviews/${period()}`)).status).toBe(403);
  const named = await w.call(manager, "PUT", `${BOARD}/log-reviewers/${ORG.region}`, { memberIds: [manager.id, admin.id] });
  expect(named.status).toBe(200);
  // Managers read who is named; whether the viewer may review is the server's answer.
  expect((await w.call(manager, "GET", `${BOARD}/log-reviewers/${ORG.region}`)).body).toMatchObject({
    memberIds: [manager.id, admin.id],
    etag: named.body.etag,
    mayReview: true,
  });
  expect((await w.call(coordinator, "GET", `${BOARD}/log-reviewers/${ORG.region}`)).status).toBe(403);

  const first = await w.call(manager, "GET", `${BOARD}/log-reviews/${period()}`);
  expect(first.status).toBe(200);
  const again = await w.call(admin, "GET", `${BOARD}/log-reviews/${period()}`);
  expect(again.body.items.map((i: { id: string }) => i.id)).toEqual(first.body.items.map((i: { id: string }) => i.id));
  expect(first.body.seed).toBe(`${DEMO_BOARD_ID}/${ORG.region}/${period()}`);

  const night = first.body.items.find((i: { memberId: string; rules: string[] }) => i.memberId === coordinator.id);
  expect(night.rules).toContain("outsideMeetingTimes");
  const own = first.body.items.find((i: { memberId: string }) => i.memberId === manager.id);
  expect(own).toMatchObject({ ownAccess: true });

  const refused = await w.call(manager, "POST", `${BOARD}/log-reviews/${period()}/items/${own.id}`, {
    status: "inOrder",
    etag: first.body.etag,
  });
  expect(refused.status).toBe(403);
  const marked = await w.call(manager, "POST", `${BOARD}/log-reviews/${period()}/items/${night.id}`, {
    status: "followUp",
    note: "Fråga om nattläsningen",
    etag: first.body.etag,
  });
  expect(marked.status).toBe(200);
  expect(marked.body).toMatchObject({ marked: 1, followUp: 1 });
  // The admin may mark the manager's own access.
  const byAdmin = await w.call(admin, "POST", `${BOARD}/log-reviews/${period()}/items/${own.id}`, {
    status: "inOrder",
    etag: marked.body.etag,
  });
  expect(byAdmin.status).toBe(200);
  // A stale ETag loses nothing: 409, carrying the review as this reviewer reads it — the codes they
  // may not see masked, no stored record with its actor's ids.
  const stale = await w.call(admin, "POST", `${BOARD}/log-reviews/${period()}/items/${own.id}`, {
    status: "inOrder",
    etag: marked.body.etag,
  });
  expect(stale.status).toBe(409);
  expect(stale.body.error.current).toMatchObject({ etag: byAdmin.body.etag, marked: 2 });
  expect(JSON.stringify(stale.body.error.current)).not.toMatch(/ZQX-0001|"record"|objectId/);

  const stored = await w.app.storage.logReviews.get(DEMO_BOARD_ID, ORG.region, period());
  expect(stored!.items.find((i) => i.id === night.id)!.mark).toMatchObject({
    status: "followUp",
    note: "Fråga om nattläsningen",
    by: manager.id,
  });

  const report = await w.call(admin, "GET", `${BOARD}/log-reviews/${period()}/report.csv`);
  expect(report.status).toBe(200);
  const csv = textOf(report);
  expect(csv).toContain(`${night.id},`);
  expect(csv).toContain("followUp,Fråga om nattläsningen");
  expect(csv).toContain(`inOrder,,${admin.id}`);
});

it("lists each access to a participant per organisation in the log extract, as JSON and CSV", async () => {
  const { participant } = await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  await w.call(w.member("coordinator"), "GET", `${BOARD}/participants/${participant.id}/history`);
  await w.call(w.member("coordinator", ORG.north), "GET", `${BOARD}/participants/${participant.id}/history`);
  const manager = w.member("manager");
  const extract = await w.call(manager, "GET", `${BOARD}/participants/${participant.id}/log-extract`);
  expect(extract.status).toBe(200);
  expect(extract.body.participantCode).toBe(participant.code);
  const orgs = extract.body.organisations.map((o: { organisationId: string; accesses: unknown[] }) => [
    o.organisationId,
    o.accesses.length,
  ]);
  expect(orgs).toEqual(
    expect.arrayContaining([
      [ORG.region, 1],
      [ORG.north, 1],
    ]),
  );
  const csv = textOf(await w.call(manager, "GET", `${BOARD}/participants/${participant.id}/log-extract.csv?organisationId=${ORG.north}`));
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("participantCode,organisation,unit,at,lastAt,count,what,channel");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(participant.code);
  // No individual's name or id in the extract.
  for (const m of w.members) expect(csv.includes(m.objectId) || csv.includes(m.displayName)).toBe(false);
  // A participant the north may not see: 404 for its manager.
  const { participant: hidden } = await aFreshParticipant(w, { organisationIds: [ORG.region, ORG.north] });
  expect((await w.call(w.member("manager", ORG.north), "GET", `${BOARD}/participants/${hidden.id}/log-extract`)).status).toBe(404);
});
