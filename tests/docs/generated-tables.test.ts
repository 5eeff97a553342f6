// The permission and authorship tables in docs/privacy.md are generated from the domain; this keeps it that way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { authorshipTable, OWNERS } from "../../bot/src/domain/authorship";
import { isAllowed, mayGrantRole, permissionMatrix, roleGrants } from "../../bot/src/domain/permissions";

/** What scripts/permission-table.mjs lends (an ES module: loaded through Jest, typed here). */
interface PermissionTableScript {
  START: string;
  END: string;
  DOCUMENT: string;
  renderPermissionTable(source: {
    permissionMatrix: typeof permissionMatrix;
    isAllowed: typeof isAllowed;
    roleGrants: typeof roleGrants;
    mayGrantRole: typeof mayGrantRole;
  }): string;
  withTable(document: string, table: string): string;
}
const { START, END, DOCUMENT, renderPermissionTable, withTable } = jest.requireActual<PermissionTableScript>(
  "../../scripts/permission-table.mjs",
);

const root = path.resolve(__dirname, "../..");
const file = path.join(root, DOCUMENT);
const table = renderPermissionTable({ permissionMatrix, isAllowed, roleGrants, mayGrantRole });

it("the permission table in docs/privacy.md is the one permissionMatrix gives", () => {
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

it("the table shows who may grant which role (issue 29)", () => {
  expect(table).toContain("| Grant the role admin, or change or remove an admin | `grant.admin` | — | — | — | ✓ |");
  expect(table).toContain("| Grant the role manager, or change or remove a manager | `grant.manager` | — | — | — | ✓ |");
  expect(table).toContain(
    "| Grant the role staff, or change or remove a staff member | `grant.staff` | — | — | ✓ if own organisation | ✓ |",
  );
  expect(table).toContain(
    "| Be named a participant's case manager | `participant.beCaseManager` | ✓ if their organisation may see the participant |",
  );
});

interface AuthorshipTableScript {
  START: string;
  END: string;
  DOCUMENT: string;
  renderAuthorshipTable(source: { authorshipTable: typeof authorshipTable; OWNERS: typeof OWNERS }): string;
  withTable(document: string, table: string): string;
}
const authorshipScript = jest.requireActual<AuthorshipTableScript>("../../scripts/authorship-table.mjs");
const authorship = authorshipScript.renderAuthorshipTable({ authorshipTable, OWNERS });

it("the authorship table in docs/privacy.md is the one authorshipTable gives", () => {
  const document = readFileSync(path.join(root, authorshipScript.DOCUMENT), "utf8");
  expect(document).toContain(authorshipScript.START);
  expect(document).toContain(authorshipScript.END);
  // If this fails: npm run build && node scripts/authorship-table.mjs --write
  expect(document).toBe(authorshipScript.withTable(document, authorship));
});

it("the authorship table says the entry's writer owns its shared fields and a signal's answer is the receiver's", () => {
  expect(authorship).toContain(
    "| Entry: reason and reason note | `entry.sharedFields` | the organisation that put the entry on the board | refused",
  );
  // Issue 24: the lead organisation steers priority, next evaluation and taking off, as its own items.
  expect(authorship).toMatch(
    /\| Entry: priority and next evaluation \| `entry\.steer` \| the organisation that put the entry on the board \| refused .*\| may make it: its own item, shown by its own consent/,
  );
  expect(authorship).toMatch(/`entry\.takeOff` .*Raise a signal to that organisation proposing it\. \| may make it: its own item/);
  expect(authorship).toMatch(/`signal\.answer` .*\| as another organisation \|$/m);
  expect(authorship).toContain("| `signal.answer` | the organisation the signal was sent to | refused");
  expect(authorship).toContain(
    "| `action.add` | the organisation of whoever does it | becomes that organisation's own item, shown by its own consent |",
  );
});

it("keeps no second copy of either table in the README, which would go stale", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  for (const marker of [START, END, authorshipScript.START, authorshipScript.END]) expect(readme).not.toContain(marker);
});
