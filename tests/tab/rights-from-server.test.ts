import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Issue 16: rights come from the server with the data (viewer.permissions for the board, `may` on
// each row, signal and consent); the tab shows the buttons it is told. Working out a right from the
// viewer's role or from who is whose case manager is the permission matrix again, in a second place.

const root = path.resolve(__dirname, "../../tab/src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "test-support" ? [] : sources(file);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const forbidden: Array<[string, RegExp]> = [
  ["the viewer's role decides", /viewer\.role\b/],
  ["a copy of the matrix", /permissionMatrix|staffIf|canFor\s*\(/],
  [
    "the case-manager relation worked out in the tab",
    /caseManager(StandIn)?Id\s*===\s*(me|board\.viewer\.memberId)\b|(me|board\.viewer\.memberId)\s*===\s*\w+\.caseManager(StandIn)?Id/,
  ],
];

it("keeps permission logic out of the tab", () => {
  const found: string[] = [];
  for (const file of sources(root)) {
    const text = readFileSync(file, "utf8");
    for (const [why, pattern] of forbidden) if (pattern.test(text)) found.push(`${path.relative(root, file)}: ${why}`);
  }
  expect(found).toEqual([]);
});

it("would notice a copy of the matrix", () => {
  // The patterns match what the old model.ts did, so the check above can fail.
  const old =
    'return board.viewer.role === "staff" && staffIfCaseManager.has(permission) && (participant.caseManagerId === me || participant.caseManagerStandInId === me);';
  expect(forbidden.filter(([, pattern]) => pattern.test(old)).length).toBe(3);
});
