import { readFileSync } from "node:fs";
import path from "node:path";
import { IMPORT_REFUSED } from "../../bot/src/domain/participant-import";
import { PERSONAL_IDENTITY_NUMBER_REFUSED } from "../../bot/src/domain/identity-number";

// The tab words a refused import line in the viewer's language by the server's exact English
// sentence (tab/src/api/serverReasons.ts): every reason the import rules give must be one
// it knows, with a Swedish string, or the Swedish tab shows English. Read as text: the tab is an
// ES module project of its own.
const tab = path.resolve(__dirname, "../../tab/src");
const source = readFileSync(path.join(tab, "api/serverReasons.ts"), "utf8");
const sv = JSON.parse(readFileSync(path.join(tab, "i18n/sv.json"), "utf8")) as Record<string, string>;

/** The tab's table: sentence → key, as written in its source. */
const known = new Map(
  [...source.matchAll(/^\s*("(?:[^"\\]|\\.)*"):\s*(?:\n\s*)?"(admin\.importReason\.\w+)"/gm)].map((m) => [
    JSON.parse(m[1]!) as string,
    m[2]!,
  ]),
);

it("knows every reason the import gives for refusing a line, with its Swedish words", () => {
  for (const reason of [...Object.values(IMPORT_REFUSED), PERSONAL_IDENTITY_NUMBER_REFUSED]) {
    const key = known.get(reason);
    expect({ reason, key, swedish: key !== undefined && key in sv }).toEqual({ reason, key: expect.any(String), swedish: true });
  }
});

it("reads the tab's table (so the check above can fail)", () => {
  expect(known.size).toBeGreaterThan(10);
  expect(known.get("The code appears twice in the file.")).toBe("admin.importReason.twice");
});
