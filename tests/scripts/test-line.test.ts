import { readFileSync } from "node:fs";
import path from "node:path";

// The README's test line is what CI runs, and it stands on its own on a fresh machine: CI installs
// nothing the line needs (Chromium comes from the line itself, see scripts/chromium.cjs).
const read = (file: string) => readFileSync(path.resolve(__dirname, "../..", file), "utf8");

it("CI runs exactly the README's test line, and installs no Chromium of its own", () => {
  const readmeLine = /^(npm ci && npm test)\b/m.exec(read("README.md"))?.[1];
  const ciLines = read(".ci/run")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  expect(readmeLine).toBe("npm ci && npm test");
  expect(ciLines.at(-1)).toBe(readmeLine);
  expect(ciLines.join("\n")).not.toMatch(/apt-get|chromium/i);
});
