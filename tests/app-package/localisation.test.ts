// Swedish is the manifest's own language (sv-SE); every string Teams lets an app translate must
// also be in each additional language file, and nothing else.
import { readFileSync } from "node:fs";
import { compileSchema, filledManifest, readJson, readText, schemaPath } from "./support";

const manifest = filledManifest();
const localisationSchema = JSON.parse(
  readFileSync(schemaPath(manifest.manifestVersion, "MicrosoftTeams.Localization.schema.json"), "utf8"),
) as {
  properties: Record<string, unknown>;
  patternProperties: Record<string, unknown>;
};

/** Every string in the manifest, by the path syntax localisation files use: bots[0].commandLists[1].commands[0].title */
function stringLeaves(value: unknown, at = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(at, value);
  else if (Array.isArray(value)) value.forEach((v, i) => stringLeaves(v, `${at}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) stringLeaves(v, at ? `${at}.${k}` : k).forEach((s, p) => out.set(p, s));
  return out;
}

function isLocalisable(key: string): boolean {
  if (key in localisationSchema.properties && !["$schema", "localizationKeys"].includes(key)) return true;
  return Object.keys(localisationSchema.patternProperties).some((pattern) => new RegExp(pattern).test(key));
}

const localisable = [...stringLeaves(manifest).keys()].filter(isLocalisable);
const languages = manifest.localizationInfo?.additionalLanguages ?? [];

describe("localisation", () => {
  it("makes Swedish the default and offers English", () => {
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe("sv-SE");
    expect(languages.map((l) => l.languageTag)).toContain("en");
  });

  it("finds the strings Teams lets an app translate", () => {
    expect(localisable).toEqual(expect.arrayContaining(["name.short", "description.short", "description.full", "staticTabs[0].name"]));
    expect(localisable).toContain("bots[0].commandLists[0].commands[0].title");
  });

  describe.each(languages.map((l) => [l.languageTag, l.file] as const))("%s (%s)", (_tag, file) => {
    const strings = readJson<Record<string, string>>(`appPackage/${file}`);

    it("matches the official localisation schema", () => {
      const validate = compileSchema(schemaPath(manifest.manifestVersion, "MicrosoftTeams.Localization.schema.json"));
      const valid = validate(strings);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it("translates every localisable string of the manifest", () => {
      expect(localisable.filter((key) => !strings[key]?.trim())).toEqual([]);
    });

    it("has no keys the manifest does not have", () => {
      const keys = Object.keys(strings).filter((k) => k !== "$schema");
      expect(keys.filter((k) => !localisable.includes(k))).toEqual([]);
    });

    it("names the same schema version as the manifest", () => {
      expect(strings.$schema).toBe(
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
      );
      expect(readText(`appPackage/${file}`)).not.toMatch(/\$\{\{/);
    });
  });
});
