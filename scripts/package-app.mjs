// Builds the installable Teams app package for one environment:
//   npm run package -- --env dev        -> appPackage/build/appPackage.dev.zip
// Placeholders ${{NAME}} in the manifest and its localisation files are filled from env/.env.<env>
// (then env/.env.<env>.user, then the process environment), the result is validated offline against
// the official JSON schema of the manifest's version, and only then zipped with manifest.json,
// the localisation files and the icons at the zip root. The Agents Toolkit's teamsApp/zipAppPackage
// does the same during `provision`; this script is for admins and CI without the toolkit.
//
// Options: --env <name> (default local), --env-file <path> (instead of env/.env.<env>), --out <zip path>.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, parseEnv } from "node:util";
import AdmZip from "adm-zip";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const appPackage = path.join(root, "appPackage");
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

class PackageError extends Error {}

function readEnvFile(file) {
  return existsSync(file) ? parseEnv(readFileSync(file, "utf8")) : undefined;
}

function loadValues(envName, envFile) {
  const main = envFile ?? path.join(root, "env", `.env.${envName}`);
  const values = readEnvFile(main);
  if (!values) throw new PackageError(`no environment file ${path.relative(root, main)}`);
  // Secrets never belong in a manifest, but the toolkit reads .user files too; keep the same order.
  const user = envFile ? undefined : readEnvFile(`${main}.user`);
  return { ...values, ...user };
}

/** Replaces every ${{NAME}}; a name without a non-empty value is an error naming it. */
function fill(text, values, fileLabel, hint) {
  const missing = new Set();
  const filled = text.replace(PLACEHOLDER, (_, name) => {
    const value = values[name] ?? process.env[name];
    if (value === undefined || value.trim() === "") {
      missing.add(name);
      return "";
    }
    // The manifest is JSON: the value lands inside a string literal, so escape it as one.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new PackageError(`${fileLabel}: no value for ${[...missing].map((n) => `\${{${n}}}`).join(", ")} (${hint})`);
  }
  return filled;
}

function schemaDir(manifestVersion) {
  const dir = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build/json-schemas/teams",
    `v${manifestVersion}`,
  );
  if (!existsSync(dir)) throw new PackageError(`no schema shipped for manifestVersion ${manifestVersion}`);
  return dir;
}

function validator(schemaFile) {
  // unicodeRegExp off: some patterns in the official localisation schema are not valid in unicode mode.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
}

function assertValid(validate, value, label) {
  if (validate(value)) return;
  const lines = validate.errors.map((e) => `  ${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
  throw new PackageError(`${label} does not match the schema:\n${lines.join("\n")}`);
}

function parseJson(text, label) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PackageError(`${label} is not valid JSON: ${e.message}`);
  }
}

export function buildPackage({ envName, envFile, out }) {
  const values = loadValues(envName, envFile);
  const hint = envFile
    ? `set them in ${envFile}`
    : `set them in env/.env.${envName}; ids and host names are written there by \`atk provision --env ${envName}\``;
  const manifestText = fill(readFileSync(path.join(appPackage, "manifest.json"), "utf8"), values, "manifest.json", hint);
  const manifest = parseJson(manifestText, "manifest.json");
  const schemas = schemaDir(manifest.manifestVersion);
  assertValid(validator(path.join(schemas, "MicrosoftTeams.schema.json")), manifest, "manifest.json");

  const localisationFiles = [
    manifest.localizationInfo?.defaultLanguageFile,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ].filter(Boolean);
  const validateLocalisation = validator(path.join(schemas, "MicrosoftTeams.Localization.schema.json"));
  const entries = [{ name: "manifest.json", data: Buffer.from(manifestText) }];
  for (const file of localisationFiles) {
    const source = path.join(appPackage, file);
    if (!existsSync(source)) throw new PackageError(`manifest.json names ${file}, which does not exist in appPackage/`);
    const text = fill(readFileSync(source, "utf8"), values, file, hint);
    assertValid(validateLocalisation, parseJson(text, file), file);
    entries.push({ name: path.basename(file), data: Buffer.from(text) });
  }
  for (const icon of [manifest.icons.color, manifest.icons.outline, manifest.icons.color32x32].filter(Boolean)) {
    const source = path.join(appPackage, icon);
    if (!existsSync(source)) throw new PackageError(`manifest.json names icon ${icon}, which does not exist in appPackage/`);
    entries.push({ name: path.basename(icon), data: readFileSync(source) });
  }

  const zipPath = path.resolve(out ?? path.join(appPackage, "build", `appPackage.${envName}.zip`));
  mkdirSync(path.dirname(zipPath), { recursive: true });
  const zip = new AdmZip();
  for (const entry of entries) zip.addFile(entry.name, entry.data);
  zip.writeZip(zipPath);
  return zipPath;
}

function main() {
  const { values } = parseArgs({
    options: {
      env: { type: "string", default: "local" },
      "env-file": { type: "string" },
      out: { type: "string" },
    },
  });
  try {
    const zipPath = buildPackage({ envName: values.env, envFile: values["env-file"], out: values.out });
    console.log(`Validated and wrote ${path.relative(process.cwd(), zipPath)}`);
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    console.error(`npm run package: ${e.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
