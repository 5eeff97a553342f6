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
  | "entry.takeOff"
  | "participant.plans"
  | "participant.leave"
  | "action.add"
  | "action.markDone"
  | "entry.review"
  | "sinceLast.write"
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
    what: "Entry: reason, reason note, priority, next evaluation",
    owner: "entryWriter",
    byAnother: "refused",
    instead: "Add an action of your own, or raise a signal to that organisation.",
  },
  "entry.takeOff": {
    what: "Entry: taking it off the board, its outcome and outcome note",
    owner: "entryWriter",
    byAnother: "refused",
    instead: "Raise a signal to that organisation proposing it.",
  },
  "participant.plans": {
    what: "Participant: crisis plan, early-signs plan and SIP flags (set with the base record; no route changes them yet)",
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
    instead: "Cover stays within one organisation, because consent is per organisation.",
  },
  "cover.answer": {
    what: "Answer to a cover request (only substitutes of the same organisation are asked)",
    owner: "absentMember",
    byAnother: "refused",
    instead: "Cover stays within one organisation, because consent is per organisation.",
  },
};

/**
 * Whether a member of `actor` may make `change` to a thing owned by `owner`. An `ownItem` change is
 * always allowed because what it writes carries the actor's organisation, never the owner's.
 */
export function mayChange(change: Change, actor: OrganisationId, owner: OrganisationId): boolean {
  return authorshipTable[change].byAnother === "ownItem" || actor === owner;
}

export function assertMayChange(change: Change, actor: OrganisationId, owner: OrganisationId): void {
  if (mayChange(change, actor, owner)) return;
  const rule = authorshipTable[change];
  throw new NotYourOrganisationsText(
    `This belongs to another organisation (${rule.what}); only that organisation can change it. ${rule.instead ?? ""}`.trim(),
  );
}
