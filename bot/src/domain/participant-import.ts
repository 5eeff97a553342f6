import { CONSENT_REFUSED } from "./consent";
import { Invalid } from "./errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "./identity-number";
import { isActive } from "./membership";
import {
  CELLS_REFUSED,
  consentOfCells,
  organisationNamed,
  plansOfCells,
  sameConsent,
  type ConsentCells,
  type ImportedConsent,
} from "./participant-import-cells";
import { refusalOf, type ParticipantInput } from "./participant-registration";
import { applyPlans, changedPlans, PLANS_REFUSED, type PlansChange } from "./plans";
import type { CalendarDate, Consent, Instant, Member, MemberId, Organisation, OrganisationId, Participant, ParticipantId } from "./types";
import { CASE_MANAGER_MAY_NOT_SEE, mayBeCaseManager } from "./visibility";

// Importing a caseload from CSV (issue 11; issue 29: never overwrite by accident). Every line is
// checked before anything is written; a line adds a new participant, or changes an existing one
// only when it says so (the `action` column: update). A code that once belonged to a participant
// whose code was changed since is refused, never written over them.

/**
 * The columns, each with the header names it answers to (English and Swedish, any case). A file
 * without a header line gives the `inOrder` ones in this order; a header line may name any of them
 * in any order and leave out the optional ones. To import more, add a column here and read it in
 * `planImport` (or the outcome).
 */
export const IMPORT_COLUMNS = [
  { key: "code", names: ["code", "kod", "deltagarkod"], required: true, inOrder: true },
  { key: "initials", names: ["initials", "initialer"], required: true, inOrder: true },
  {
    key: "caseManager",
    names: ["case manager", "casemanager", "case_manager", "handläggare", "vårdsamordnare", "vård- och stödsamordnare"],
    required: true,
    inOrder: true,
  },
  { key: "organisations", names: ["organisations", "organizations", "organisationer"], required: true, inOrder: true },
  { key: "action", names: ["action", "åtgärd"], required: false, inOrder: true },
  // The plans (issue 24): ja / nej / ej angivet, or empty (nothing said). Header line only.
  { key: "crisisPlan", names: ["crisis plan", "krisplan"], required: false, inOrder: false },
  {
    key: "earlySignsPlan",
    names: ["early-signs plan", "early signs plan", "plan för tidiga tecken", "tidiga tecken"],
    required: false,
    inOrder: false,
  },
  { key: "sip", names: ["sip"], required: false, inOrder: false },
  { key: "sipHeldOn", names: ["sip held on", "sip date", "sip datum", "sip hölls"], required: false, inOrder: false },
  { key: "sipNextFollowUpOn", names: ["sip next follow-up", "sip nästa uppföljning"], required: false, inOrder: false },
  { key: "sipConvenedBy", names: ["sip convened by", "sip sammankallande"], required: false, inOrder: false },
] as const;

/**
 * Each organisation's consent (issue 24), a set of columns per organisation: the header names the
 * organisation (its name or id) in brackets, e.g. "samtycke (Socialtjänsten Norrby)", "samtycke
 * givet (Socialtjänsten Norrby)". A shared spreadsheet may hold every organisation's columns; a
 * line is written only for the importing person's own organisation (consentOfCells).
 */
export const CONSENT_COLUMNS = [
  { key: "status", names: ["consent", "samtycke"] },
  { key: "givenOn", names: ["consent given on", "samtycke givet"] },
  { key: "validUntil", names: ["consent valid until", "samtycke giltigt t.o.m.", "samtycke giltigt till"] },
  { key: "receivers", names: ["consent receivers", "samtycke mottagare"] },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["key"];
export type ConsentColumn = (typeof CONSENT_COLUMNS)[number]["key"];
/** A position of the file: one of the columns, or one organisation's consent column. */
export type ColumnRef = ImportColumn | { consent: ConsentColumn; organisationId: OrganisationId };
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
  ...CELLS_REFUSED,
  ...PLANS_REFUSED,
  ...CONSENT_REFUSED,
} as const;

