import { ParticipantCode, Initials } from "@fact-board/contract";
import { Invalid } from "./errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "./identity-number";
import { isActive } from "./membership";
import type { Member, Organisation } from "./types";

// Registering participants: one by one or a whole caseload imported (participant-import.ts). The
// same rules for both: a pseudonymous code in the board's scheme, initials, an active case manager,
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
  if (typedTexts(input, ctx).some(looksLikePersonalIdentityNumber)) return PERSONAL_IDENTITY_NUMBER_REFUSED;
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

/**
 * What a person may have typed: the code, the initials, and any case manager or organisation that is
 * not one of the board's. The board's own ids are generated (a member's object id is a GUID from
 * Entra ID) and may by chance contain a date and four digits; refusing them would make a real
 * colleague impossible to name as case manager.
 */
function typedTexts(input: ParticipantInput, ctx: { members: readonly Member[]; organisations: readonly Organisation[] }): string[] {
  const memberIds = new Set(ctx.members.map((m) => m.id));
  const organisationIds = new Set(ctx.organisations.map((o) => o.id));
  return [
    input.code,
    input.initials,
    ...(memberIds.has(input.caseManagerId) ? [] : [input.caseManagerId]),
    ...input.organisationIds.filter((id) => !organisationIds.has(id)),
  ];
}

export function assertRegistrable(input: ParticipantInput, ctx: Parameters<typeof refusalOf>[1]): void {
  const reason = refusalOf(input, ctx);
  if (reason) throw new Invalid(reason);
}
