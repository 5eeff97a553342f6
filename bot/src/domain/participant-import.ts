import { Invalid } from "./errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "./identity-number";
import { isActive } from "./membership";
import { refusalOf, type ParticipantInput } from "./participant-registration";
import type { CalendarDate, Consent, Member, Organisation, OrganisationId, Participant, ParticipantId } from "./types";
import { CASE_MANAGER_MAY_NOT_SEE, mayBeCaseManager } from "./visibility";

// Importing a caseload from CSV (issue 11; issue 29: never overwrite by accident). Every line is
// checked before anything is written; a line adds a new participant, or changes an existing one
// only when it says so (the `action` column: update). A code that once belonged to a participant
// whose code was changed since is refused, never written over them.

/**
 * The columns, in the order a file without a header line gives them, each with the header names it
 * answers to (English and Swedish, any case). To import more, add a column here and read it in
 * `inputOf` (or the outcome): a header line may name the columns in any order and leave out the
 * optional ones.
 */
export const IMPORT_COLUMNS = [
  { key: "code", names: ["code", "kod", "deltagarkod"], required: true },
  { key: "initials", names: ["initials", "initialer"], required: true },
  {
    key: "caseManager",
    names: ["case manager", "casemanager", "case_manager", "handläggare", "vårdsamordnare", "vård- och stödsamordnare"],
    required: true,
  },
  { key: "organisations", names: ["organisations", "organizations", "organisationer"], required: true },
  { key: "action", names: ["action", "åtgärd"], required: false },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["key"];
/** One line's cells by column ("" where the file has none). */
export type ImportCells = Record<ImportColumn, string>;

/** What a line asks for: add a new participant (empty, "new"), or change the existing one with this code ("update"). */
export type ImportAction = "create" | "update";
const ACTIONS: Record<string, ImportAction> = { "": "create", new: "create", ny: "create", update: "update", uppdatera: "update" };

export const IMPORT_REFUSED = {
  tooManyColumns: "Too many columns: code; initials; case manager; organisations; action.",
  twice: "The code appears twice in the file.",
  unknownAction: "Unknown action: write update to change an existing participant, or leave it empty to add a new one.",
  exists: "A participant with this code already exists: to change them, give the line the action update.",
  codeChanged:
    "This code belonged to a participant whose code has since changed (or whose details were erased): nothing was written for this line.",
  nothingToUpdate: "No participant has this code, so there is nothing to update: leave the action empty to add them.",
  notYourOrganisations: "This participant was registered by another organisation: only that organisation changes their record.",
  caseManagerMayNotSee: CASE_MANAGER_MAY_NOT_SEE,
} as const;

export interface CsvRecord {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

const norm = (s: string) => s.trim().toLowerCase();
const columnNamed = (name: string) => IMPORT_COLUMNS.find((c) => (c.names as readonly string[]).includes(norm(name)));

/**
 * Which column each position holds: from the header line when the first line names the code column
 * (then it is not data), else the columns' own order. A header naming an unknown column, or missing
 * a required one, refuses the whole file: guessing would put values in the wrong fields.
 */
export function columnsOf(first: CsvRecord | undefined): { columns: ImportColumn[]; header: boolean } {
  const names = first?.cells.map(norm) ?? [];
  if (first?.line !== 1 || !names.some((n) => columnNamed(n)?.key === "code"))
    return { columns: IMPORT_COLUMNS.map((c) => c.key), header: false };
  const columns = names.map((name, i) => {
    const column = columnNamed(name);
    if (!column)
      throw new Invalid(
        `Column ${i + 1} of the header line is not one the import knows ("${first.cells[i]!.slice(0, 40)}"): use ${IMPORT_COLUMNS.map((c) => c.names[0]).join("; ")}.`,
      );
    return column.key;
  });
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) throw new Invalid(`The header line names the column ${twice} twice.`);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => c.names[0]);
  if (missing.length > 0) throw new Invalid(`The header line has no column ${missing.join(", ")}.`);
  return { columns, header: true };
}

export interface ImportContext {
  codePattern?: string;
  members: readonly Member[];
  organisations: readonly Organisation[];
}

export interface ParsedLine {
  line: number;
  action: ImportAction;
  input: ParticipantInput;
}

export interface ImportPlan {
  accepted: ParsedLine[];
  /** `column` (1-based) names the cell at fault when one cell is (a personal identity number). */
  refused: Array<{ line: number; reason: string; column?: number }>;
}

/**
 * Validates every line before anything is written: code; initials; case manager (member id or
 * exact display name); organisations (ids or names, separated by "|"); action (optional). A code
 * twice in the file refuses the second line. Whether a line may create or update is decided
 * against the stored participants by `importOutcome`.
 */
