// The access log (loggkontroll): every kind of access writes exactly one record per participant
// shown or changed — a board view with N visible participants writes N — and a request whose
// access cannot be logged fails without answering data or leaving an unlogged change behind.
import { addDays } from "../../bot/src/domain/dates";
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, anOpenSignal, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const eva = () => w.byName("Eva Testsson"); // region manager
const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };

/** Runs `act` and returns the access records it wrote for `member`. */
async function recordsOf(member: Member, act: () => Promise<unknown>): Promise<AuditEvent[]> {
  const before = await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, RANGE);
  await act();
  const after = await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, RANGE);
  // The clock stands still in these tests, so two accesses can write identical records: count them.
  const seen = new Map<string, number>();
  for (const e of before) seen.set(JSON.stringify(e), (seen.get(JSON.stringify(e)) ?? 0) + 1);
  return after.filter((e) => {
    const left = seen.get(JSON.stringify(e)) ?? 0;
    seen.set(JSON.stringify(e), left - 1);
    return left <= 0;
  });
}

const byWhat = (records: AuditEvent[]) => records.map((e) => `${e.what} ${e.participantId}`).sort();

describe("one record per participant shown", () => {
  it("a board read writes one 'viewedDetails' record for each participant it shows, and none for hidden ones", async () => {
    let shown: string[] = [];
    for (const member of [ada(), w.byName("Hugo Fiktivsson"), w.byName("Per Påhittsson")]) {
      const records = await recordsOf(member, async () => {
        const res = await w.call(member, "GET", BOARD);
        shown = [
          ...new Set([
            ...res.body.rows.map((r: { participant: { id: string } }) => r.participant.id),
            ...res.body.signals.map((e: { participantId: string }) => e.participantId),
          ]),
        ];
        expect(res.body.rows.length).toBeGreaterThan(0);
      });
      expect(byWhat(records)).toEqual(shown.map((id) => `viewedDetails ${id}`).sort());
      expect(
        records.every((e) => e.actor.organisationId === member.organisationId && e.actor.role === member.role && e.outcome === "allowed"),
      ).toBe(true);
    }
  });

  it("says through what the access came: the tab or the API", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const viaTab = await recordsOf(ada(), async () => {
      const res = await fetch(`${w.app.baseUrl}${BOARD}/participants/${participant.id}/history`, {
        headers: { authorization: `Bearer ${await w.token(ada())}`, "x-fact-client": "tab" },
      });
      expect(res.status).toBe(200);
    });
    expect(viaTab.map((e) => [e.what, e.channel, e.participantCode])).toEqual([["viewedHistory", "tab", participant.code]]);
  });

  it("the participant list writes one record per participant listed", async () => {
    let listed: string[] = [];
    const records = await recordsOf(ada(), async () => {
      const res = await w.call(ada(), "GET", `${BOARD}/participants?mine=true`);
      listed = res.body.participants.map((p: { id: string }) => p.id);
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(byWhat(records)).toEqual(listed.map((id) => `viewedDetails ${id}`).sort());
  });

  it("each read of one participant and each change writes exactly one record", async () => {
    const { participant, entry } = await aFreshParticipant(w, {
      caseManagerId: ada().id,
      onBoard: true,
      organisationIds: [ORG.region, ORG.north],
    });
    const p = participant.id;
    const path = `${BOARD}/entries/${p}`;
    let etag = entry!.etag;
    const steps: Array<[string, () => Promise<{ status: number; body: { etag?: string } }>]> = [
      ["viewedHistory", () => w.call(ada(), "GET", `${BOARD}/participants/${p}/history`)],
      ["viewedDetails", () => w.call(ada(), "GET", `${BOARD}/participants/${p}/consents`)],
      ["changed", () => w.call(ada(), "PATCH", path, { etag, priority: "low" })],
      [
        "changed",
        () => w.call(ada(), "POST", `${path}/actions`, { etag, what: "Ringa", responsibleId: ada().id, byWhen: addDays(w.today(), 1) }),
      ],
      ["changed", () => w.call(ada(), "PATCH", `${path}/actions/a1`, { etag, done: true })],
      ["changed", () => w.call(ada(), "POST", `${path}/review`, { etag })],
      [
        "consentRecorded",
        () =>
          w.call(ada(), "PUT", `${BOARD}/participants/${p}/consents/${ORG.region}`, {
            status: "given",
            receivingOrganisationIds: [ORG.north],
            givenOn: w.today(),
            validUntil: addDays(w.today(), 90),
          }),
      ],
      [
        "signalRaised",
        () =>
          w.call(ada(), "POST", `${BOARD}/signals`, {
            participantId: p,
            toOrganisationId: ORG.north,
            kind: "concern",
            urgency: "today",
          }),
      ],
      ["takenOffBoard", () => w.call(ada(), "POST", `${path}/take-off`, { etag, outcome: "stable" })],
      [
        "putOnBoard",
        () =>
          w.call(ada(), "POST", `${BOARD}/entries`, {
            participantId: p,
            reason: "relapseRisk",
            priority: "medium",
            nextEvaluationOn: addDays(w.today(), 3),
          }),
      ],
      ["changed", () => w.call(ada(), "POST", `${BOARD}/participants/${p}/leave`, {})],
    ];
    for (const [what, step] of steps) {
      const records = await recordsOf(ada(), async () => {
        const res = await step();
        expect(`${what} → ${res.status}`).toMatch(new RegExp(`^${what} → 20[01]$`));
        // Entry changes answer with the entry and its new ETag; the next step edits on top of it.
        if (what === "changed" && res.body.etag) etag = res.body.etag;
      });
      expect(byWhat(records)).toEqual([`${what} ${p}`]);
      expect(records[0]!.participantCode).toBe(participant.code);
    }
  });

  it("answering a signal writes one record for the answerer", async () => {
    const { participant } = await aFreshParticipant(w, { writtenBy: ORG.north, consents: [{ from: ORG.north, to: [ORG.region] }] });
    const signal = await anOpenSignal(w, participant.id, ORG.north, ORG.region, w.byName("Hugo Fiktivsson").id);
    const records = await recordsOf(ada(), async () => {
      expect(
        (await w.call(ada(), "POST", `${BOARD}/signals/${signal.id}/answer`, { answer: "acknowledge", etag: signal.etag })).status,
      ).toBe(200);
    });
    expect(byWhat(records)).toEqual([`signalAnswered ${participant.id}`]);
  });

  it("a refused or unknown request writes nothing", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    const north = w.byName("Hugo Fiktivsson");
    const records = await recordsOf(north, async () => {
      expect((await w.call(north, "GET", `${BOARD}/participants/${participant.id}/history`)).status).toBe(404);
      expect((await w.call(north, "GET", `${BOARD}/participants/no-such/history`)).status).toBe(404);
    });
    expect(records).toEqual([]);
  });

  it("reviewing a participant's log is itself logged once; an export once per participant in it", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`);
    const read = await recordsOf(eva(), () => w.call(eva(), "GET", `${BOARD}/audit?participantId=${participant.id}`));
    expect(byWhat(read)).toEqual([`viewedHistory ${participant.id}`]);
    const exported = await recordsOf(eva(), () => w.call(eva(), "GET", `${BOARD}/audit.csv?participantId=${participant.id}`));
    expect(byWhat(exported)).toEqual([`exported ${participant.id}`]);
  });
});

describe("repeated views fold into one record with a count", () => {
  it("two identical reads by one person in the same window are one record: count 2, first and last time, in the review and its CSV", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
    for (let i = 0; i < 2; i++) expect((await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`)).status).toBe(200);
    const review = await w.call(eva(), "GET", `${BOARD}/audit?participantId=${participant.id}`);
    const reads = review.body.records.filter(
      (r: { what: string; objectId: string }) => r.what === "viewedHistory" && r.objectId === ada().objectId,
    );
    expect(reads).toEqual([expect.objectContaining({ count: 2, channel: "api", at: expect.any(String), lastAt: expect.any(String) })]);
    const csv = await w.call(eva(), "GET", `${BOARD}/audit.csv?participantId=${participant.id}`);
    const [header, ...lines] = String(csv.body).trim().split("\r\n");
    const columns = header!.split(",");
    const row = lines
      .map((l) => l.split(","))
      .find((cells) => cells[columns.indexOf("what")] === "viewedHistory" && cells[columns.indexOf("objectId")] === ada().objectId);
    expect(row?.[columns.indexOf("count")]).toBe("2");
  });
});

