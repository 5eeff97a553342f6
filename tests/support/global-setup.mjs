// Before any test: Chromium for the browser tests (installed from Debian when missing and run as
// root; otherwise every browser test fails with one plain sentence saying what to do), and one
// in-memory Azurite for the whole Jest run (each test file uses its own table prefix, see tests/support/storage.ts).
import { ensureChromium } from "../../scripts/chromium.cjs";
import { startAzurite } from "../../scripts/azurite.mjs";

export default async function globalSetup() {
  const chromium = ensureChromium();
  if (!chromium.ok) {
    // Jest's workers and the summary reporter read it from here.
    process.env.FACT_CHROMIUM_PROBLEM = chromium.message;
    console.error(`\n${chromium.message}\n`);
  }
  const azurite = await startAzurite();
  process.env.FACT_TEST_STORAGE_CONNECTION = azurite.connectionString;
  globalThis.__factAzurite = azurite;
}
