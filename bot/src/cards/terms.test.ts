import { enTerms, svTerms, type Terms } from "@fact-board/contract";
import { type CardStrings, strings } from "./strings";

// Issue 24: the domain's words that cards and tab both show come from one catalogue
// (contract/src/words); tab/src/i18n/i18n.test.ts checks the tab's side.

/** The cards' key for each term. */
const cardKey: Record<keyof Terms, keyof CardStrings> = {
  board: "boardLabel",
  participant: "participant",
  onBoard: "onBoard",
  putOnBoard: "putOnBoard",
  reason: "reason",
  priority: "priorityLabel",
  nextEvaluation: "nextEvaluation",
  validUntil: "validUntil",
  acknowledge: "acknowledge",
  decline: "decline",
  absence: "absence",
  substitute: "substitute",
  coverAccept: "coverAccept",
  coverDecline: "coverDecline",
  caseManager: "caseManager",
};

it.each([
  ["sv", svTerms],
  ["en", enTerms],
] as const)("the %s cards show the catalogue's terms", (language, terms) => {
  for (const term of Object.keys(cardKey) as (keyof Terms)[]) expect([term, strings[language][cardKey[term]]]).toEqual([term, terms[term]]);
});

it("calls the case manager what the seeds call them", () => {
  expect(strings.sv.caseManager).toBe("Vård- och stödsamordnare (case manager)");
});
