import type { Terms, Vocabulary } from "@fact-board/contract";

// The shared vocabulary (contract/src/words, which the bot's cards use too) under the tab's keys:
// t(`reason.${entry.reason}`) reads the same word a card shows.
const prefixes = {
  signalKind: "signal",
  signalState: "signalState",
  urgency: "urgency",
  consentStatus: "consent",
  boardReason: "reason",
  priority: "priority",
  absenceReason: "absenceReason",
  takeOffOutcome: "outcome",
  coverState: "coverState",
  role: "role",
  organisationKind: "organisationKind",
  auditWhat: "auditWhat",
  auditChannel: "auditChannel",
  auditOutcome: "auditOutcome",
  logReviewStatus: "logReview.status",
  logReviewRule: "logReview.rule",
  planStatus: "planStatus",
  boardModel: "boardModel",
  interventionKind: "interventionKind",
  externalRole: "externalRole",
} as const satisfies Record<keyof Vocabulary, string>;

type Prefixes = typeof prefixes;
type VocabularyKey = { [G in keyof Vocabulary]: `${Prefixes[G]}.${Extract<keyof Vocabulary[G], string>}` }[keyof Vocabulary];
export type VocabularyCatalogue = Record<VocabularyKey, string>;

export function vocabularyCatalogue(words: Vocabulary): VocabularyCatalogue {
  const catalogue: Record<string, string> = {};
  for (const group of Object.keys(prefixes) as (keyof Vocabulary)[]) {
    for (const [code, word] of Object.entries(words[group])) catalogue[`${prefixes[group]}.${code}`] = word;
  }
  return catalogue as VocabularyCatalogue;
}

export type TermsCatalogue = Record<`term.${Extract<keyof Terms, string>}`, string>;

/** The domain's terms the cards show too (contract/src/words), as t("term.caseManager"). */
export function termsCatalogue(terms: Terms): TermsCatalogue {
  return Object.fromEntries(Object.entries(terms).map(([key, word]) => [`term.${key}`, word])) as TermsCatalogue;
}
