// What the edges' tests (bot/, jobs/, api/) seed storage with: the fictitious things to store. The
// harness (./harness.ts) wires storage, the core and the bot as main.ts does. The edges' own code
// never reaches storage; their tests set the scene through here.
export {
  aBoard,
  aCheckIn,
  aConsent,
  aMember,
  aParticipant,
  aSignal,
  anAbsence,
  anEntry,
  anOrganisation,
  createTestStorage,
  uniqueId,
} from "../storage/test-support";
export { KOMMUN_TENANT, REGION_TENANT, type TwoOrganisations, twoOrganisations } from "./two-organisations";
