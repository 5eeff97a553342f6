// Bicep cannot be compiled here, so this reads infra/, teamsapp*.yml and env/ as text and checks
// them against the code: the server's settings (bot/src/config.ts), the storage layer's tables,
// and the security properties the issue asks for.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { parse as parseYaml } from "yaml";
import { ConfigSchema } from "../../bot/src/config";
import { tableNames } from "../../bot/src/storage/table-names";
import { placeholdersIn, readJson, readText, repoRoot } from "../app-package/support";
import { BicepFile } from "./bicep";

const configKeys = Object.keys(ConfigSchema.shape);
const main = new BicepFile(readText("infra/main.bicep"));
const webApp = new BicepFile(readText("infra/modules/web-app.bicep"));
const storage = readText("infra/modules/storage.bicep");
const appSettings = webApp
  .block(/^resource appSettings 'Microsoft\.Web\/sites\/config@[\d-]+' = /m)
  .objectAt("properties")
  .entries();

/**
 * App settings that config.ts does not read but the platform or a library does. Each needs a reason.
 */
const platformSettings: Record<string, string> = {
  // @azure/identity's DefaultAzureCredential picks the user-assigned managed identity by its client id.
  AZURE_CLIENT_ID: "DefaultAzureCredential",
  // App Service's Application Insights agent (auto-instrumentation) sends telemetry here.
  APPLICATIONINSIGHTS_CONNECTION_STRING: "Application Insights agent",
  // Switches the Node.js auto-instrumentation on for Linux App Service.
  ApplicationInsightsAgent_EXTENSION_VERSION: "Application Insights agent",
  // Tells the deployment engine (Kudu/Oryx) not to rebuild the already built package.
  SCM_DO_BUILD_DURING_DEPLOYMENT: "App Service deployment",
};
const isPlatformSetting = (name: string) => name in platformSettings || /^(WEBSITE|WEBSITES|SCM)_/.test(name);

/** Stand-ins for the Bicep expressions the app settings use, so the result can be parsed like the real environment. */
const GUID = "44444444-4444-4444-8444-444444444444";
const standIns: Record<string, string> = {
  logLevel: "info",
  storageTableEndpoint: "https://stfactboard.table.core.windows.net/",
  tablePrefix: "",
  aadAppClientId: GUID,
  identityClientId: GUID,
  teamsAppId: GUID,
  identityTenantId: GUID,
  timeZone: "Europe/Stockholm",
  morningBriefAt: "07:45",
  "string(jobsPollSeconds)": "30",
  applicationInsightsConnectionString: `InstrumentationKey=${GUID}`,
};

function azureEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, expression] of appSettings) {
    const literal = /^'(.*)'$/.exec(expression);
    if (literal) env[name] = literal[1]!.replace(/\$\{[^}]*\}/g, "app-factboard-abc123.azurewebsites.net");
    else if (expression in standIns) env[name] = standIns[expression]!;
    else throw new Error(`add a stand-in value for the Bicep expression ${expression} (app setting ${name})`);
  }
  return env;
}

