// Every string every request body and every card action takes, found by walking the schemas
// themselves (not a list kept by hand): free text refuses all the identity-number variants and keeps
// ordinary text; ids and other structured strings refuse prose. A new field typed as a bare
// z.string() — or a new body the routes parse — fails here until it is guarded.
import * as contract from "@fact-board/contract";
import { isPersonalIdentityNumberIssue } from "@fact-board/contract";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { IdList, VERBS } from "../../bot/src/cards/verbs";
import { ORDINARY_TEXT, VARIANTS, stringLeaves, type StringLeaf } from "../support/identity-numbers";

/** Prose a person types: whatever takes it is free text. */
const PROSE = "Ringer boendestödet i morgon om hembesöket";

/** Strings that are not free text, and why. `prose: true`: it must also refuse prose, so free text cannot hide here. */
const NOT_FREE_TEXT = new Map<unknown, { why: string; refusesProse: boolean }>([
  [contract.Id, { why: "an id of a stored thing (or one the client chose to make a retry idempotent)", refusesProse: true }],
  [contract.MemberId, { why: "a member's id (tenant.object)", refusesProse: true }],
  [IdList, { why: "ids chosen in a card's multi-select", refusesProse: true }],
  [contract.ETag, { why: "compared with the stored version, never stored or shown", refusesProse: false }],
]);

const isSchema = (v: unknown): v is z.ZodType => v instanceof z.ZodType;
const REQUEST_BODIES = (Object.entries(contract) as Array<[string, unknown]>).filter(
  (e): e is [string, z.ZodType] => e[0].endsWith("Body") && isSchema(e[1]),
);
const CARD_ACTIONS = Object.entries(VERBS) as Array<[string, z.ZodType]>;

const refusesAsIdentityNumber = (schema: z.ZodType, text: string) =>
  schema.safeParse(text).error?.issues.some(isPersonalIdentityNumberIssue) ?? false;

interface Field extends StringLeaf {
  where: string;
}
const fieldsOf = (kind: string, entries: Array<[string, z.ZodType]>): Field[] =>
  entries.flatMap(([name, schema]) =>
    stringLeaves(schema).map((leaf) => ({ ...leaf, where: `${kind} ${name}${leaf.path.length ? `.${leaf.path.join(".")}` : ""}` })),
  );
const FIELDS = [...fieldsOf("body", REQUEST_BODIES), ...fieldsOf("card", CARD_ACTIONS)];
const freeText = FIELDS.filter((f) => !NOT_FREE_TEXT.has(f.schema) && f.schema.safeParse(PROSE).success);
const structured = FIELDS.filter((f) => !NOT_FREE_TEXT.has(f.schema) && !f.schema.safeParse(PROSE).success);
const exempt = FIELDS.filter((f) => NOT_FREE_TEXT.has(f.schema));

describe("the schemas the boundary parses are the ones walked here", () => {
  it("every body a route parses is a contract *Body schema", () => {
    const dirs = ["bot/src/api", "bot/src/auth"].map((d) => path.resolve(__dirname, "../..", d));
    const parsed = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .flatMap((f) => {
          const source = readFileSync(path.join(dir, f), "utf8");
          return [...source.matchAll(/parse\((\w+), req\.body/g), ...source.matchAll(/(\w+)\.safeParse\(req\.body/g)].map((m) => m[1]!);
        }),
    );
    expect(parsed.length).toBeGreaterThan(25);
    const walked = new Set(REQUEST_BODIES.map(([name]) => name));
    expect([...new Set(parsed)].filter((name) => !walked.has(name))).toEqual([]);
  });

  it("finds the free-text fields people type into", () => {
    expect(freeText.map((f) => f.where)).toEqual(
      expect.arrayContaining([
        "body PutOnBoardBody.reasonNote",
        "body EditEntryBody.reasonNote",
        "body AddActionBody.what",
        "body TakeOffBody.note",
        "body RecordConsentBody.legalReference",
        "body RaiseSignalBody.note",
        "body AnswerSignalBody.reason",
        "body MarkLogReviewItemBody.note",
        "body CreateBoardBody.name",
        "body CreateBoardBody.organisation.name",
        "body CreateBoardBody.displayName",
        "body CreateBoardBody.codePattern",
        "body EditBoardSettingsBody.meetings.0.name",
        "body OrganisationBody.name",
        "body AddMemberBody.displayName",
        "body EditMemberBody.displayName",
        "body LeaveBoardBody.reason",
        "body JoinRequestBody.displayName",
        "body JoinRequestBody.message",
        "card signal.decline.declineReason",
        "card signal.raise.note",
      ]),
    );
  });
});

describe("the tab names every free-text field in its message", () => {
  it("has a label for each (by its path without list indexes, or its last name)", () => {
    const source = readFileSync(path.resolve(__dirname, "../../tab/src/board/identityNumberRefusal.ts"), "utf8");
    const labelled = new Set([...source.matchAll(/^\s+"?([\w.]+)"?: "(?:field|term)\./gm)].map((m) => m[1]!));
    expect(labelled.size).toBeGreaterThan(5);
    const unlabelled = freeText
      .filter((f) => f.where.startsWith("body "))
      .map((f) => f.path.filter((p) => typeof p === "string").join("."))
      .filter((p) => !labelled.has(p) && !labelled.has(p.split(".").at(-1)!));
    expect(unlabelled).toEqual([]);
  });
});

describe("free text refuses every identity-number variant and keeps ordinary text", () => {
  it.each(freeText.map((f) => [f.where, f] as const))("%s", (_where, field) => {
    const passed = VARIANTS.filter((v) => !refusesAsIdentityNumber(field.schema, v));
    expect(passed).toEqual([]);
    expect(ORDINARY_TEXT.filter((t) => !field.schema.safeParse(t).success)).toEqual([]);
  });
});

describe("structured strings refuse every variant (as an identity number or by their shape)", () => {
  it.each(structured.map((f) => [f.where, f] as const))("%s", (_where, field) => {
    expect(VARIANTS.filter((v) => field.schema.safeParse(v).success)).toEqual([]);
  });

  it("a meeting id, typed by an admin, is refused as an identity number even in its own shape", () => {
    expect(refusesAsIdentityNumber(contract.MeetingId, "8501011234")).toBe(true);
    expect(refusesAsIdentityNumber(contract.MeetingId, "850101-1234")).toBe(true);
    expect(contract.MeetingId.safeParse("lund-2026").success).toBe(true);
  });
});

describe("strings that are not free text", () => {
  it.each(exempt.map((f) => [f.where, f] as const))("%s", (_where, field) => {
    const { refusesProse } = NOT_FREE_TEXT.get(field.schema)!;
    if (refusesProse) expect(field.schema.safeParse(PROSE).success).toBe(false);
    else expect(field.path.at(-1)).toBe("etag");
  });
});
