import type { CalendarDate, Organisation, OrganisationId, Participant } from "./types";

// The caseload is counted, not typed (issue 24): the registered participants who have not left the
// FACT team. A figure a person typed once ("0" on a new board) made the on-board share and the
// fidelity figure built on it meaningless outside the demo.

/** Registered by `date` and not left by then (leaving on `date` counts as left). Erased participants keep their dates, so past months still count them. */
export const inCaseloadOn = (p: Pick<Participant, "createdAt" | "leftTeamOn">, date: CalendarDate): boolean =>
  p.createdAt.slice(0, 10) <= date && (p.leftTeamOn === undefined || p.leftTeamOn > date);

/** The board's caseload on `date`. */
export function caseloadOn(participants: readonly Pick<Participant, "createdAt" | "leftTeamOn">[], date: CalendarDate): number {
  return participants.filter((p) => inCaseloadOn(p, date)).length;
}

/** Per organisation: the participants of the caseload it is involved with (one participant counts for each of their organisations). */
export function caseloadByOrganisation(
  participants: readonly Pick<Participant, "createdAt" | "leftTeamOn" | "organisationIds">[],
  organisations: readonly Pick<Organisation, "id">[],
  date: CalendarDate,
): Array<{ organisationId: OrganisationId; caseload: number }> {
  const current = participants.filter((p) => inCaseloadOn(p, date));
  return organisations.map((o) => ({ organisationId: o.id, caseload: current.filter((p) => p.organisationIds.includes(o.id)).length }));
}
