// Comments in the code cite Markdown files for the reason behind a rule ("docs/domain.md#words-on-screen").
// A citation of a file that is not in the repository sends the next engineer nowhere, so every
// `*.md` path named in a source file must exist (from the repository's root or the citing file's
// folder), and an #anchor after it must be a heading there.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as ts from "typescript";
import { anchorsOf, readDocument, repoRoot } from "./markdown";

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const NOT_SOURCE = new Set([
  "node_modules",
  "dist",
  ".tsbuild",
  ".data",
  ".git",
  "test-artifacts",
  "coverage",
  "devTools",
  "build",
  "node22",
]);

function sourceFiles(dir = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    if (NOT_SOURCE.has(entry.name)) continue;
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(relative));
    else if (SOURCE.test(entry.name)) found.push(relative);
  }
  return found;
}

/** Every comment of a source file, line by line, as TypeScript's parser finds them (strings and code are not comments). */
function commentLines(file: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const lines: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.getEnd()) ?? []),
    ];
    for (const range of ranges) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const first = source.getLineAndCharacterOfPosition(range.pos).line + 1;
      text
        .slice(range.pos, range.end)
        .split("\n")
        .forEach((line, i) => lines.push({ line: first + i, text: line }));
    }
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return lines;
}

/** Every Markdown file name (with its folder and #anchor, when given) a text names. */
function citedMarkdown(text: string): { cited: string; file: string; anchor?: string }[] {
  return [...text.matchAll(/(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.md)(?:#([\p{L}\p{N}_-]+))?(?![\w/])/gu)].map((m) => ({
    cited: m[0],
    file: m[1]!,
    ...(m[2] ? { anchor: m[2] } : {}),
  }));
}

/** Why a citation in `from` does not resolve, or undefined. */
function unresolved(from: string, file: string, anchor?: string): string | undefined {
  const candidates = [file, path.posix.join(path.posix.dirname(from), file)].map((f) => path.posix.normalize(f));
  const found = candidates.find((f) => !f.startsWith("..") && existsSync(path.join(repoRoot, f)));
  if (!found) return "no such file in the repository";
  if (anchor && !anchorsOf(readDocument(found)).has(anchor)) return `${found} has no heading whose anchor is #${anchor}`;
  return undefined;
}

const files = sourceFiles();

it("reads the repository's source files", () => {
  expect(files).toEqual(
    expect.arrayContaining(["bot/src/domain/authorship.ts", "contract/src/words/sv.ts", "scripts/permission-table.mjs"]),
  );
  expect(files.some((f) => f.includes("node_modules") || f.includes("/dist/"))).toBe(false);
});

it("cites only Markdown files that exist, at headings that exist, in every comment", () => {
  const broken: string[] = [];
  let citations = 0;
  for (const file of files) {
    const source = readFileSync(path.join(repoRoot, file), "utf8");
    if (!source.includes(".md")) continue; // parsing is the slow part: skip files that cite nothing
    for (const { line, text } of commentLines(file, source)) {
      for (const { cited, file: target, anchor } of citedMarkdown(text)) {
        citations++;
        const why = unresolved(file, target, anchor);
        if (why) broken.push(`${file}:${line} cites ${cited}: ${why}`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(citations).toBeGreaterThan(10);
});

it("finds comments, and only comments", () => {
  const text = ["// see DOMAIN.md", 'const s = "README.md"; /* docs/a.md', " * docs/b.md */ f(); // c.md", "const t = `// not.md`;"].join(
    "\n",
  );
  expect(commentLines("x.ts", text)).toEqual([
    { line: 1, text: "// see DOMAIN.md" },
    { line: 2, text: "/* docs/a.md" },
    { line: 3, text: " * docs/b.md */" },
    { line: 3, text: "// c.md" },
  ]);
});

it("recognises a citation with its folder and anchor, and one of a file that is not there", () => {
  expect(citedMarkdown('// Swedish first (docs/domain.md#words-on-screen), see also "README.md".')).toEqual([
    { cited: "docs/domain.md#words-on-screen", file: "docs/domain.md", anchor: "words-on-screen" },
    { cited: "README.md", file: "README.md" },
  ]);
  expect(citedMarkdown("// (DOMAIN.md, Authorship)")).toEqual([{ cited: "DOMAIN.md", file: "DOMAIN.md" }]);
  expect(unresolved("bot/src/domain/authorship.ts", "DOMAIN.md")).toBe("no such file in the repository");
  expect(unresolved("bot/src/domain/authorship.ts", "docs/domain.md", "no-such-heading")).toBe(
    "docs/domain.md has no heading whose anchor is #no-such-heading",
  );
});

/** Names written like a file that are not one. */
const NOT_FILES = new Set(["Node.js"]);

/** Every source file name (with its folder, when given) a text names: `adapter.ts`, `scripts/chromium.cjs`. */
function citedSource(text: string): string[] {
  return [...text.matchAll(/(?<![\w./*@-])((?:[\w.-]+\/)*[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:ts|tsx|mts|cts|js|mjs|cjs))(?![\w/])/g)]
    .map((m) => m[1]!)
    .filter((name) => !NOT_FILES.has(name));
}

/** A cited source file resolves from the root, from the citing file's folder, or (named alone or with part of its folder) anywhere. */
function sourceResolves(from: string, cited: string): boolean {
  const candidates = [cited, path.posix.join(path.posix.dirname(from), cited)].map((f) => path.posix.normalize(f));
  if (candidates.some((f) => !f.startsWith("..") && existsSync(path.join(repoRoot, f)))) return true;
  return files.some((f) => f === cited || f.endsWith(`/${cited}`));
}

it("cites only source files that exist, in every comment", () => {
  const broken: string[] = [];
  let citations = 0;
  for (const file of files) {
    const source = readFileSync(path.join(repoRoot, file), "utf8");
    if (!/[A-Za-z]\.(ts|tsx|mts|cts|js|mjs|cjs)\b/.test(source)) continue;
    for (const { line, text } of commentLines(file, source)) {
      for (const cited of citedSource(text)) {
        citations++;
        if (!sourceResolves(file, cited)) broken.push(`${file}:${line} cites ${cited}: no such file in the repository`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(citations).toBeGreaterThan(10);
});

it("recognises a cited source file, and one that is not there", () => {
  expect(citedSource("// the CloudAdapter (see transport.ts); scripts/chromium.cjs, not *-entity.ts, @scope/pkg.js or Node.js")).toEqual([
    "transport.ts",
    "scripts/chromium.cjs",
  ]);
  expect(sourceResolves("bot/src/bot/proactive-sender.ts", "transport.ts")).toBe(false);
  expect(sourceResolves("bot/src/bot/proactive-sender.ts", "adapter.ts")).toBe(true);
  expect(sourceResolves("bot/src/bot/proactive-sender.ts", "domain/viewer-rights.ts")).toBe(true);
});
