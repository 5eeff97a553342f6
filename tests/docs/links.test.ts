// The README is the landing page and docs/ holds the rest: every relative link in them must lead
// somewhere (a file or folder of the repository, and a heading there when it names an #anchor),
// and the README stays short enough to read in ten minutes.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { anchorsOf, documentationFiles, githubSlug, linksOf, readDocument, repoRoot } from "./markdown";

const files = documentationFiles();

/** Why a link's target does not resolve, or undefined when it does. */
function brokenBecause(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: … (not checked offline)
  const [rawPath, anchor] = target.split("#", 2) as [string, string | undefined];
  const file = rawPath === "" ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(rawPath)));
  if (file.startsWith("..")) return "leaves the repository";
  const absolute = path.join(repoRoot, file);
  if (!existsSync(absolute)) return `${file} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(absolute).isDirectory() || !file.endsWith(".md")) return `#${anchor} on something that is not a Markdown file`;
  return anchorsOf(readDocument(file)).has(anchor) ? undefined : `${file} has no heading whose anchor is #${anchor}`;
}

it("finds the README and the pages under docs/", () => {
  expect(files).toContain("README.md");
  expect(files).toEqual(expect.arrayContaining(["docs/architecture.md", "docs/privacy.md", "docs/operations.md", "docs/performance.md"]));
  expect(files.filter((f) => f.startsWith("docs/decisions/")).length).toBeGreaterThanOrEqual(6);
});

it.each(files)("every relative link in %s resolves", (file) => {
  const broken = linksOf(readDocument(file))
    .map(({ line, target }) => ({ line, target, why: brokenBecause(file, target) }))
    .filter((l) => l.why !== undefined)
    .map((l) => `${file}:${l.line} (${l.target}): ${l.why}`);
  expect(broken).toEqual([]);
});

it("reaches every page under docs/ from the README or the docs index", () => {
  const reached = new Set<string>();
  for (const from of ["README.md", "docs/README.md", "docs/decisions/README.md"]) {
    for (const { target } of linksOf(readDocument(from))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [rawPath] = target.split("#", 1) as [string];
      if (rawPath) reached.add(path.posix.normalize(path.posix.join(path.posix.dirname(from), rawPath)));
    }
  }
  const unreached = files.filter((f) => f !== "README.md" && !reached.has(f));
  expect(unreached).toEqual([]);
});

it("keeps the README to at most 250 lines", () => {
  const lines = readDocument("README.md").split("\n").length;
  expect(lines).toBeLessThanOrEqual(250);
});

it("shows real screenshots of the stage and the channel board in the README", () => {
  const images = linksOf(readDocument("README.md"))
    .map((l) => l.target)
    .filter((t) => t.endsWith(".png"));
  expect(images).toEqual(expect.arrayContaining(["docs/images/stage.png", "docs/images/channel-board.png"]));
  for (const image of images) expect(statSync(path.join(repoRoot, image)).size).toBeGreaterThan(10_000);
});

describe("anchors as GitHub makes them", () => {
  it.each([
    ["Live updates: SSE announcing a board version kept in storage", "live-updates-sse-announcing-a-board-version-kept-in-storage"],
    ["Sign-in outside Teams (Microsoft)", "sign-in-outside-teams-microsoft"],
    ["The tab (tab/)", "the-tab-tab"],
    ["Log review (loggkontroll) and the log extract", "log-review-loggkontroll-and-the-log-extract"],
    ['Concurrency, idempotency and "nothing lost"', "concurrency-idempotency-and-nothing-lost"],
    ["Frånvaro och `ersättare`", "frånvaro-och-ersättare"],
  ])("%s → #%s", (heading, anchor) => {
    expect(githubSlug(heading)).toBe(anchor);
  });

  it("numbers a repeated heading", () => {
    expect([...anchorsOf("# Tests\n\n## Tests\n\n```\n# not a heading\n```\n")]).toEqual(["tests", "tests-1"]);
  });

  it("finds a broken link and a missing anchor", () => {
    expect(brokenBecause("README.md", "docs/no-such-page.md")).toBe("docs/no-such-page.md does not exist");
    expect(brokenBecause("README.md", "docs/privacy.md#no-such-heading")).toBe(
      "docs/privacy.md has no heading whose anchor is #no-such-heading",
    );
    expect(brokenBecause("docs/tab.md", "identity.md#sign-in-outside-teams-microsoft")).toBeUndefined();
    expect(brokenBecause("docs/decisions/README.md", "../../../etc/passwd")).toBe("leaves the repository");
  });
});
