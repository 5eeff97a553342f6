// `npm run package` end to end: fills placeholders from an environment file, validates, zips.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AdmZip from "adm-zip";
import { dummyValues, repoRoot } from "./support";

const script = path.join(repoRoot, "scripts", "package-app.mjs");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "fact-package-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFile(name: string, values: Record<string, string>): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
  );
  return file;
}

describe("npm run package", () => {
  it("writes a zip with the filled manifest, the localisation file and the icons at its root", () => {
    const out = path.join(dir, "appPackage.test.zip");
    execFileSync(process.execPath, [script, "--env", "test", "--env-file", envFile("ok.env", dummyValues), "--out", out], {
      cwd: repoRoot,
    });

    const zip = new AdmZip(out);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
    const manifestText = zip.readAsText("manifest.json");
    expect(manifestText).not.toContain("${{");
    const manifest = JSON.parse(manifestText) as { id: string; bots: { botId: string }[]; validDomains: string[] };
    expect(manifest.id).toBe(dummyValues.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(dummyValues.BOT_ID);
    expect(manifest.validDomains).toEqual([dummyValues.TAB_DOMAIN]);
    expect(() => JSON.parse(zip.readAsText("en.json")) as unknown).not.toThrow();
  });

  it("refuses an environment that leaves a placeholder empty, naming it", () => {
    const { TAB_DOMAIN: _omitted, ...rest } = dummyValues;
    const result = spawnSync(
      process.execPath,
      [script, "--env-file", envFile("missing.env", { ...rest, BOT_ID: "" }), "--out", path.join(dir, "never.zip")],
      { cwd: repoRoot, encoding: "utf8", env: { PATH: process.env.PATH } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("${{TAB_DOMAIN}}");
    expect(result.stderr).toContain("${{BOT_ID}}");
  });

  it("refuses a manifest that breaks the schema", () => {
    const result = spawnSync(
      process.execPath,
      [script, "--env-file", envFile("bad.env", { ...dummyValues, BOT_ID: "not-a-guid" }), "--out", path.join(dir, "never.zip")],
      { cwd: repoRoot, encoding: "utf8", env: { PATH: process.env.PATH } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/does not match the schema[\s\S]*\/bots\/0\/botId/);
  });
});
