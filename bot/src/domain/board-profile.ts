import type { BoardModel, GettingStarted } from "@fact-board/contract";
import { Invalid } from "./errors";
import { isActive } from "./membership";
import type { Board, BoardAbout, Consent, Instant, Member, Organisation, OrganisationId, Participant } from "./types";

// What a board says about itself (issue 24): its model, its lead organisation, its own routine
// ("Om tavlan"), and on the first day what is left to set up. The Lund pilot ran "förstärkt
// samverkan", not faithful FACT, and the confusion nearly cost a patient their interventions: a
// board never presents one model as the other, and only a FACT board shows FACT fidelity figures.

/** A board from before it could say what it is was a FACT board. */
export const boardModelOf = (board: Pick<Board, "settings">): BoardModel => board.settings?.model ?? "fact";

/** FACT fidelity indicators are about the FACT model: other collaborations get the plain counts. */
export const showsFidelity = (model: BoardModel): boolean => model === "fact";

/** The lead organisation must be one of the board's own organisations. */
export function assertLeadOrganisation(leadOrganisationId: OrganisationId, organisations: readonly Pick<Organisation, "id">[]): void {
  if (!organisations.some((o) => o.id === leadOrganisationId))
    throw new Invalid("The lead organisation must be one of the board's organisations.", "leadOrganisationId");
}

/**
 * The next version of "Om tavlan", or undefined when it is taken away; unchanged text and link keep
 * the version (saving the same again is no new version).
 */
export function nextAbout(
  current: BoardAbout | undefined,
  change: { text: string; link?: string } | null,
  by: Member,
  now: Instant,
): BoardAbout | undefined {
  if (change === null) return undefined;
  const text = change.text.trim();
  if (current && current.text === text && current.link === change.link) return current;
  return { text, ...(change.link ? { link: change.link } : {}), version: (current?.version ?? 0) + 1, updatedAt: now, updatedBy: by.id };
}

/**
 * The first day's checklist ("Kom igång"), each item ticked off as it is done: partner
 * organisations, members besides the first admin, participants, recurring meetings, consents.
 * Counts only: nothing here names a participant.
 */
export function gettingStarted(facts: {
  board: Pick<Board, "settings">;
  organisations: readonly Organisation[];
  members: readonly Member[];
  participants: readonly Participant[];
  consents: readonly Consent[];
}): GettingStarted {
  return {
    organisations: facts.organisations.length >= 2,
    members: facts.members.filter(isActive).length >= 2,
    participants: facts.participants.some((p) => !p.leftTeamOn && !p.erasedAt),
    meetings: (facts.board.settings?.meetings?.length ?? 0) > 0,
    consents: facts.consents.length > 0,
  };
}