describe("no unlogged access", () => {
  // Last in this file: the access log's table is taken away for good.
  let participant: Awaited<ReturnType<typeof aFreshParticipant>>;
  beforeAll(async () => {
    participant = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true });
    await w.tables.tables.auditLog.deleteTable();
  });

  it("a board read fails with a JSON error and no data when the access log cannot be written", async () => {
    const res = await w.call(ada(), "GET", BOARD);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body).toEqual({ error: { code: "Internal", message: expect.any(String) } });
    expect(textOf(res)).not.toMatch(/FIK-|ZQX-|Fiktiv|stack|at .*\.ts/);
  });

  it("every read of participant details fails the same way", async () => {
    for (const path of [
      `${BOARD}/participants`,
      `${BOARD}/participants/${participant.participant.id}/history`,
      `${BOARD}/participants/${participant.participant.id}/consents`,
    ]) {
      const res = await w.call(ada(), "GET", path);
      expect(`${path} → ${res.status}`).toBe(`${path} → 500`);
      expect(textOf(res)).not.toContain(participant.participant.code);
    }
  });

  it("a change that cannot be logged is not made", async () => {
    const res = await w.call(ada(), "PATCH", `${BOARD}/entries/${participant.participant.id}`, {
      etag: participant.entry!.etag,
      priority: "low",
    });
    expect(res.status).toBe(500);
    const stored = await w.app.storage.entries.getCurrent(DEMO_BOARD_ID, participant.participant.id);
    expect(stored).toMatchObject({ priority: participant.entry!.priority, etag: participant.entry!.etag });
  });
});
