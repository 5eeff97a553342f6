import { ParticipantCode, Initials } from "@fact-board/contract";
import { Invalid } from "./errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "./identity-number";
import { isActive } from "./membership";
import type { Member, Organisation } from "./types";

// Registering participants: one by one or a whole caseload imported on the first day. The same
// rules for both: a pseudonymous code in the board's scheme, initials, an active case manager,
// organisations of the board, and never anything that looks like a personal identity number.

export interface ParticipantInput {
  code: string;
  initials: string;
  caseManagerId: string;
  organisationIds: string[];
}

/** Refuses what may not be stored about a participant; returns the reason, or undefined when it is fine. */
export function refusalOf(
  input: ParticipantInput,
  ctx: { codePattern?: string; members: readonly Member[]; organisations: readonly Organisation[] },
): string | undefined {
  if ([input.code, input.initials, input.caseManagerId, ...input.organisationIds].some(looksLikePersonalIdentityNumber))
    return PERSONAL_IDENTITY_NUMBER_REFUSED;
  if (!ParticipantCode.safeParse(input.code).success) return "The code must be pseudonymous, like HBG-017.";
  if (ctx.codePattern && !new RegExp(`^(?:${ctx.codePattern})$`).test(input.code))
    return "The code does not follow this board's code scheme.";
  if (!Initials.safeParse(input.initials).success) return "Initials must look like A.B.";
  const caseManager = ctx.members.find((m) => m.id === input.caseManagerId);
  if (!caseManager || !isActive(caseManager)) return "The case manager is not a member of this board.";
  const known = new Set(ctx.organisations.map((o) => o.id));
  if (input.organisationIds.length === 0) return "Name at least one organisation.";
  if (input.organisationIds.some((id) => !known.has(id))) return "An organisation is not part of this board.";
  return undefined;
}

export function assertRegistrable(input: ParticipantInput, ctx: Parameters<typeof refusalOf>[1]): void {
  const reason = refusalOf(input, ctx);
  if (reason) throw new Invalid(reason);
}

export interface ImportLine {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

export interface ImportPlan {
  accepted: Array<{ line: number; input: ParticipantInput }>;
  /** `column` (1-based) names the cell at fault when one cell is. */
  refused: Array<{ line: number; reason: string; column?: number }>;
}

/**
 * Validates every line before anything is written. Columns: code; initials; case manager (member id
 * or exact display name); organisations (ids or names, separated by "|"). A header row whose first
 * cell is "code" or "kod" is skipped. A code twice in the file refuses the second line. A line with
 * anything that looks like a personal identity number in any cell is refused, naming the column.
 */
export function planImport(
  lines: readonly ImportLine[],
  ctx: Parameters<typeof refusalOf>[1] & { existingCodes: ReadonlySet<string> },
): ImportPlan {
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
  for (const { line, cells } of lines) {
    const identityNumberAt = cells.findIndex(looksLikePersonalIdentityNumber);
    if (identityNumberAt >= 0) {
      plan.refused.push({ line, reason: PERSONAL_IDENTITY_NUMBER_REFUSED, column: identityNumberAt + 1 });
      continue;
    }
    const [code = "", initials = "", caseManager = "", organisations = "", ...rest] = cells.map((c) => c.trim());
    if (line === 1 && /^(code|kod)$/i.test(code)) continue;
    if (rest.some((c) => c !== "")) {
      plan.refused.push({ line, reason: "Too many columns: code; initials; case manager; organisations." });
      continue;
    }
    const caseManagerId = memberOf(caseManager);
    const input: ParticipantInput = {
      code: code.toUpperCase(),
      initials,
      caseManagerId,
      organisationIds: organisations
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(organisationOf),
    };
    const reason = refusalOf(input, ctx) ?? (seen.has(input.code) ? "The code appears twice in the file." : undefined);
    seen.add(input.code);
    if (reason) plan.refused.push({ line, reason });
    else plan.accepted.push({ line, input: { ...input, organisationIds: [...new Set(input.organisationIds)] } });
  }
  return plan;
}
