import { ApiRequestError } from "../api/errors";
import type { I18n, MessageKey } from "../i18n";

// The server refuses anything that looks like a personal identity number in free text with a stable
// reason and the field at fault (contract/src/identity-number.ts); the tab says it in the person's
// language, naming the field as a form labels it.

const LABELS: Record<string, MessageKey> = {
  reasonNote: "field.reasonNote",
  what: "field.what",
  note: "field.note",
  reason: "term.reason",
  declineReason: "term.reason",
  legalReference: "field.legalReference",
  name: "field.name",
  displayName: "field.displayName",
  message: "field.message",
  codePattern: "field.codePattern",
  "organisation.name": "field.organisation.name",
  "meetings.name": "field.meetings.name",
  "meetings.id": "field.meetings.id",
  // Sedan sist's note; Om tavlan's text names its own field.
  text: "field.text",
  "about.text": "field.aboutText",
  // A research study (issue 28): its approval reference, and the research team's id of a participant.
  ethicsApprovalReference: "field.ethicsApprovalReference",
  studyParticipantId: "field.studyParticipantId",
  // Kontakter: someone outside the board, by name and role.
  role: "field.contactRole",
  // Pågående insatser and the network (issue 26); the goal's text is labelled as text.
  label: "field.interventionLabel",
  "external.name": "field.externalName",
};

/** The words for a refused personal identity number, or undefined when the error is something else. */
export function identityNumberRefusal({ t }: Pick<I18n, "t">, error: unknown): string | undefined {
  if (!(error instanceof ApiRequestError) || error.reason !== "PersonalIdentityNumber") return undefined;
  // "meetings.0.name" is labelled like any meeting's name.
  const path = (error.field ?? "").split(".").filter((s) => s !== "" && !/^\d+$/.test(s));
  const key = LABELS[path.join(".")] ?? LABELS[path.at(-1) ?? ""] ?? "field.text";
  return t("change.identityNumber", { field: t(key) });
}
