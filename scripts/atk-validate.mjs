// Runs the Microsoft 365 Agents Toolkit CLI's own manifest validation (schema + the toolkit's
// rules, offline) on the manifest as it is packaged:
//   npm run validate:atk -- --env dev        the manifest filled from env/.env.dev
//   npm run validate:atk -- --example        filled with example values (no provisioning needed)
// The CLI (~450 MB) is not a dependency of the project; install it once, e.g.
//   npm install -g --ignore-scripts @microsoft/m365agentstoolkit-cli
// and point ATK at its binary if it is not on PATH. CI checks the schema only (npm test).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import AdmZip from "adm-zip";
import { buildPackage } from "./package-app.mjs";

const EXAMPLE = {
  TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111",
  BOT_ID: "22222222-2222-4222-8222-222222222222",
  AAD_APP_CLIENT_ID: "33333333-3333-4333-8333-333333333333",
  TAB_DOMAIN: "app-factboard-abc123.azurewebsites.net",
  TAB_ENDPOINT: "https://app-factboard-abc123.azurewebsites.net",
  DEVELOPER_NAME: "Region Exempel",
  DEVELOPER_WEBSITE_URL: "https://www.example.org/",
  PRIVACY_URL: "https://www.example.org/privacy",
  TERMS_OF_USE_URL: "https://www.example.org/terms",
  APP_NAME_SUFFIX: "example",
};

const { values } = parseArgs({ options: { env: { type: "string", default: "dev" }, example: { type: "boolean", default: false } } });
const work = mkdtempSync(path.join(tmpdir(), "atk-validate-"));
try {
  let envFile;
  if (values.example) {
    envFile = path.join(work, ".env.example-values");
    writeFileSync(
      envFile,
      Object.entries(EXAMPLE)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n"),
    );
  }
  const zipPath = buildPackage({ envName: values.env, envFile, out: path.join(work, "appPackage.zip") });
  const dir = path.join(work, "appPackage");
  new AdmZip(zipPath).extractAllTo(dir, true);
  const atk = process.env.ATK ?? "atk";
  // Anything that wants a Microsoft 365 sign-in would wait forever: give it two minutes at most.
  const run = spawnSync(atk, ["validate", "--manifest-file", path.join(dir, "manifest.json"), "--telemetry", "false", "-i", "false"], {
    stdio: "inherit",
    timeout: 120_000,
  });
  if (run.error) {
    console.error(`atk could not run (${run.error.message}); install @microsoft/m365agentstoolkit-cli or set ATK`);
    process.exitCode = 1;
  } else {
    process.exitCode = run.status ?? 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
