import type { Vocabulary } from "./vocabulary";

export const words: Vocabulary = {
  signalKind: {
    morePsychiatricSupport: "Needs more psychiatric support",
    lessPsychiatricSupport: "Needs less psychiatric support",
    moreMunicipalSupport: "Needs more municipal support",
    lessMunicipalSupport: "Needs less municipal support",
    concern: "Concern",
  },
  escalationState: { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved", declined: "Declined" },
  urgency: { today: "Today", thisWeek: "This week" },
  consentStatus: { given: "Given", declined: "Declined", withdrawn: "Withdrawn", expired: "Expired", notAsked: "Not asked" },
  boardReason: {
    crisis: "Crisis",
    relapseRisk: "Relapse risk",
    admission: "Admission",
    discharge: "Discharge",
    newParticipant: "New participant",
    coordinationNeed: "Coordination need",
    other: "Other",
  },
  priority: { high: "High", medium: "Medium", low: "Low" },
  absenceReason: { sick: "Sick", vacation: "Vacation", other: "Other" },
  takeOffOutcome: {
    stable: "Stable, back to case manager",
    transferred: "Transferred",
    admittedLongTerm: "Admitted for long-term care",
    leftFact: "Left FACT",
    other: "Other",
  },
  coverState: { requesting: "Asking substitutes", covered: "Covered", uncovered: "No substitute", cancelled: "Cancelled" },
};
