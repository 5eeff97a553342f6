import {
  AbsenceReason,
  AccessChannel,
  AuditOutcome,
  AuditWhat,
  BoardModel,
  BoardReason,
  ConsentStatus,
  CoverState,
  enWords,
  SignalState,
  LogReviewRule,
  LogReviewStatus,
  OrganisationKind,
  PlanStatus,
  Priority,
  Role,
  SignalKind,
  svWords,
  TakeOffOutcome,
  Urgency,
  InterventionKind,
  ExternalRole,
  type Vocabulary,
} from "@fact-board/contract";
import { strings } from "./strings";

// Issue 16: one catalogue of words for the vocabulary's codes (contract/src/words), which the cards
// and the tab both show (tab/src/i18n/i18n.test.ts checks the tab's side); every code of every enum
// has its word in both languages.

const enums: { [G in keyof Vocabulary]: { options: readonly string[] } } = {
  signalKind: SignalKind,
  signalState: SignalState,
  urgency: Urgency,
  consentStatus: ConsentStatus,
  boardReason: BoardReason,
  priority: Priority,
  absenceReason: AbsenceReason,
  takeOffOutcome: TakeOffOutcome,
  coverState: CoverState,
  role: Role,
  organisationKind: OrganisationKind,
  auditWhat: AuditWhat,
  auditChannel: AccessChannel,
  auditOutcome: AuditOutcome,
  logReviewStatus: LogReviewStatus,
  logReviewRule: LogReviewRule,
  planStatus: PlanStatus,
  boardModel: BoardModel,
  interventionKind: InterventionKind,
  externalRole: ExternalRole,
};

describe.each([
  ["sv", svWords],
  ["en", enWords],
] as const)("the %s vocabulary", (language, words) => {
  it.each(Object.keys(enums) as (keyof Vocabulary)[])("has a word for every %s, exactly the enum's codes", (group) => {
    expect(Object.keys(words[group]).sort()).toEqual([...enums[group].options].sort());
    for (const code of enums[group].options)
      expect([code, (words[group] as Record<string, string>)[code]?.trim()]).toEqual([code, expect.stringMatching(/\S/)]);
  });

  it("is what the cards show", () => {
    const cards = strings[language] as unknown as Partial<Record<keyof Vocabulary, Record<string, string>>>;
    const shared = (Object.keys(enums) as (keyof Vocabulary)[]).filter((group) => cards[group]);
    // The cards show signals, consents, absences and entries: most groups, not by accident none.
    expect(shared.length).toBeGreaterThanOrEqual(7);
    for (const group of shared) expect([group, cards[group]]).toEqual([group, words[group]]);
  });
});

it("keeps the two languages apart where they differ", () => {
  expect(svWords.priority.high).toBe("Hög");
  expect(enWords.priority.high).toBe("High");
});
