import type { Vocabulary } from "./vocabulary";

// Swedish first (docs/domain.md#words-on-screen).
export const words: Vocabulary = {
  signalKind: {
    morePsychiatricSupport: "Behov av mer psykiatriskt stöd",
    lessPsychiatricSupport: "Behov av mindre psykiatriskt stöd",
    moreMunicipalSupport: "Behov av mer kommunalt stöd",
    lessMunicipalSupport: "Behov av mindre kommunalt stöd",
    concern: "Oro",
  },
  escalationState: { open: "Öppen", acknowledged: "Kvitterad", resolved: "Löst", declined: "Avböjd" },
  urgency: { today: "Idag", thisWeek: "Denna vecka" },
  consentStatus: { given: "Givet", declined: "Avböjt", withdrawn: "Återkallat", expired: "Utgånget", notAsked: "Ej tillfrågad" },
  boardReason: {
    crisis: "Kris",
    relapseRisk: "Risk för återfall",
    admission: "Inläggning",
    discharge: "Utskrivning",
    newParticipant: "Ny deltagare",
    coordinationNeed: "Samordningsbehov",
    other: "Annat",
  },
  priority: { high: "Hög", medium: "Medel", low: "Låg" },
  absenceReason: { sick: "Sjuk", vacation: "Semester", other: "Annat" },
  takeOffOutcome: {
    stable: "Stabil, tillbaka till case manager",
    transferred: "Överförd",
    admittedLongTerm: "Inskriven för längre vård",
    leftFact: "Lämnat FACT",
    other: "Annat",
  },
  coverState: { requesting: "Ersättare tillfrågas", covered: "Täckt", uncovered: "Ingen ersättare", cancelled: "Avbruten" },
};
