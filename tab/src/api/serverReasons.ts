import type { MessageKey } from "../i18n";

// The server words a refused value in English (bot/src/domain): for the reasons a person can act on,
// the tab has its own words. The import's line reasons (participant-registration.ts, participant-import.ts) and the refusals
// a form can meet (identity-number.ts, membership.ts, members.ts) share this one table.
const known: Record<string, MessageKey> = {
  "The code must be pseudonymous, like HBG-017.": "admin.importReason.code",
  "The code does not follow this board's code scheme.": "admin.importReason.codeScheme",
  "Initials must look like A.B.": "admin.importReason.initials",
  "The case manager is not a member of this board.": "admin.importReason.caseManager",
  "Name at least one organisation.": "admin.importReason.noOrganisation",
  "An organisation is not part of this board.": "admin.importReason.organisation",
  "Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.":
    "admin.importReason.identityNumber",
  "Too many columns: code; initials; case manager; organisations; action.": "admin.importReason.columns",
  "The code appears twice in the file.": "admin.importReason.twice",
  "A participant with this code already exists.": "admin.importReason.exists",
  "Unknown action: write update to change an existing participant, or leave it empty to add a new one.": "admin.importReason.unknownAction",
  "A participant with this code already exists: to change them, give the line the action update.": "admin.importReason.existsAskUpdate",
  "This code belonged to a participant whose code has since changed (or whose details were erased): nothing was written for this line.":
    "admin.importReason.codeChanged",
  "No participant has this code, so there is nothing to update: leave the action empty to add them.": "admin.importReason.nothingToUpdate",
  "This participant was registered by another organisation: only that organisation changes their record.":
    "admin.importReason.notYourOrganisations",
  "The case manager's organisation may not see this participant (consent): choose someone whose organisation may.":
    "admin.importReason.caseManagerMayNotSee",
  "Every participant needs a new case manager before their case manager leaves.": "reason.handOver",
  "A board keeps at least one admin.": "reason.lastAdmin",
  "A board keeps at least one admin: make someone else admin first.": "reason.lastAdmin",
};

/** The catalogue key for one of the server's known reasons; undefined for any other text. */
export function reasonKey(reason: string): MessageKey | undefined {
  return Object.hasOwn(known, reason) ? known[reason] : undefined;
}
