import type { I18n } from "../../i18n";

// The server reports a refused CSV line in its own (English) words. The reasons are a short, fixed
// list from the import rules (bot/src/domain/participant-registration.ts and participant-import.ts,
// checked against them by tests/tab/import-reasons.test.ts); the known ones are shown
// in the viewer's language, anything else as the server said it.
const known = {
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
} as const;

export function importReason({ t }: Pick<I18n, "t">, reason: string): string {
  const key = (known as Record<string, (typeof known)[keyof typeof known]>)[reason];
  return key ? t(key) : reason;
}
