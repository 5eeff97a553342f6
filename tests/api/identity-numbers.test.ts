// Issue 29, item 2, through HTTP against Azurite: every free-text field of every route that takes a
// body refuses every identity-number variant with 400, naming the field and the stable reason the tab
// words in Swedish; ordinary text in the same field is not refused for that; every cell of a CSV
// import is checked, naming the column. The routes and their fields are found from the route files
// and the contract's schemas, so a new route or field is covered (or this test says what is missing).
import * as contract from "@fact-board/contract";
import { isPersonalIdentityNumberIssue } from "@fact-board/contract";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ORDINARY_TEXT, VARIANTS, stringLeaves, withValueAt } from "../support/identity-numbers";
import { aFreshParticipant, DEMO_BOARD_ID, ORG, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  // About a thousand refused requests from one person and address: the limits are not what is tested here.
  w = await startWorld({
    env: {
      API_REQUESTS_PER_MINUTE: "100000",
      JOIN_REQUESTS_PER_HOUR_PER_ADDRESS: "100000",
      JOIN_REQUESTS_PER_HOUR_PER_TENANT: "100000",
    },
  });
}, 180_000);
afterAll(async () => {
  await w?.stop();
});

const GUID = "11111111-1111-4111-8111-111111111111";
const MEETING = { id: "lund", name: "Lund", days: "workingDays", time: "09:00", organisationIds: [ORG.north] };

/** Bodies each route accepts as to their shape: together they reach every free-text field of the route's schema. */
const EXAMPLES: Record<string, Array<Record<string, unknown>>> = {
  "POST /api/boards": [
    {
      name: "Tavla",
      organisation: { name: "Psykiatrin", kind: "regionPsychiatry", retentionDays: 3650 },
      displayName: "Anna",
      codePattern: "FIK-\\d{3}",
    },
  ],
  "POST /api/boards/:boardId/join-requests": [{ displayName: "Anna", message: "Hej" }],
  "PUT /api/boards/:boardId/entries/:participantId/since-last": [{ text: "Påhittad: sov dåligt i natt" }],
  "POST /api/boards/:boardId/participants/:participantId/raise-today": [{ reason: "Påhittad: vräkning på gång" }],
  "PUT /api/boards/:boardId/participants/:participantId/contacts": [{ kind: "external", name: "Fia Påhittad", role: "Boendestödjare" }],
  "PATCH /api/boards/:boardId/settings": [
    { etag: "x", name: "Tavla", codePattern: "FIK-\\d{3}", meetings: [MEETING] },
    { etag: "x", about: { text: "Rutin och antagningskriterier", link: "https://intranat.example.se/fact" } },
  ],
  "POST /api/boards/:boardId/organisations": [{ name: "Norrby", kind: "municipalSocialServices", tenantIds: [GUID], retentionDays: 1825 }],
  "PATCH /api/boards/:boardId/organisations/:organisationId": [{ etag: "x", name: "Norrby" }],
  "POST /api/boards/:boardId/members": [{ tenantId: GUID, objectId: GUID, displayName: "Anna", organisationId: ORG.region, role: "staff" }],
  "PATCH /api/boards/:boardId/members/:memberId": [{ etag: "x", displayName: "Anna" }],
  "POST /api/boards/:boardId/members/:memberId/leave": [{ etag: "x", handOver: [], reason: "Slutar" }],
  "PUT /api/boards/:boardId/participants/:participantId/consents/:organisationId": [
    { status: "given", basis: "legalBasis", legalReference: "OSL 10:2", receivingOrganisationIds: [ORG.north], givenOn: "2026-03-01" },
  ],
  "POST /api/boards/:boardId/entries": [
    { participantId: "p001", reason: "crisis", reasonNote: "Kort", priority: "high", nextEvaluationOn: "2026-03-10" },
  ],
  "PATCH /api/boards/:boardId/entries/:participantId": [{ etag: "x", reasonNote: "Kort" }],
  "POST /api/boards/:boardId/entries/:participantId/actions": [
    { etag: "x", what: "Ringa boendestödet", responsibleId: "someone", byWhen: "2026-03-05" },
    { etag: "x", what: "Följa med till AMF", external: { role: "amfGuide", name: "Guiden" }, byWhen: "2026-03-05" },
  ],
  "POST /api/boards/:boardId/participants/:participantId/interventions": [{ kind: "housingSupport", label: "Två gånger i veckan" }],
  "PUT /api/boards/:boardId/participants/:participantId/interventions/:interventionId": [{ etag: "x", label: "Varannan vecka" }],
  "PUT /api/boards/:boardId/participants/:participantId/goal": [{ etag: "x", text: "Ha kvar lägenheten" }],
  "POST /api/boards/:boardId/entries/:participantId/take-off": [{ etag: "x", outcome: "stable", note: "Stabil" }],
  "POST /api/boards/:boardId/signals": [
    { participantId: "p001", toOrganisationId: ORG.north, kind: "concern", urgency: "today", note: "Oro" },
  ],
  "POST /api/boards/:boardId/signals/:signalId/answer": [{ answer: "decline", etag: "x", reason: "Inte vårt ansvar" }],
  "POST /api/boards/:boardId/log-reviews/:period/items/:itemId": [{ status: "followUp", note: "Följs upp", etag: "x" }],
  // An ethics approval reference written the usual way ("Dnr 2019-01234") is ordinary text.
  "POST /api/boards/:boardId/studies": [
    {
      name: "Fiktiv studie",
      ethicsApprovalReference: "Dnr 2019-01234",
      from: "2026-01-01",
      to: "2026-12-31",
      dataManagerIds: ["someone"],
    },
  ],
  "PATCH /api/boards/:boardId/studies/:studyId": [{ etag: "x", name: "Fiktiv studie", ethicsApprovalReference: "Dnr 2019-01234" }],
};

