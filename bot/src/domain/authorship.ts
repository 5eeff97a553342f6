import { NotYourOrganisationsText } from "./errors";
import type { OrganisationId } from "./types";

// Who wrote it is who owns it (docs/privacy.md#authorship-who-wrote-it-is-who-owns-it). The board is what each organisation
// chooses to disclose under its own consent, not a window into each other's records: Swedish law
// allows no direct access between region and municipality, even with consent. So a change never
// moves words from one organisation to another. When organisation X changes or answers something
// W wrote, the result is either X's own item (shown by X's consent) or the change is refused.
//
// This is the one table of it, beside the permission matrix (permissions.ts): the permission
// matrix says which roles may act at all; this says whose text each change touches. Both apply.
// The authorship table in docs/privacy.md is generated from `authorshipTable` (and a test checks it).

export type Change =
  | "participant.create"
  | "entry.putOn"
  | "entry.sharedFields"
  | "entry.steer"
  | "entry.takeOff"
  | "participant.plans"
  | "participant.leave"
  | "action.add"
  | "action.markDone"
  | "entry.review"
  | "sinceLast.write"
  | "participant.raiseToday"
  | "contact.write"
  | "intervention.add"
  | "intervention.change"
  | "participant.goal"
  | "signal.raise"
  | "signal.answer"
  | "consent.record"
  | "absence.forColleague"
  | "cover.answer";

/** Whose the changed thing is, in words docs/privacy.md shows. */
export const OWNERS = {
  entryWriter: "the organisation that put the entry on the board",
  recordWriter: "the organisation that wrote the participant's base record",
  actionWriter: "the organisation that wrote the action",
  actor: "the organisation of whoever does it",
  receiver: "the organisation the signal was sent to",
  disclosing: "the disclosing organisation",
  absentMember: "the absent member's organisation",
  interventionKeeper: "the organisation that keeps the intervention",
  caseManagerOrganisation: "the organisation of the participant's case manager",
} as const;
export type Owner = keyof typeof OWNERS;

export interface AuthorshipRule {
  /** The thing and its fields, in users' words. */
  what: string;
  owner: Owner;
  /**
   * A change by a member of another organisation: `ownItem` — it is recorded as that organisation's
   * own item, shown by that organisation's consent; `refused` — NotYourOrganisationsText.
   */
  byAnother: "ownItem" | "refused";
  /** For refusals: what the person can do instead (English; the tab words it in Swedish). */
  instead?: string;
  /**
   * The board's lead organisation (huvudman), when it is not the owner: `ownItem` — it may make the
   * change, and what it writes is its own item, shown by its own consent (the owner's other words,
   * such as a reason note, stay the owner's). Absent: it is refused like any other organisation.
   */
  byLead?: "ownItem";
}

