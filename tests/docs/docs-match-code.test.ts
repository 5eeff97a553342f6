// The docs describe the code as it is. What can be checked mechanically is checked here, so a
// change that makes a page stale fails a test that names the line: every repository path the docs
// name exists, the README's configuration table is exactly the settings bot/src/config.ts reads,
// docs/storage.md lists exactly the tables the app uses, docs/operations.md every setting Azure gets,
// and every `npm run` the docs show is a script of package.json.
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigSchema } from "../../bot/src/config";
import { tableNames } from "../../bot/src/storage/table-names";
import { readJson, readText } from "../app-package/support";
import { BicepFile } from "../infra/bicep";
import { codeSpansOf, documentationFiles, firstColumnNames, readDocument, repoRoot, section } from "./markdown";

/** Folders whose files the docs name by path (from the repository's root). */
const ROOTS = /^(bot|tab|contract|tests|scripts|infra|docs|appPackage|env|\.ci)\//;
/** What a build, a run or a person makes and git ignores: named in the docs, never in a fresh clone. */
const MADE_LATER = /^(bot\/dist|tab\/dist|appPackage\/build|env\/\.env\.[^/]*\.user)/;

/** The repository paths in a document's code spans, with their lines (patterns such as `*.test.ts` or `<env>` are not paths). */
function namedPaths(markdown: string): { line: number; path: string }[] {
  return codeSpansOf(markdown)
    .map(({ line, code }) => ({ line, path: code.trim().replace(/[.,;:]$/, "") }))
    .filter((p) => ROOTS.test(p.path) && !/[\s*{}<>…$|]/.test(p.path) && !MADE_LATER.test(p.path));
}

it("finds the repository paths the docs name", () => {
  const named = documentationFiles().flatMap((file) => namedPaths(readDocument(file)));
  expect(named.length).toBeGreaterThan(100);
});

it.each(documentationFiles())("names only repository paths that exist in %s", (file) => {
  const missing = namedPaths(readDocument(file))
    .filter((p) => !existsSync(path.join(repoRoot, p.path)))
    .map((p) => `${file}:${p.line} names ${p.path}, which is not in the repository`);
  expect(missing).toEqual([]);
});

it("reads paths out of code spans, but not patterns or what a build makes", () => {
  const sample = "`bot/src/domain/permissions.ts`, `bot/src/domain/*.test.ts`, `tab/dist`, `env/.env.<environment>`, `npm test`";
  expect(namedPaths(sample).map((p) => p.path)).toEqual(["bot/src/domain/permissions.ts"]);
});

it("lists in the README's configuration table exactly the settings bot/src/config.ts reads", () => {
  const documented = firstColumnNames(section(readDocument("README.md"), "Configuration"));
  expect([...documented].sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
});

it("lists in docs/storage.md exactly the tables the app uses", () => {
  // The rows name each table in plain words (no code span): the first cell of each row.
  const rows = section(readDocument("docs/storage.md"), "Tables and the queries they serve")
    .split("\n")
    .filter((l) => /^\|\s*[A-Z]\w+\s*\|/.test(l))
    .map((l) => l.split("|")[1]!.trim())
    .filter((name) => name !== "Table");
  expect([...rows].sort()).toEqual([...tableNames].sort());
});

it("lists in docs/operations.md every setting App Service gets", () => {
  const appSettings = new BicepFile(readText("infra/modules/web-app.bicep"))
    .block(/^resource appSettings 'Microsoft\.Web\/sites\/config@[\d-]+' = /m)
    .objectAt("properties")
    .entries();
  const documented = new Set(firstColumnNames(section(readDocument("docs/operations.md"), "Settings")));
  expect([...appSettings.keys()].filter((name) => !documented.has(name))).toEqual([]);
});

it("names only npm scripts that package.json has", () => {
  const scripts = (workspace: string) =>
    Object.keys(readJson<{ scripts: Record<string, string> }>(path.join(workspace, "package.json")).scripts);
  const unknown: string[] = [];
  let named = 0;
  for (const file of documentationFiles()) {
    for (const m of readDocument(file).matchAll(/npm run (?:-s )?([\w:-]+)(?: -w (\w+))?/g)) {
      named++;
      if (!scripts(m[2] ?? "").includes(m[1]!)) unknown.push(`${file}: ${m[0]}`);
    }
  }
  expect(unknown).toEqual([]);
  expect(named).toBeGreaterThan(10);
});