export function planImport(records: readonly CsvRecord[], ctx: ImportContext): ImportPlan {
  const { columns, header } = columnsOf(records[0]);
  const plan: ImportPlan = { accepted: [], refused: [] };
  const seen = new Set<string>();
  const active = ctx.members.filter(isActive);
  const memberOf = (text: string) => {
    const byId = active.find((m) => m.id === text);
    if (byId) return byId.id;
    const byName = active.filter((m) => m.displayName.toLowerCase() === text.toLowerCase());
    return byName.length === 1 ? byName[0]!.id : text;
  };
  const organisationOf = (text: string) =>
    ctx.organisations.find((o) => o.id === text || o.name.toLowerCase() === text.toLowerCase())?.id ?? text;
  for (const { line, cells: raw } of header ? records.slice(1) : records) {
    const cells = raw.map((c) => c.trim());
    // Any cell, known column or not: a number in the file is refused before anything else is read.
    const identityNumberAt = cells.findIndex(looksLikePersonalIdentityNumber);
    if (identityNumberAt >= 0) {
      plan.refused.push({ line, reason: PERSONAL_IDENTITY_NUMBER_REFUSED, column: identityNumberAt + 1 });
      continue;
    }
    if (cells.slice(columns.length).some((c) => c !== "")) {
      plan.refused.push({ line, reason: IMPORT_REFUSED.tooManyColumns });
      continue;
    }
    const by = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, ""])) as ImportCells;
    columns.forEach((column, i) => (by[column] = cells[i] ?? ""));
    const input: ParticipantInput = {
      code: by.code.toUpperCase(),
      initials: by.initials,
      caseManagerId: memberOf(by.caseManager),
      organisationIds: by.organisations
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(organisationOf),
    };
    const action: ImportAction | undefined = ACTIONS[norm(by.action)];
    const reason = refusalOf(input, ctx) ?? (seen.has(input.code) ? IMPORT_REFUSED.twice : undefined);
    seen.add(input.code);
    if (reason) plan.refused.push({ line, reason });
    else if (!action) plan.refused.push({ line, reason: IMPORT_REFUSED.unknownAction });
    else plan.accepted.push({ line, action, input: { ...input, organisationIds: [...new Set(input.organisationIds)] } });
  }
  return plan;
}

/** What one accepted line does to the stored participants. */
export type ImportOutcome =
  | { kind: "create"; participant: Participant }
  | { kind: "update"; participant: Participant; before: Participant; fields: string[] }
  | { kind: "unchanged"; participant: Participant }
  | { kind: "refused"; reason: string };

export interface OutcomeContext {
  /** The id a line's code imports under (deterministic, so a retry after a failure midway writes the same rows). */
  importedId: ParticipantId;
  /** The current participant with the line's code, if any. */
  withCode: Participant | undefined;
  /** The participant stored under `importedId`, if any (it may carry another code by now). */
  withImportedId: Participant | undefined;
  consents: readonly Consent[];
  members: readonly Member[];
  /** The importing member's organisation: it writes what is created, and may change only its own. */
  organisationId: OrganisationId;
  today: CalendarDate;
  /** For a new participant: the rest of its record (board, dates, flags). */
  newParticipant: (id: ParticipantId, input: ParticipantInput) => Participant;
}

const IMPORTED_FIELDS = ["initials", "caseManagerId", "organisationIds"] as const;

/**
 * Create, update, unchanged or refused — never a silent overwrite:
 * - a line without `update` whose code is taken is refused, unless it is the same participant with
 *   the same content imported before (a retry: unchanged);
 * - a line whose code is free but whose import id is taken (the code was changed since, or the
 *   participant erased) is refused: writing it would replace that participant;
 * - `update` changes the participant with this code, if the importing organisation wrote them;
 * - the case manager's organisation must be able to see the participant (consents as stored; none
 *   for a new one, so a case manager of the importing organisation).
 */
export function importOutcome({ action, input }: ParsedLine, ctx: OutcomeContext): ImportOutcome {
  const { withCode, withImportedId } = ctx;
  const caseManager = ctx.members.find((m) => m.id === input.caseManagerId)!;
  if (action === "update") {
    if (!withCode) return { kind: "refused", reason: IMPORT_REFUSED.nothingToUpdate };
    if (withCode.writtenBy !== ctx.organisationId) return { kind: "refused", reason: IMPORT_REFUSED.notYourOrganisations };
    const next = changedBy(withCode, input);
    const fields = IMPORTED_FIELDS.filter((f) => !sameValue(withCode[f], next[f]));
    if (fields.length === 0) return { kind: "unchanged", participant: withCode };
    if (next.caseManagerId !== withCode.caseManagerId && !mayBeCaseManager(caseManager, next, ctx.consents, ctx.today))
      return { kind: "refused", reason: IMPORT_REFUSED.caseManagerMayNotSee };
    return { kind: "update", participant: next, before: withCode, fields: [...fields] };
  }
  if (withCode) {
    const sameAsBefore =
      withCode.id === ctx.importedId && IMPORTED_FIELDS.every((f) => sameValue(withCode[f], changedBy(withCode, input)[f]));
    return sameAsBefore ? { kind: "unchanged", participant: withCode } : { kind: "refused", reason: IMPORT_REFUSED.exists };
  }
  if (withImportedId) return { kind: "refused", reason: IMPORT_REFUSED.codeChanged };
  const participant = ctx.newParticipant(ctx.importedId, input);
  if (!mayBeCaseManager(caseManager, participant, [], ctx.today)) return { kind: "refused", reason: IMPORT_REFUSED.caseManagerMayNotSee };
  return { kind: "create", participant };
}

/** The participant as the line would have them: its initials, case manager and organisations (the writer stays involved). */
const changedBy = (p: Participant, input: ParticipantInput): Participant => ({
  ...p,
  initials: input.initials,
  caseManagerId: input.caseManagerId,
  organisationIds: [...new Set([p.writtenBy, ...input.organisationIds])],
});

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n") : a === b;