export interface CsvRecord {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

const norm = (s: string) => s.trim().toLowerCase();
const columnNamed = (name: string) => IMPORT_COLUMNS.find((c) => (c.names as readonly string[]).includes(norm(name)));
const IN_ORDER: ImportColumn[] = IMPORT_COLUMNS.filter((c) => c.inOrder).map((c) => c.key);

/** "samtycke givet (Socialtjänsten Norrby)" → the consent column and the organisation's id; undefined when it is no consent column. */
function consentColumnNamed(
  name: string,
  organisations: readonly Organisation[],
): { consent: ConsentColumn; organisationId: OrganisationId | undefined } | undefined {
  const m = /^(.*?)\s*\((.+)\)\s*$/.exec(name.trim());
  if (!m) return undefined;
  const column = CONSENT_COLUMNS.find((c) => (c.names as readonly string[]).includes(norm(m[1]!)));
  return column ? { consent: column.key, organisationId: organisationNamed(m[2]!, organisations) } : undefined;
}

const refKey = (c: ColumnRef) => (typeof c === "string" ? c : `${c.consent} (${c.organisationId})`);

/**
 * Which column each position holds: from the header line when the first line names the code column
 * (then it is not data), else the columns' own order. A header naming an unknown column or an
 * organisation the board does not have, or missing a required one, refuses the whole file:
 * guessing would put values in the wrong fields.
 */
export function columnsOf(
  first: CsvRecord | undefined,
  organisations: readonly Organisation[] = [],
): { columns: ColumnRef[]; header: boolean } {
  const names = first?.cells.map(norm) ?? [];
  if (first?.line !== 1 || !names.some((n) => columnNamed(n)?.key === "code")) return { columns: [...IN_ORDER], header: false };
  const columns = first.cells.map((name, i): ColumnRef => {
    const column = columnNamed(name);
    if (column) return column.key;
    const consent = consentColumnNamed(name, organisations);
    if (consent?.organisationId) return { consent: consent.consent, organisationId: consent.organisationId };
    if (consent)
      throw new Invalid(`Column ${i + 1} of the header line names an organisation the board does not have ("${name.slice(0, 60)}").`);
    throw new Invalid(
      `Column ${i + 1} of the header line is not one the import knows ("${name.slice(0, 40)}"): use ${IMPORT_COLUMNS.map((c) => c.names[0]).join("; ")}; and per organisation ${CONSENT_COLUMNS.map((c) => `${c.names[0]} (organisation)`).join("; ")}.`,
    );
  });
  const keys = columns.map(refKey);
  const twice = keys.find((c, i) => keys.indexOf(c) !== i);
  if (twice) throw new Invalid(`The header line names the column ${twice} twice.`);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => c.names[0]);
  if (missing.length > 0) throw new Invalid(`The header line has no column ${missing.join(", ")}.`);
  return { columns, header: true };
}

export interface ImportContext {
  codePattern?: string;
  members: readonly Member[];
  organisations: readonly Organisation[];
  /** The importing member's organisation: the only one whose consent a line records. */
  organisationId: OrganisationId;
  today: CalendarDate;
}

export interface ParsedLine {
  line: number;
  action: ImportAction;
  input: ParticipantInput;
  /** The plans the line sets (absent: none). */
  plans?: PlansChange;
  /** The importing organisation's consent the line records (absent: none). */
  consent?: ImportedConsent;
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
  const { columns, header } = columnsOf(records[0], ctx.organisations);
  const plan: ImportPlan = { accepted: [], refused: [] };
  const seen = new Set<string>();
  const active = ctx.members.filter(isActive);
  const memberOf = (text: string) => {
    const byId = active.find((m) => m.id === text);
    if (byId) return byId.id;
    const byName = active.filter((m) => m.displayName.toLowerCase() === text.toLowerCase());
    return byName.length === 1 ? byName[0]!.id : text;
  };
  const organisationOf = (text: string) => organisationNamed(text, ctx.organisations) ?? text;
  const knownIds = new Set([...ctx.members.map((m) => m.id), ...ctx.organisations.map((o) => o.id)]);
  for (const { line, cells: raw } of header ? records.slice(1) : records) {
    const cells = raw.map((c) => c.trim());
    // Any cell, known column or not: a number in the file is refused before anything else is read.
    // A cell that is exactly one of the board's member or organisation ids is a reference, not typed
    // text (a GUID may by chance hold a date and four digits).
    const identityNumberAt = cells.findIndex((c) => !knownIds.has(c) && looksLikePersonalIdentityNumber(c));
    if (identityNumberAt >= 0) {
      plan.refused.push({ line, reason: PERSONAL_IDENTITY_NUMBER_REFUSED, column: identityNumberAt + 1 });
      continue;
    }
    if (cells.slice(columns.length).some((c) => c !== "")) {
      plan.refused.push({ line, reason: IMPORT_REFUSED.tooManyColumns });
      continue;
    }
    const by = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, ""])) as ImportCells;
    const consentCells = new Map<OrganisationId, ConsentCells>();
    columns.forEach((column, i) => {
      if (typeof column === "string") by[column] = cells[i] ?? "";
      else {
        const set = consentCells.get(column.organisationId) ?? { status: "", givenOn: "", validUntil: "", receivers: "" };
        set[column.consent] = cells[i] ?? "";
        consentCells.set(column.organisationId, set);
      }
    });
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
    else {
      // The participant's organisations as the line leaves them: the importing one writes a new participant, so it is involved.
      const organisationIds = [...new Set([ctx.organisationId, ...input.organisationIds])];
      const plans = plansOfCells(by, { organisations: ctx.organisations, organisationIds, today: ctx.today });
      const consent = consentOfCells(consentCells, {
        importer: ctx.organisationId,
        organisations: ctx.organisations,
        organisationIds,
        today: ctx.today,
      });
      if ("refused" in plans) plan.refused.push({ line, reason: plans.refused });
      else if ("refused" in consent) plan.refused.push({ line, reason: consent.refused });
      else
        plan.accepted.push({
          line,
          action,
          input: { ...input, organisationIds: [...new Set(input.organisationIds)] },
          ...(plans.plans ? { plans: plans.plans } : {}),
          ...(consent.consent ? { consent: consent.consent } : {}),
        });
    }
  }
  return plan;
}

