// Storage on the test Azurite for any test in the repo: createTestStorage() gives a Storage over
// fresh tables with a random prefix. The helpers live beside the storage code (bot/src/storage/
// test-support.ts) so that the bot's own tests type-check inside the bot project.
export {
  createTestStorage,
  createTestStorageWithTables,
  testStorageOptions,
  uniqueId,
  aBoard,
  anOrganisation,
  aMember,
  aParticipant,
  anEntry,
  closedFrom,
  aConsent,
  aSignal,
  anAbsence,
  aCheckIn,
  anAuditEvent,
} from "../../bot/src/storage/test-support";