/** Every route that parses a JSON body, and the contract schema it parses it with, read from the route files. */
function bodyRoutes(): Array<{ route: string; method: string; template: string; schemaName: string }> {
  return ["board-routes.ts", "admin-routes.ts", "study-routes.ts"].flatMap((file) => {
    const source = readFileSync(path.resolve(__dirname, "../../bot/src/api", file), "utf8");
    return source
      .split(/\n {2}r\.(?=(?:get|post|put|patch|delete)\()/)
      .slice(1)
      .flatMap((block) => {
        const route = /^(\w+)\("([^"]+)"/.exec(block);
        const schema = /parse\((\w+), req\.body/.exec(block);
        return route && schema
          ? [
              {
                route: `${route[1]!.toUpperCase()} ${route[2]}`,
                method: route[1]!.toUpperCase(),
                template: route[2]!,
                schemaName: schema[1]!,
              },
            ]
          : [];
      });
  });
}

const PROSE = "Ringer boendestödet i morgon om hembesöket";
const NOT_FREE_TEXT = new Set<unknown>([contract.Id, contract.MemberId, contract.ETag]);

const fill = (template: string) =>
  template.replace(/:(\w+)/g, (_m, name: string) =>
    name === "boardId" ? DEMO_BOARD_ID : name === "period" ? "2026-03" : name === "memberId" ? "no-such-member" : `no-such-${name}`,
  );

interface Case {
  route: string;
  method: string;
  path: string;
  field: string;
  body: (text: string) => unknown;
}

function cases(): { cases: Case[]; uncovered: string[] } {
  const out: Case[] = [];
  const uncovered: string[] = [];
  for (const { route, method, template, schemaName } of bodyRoutes()) {
    const schema = (contract as unknown as Record<string, z.ZodType>)[schemaName]!;
    const fields = stringLeaves(schema).filter((l) => !NOT_FREE_TEXT.has(l.schema) && l.schema.safeParse(PROSE).success);
    for (const { path: fieldPath } of fields) {
      const field = fieldPath.join(".");
      // An example whose only problem, with a number in this field, is the number in this field.
      const example = (EXAMPLES[route] ?? []).find((e) => {
        if (!schema.safeParse(e).success) return false;
        const issues = schema.safeParse(withValueAt(e, fieldPath, VARIANTS[0])).error?.issues ?? [];
        return issues.length === 1 && isPersonalIdentityNumberIssue(issues[0]!) && issues[0]!.path.join(".") === field;
      });
      if (!example) uncovered.push(`${route} ${field}`);
      else out.push({ route, method, path: fill(template), field, body: (text) => withValueAt(example, fieldPath, text) });
    }
  }
  return { cases: out, uncovered };
}

const ada = () => w.byName("Ada Fiktiv");

describe("every free-text field of every route", () => {
  const { cases: all, uncovered } = cases();

  it("has an example body reaching every free-text field the routes' schemas have", () => {
    expect(uncovered).toEqual([]);
    expect(new Set(all.map((c) => c.route)).size).toBe(Object.keys(EXAMPLES).length);
    expect(all.length).toBeGreaterThanOrEqual(22);
  });

  it.each(all.map((c) => [`${c.route} ${c.field}`, c] as const))(
    `%s refuses all ${VARIANTS.length} variants, naming the field`,
    async (_name, c) => {
      const answers: string[] = [];
      for (const variant of VARIANTS) {
        const res = await w.call(ada(), c.method, c.path, c.body(variant));
        const e = res.body?.error ?? {};
        const ok =
          res.status === 400 && e.reason === "PersonalIdentityNumber" && e.field === c.field && e.message.startsWith(`${c.field}: `);
        if (!ok) answers.push(`${JSON.stringify(variant)} → ${res.status} ${JSON.stringify(e)}`);
      }
      expect(answers).toEqual([]);
      // Ordinary text in the same field is not refused as a number (what else happens depends on the ids).
      for (const text of ORDINARY_TEXT.slice(0, 8)) {
        const res = await w.call(ada(), c.method, c.path, c.body(text));
        expect(`${JSON.stringify(text)} → ${res.body?.error?.reason}`).not.toBe(`${JSON.stringify(text)} → PersonalIdentityNumber`);
      }
    },
  );

  it("a refused note is not stored: the entry's version is unchanged", async () => {
    const { participant, entry } = await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });
    const path = `/api/boards/${DEMO_BOARD_ID}/entries/${participant.id}`;
    const refused = await w.call(ada(), "PATCH", path, { etag: entry!.etag, reasonNote: `Ringde, pnr ${VARIANTS[12]}` });
    expect([refused.status, refused.body.error.field, refused.body.error.reason]).toEqual([400, "reasonNote", "PersonalIdentityNumber"]);
    // The version read before the refusal is still the stored one.
    const saved = await w.call(ada(), "PATCH", path, { etag: entry!.etag, reasonNote: "Ringde, ring 070-123 45 67" });
    expect(saved.status).toBe(200);
    expect(saved.body.reasonNote).toBe("Ringde, ring 070-123 45 67");
  });
});

describe("every cell of a participant import", () => {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

  it(`refuses a line with any of the ${VARIANTS.length} variants in any column, naming the column`, async () => {
    const admin = w.member("admin");
    const good = ["ZQX-901", "A.B.", "Ada Fiktiv", "Psykiatrin"];
    const lines: string[] = [];
    const columns: number[] = [];
    for (const variant of VARIANTS)
      for (let column = 1; column <= 5; column++) {
        const cells = [...good, ...(column === 5 ? [""] : [])];
        cells[column - 1] = column === 3 || column === 4 ? `${cells[column - 1]} ${variant}` : variant;
        lines.push(cells.map(quote).join(";"));
        columns.push(column);
      }
    const res = await fetch(`${w.app.baseUrl}/api/boards/${DEMO_BOARD_ID}/participants/import?dryRun=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${await w.token(admin)}`, "content-type": "text/csv" },
      body: lines.join("\n"),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as contract.ImportReport;
    expect(report.refused).toHaveLength(lines.length);
    expect(report.refused.map((r) => r.reason)).toEqual(lines.map(() => contract.PERSONAL_IDENTITY_NUMBER_REFUSED));
    expect(report.refused.map((r) => r.column)).toEqual(columns);
  });
});
