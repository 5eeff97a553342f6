import type { PlanStatus, RecordedConsentStatus } from "@fact-board/contract";
import { assertRecordableConsent } from "./consent";
import { isDomainError } from "./errors";
import { plansRefusal, type PlansChange } from "./plans";
import type { CalendarDate, Consent, Organisation, OrganisationId } from "./types";

// The day-one columns of an import (issue 24): each organisation's consent and the plans, read from
// one line's cells. A cell left empty says nothing (nothing is written for it); a cell the import
// cannot read refuses its line, in words the tab has in Swedish (IMPORT_REFUSED).

export const CELLS_REFUSED = {
  planValue: "A plan column holds something other than yes (ja), no (nej), not stated (ej angivet) or nothing.",
  date: "A date must be written YYYY-MM-DD.",
  sipColumnMissing: "SIP dates and who convenes it belong to a SIP: fill in the column sip (ja or nej) too.",
  convenerUnknown: "The organisation that convenes the SIP is not one of the board's organisations.",
  othersConsent: "Each organisation records its own consent: this line fills in another organisation's consent columns.",
  consentStatus: "Unknown consent status: write given (givet), declined (avböjt) or withdrawn (återkallat).",
  consentWithoutStatus: "A consent's dates or receiving organisations need its status (givet, avböjt or återkallat).",
  consentReceiverUnknown: "A receiving organisation of the consent is not one of the board's organisations.",
} as const;

const PLAN_VALUES: Record<string, PlanStatus> = {
  ja: "yes",
  j: "yes",
  yes: "yes",
  y: "yes",
  x: "yes",
  nej: "no",
  n: "no",
  no: "no",
  "ej angivet": "notSet",
  "not stated": "notSet",
  "not set": "notSet",
};

