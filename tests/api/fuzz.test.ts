// Property-based: random bodies, ids and query strings thrown at every route by members of an
// organisation that may see nothing of one participant. Whatever arrives, the answer is never a
// 5xx, an error is always the JSON error shape, and nothing identifying that participant leaks.
import fc from "fast-check";
import {
  aFreshParticipant,
  BOARD,
  DEMO_BOARD_ID,
  identifying,
  ORG,
  registeredRoutes,
  startWorld,
  textOf,
  type Fixture,
  type World,
} from "./world";

let w: World;
let hidden: Fixture;
const NOTE = "ZQXHEMLIG";

beforeAll(async () => {
  // Hundreds of requests a minute from the same three people: the per-person limit is not what is fuzzed here.
  w = await startWorld({ env: { API_REQUESTS_PER_MINUTE: "100000" } });
  // Written by the region with consent for the north only: the west may see nothing of them.
  hidden = await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  const ada = w.byName("Ada Fiktiv");
  await w.call(ada, "PATCH", `${BOARD}/entries/${hidden.participant.id}`, { etag: hidden.entry!.etag, reasonNote: NOTE });
  await w.call(ada, "GET", `${BOARD}/participants/${hidden.participant.id}/history`);
}, 180_000);
afterAll(async () => {
  await w?.stop();
});

/** Ids worth trying: real ones (the hidden participant's above all), near misses, and junk. */
const anId = () =>
  fc.oneof(
    fc.constantFrom(
      hidden.participant.id,
      "p001",
      "p002",
      "s001",
      "f001",
      "a1",
      ORG.region,
      ORG.north,
      ORG.west,
      DEMO_BOARD_ID,
      "2026-03-04",
      "-",
      "_",
      "a_b",
    ),
    fc.stringMatching(/^[A-Za-z0-9._-]{1,90}$/),
    fc.string({ maxLength: 120 }),
    fc.string({ unit: "binary", maxLength: 40 }),
  );

/** Bodies: anything JSON, objects with the routes' own field names and wrong values, and near-valid ones. */
const FIELDS = [
  "etag",
  "participantId",
  "status",
  "receivingOrganisationIds",
  "givenOn",
  "validUntil",
  "reason",
  "priority",
  "nextEvaluationOn",
  "what",
  "responsibleId",
  "byWhen",
  "done",
  "outcome",
  "note",
  "answer",
  "from",
  "to",
  "memberId",
  "code",
  "initials",
  "caseManagerId",
  "organisationIds",
  "kind",
  "urgency",
  "toOrganisationId",
  "startedAt",
  "endedAt",
  "attendeeIds",
  "reviewedParticipantIds",
  "addedParticipantIds",
  "removedParticipantIds",
  "actionsAgreed",
  "writtenBy",
  "role",
  "__proto__",
  "constructor",
];
const aBody = () =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
      fc.constantFrom(...FIELDS),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        anId(),
        fc.constantFrom("2026-03-05", "high", "given", "accept", "crisis", true, 0, -1, null),
      ),
      { maxKeys: 8 },
    ),
    fc.record(
      {
        participantId: anId(),
        etag: fc.string(),
        priority: fc.constantFrom("high", "low", "urgent"),
        reason: fc.constantFrom("crisis", "x"),
        nextEvaluationOn: fc.constantFrom("2026-03-05", "2026-02-30"),
      },
      { requiredKeys: [] },
    ),
    fc.string({ maxLength: 200 }).map((s) => ({ raw: s })),
  );
const aQuery = () =>
  fc.dictionary(
    fc.constantFrom("q", "mine", "offBoard", "participantId", "memberId", "fromMonth", "toMonth", "cursor", "access_token", "x"),
    fc.oneof(anId(), fc.string({ maxLength: 60 })),
    { maxKeys: 4 },
  );

const routes = registeredRoutes().map((r) => {
  const [method, template] = r.split(" ") as [string, string];
  return { route: r, method, template };
});

describe.each(routes)("$route", ({ method, template }) => {
  it("answers random input with a 4xx JSON error or an allowed answer, never a 5xx, never the hidden participant", async () => {
    const callers = [w.byName("Per Påhittsson"), w.byName("Sven Exempelsson"), w.byName("Rut Låtsasdotter")];
    const secrets = [...identifying(hidden.participant), NOTE];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callers),
        fc.record({ boardId: fc.oneof(fc.constant(DEMO_BOARD_ID), anId()), id: anId(), other: anId() }),
        aBody(),
        aQuery(),
        async (caller, ids, body, query) => {
          let n = 0;
          const path = template.replace(/:(\w+)/g, (_m, name: string) =>
            encodeURIComponent(name === "boardId" ? ids.boardId : n++ === 0 ? ids.id : ids.other),
          );
          const qs = new URLSearchParams(query).toString();
          const raw = (body as { raw?: unknown })?.raw;
          const res = await w.call(
            caller,
            method,
            `${path}${qs ? `?${qs}` : ""}`,
            method === "GET" ? undefined : typeof raw === "string" ? raw : body,
          );
          const text = textOf(res);
          expect(`${res.status} ${text.slice(0, 300)}`).toMatch(/^[1-4]\d\d /);
          if (res.status >= 400) {
            expect(res.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
            expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
          }
          for (const secret of secrets)
            expect(text.includes(secret) ? `${secret} leaked in ${res.status} ${text.slice(0, 200)}` : "no leak").toBe("no leak");
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("targeted nasties", () => {
  it("a well-formed cursor with a forged continuation token is never a 500", async () => {
    const sven = w.byName("Sven Exempelsson");
    const eva = w.byName("Eva Testsson");
    for (const token of ["garbage", Buffer.from('{"nextPartitionKey":"x"}').toString("base64"), "eyJ9", "%%%"]) {
      const cursor = Buffer.from(JSON.stringify({ month: "2026-03", token })).toString("base64url");
      for (const who of [eva, sven]) {
        const res = await w.call(who, "GET", `${BOARD}/audit?memberId=${encodeURIComponent(who.id)}&cursor=${cursor}`);
        // Unreadable tokens are 400; a readable one only moves within the query's own partition.
        expect(`${token} → ${res.status}`).toMatch(token.startsWith("eyJuZXh0") ? / → 200$/ : / → 400$/);
      }
    }
  });
});
