import type { ExternalRole, InterventionKind } from "@fact-board/contract";

// Issue 26's vocabularies without importing zod into the bundle; a Record keeps each list complete.
const interventionKindSet: Record<InterventionKind, true> = {
  housingSupport: true,
  ipsWork: true,
  laro: true,
  depotMedication: true,
  financialAssistance: true,
  outpatientTreatment: true,
  inpatientCare: true,
  other: true,
};
const externalRoleSet: Record<ExternalRole, true> = {
  amfGuide: true,
  housingSupportWorker: true,
  guardian: true,
  relative: true,
  other: true,
};
export const interventionKinds = Object.keys(interventionKindSet) as InterventionKind[];
export const externalRoles = Object.keys(externalRoleSet) as ExternalRole[];

/** The server's limits, said in the forms (the contract's schemas check them). */
export const INTERVENTION_LABEL_MAX = 60;
export const EXTERNAL_NAME_MAX = 60;
export const GOAL_MAX = 200;
