// One in-memory Azurite for the whole Jest run; each test file uses its own table prefix (see tests/support/storage.ts).
import { startAzurite } from "../../scripts/azurite.mjs";

export default async function globalSetup() {
  const azurite = await startAzurite();
  process.env.FACT_TEST_STORAGE_CONNECTION = azurite.connectionString;
  globalThis.__factAzurite = azurite;
}