/** Names the config's cross-field rules (superRefine) read, from the source text. */
function namesInCrossFieldRules(): string[] {
  const source = readText("bot/src/config.ts");
  const rules = source.slice(source.indexOf(".superRefine("));
  return [...new Set([...rules.matchAll(/\bc\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!))];
}

describe("App Service settings and bot/src/config.ts", () => {
  it("set only settings the server reads, or listed platform settings", () => {
    const unread = [...appSettings.keys()].filter((name) => !configKeys.includes(name) && !isPlatformSetting(name));
    expect(unread).toEqual([]);
  });

  it("give the server a configuration it accepts in production", () => {
    const parsed = ConfigSchema.safeParse(azureEnvironment());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toMatchObject({ NODE_ENV: "production", BOT_TYPE: "UserAssignedMSI", DEV_SIGN_IN: false, SEED_DEMO_DATA: false });
    expect(parsed.data!.PUBLIC_URL).toMatch(/^https:\/\//);
  });

  it("set every setting the production rules check, except those Azure deliberately leaves out", () => {
    // Azure uses the managed identity instead of a connection string, and never the development sign-in,
    // the tests' stand-in OpenID provider or the tests' pages.
    const deliberatelyUnset = ["STORAGE_CONNECTION_STRING", "DEV_SIGN_IN", "TEST_OIDC_ISSUER", "TEST_OIDC_JWKS_URL", "FIXTURES_DIR"];
    const names = namesInCrossFieldRules();
    expect(names).toEqual(expect.arrayContaining(["NODE_ENV", "ENTRA_CLIENT_ID", "BOT_ID"]));
    expect(names.filter((n) => !appSettings.has(n) && !deliberatelyUnset.includes(n))).toEqual([]);
  });

  it("set the settings whose defaults only suit a developer's machine", () => {
    for (const name of [
      "NODE_ENV",
      "PUBLIC_URL",
      "STORAGE_TABLE_ENDPOINT",
      "BOT_ID",
      "BOT_TYPE",
      "BOT_TENANT_ID",
      "ENTRA_CLIENT_ID",
      "ENTRA_APP_ID_URI",
    ]) {
      expect({ name, set: appSettings.has(name) }).toEqual({ name, set: true });
    }
  });

  it("carry no secret and no development switch", () => {
    for (const name of ["STORAGE_CONNECTION_STRING", "BOT_PASSWORD", "DEV_SIGN_IN", "SEED_DEMO_DATA"])
      expect(appSettings.has(name)).toBe(false);
    const azureText = ["infra/main.bicep", "infra/main.parameters.json", "teamsapp.yml", "env/.env.dev"].map(readText).join("\n");
    expect(azureText).not.toMatch(/DEV_SIGN_IN|BOT_PASSWORD|SECRET_|AccountKey=|listKeys\(/);
    expect(readText("infra/modules/web-app.bicep") + storage).not.toMatch(/listKeys\(|AccountKey=/);
  });

  it("make the SSO audience api://<host>/<client id>, as the manifest's webApplicationInfo", () => {
    expect(appSettings.get("ENTRA_APP_ID_URI")).toBe("'api://${site.properties.defaultHostName}/${aadAppClientId}'");
    expect(appSettings.get("ENTRA_CLIENT_ID")).toBe("aadAppClientId");
    expect(appSettings.get("PUBLIC_URL")).toBe("'https://${site.properties.defaultHostName}'");
    expect(main.outputs()).toEqual(expect.arrayContaining(["TAB_DOMAIN", "TAB_ENDPOINT", "BOT_ID", "BOT_AZURE_APP_SERVICE_RESOURCE_ID"]));
  });
});

describe("the local profile (teamsapp.local.yml)", () => {
  type Step = { uses: string; with?: { envs?: Record<string, string> } };
  const steps = (parseYaml(readText("teamsapp.local.yml")) as { deploy: Step[] }).deploy;
  const envs = Object.assign(
    {},
    ...steps.filter((s) => s.uses === "file/createOrUpdateEnvironmentFile").map((s) => s.with!.envs!),
  ) as Record<string, string>;

  it("writes only settings the server reads, and a configuration it accepts", () => {
    expect(Object.keys(envs).filter((n) => !configKeys.includes(n))).toEqual([]);
    const filled = Object.fromEntries(
      Object.entries(envs).map(([k, v]) => [
        k,
        String(v).replace(/\$\{\{(\w+)\}\}/g, (_, n: string) => (n === "TAB_ENDPOINT" ? "https://abc-3978.euw.devtunnels.ms" : "x")),
      ]),
    );
    const parsed = ConfigSchema.safeParse(filled);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toMatchObject({ NODE_ENV: "development", DEV_SIGN_IN: false });
  });
});

describe("Bicep wiring", () => {
  it("passes every module the parameters it declares, and only those", () => {
    for (const [name, mod] of main.modules()) {
      const file = path.join(repoRoot, "infra", mod.path);
      expect({ name, exists: existsSync(file) }).toEqual({ name, exists: true });
      const declared = new BicepFile(readText(path.relative(repoRoot, file))).params();
      const missing = [...declared].filter(([p, { hasDefault }]) => !hasDefault && !mod.params.includes(p)).map(([p]) => p);
      const unknown = mod.params.filter((p) => !declared.has(p));
      expect({ name, missing, unknown }).toEqual({ name, missing: [], unknown: [] });
    }
  });

  it("gets its parameters from the environment file or from earlier provisioning steps", () => {
    const parameters = readJson<{ parameters: Record<string, { value: unknown }> }>("infra/main.parameters.json").parameters;
    const declared = main.params();
    expect(Object.keys(parameters).filter((p) => !declared.has(p))).toEqual([]);
    expect([...declared].filter(([p, { hasDefault }]) => !hasDefault && !(p in parameters)).map(([p]) => p)).toEqual([]);

    type Step = { uses: string; writeToEnvironmentFile?: Record<string, string> };
    const provision = (parseYaml(readText("teamsapp.yml")) as { provision: Step[] }).provision;
    const armAt = provision.findIndex((s) => s.uses === "arm/deploy");
    const writtenBefore = new Set(provision.slice(0, armAt).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
    const dev = parseEnv(readText("env/.env.dev"));
    const unknown = [...placeholdersIn(readText("infra/main.parameters.json"))].filter((n) => !writtenBefore.has(n) && !dev[n]);
    expect(unknown).toEqual([]);
  });

  it("passes server settings from env/.env.dev that config.ts accepts", () => {
    const dev = parseEnv(readText("env/.env.dev"));
    const shape = ConfigSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const [name, value] of Object.entries(dev)) {
      if (name in shape && value !== "") expect({ name, valid: shape[name]!.safeParse(value).success }).toEqual({ name, valid: true });
    }
  });
});

describe("Azure resources", () => {
  const tables = main.stringArray("tableNames");

  it("creates exactly the tables the storage layer uses", () => {
    expect([...tables].sort()).toEqual([...tableNames].sort());
  });

  it("keeps Table Storage behind Entra ID: no shared keys, TLS 1.2, HTTPS only, no public blobs", () => {
    expect(storage).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(storage).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(storage).toMatch(/supportsHttpsTrafficOnly:\s*true/);
    expect(storage).toMatch(/allowBlobPublicAccess:\s*false/);
  });

  it("gives the app's managed identity Storage Table Data Contributor on the account", () => {
    expect(storage).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(storage).toMatch(/resource \w+ 'Microsoft\.Authorization\/roleAssignments@[\d-]+' = \{[\s\S]*?scope:\s*account\b/);
    expect(appSettings.get("AZURE_CLIENT_ID")).toBe(appSettings.get("BOT_ID"));
  });

  it("runs the server on Linux App Service, Node 22 LTS, HTTPS only, TLS 1.2, no FTP, health checked at /healthz", () => {
    const site = webApp.block(/^resource site 'Microsoft\.Web\/sites@[\d-]+' = /m);
    const props = site.objectAt("properties").entries();
    const config = site.objectAt("siteConfig").entries();
    expect(props.get("httpsOnly")).toBe("true");
    expect(config.get("linuxFxVersion")).toBe("'NODE|22-lts'");
    expect(config.get("minTlsVersion")).toBe("'1.2'");
    expect(config.get("ftpsState")).toBe("'Disabled'");
    expect(config.get("alwaysOn")).toBe("true");
    expect(config.get("healthCheckPath")).toBe("'/healthz'");
  });

  it("binds the Azure Bot to the managed identity and the Teams channel at /api/messages", () => {
    const bot = readText("infra/modules/bot.bicep");
    expect(bot).toMatch(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bot).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(main.text).toMatch(/messagingEndpoint:\s*'https:\/\/\$\{web\.outputs\.hostName\}\/api\/messages'/);
    expect(appSettings.get("BOT_TYPE")).toBe("'UserAssignedMSI'");
  });

  it("masks client IPs in workspace-based Application Insights", () => {
    const monitoring = readText("infra/modules/monitoring.bicep");
    expect(monitoring).toMatch(/DisableIpMasking:\s*false/);
    expect(monitoring).toMatch(/WorkspaceResourceId:\s*workspace\.id/);
  });
});

describe(".env.example", () => {
  const text = readText(".env.example");
  const lines = text.split("\n");
  const documented = new Map<string, number>();
  lines.forEach((line, i) => {
    const m = /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line);
    if (m) documented.set(m[1]!, i);
  });

  it("documents every setting of config.ts with a one-line explanation above it, and nothing else", () => {
    expect(configKeys.filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented.keys()].filter((k) => !configKeys.includes(k))).toEqual([]);
    for (const [name, at] of documented)
      expect({ name, explained: /^#\s+\S/.test(lines[at - 1] ?? "") }).toEqual({ name, explained: true });
  });

  it("is a configuration the server accepts as it stands", () => {
    const parsed = ConfigSchema.safeParse(parseEnv(text));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
