// Fidelity indicators and research statistics through HTTP: a viewer's indicators count only the
// participants their organisation may see; the statistics export is for managers, logged, and
// holds no code, initials, name or note of the demo team and no count from 1 to 4 (withheld: "x").
import { FidelityIndicators } from "@fact-board/contract";
import { aFreshParticipant, BOARD, ORG, startWorld, textOf, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const thisMonth = async (member: ReturnType<World["member"]>) => {
  const res = await w.call(member, "GET", `${BOARD}/overview`);
  expect(res.status).toBe(200);
  const fidelity = FidelityIndicators.parse(res.body.fidelity);
  return fidelity.months[fidelity.months.length - 1]!;
};

it("counts in a viewer's indicators only the participants their organisation may see", async () => {
  const region = w.member("manager", ORG.region);
  const north = w.member("manager", ORG.north);
  const before = { region: await thisMonth(region), north: await thisMonth(north) };
  // One the north may see (the region's consent names it), one it may not.
  await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  await aFreshParticipant(w, { onBoard: true, organisationIds: [ORG.region, ORG.north] });
  const after = { region: await thisMonth(region), north: await thisMonth(north) };
  expect(after.region.onBoard - before.region.onBoard).toBe(2);
  expect(after.north.onBoard - before.north.onBoard).toBe(1);
  expect(after.region.putOn - before.region.putOn).toBe(2);
  expect(after.north.putOn - before.north.putOn).toBe(1);
});

describe("GET /statistics.csv", () => {
  it("answers non-managers 403", async () => {
    for (const m of [w.member("coordinator"), w.member("admin"), w.byName("David Exempel")]) {
      expect((await w.call(m, "GET", `${BOARD}/statistics.csv`)).status).toBe(403);
    }
  });

  it("holds no demo code, initial, name or note and no count between 1 and 4, and is logged", async () => {
    const manager = w.member("manager");
    const res = await w.call(manager, "GET", `${BOARD}/statistics.csv?months=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const csv = textOf(res);
    // The method first, as `#` lines; then the table.
    const [header, ...lines] = csv
      .trim()
      .split("\r\n")
      .filter((l) => !l.startsWith("#"));
    expect(csv.startsWith("# FACT Board de-identified statistics")).toBe(true);
    expect(header).toBe("month,organisationKind,measure,value");
    expect(lines.length).toBeGreaterThan(10);
    const participants = await w.app.storage.participants.listForBoard(BOARD.split("/").pop()!);
    const entries = await w.app.storage.entries.listCurrent(BOARD.split("/").pop()!);
    const secrets = [
      ...participants.flatMap((p) => [p.code, p.initials]),
      ...w.members.flatMap((m) => [m.displayName, m.objectId]),
      ...entries.flatMap((e) => [e.reasonNote, ...e.actions.map((a) => a.what)]).filter((x): x is string => !!x),
    ].filter((s) => s.length >= 3);
    for (const s of secrets) expect(csv.includes(s) ? s : "").toBe("");
    for (const line of lines) {
      const cells = line.split(",");
      expect(cells).toHaveLength(4);
      const value = cells[3]!;
      expect(value === "x" || /^(0|[5-9]|\d{2,})$/.test(value) ? "ok" : line).toBe("ok");
    }
    const log = await w.app.storage.audit.listForMember(BOARD.split("/").pop()!, manager.tenantId, manager.objectId, {
      fromMonth: w.today().slice(0, 7),
      toMonth: w.today().slice(0, 7),
    });
    expect(log.some((e) => e.what === "exported" && e.participantId === "")).toBe(true);
  });
});