export const authorshipTable: Record<Change, AuthorshipRule> = {
  "participant.create": {
    what: "Participant's base record (code, initials, case manager, organisations involved)",
    owner: "actor",
    byAnother: "ownItem",
  },
  "entry.putOn": {
    what: "Entry: putting a participant on the board (reason, reason note, priority, next evaluation)",
    owner: "actor",
    byAnother: "ownItem",
  },
  "entry.sharedFields": {
    what: "Entry: reason and reason note",
    owner: "entryWriter",
    byAnother: "refused",
    instead: "Add an action of your own, or raise a signal to that organisation.",
  },
  // The FACT team steers the board: its organisation re-prioritises any entry and takes any entry
  // off (issue 24) — as its own item, so the putting-on organisation's reason note never shows
  // under the lead organisation's consent.
  "entry.steer": {
    what: "Entry: priority and next evaluation",
    owner: "entryWriter",
    byAnother: "refused",
    instead: "Add an action of your own, or raise a signal to that organisation.",
    byLead: "ownItem",
  },
  "entry.takeOff": {
    what: "Entry: taking it off the board, its outcome and outcome note",
    owner: "entryWriter",
    byAnother: "refused",
    instead: "Raise a signal to that organisation proposing it.",
    byLead: "ownItem",
  },
  "participant.plans": {
    what: "Participant: crisis plan, early-signs plan and SIP (held, date held, next follow-up, who convenes it)",
    owner: "recordWriter",
    byAnother: "refused",
    instead: "Raise a signal to that organisation.",
  },
  "participant.leave": {
    what: "Participant: leaving the FACT team (closes the current entry with the fixed outcome left FACT)",
    owner: "recordWriter",
    byAnother: "refused",
    instead: "Raise a signal to that organisation.",
  },
  "action.add": { what: "Action on an entry (what, who, by when)", owner: "actor", byAnother: "ownItem" },
  "action.markDone": {
    what: "Action: marking it done or not done, taking it away",
    owner: "actionWriter",
    byAnother: "refused",
    instead: "Add an action of your own saying what your organisation did.",
  },
  "entry.review": { what: "Review of an entry (reviewed on, by whom): one per organisation", owner: "actor", byAnother: "ownItem" },
  "sinceLast.write": {
    what: "Since-yesterday note on an entry (Sedan sist): one per organisation and meeting day, edited the same day",
    owner: "actor",
    byAnother: "ownItem",
  },
  "participant.raiseToday": {
    what: "Raise for today (Ta upp idag): the reason a participant not on the board is raised, one per organisation and day",
    owner: "actor",
    byAnother: "ownItem",
  },
  "contact.write": {
    what: "Contact person for a participant (Kontakter): one per organisation, a member of it or someone outside the board",
    owner: "actor",
    byAnother: "ownItem",
  },
  "intervention.add": {
    what: "Ongoing intervention (Pågående insatser): kind, label, start date; each organisation keeps its own list",
    owner: "actor",
    byAnother: "ownItem",
  },
  "intervention.change": {
    what: "Ongoing intervention: changing it or ending it (it then moves to the history)",
    owner: "interventionKeeper",
    byAnother: "refused",
    instead: "Each organisation keeps its own interventions; add your own or raise a signal to that organisation.",
  },
  "participant.goal": {
    what: "The participant's own goal (Deltagarens mål)",
    owner: "caseManagerOrganisation",
    byAnother: "refused",
    instead: "The case manager's organisation writes the participant's goal; raise a signal to it.",
  },
  "signal.raise": { what: "Signal: kind, urgency, note, proposal to put on the board", owner: "actor", byAnother: "ownItem" },
  "signal.answer": {
    what: "Signal: acknowledging, resolving, declining and the decline reason",
    owner: "receiver",
    byAnother: "refused",
    instead: "Only the organisation the signal was sent to answers it.",
  },
  "consent.record": {
    what: "Consent or legal basis",
    owner: "disclosing",
    byAnother: "refused",
    instead: "Each organisation records its own consent.",
  },
  "absence.forColleague": {
    what: "Absence and cover request registered or cancelled for a colleague",
    owner: "absentMember",
    byAnother: "refused",
    instead: "The absent member's own organisation registers it; a substitute from another organisation only answers when asked.",
  },
  "cover.answer": {
    what: "Answer to a cover request by anyone but the substitute asked (a substitute from another organisation, paired by an admin, answers their own request)",
    owner: "absentMember",
    byAnother: "refused",
    instead: "Only the substitute asked answers a cover request.",
  },
};

/**
 * Whether a member of `actor` may make `change` to a thing owned by `owner`. An `ownItem` change is
 * always allowed because what it writes carries the actor's organisation, never the owner's; so is
 * a `byLead` change by the board's lead organisation `lead`, for the same reason.
 */
export function mayChange(change: Change, actor: OrganisationId, owner: OrganisationId, lead?: OrganisationId): boolean {
  const rule = authorshipTable[change];
  return rule.byAnother === "ownItem" || actor === owner || (rule.byLead === "ownItem" && lead !== undefined && actor === lead);
}

/** `lead`: the board's lead organisation (huvudman), for the changes it may make as its own item. */
export function assertMayChange(change: Change, actor: OrganisationId, owner: OrganisationId, lead?: OrganisationId): void {
  if (mayChange(change, actor, owner, lead)) return;
  const rule = authorshipTable[change];
  throw new NotYourOrganisationsText(
    `This belongs to another organisation (${rule.what}); only that organisation can change it. ${rule.instead ?? ""}`.trim(),
  );
}
