// Shared by the app-package and infra tests: repo paths, the official schemas, placeholder filling,
// and reading what the bot, tab and storage layer export (with a fixture until they exist).
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { commandTitles } from "../../bot/src/bot/commands";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const appPackageDir = path.join(repoRoot, "appPackage");
export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function readText(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), "utf8");
}

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readText(relativePath)) as T;
}

/** Names of every ${{NAME}} in a text. */
export function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
}

/** Plausible values for the manifest's placeholders, so the filled manifest can meet the schema. */
export const dummyValues: Record<string, string> = {
  TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111",
  BOT_ID: "22222222-2222-4222-8222-222222222222",
  AAD_APP_CLIENT_ID: "33333333-3333-4333-8333-333333333333",
  TAB_DOMAIN: "app-factboard-abc123.azurewebsites.net",
  TAB_ENDPOINT: "https://app-factboard-abc123.azurewebsites.net",
  DEVELOPER_NAME: "Region Exempel",
  DEVELOPER_WEBSITE_URL: "https://www.example.org/",
  PRIVACY_URL: "https://www.example.org/privacy",
  TERMS_OF_USE_URL: "https://www.example.org/terms",
  APP_NAME_SUFFIX: "test",
};

export function fillPlaceholders(text: string, values: Record<string, string> = dummyValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no dummy value for ${whole}`);
    return JSON.stringify(value).slice(1, -1);
  });
}

export type Manifest = {
  manifestVersion: string;
  localizationInfo?: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  icons: { color: string; outline: string };
  bots?: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: { title: string; description?: string }[] }[] }[];
  configurableTabs?: { configurationUrl: string; scopes: string[]; context?: string[]; meetingSurfaces?: string[] }[];
  staticTabs?: { entityId: string; name?: string; contentUrl?: string; websiteUrl?: string; scopes: string[]; context?: string[] }[];
  webApplicationInfo?: { id: string; resource?: string };
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
  validDomains?: string[];
};

export function filledManifest(): Manifest {
  return JSON.parse(fillPlaceholders(readText("appPackage/manifest.json"))) as Manifest;
}

export function schemaPath(manifestVersion: string, file: string): string {
  const pkg = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(pkg, "build", "json-schemas", "teams", `v${manifestVersion}`, file);
}

export function compileSchema(file: string) {
  // The official schemas are draft-04; some localisation patterns are not valid in unicode mode.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, "utf8")) as object);
}

/** The Swedish and English command titles the bot handles (bot/src/bot/commands.ts). */
export function botCommandTitles(): { source: string; titles: { sv: string[]; en: string[] } } {
  return { source: "bot/src/bot/commands.ts", titles: commandTitles };
}

const tabContexts = () => readJson<{ supportedFrameContexts: string[]; manifestContexts: string[] }>("tab/src/views/contexts.json");

/** Manifest `context` values the tab handles (tab/src/views/contexts.ts `manifestContexts`). */
export function tabManifestContexts(): { source: string; contexts: string[] } {
  return { source: "tab/src/views/contexts.json", contexts: tabContexts().manifestContexts };
}

/** teams-js frame contexts the tab renders in (tab/src/views/contexts.ts `supportedFrameContexts`). */
export function tabRuntimeFrameContexts(): string[] {
  return tabContexts().supportedFrameContexts;
}
