import type { I18n, MessageKey } from "../i18n";
import { ApiRequestError, isNotYourOrganisationsText } from "./errors";
import type { RefusalReason } from "@fact-board/contract";
import { identityNumberRefusal } from "../board/identityNumberRefusal";
import { reasonKey } from "./serverReasons";

// Every error a person can meet, in their language, with what to do next. The server's message and
// the browser's ("Failed to fetch") are English and for developers (errorDetail): never shown.

/** The fields a form sends, in the words of its labels, for "X was not accepted". */
const fieldLabels: Record<string, MessageKey> = {
  priority: "term.priority",
  reason: "term.reason",
  nextEvaluationOn: "field.nextEvaluationOn",
  text: "field.text",
  note: "field.note",
  code: "field.code",
  initials: "field.initials",
  displayName: "field.displayName",
  name: "field.name",
  message: "field.message",
  fromDate: "field.fromDate",
  toDate: "field.toDate",
  validUntil: "term.validUntil",
  codePattern: "field.codePattern",
  morningBriefAt: "field.morningBriefAt",
  role: "field.role",
  handOver: "term.caseManager",
  caseManagerId: "term.caseManager",
  ethicsApprovalReference: "field.ethicsApprovalReference",
  studyParticipantId: "field.studyParticipantId",
};

/** Refusals by a named rule (the error's `reason`), worded here rather than in the server's English. */
const reasonWords = {
  RoleBeyondReach: "refusal.roleBeyondReach",
  LastAdmin: "refusal.lastAdmin",
  CaseManagerMayNotSee: "refusal.caseManagerMayNotSee",
  JoinRequestOfAnotherOrganisation: "refusal.joinRequestOfAnotherOrganisation",
  PendingJoinRequestsCapped: "refusal.pendingJoinRequestsCapped",
  ResearchConsentMissing: "refusal.researchConsentMissing",
  NotStudyDataManager: "refusal.notStudyDataManager",
} as const satisfies Partial<Record<RefusalReason, MessageKey>>;

/** A refused value: the server's reason when the tab knows it, else the field at fault, else the form. */
function invalidText(t: I18n["t"], error: ApiRequestError): string {
  const reason = reasonKey(error.message);
  if (reason) return t(reason);
  // "actions.0.text" is the text of one action; "handOver.p2" one participant's new case manager.
  const parts = error.field?.split(".") ?? [];
  const label = [...parts]
    .reverse()
    .map((p) => fieldLabels[p])
    .find(Boolean);
  return label ? t("error.invalidField", { field: t(label) }) : t("error.invalid");
}

/**
 * What went wrong and what to do next, in the viewer's language, for anything a request or the
 * Teams host threw: a network failure, storage unavailable (503), sign-in expired (401), a refusal
 * (403), a conflict (409), something gone (404), a refused value (400, with its field), too many
 * requests (429), too large (413), the server's own failure, or anything else.
 */
export function errorText({ t }: Pick<I18n, "t">, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t("error.unexpected");
  if (error.code === "Network") return t("error.network");
  const identityNumber = identityNumberRefusal({ t }, error);
  if (identityNumber) return identityNumber;
  if (error.reason && Object.hasOwn(reasonWords, error.reason)) return t(reasonWords[error.reason as keyof typeof reasonWords]);
  if (error.isUnavailable) return t("error.unavailable");
  switch (error.code) {
    case "Unauthenticated":
      return t("error.signedOut");
    case "Forbidden":
      return isNotYourOrganisationsText(error) ? t("change.notYourOrganisationsText") : t("error.forbidden");
    case "InvalidTransition":
      return t("error.invalidTransition");
    case "Conflict":
      return t("error.conflict");
    case "AlreadyExists": {
      const reason = reasonKey(error.message);
      return reason ? t(reason) : t("error.alreadyExists");
    }
    case "NotFound":
      return t("error.notFound");
    case "Invalid":
    case "BadRequest":
      return invalidText(t, error);
    case "TooManyRequests":
      return t("error.tooMany");
    case "PayloadTooLarge":
      return t("error.tooLarge");
    default:
      return t("error.server");
  }
}

/** For a developer (the console, a data attribute): the code, the status and the message as thrown. */
export function errorDetail(error: unknown): string {
  if (error instanceof ApiRequestError) return `${error.code} ${error.status}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
