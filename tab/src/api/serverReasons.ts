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
  // The day-one columns (issue 24): plans and each organisation's consent (participant-import-cells.ts, plans.ts, consent.ts).
  "A plan column holds something other than yes (ja), no (nej), not stated (ej angivet) or nothing.": "admin.importReason.planValue",
  "A date must be written YYYY-MM-DD.": "admin.importReason.date",
  "SIP dates and who convenes it belong to a SIP: fill in the column sip (ja or nej) too.": "admin.importReason.sipColumnMissing",
  "The organisation that convenes the SIP is not one of the board's organisations.": "admin.importReason.convenerUnknown",
  "Each organisation records its own consent: this line fills in another organisation's consent columns.":
    "admin.importReason.othersConsent",
  "Unknown consent status: write given (givet), declined (avböjt) or withdrawn (återkallat).": "admin.importReason.consentStatus",
  "A consent's dates or receiving organisations need its status (givet, avböjt or återkallat).": "admin.importReason.consentWithoutStatus",
  "A receiving organisation of the consent is not one of the board's organisations.": "admin.importReason.consentReceiverUnknown",
  "SIP dates and who convenes it belong to a SIP: say whether one was held first.": "admin.importReason.sipDetailsWithoutSip",
  "A SIP date held belongs to a SIP that was held.": "admin.importReason.heldOnWithoutHeld",
  "A SIP cannot have been held in the future.": "admin.importReason.heldInFuture",
  "The next SIP follow-up comes after the SIP was held.": "admin.importReason.followUpBeforeHeld",
  "The organisation that convenes the SIP must be involved with the participant.": "admin.importReason.convenerNotInvolved",
  "An organisation does not need consent to read what it wrote itself.": "admin.importReason.consentNamesItself",
  "Name the organisations the consent covers.": "admin.importReason.consentNoReceivers",
  "A given consent needs the date given and the date it is valid until.": "admin.importReason.consentGivenNeedsDates",
  "The consent ends before it was given.": "admin.importReason.consentEndsBeforeGiven",
  "A legal basis needs its reference.": "admin.importReason.consentLegalBasis",
  "Every participant needs a new case manager before their case manager leaves.": "reason.handOver",
  "A board keeps at least one admin.": "reason.lastAdmin",
  "A board keeps at least one admin: make someone else admin first.": "reason.lastAdmin",
};

/** The catalogue key for one of the server's known reasons; undefined for any other text. */
export function reasonKey(reason: string): MessageKey | undefined {
  return Object.hasOwn(known, reason) ? known[reason] : undefined;
}