/** What one accepted line does to the stored participants; `consent`: the consent it records, when it differs from the stored one. */
export type ImportOutcome =
  | { kind: "create"; participant: Participant; consent?: ImportedConsent }
  | { kind: "update"; participant: Participant; before: Participant; fields: string[]; consent?: ImportedConsent }
  | { kind: "unchanged"; participant: Participant; consent?: ImportedConsent }
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
  /** For a new participant: the rest of its record (board, dates, plans not set). */
  newParticipant: (id: ParticipantId, input: ParticipantInput) => Participant;
  /** Who imports, and when: stamped on plans the line changes. */
  importedBy?: { memberId: MemberId; at: Instant };
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
export function importOutcome(parsed: ParsedLine, ctx: OutcomeContext): ImportOutcome {
  const { action, input } = parsed;
  const { withCode, withImportedId } = ctx;
  const caseManager = ctx.members.find((m) => m.id === input.caseManagerId)!;
  // The line's consent, unless the stored one says the same already (the same file again writes nothing).
  const consentOf = (p: Participant | undefined) => {
    const stored = p && ctx.consents.find((c) => c.participantId === p.id && c.disclosingOrganisationId === ctx.organisationId);
    return parsed.consent && !sameConsent(stored, parsed.consent) ? { consent: parsed.consent } : {};
  };
  if (action === "update") {
    if (!withCode) return { kind: "refused", reason: IMPORT_REFUSED.nothingToUpdate };
    if (withCode.writtenBy !== ctx.organisationId) return { kind: "refused", reason: IMPORT_REFUSED.notYourOrganisations };
    const next = changedBy(withCode, parsed, ctx.importedBy);
    const fields = [...IMPORTED_FIELDS.filter((f) => !sameValue(withCode[f], next[f])), ...changedPlans(withCode.plans, next.plans)];
    if (fields.length === 0) return { kind: "unchanged", participant: withCode, ...consentOf(withCode) };
    if (next.caseManagerId !== withCode.caseManagerId && !mayBeCaseManager(caseManager, next, ctx.consents, ctx.today))
      return { kind: "refused", reason: IMPORT_REFUSED.caseManagerMayNotSee };
    return { kind: "update", participant: next, before: withCode, fields, ...consentOf(withCode) };
  }
  if (withCode) {
    const again = changedBy(withCode, parsed, ctx.importedBy);
    const sameAsBefore =
      withCode.id === ctx.importedId &&
      IMPORTED_FIELDS.every((f) => sameValue(withCode[f], again[f])) &&
      changedPlans(withCode.plans, again.plans).length === 0;
    return sameAsBefore
      ? { kind: "unchanged", participant: withCode, ...consentOf(withCode) }
      : { kind: "refused", reason: IMPORT_REFUSED.exists };
  }
  if (withImportedId) return { kind: "refused", reason: IMPORT_REFUSED.codeChanged };
  const created = ctx.newParticipant(ctx.importedId, input);
  const participant = parsed.plans ? withPlans(created, parsed.plans, ctx.importedBy) : created;
  if (!mayBeCaseManager(caseManager, participant, [], ctx.today)) return { kind: "refused", reason: IMPORT_REFUSED.caseManagerMayNotSee };
  return { kind: "create", participant, ...consentOf(undefined) };
}

function withPlans(p: Participant, change: PlansChange, by: OutcomeContext["importedBy"]): Participant {
  const plans = applyPlans(p.plans, change);
  if (changedPlans(p.plans, plans).length === 0) return p;
  return { ...p, plans: { ...plans, ...(by ? { updatedAt: by.at, updatedBy: by.memberId } : {}) } };
}

/** The participant as the line would have them: its initials, case manager, organisations (the writer stays involved) and plans. */
const changedBy = (p: Participant, { input, plans }: ParsedLine, by: OutcomeContext["importedBy"]): Participant => {
  const next: Participant = {
    ...p,
    initials: input.initials,
    caseManagerId: input.caseManagerId,
    organisationIds: [...new Set([p.writtenBy, ...input.organisationIds])],
  };
  return plans ? withPlans(next, plans, by) : next;
};

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n") : a === b;
