import type { OrganisationId, ParticipantId, WalkthroughOrder } from "./types";

// The order of a meeting's walkthrough (issue 26): the board's check-in order, or — in a meeting
// with many municipalities — each organisation's participants together, so a coordinator can join
// for their block. An entry belongs to the organisation of the participant's case manager (vård-
// och stödsamordnare): the relation the board already steers by (entry.steer: "case manager or
// covering"). Participants raised for today only (Ta upp idag) come after the board.

export interface WalkthroughSection {
  /** 0-based index of the section's first participant in the walkthrough order. */
  from: number;
  kind: "organisation" | "raised";
  organisationId?: OrganisationId;
}

/**
 * Each organisation's participants together, the sections in `organisationOrder` (the meeting's
 * own list, then the board's other organisations), those of no known organisation last. Stable:
 * within a section the given order (carried-over first, then check-in order) is kept.
 */
export function groupByOrganisation(
  order: readonly ParticipantId[],
  organisationOf: (id: ParticipantId) => OrganisationId | undefined,
  organisationOrder: readonly OrganisationId[],
): ParticipantId[] {
  const rank = (id: ParticipantId) => {
    const org = organisationOf(id);
    const at = org === undefined ? -1 : organisationOrder.indexOf(org);
    return at === -1 ? organisationOrder.length : at;
  };
  return order
    .map((id, i) => ({ id, i, rank: rank(id) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.id);
}

/** The whole order of a new walkthrough: the board's (grouped if the meeting says so), then today's raised participants. */
export function arrangeWalkthrough(
  boardOrder: readonly ParticipantId[],
  raisedToday: readonly ParticipantId[],
  how: {
    order?: WalkthroughOrder;
    organisationOf: (id: ParticipantId) => OrganisationId | undefined;
    organisationOrder: readonly OrganisationId[];
  },
): ParticipantId[] {
  const board =
    how.order === "byOrganisation" ? groupByOrganisation(boardOrder, how.organisationOf, how.organisationOrder) : [...boardOrder];
  const onBoard = new Set(board);
  return [...new Set([...board, ...raisedToday.filter((id) => !onBoard.has(id))])];
}

/**
 * The section headings of a walkthrough as it stands: runs of one organisation (when ordered by
 * organisation) and the run of participants raised for today ("Upptagna idag"). A participant put
 * on during the meeting joins the end, so an organisation may head a second, later section.
 */
export function walkthroughSections(
  order: readonly ParticipantId[],
  how: { order?: WalkthroughOrder; organisationOf: (id: ParticipantId) => OrganisationId | undefined; raised: ReadonlySet<ParticipantId> },
): WalkthroughSection[] {
  const sections: WalkthroughSection[] = [];
  let last: string | undefined;
  order.forEach((id, from) => {
    const raised = how.raised.has(id);
    const org = raised || how.order !== "byOrganisation" ? undefined : how.organisationOf(id);
    const key = raised ? "raised" : org !== undefined ? `org:${org}` : undefined;
    if (key !== undefined && key !== last)
      sections.push(raised ? { from, kind: "raised" } : { from, kind: "organisation", organisationId: org! });
    last = key;
  });
  return sections;
}