const CONSENT_STATUSES: Record<string, RecordedConsentStatus> = {
  givet: "given",
  given: "given",
  avböjt: "declined",
  declined: "declined",
  återkallat: "withdrawn",
  withdrawn: "withdrawn",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const norm = (s: string) => s.trim().toLowerCase();

export interface PlanCells {
  crisisPlan: string;
  earlySignsPlan: string;
  sip: string;
  sipHeldOn: string;
  sipNextFollowUpOn: string;
  sipConvenedBy: string;
}

/** The plans a line sets (undefined: it sets none), or why the line is refused. */
export function plansOfCells(
  cells: PlanCells,
  ctx: { organisations: readonly Organisation[]; organisationIds: readonly OrganisationId[]; today: CalendarDate },
): { plans?: PlansChange } | { refused: string } {
  const status = (cell: string): PlanStatus | undefined | null => (cell === "" ? undefined : (PLAN_VALUES[norm(cell)] ?? null));
  const crisisPlan = status(cells.crisisPlan);
  const earlySignsPlan = status(cells.earlySignsPlan);
  const held = status(cells.sip);
  if (crisisPlan === null || earlySignsPlan === null || held === null) return { refused: CELLS_REFUSED.planValue };
  for (const date of [cells.sipHeldOn, cells.sipNextFollowUpOn]) if (date !== "" && !isDate(date)) return { refused: CELLS_REFUSED.date };
  const details = cells.sipHeldOn !== "" || cells.sipNextFollowUpOn !== "" || cells.sipConvenedBy !== "";
  if (held === undefined && details) return { refused: CELLS_REFUSED.sipColumnMissing };
  let convenedBy: OrganisationId | undefined;
  if (cells.sipConvenedBy !== "") {
    convenedBy = organisationNamed(cells.sipConvenedBy, ctx.organisations);
    if (!convenedBy) return { refused: CELLS_REFUSED.convenerUnknown };
  }
  const plans: PlansChange = {
    ...(crisisPlan ? { crisisPlan } : {}),
    ...(earlySignsPlan ? { earlySignsPlan } : {}),
    ...(held
      ? {
          sip: {
            held,
            ...(cells.sipHeldOn ? { heldOn: cells.sipHeldOn } : {}),
            ...(cells.sipNextFollowUpOn ? { nextFollowUpOn: cells.sipNextFollowUpOn } : {}),
            ...(convenedBy ? { convenedBy } : {}),
          },
        }
      : {}),
  };
  if (Object.keys(plans).length === 0) return {};
  const refusal = plansRefusal(plans, ctx.organisationIds, ctx.today);
  return refusal ? { refused: refusal } : { plans };
}

export interface ConsentCells {
  status: string;
  givenOn: string;
  validUntil: string;
  receivers: string;
}

/** A consent as an import line records it: the importing organisation's own. */
export interface ImportedConsent {
  disclosingOrganisationId: OrganisationId;
  status: RecordedConsentStatus;
  givenOn?: CalendarDate;
  validUntil?: CalendarDate;
  receivingOrganisationIds: OrganisationId[];
}

const isEmpty = (c: ConsentCells) => c.status === "" && c.givenOn === "" && c.validUntil === "" && c.receivers === "";

/**
 * The consent a line records, from the consent columns of each organisation: only the importing
 * organisation's (each organisation records its own consent, authorship "consent.record"); another
 * organisation's columns filled in refuse the line. Receivers left empty: the line's other organisations.
 */
export function consentOfCells(
  byOrganisation: ReadonlyMap<OrganisationId, ConsentCells>,
  ctx: {
    importer: OrganisationId;
    organisations: readonly Organisation[];
    /** The participant's organisations as the line leaves them. */
    organisationIds: readonly OrganisationId[];
    today: CalendarDate;
  },
): { consent?: ImportedConsent } | { refused: string } {
  for (const [organisationId, cells] of byOrganisation)
    if (organisationId !== ctx.importer && !isEmpty(cells)) return { refused: CELLS_REFUSED.othersConsent };
  const cells = byOrganisation.get(ctx.importer);
  if (!cells || isEmpty(cells)) return {};
  if (cells.status === "") return { refused: CELLS_REFUSED.consentWithoutStatus };
  const status = CONSENT_STATUSES[norm(cells.status)];
  if (!status) return { refused: CELLS_REFUSED.consentStatus };
  for (const date of [cells.givenOn, cells.validUntil]) if (date !== "" && !isDate(date)) return { refused: CELLS_REFUSED.date };
  const named = cells.receivers
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
  const receivers = named.map((n) => organisationNamed(n, ctx.organisations));
  if (receivers.some((r) => r === undefined)) return { refused: CELLS_REFUSED.consentReceiverUnknown };
  const receivingOrganisationIds = [
    ...new Set(named.length > 0 ? (receivers as string[]) : ctx.organisationIds.filter((o) => o !== ctx.importer)),
  ];
  const consent: ImportedConsent = {
    disclosingOrganisationId: ctx.importer,
    status,
    ...(cells.givenOn ? { givenOn: cells.givenOn } : {}),
    ...(cells.validUntil ? { validUntil: cells.validUntil } : {}),
    receivingOrganisationIds,
  };
  // The same rules as a consent recorded by hand (consent.ts): the import refuses the line in those words.
  try {
    assertRecordableConsent(toConsent(consent, { boardId: "", participantId: "", recordedBy: "", recordedAt: "", today: ctx.today }));
  } catch (e) {
    if (isDomainError(e)) return { refused: e.message };
    throw e;
  }
  return { consent };
}

/** The consent record a line's consent becomes. */
export function toConsent(
  c: ImportedConsent,
  at: { boardId: string; participantId: string; recordedBy: string; recordedAt: string; today: CalendarDate },
): Consent {
  return {
    boardId: at.boardId,
    participantId: at.participantId,
    disclosingOrganisationId: c.disclosingOrganisationId,
    receivingOrganisationIds: c.receivingOrganisationIds,
    basis: "consent",
    status: c.status,
    ...(c.givenOn ? { givenOn: c.givenOn } : {}),
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c.status === "withdrawn" ? { withdrawnOn: at.today } : {}),
    recordedBy: at.recordedBy,
    recordedAt: at.recordedAt,
  };
}

/** Whether the stored consent already says what the line would record (a re-run of the same file writes nothing). */
export function sameConsent(stored: Consent | undefined, c: ImportedConsent): boolean {
  if (!stored) return false;
  return (
    stored.status === c.status &&
    stored.basis === "consent" &&
    (stored.givenOn ?? "") === (c.givenOn ?? "") &&
    (stored.validUntil ?? "") === (c.validUntil ?? "") &&
    [...stored.receivingOrganisationIds].sort().join("|") === [...c.receivingOrganisationIds].sort().join("|")
  );
}

export const organisationNamed = (text: string, organisations: readonly Organisation[]): OrganisationId | undefined =>
  organisations.find((o) => o.id === text || o.name.toLowerCase() === text.trim().toLowerCase())?.id;
