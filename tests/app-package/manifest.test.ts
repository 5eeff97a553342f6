import { parseEnv } from "node:util";
import { parse as parseYaml } from "yaml";
import { type Manifest, compileSchema, filledManifest, placeholdersIn, readJson, readText, schemaPath } from "./support";

const manifest = filledManifest();
const rawManifest = readText("appPackage/manifest.json");

describe("the Teams app manifest", () => {
  it("is on schema 1.25 or later and names that schema", () => {
    const [major, minor] = manifest.manifestVersion.split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(25);
    expect(readJson<{ $schema: string }>("appPackage/manifest.json").$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it("matches the official JSON schema of its version once placeholders are filled", () => {
    const validate = compileSchema(schemaPath(manifest.manifestVersion, "MicrosoftTeams.schema.json"));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("asks for exactly the meeting-stage permissions and nothing broader", () => {
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: "MeetingStage.Write.Chat", type: "Delegated" },
      { name: "ChannelMeetingStage.Write.Group", type: "Delegated" },
    ]);
    expect(rawManifest).not.toMatch(/"permissions"\s*:\s*\[/); // the legacy top-level permissions list
  });

  it("offers the bot in personal chats, teams and group chats", () => {
    expect(manifest.bots).toHaveLength(1);
    expect([...manifest.bots![0]!.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("has one configurable tab for channels, chats and meetings, configured at /tab/?view=config", () => {
    const [tab] = manifest.configurableTabs!;
    expect(tab!.configurationUrl).toBe("https://app-factboard-abc123.azurewebsites.net/tab/?view=config");
    expect([...tab!.scopes].sort()).toEqual(["groupChat", "team"]);
    expect([...tab!.meetingSurfaces!].sort()).toEqual(["sidePanel", "stage"]);
    expect(tab!.context).toEqual(expect.arrayContaining(["channelTab", "meetingSidePanel", "meetingStage"]));
  });

  it("supports shared and private channels (tier1), as Microsoft's templates do from manifest 1.25 with team scope", () => {
    expect((manifest as { supportsChannelFeatures?: string }).supportsChannelFeatures).toBe("tier1");
  });

  it("has the personal tab Mina deltagare on the personal view", () => {
    const personal = manifest.staticTabs!.find((t) => t.entityId === "myParticipants");
    expect(personal).toMatchObject({
      name: "Mina deltagare",
      contentUrl: "https://app-factboard-abc123.azurewebsites.net/tab/?view=personal",
      scopes: ["personal"],
      context: ["personalTab"],
    });
  });

  it("points every tab page at a view the tab serves", () => {
    const views = ["sidePanel", "stage", "channel", "config", "personal"];
    const raw = JSON.parse(rawManifest) as Manifest;
    const urls = [
      ...(raw.configurableTabs ?? []).map((t) => t.configurationUrl),
      ...(raw.staticTabs ?? []).flatMap((t) => [t.contentUrl, t.websiteUrl]),
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/\$\{\{TAB_DOMAIN\}\}\/tab\/\?view=/);
      expect(views).toContain(new URL(url.replace("${{TAB_DOMAIN}}", "h.example")).searchParams.get("view"));
    }
  });

  it("declares SSO for the Entra app at api://<tab domain>/<client id>, as aad.manifest.json registers it", () => {
    const raw = readJson<{ webApplicationInfo: { id: string; resource: string } }>("appPackage/manifest.json");
    expect(raw.webApplicationInfo).toEqual({ id: "${{AAD_APP_CLIENT_ID}}", resource: "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}" });
    const aad = readJson<{ identifierUris: string[]; oauth2Permissions: { value: string }[] }>("aad.manifest.json");
    expect(aad.identifierUris).toContain(raw.webApplicationInfo.resource);
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(["access_as_user"]);
    expect(raw).toMatchObject({ validDomains: ["${{TAB_DOMAIN}}"] });
  });

  it("uses only placeholders each environment defines or provisioning writes", () => {
    const written = new Set<string>();
    for (const file of ["teamsapp.yml", "teamsapp.local.yml"]) {
      const project = parseYaml(readText(file)) as { provision: { writeToEnvironmentFile?: Record<string, string> }[] };
      for (const step of project.provision) for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.add(name);
    }
    // arm/deploy writes the outputs of infra/main.bicep.
    for (const m of readText("infra/main.bicep").matchAll(/^output\s+([A-Z0-9_]+)\s/gm)) written.add(m[1]!);
    for (const env of ["dev", "local"]) {
      const defined = new Set(Object.keys(parseEnv(readText(`env/.env.${env}`))));
      const unknown = [...placeholdersIn(rawManifest + readText("appPackage/en.json"))].filter((n) => !defined.has(n) && !written.has(n));
      expect({ env, unknown }).toEqual({ env, unknown: [] });
    }
  });
});
