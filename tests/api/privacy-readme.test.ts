// The README's permission table is generated from the matrix; this keeps it that way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { isAllowed, permissionMatrix } from "../../bot/src/domain/permissions";

/** What scripts/permission-table.mjs lends (an ES module: loaded through Jest, typed here). */
interface PermissionTableScript {
  START: string;
  END: string;
  renderPermissionTable(source: { permissionMatrix: typeof permissionMatrix; isAllowed: typeof isAllowed }): string;
  withTable(document: string, table: string): string;
}
const { START, END, renderPermissionTable, withTable } = jest.requireActual<PermissionTableScript>("../../scripts/permission-table.mjs");

const file = path.resolve(__dirname, "../../README.md");
const table = renderPermissionTable({ permissionMatrix, isAllowed });

it("the permission table in README.md is the one permissionMatrix gives", () => {
  const document = readFileSync(file, "utf8");
  expect(document).toContain(START);
  expect(document).toContain(END);
  // If this fails: npm run build && node scripts/permission-table.mjs --write
  expect(document).toBe(withTable(document, table));
});

it("the table shows what the matrix says for a few well-known cells", () => {
  expect(table).toContain("| Read and export the access log (loggkontroll) | `audit.read` | — | — | ✓ | ✓ |");
  expect(table).toContain("| Edit an entry and its actions | `entry.edit` | ✓ | ✓ if case manager or covering | ✓ | ✓ |");
});
