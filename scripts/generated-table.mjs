// What the generated tables in the docs share: the markers they sit between, and the small command
// line every generator has (print the table, or --write it between its markers in the document).
// Plain functions, no top-level await: Jest loads this file as CommonJS.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The document with the table between `start` and `end` replaced. */
export function replaceTable(document, table, start, end) {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The document has no ${start} … ${end} markers.`);
  return `${document.slice(0, from + start.length)}\n${table}\n${document.slice(to)}`;
}

/**
 * Runs a generator as a script (never when imported, e.g. by a test): `module` is the built domain
 * module under bot/dist, `render` turns it into the table, `document` is the file (from the
 * repository's root) that holds the markers, `what` names the table in the message.
 */
export function runTableScript({ script, module, render, document, start, end, what }) {
  if (!process.argv[1]?.endsWith(script)) return;
  (async () => {
    const root = path.resolve(path.dirname(process.argv[1]), "..");
    const built = await import(path.join(root, "bot/dist", module));
    const table = render(built.default ?? built);
    if (process.argv.includes("--write")) {
      const file = path.join(root, document);
      writeFileSync(file, replaceTable(readFileSync(file, "utf8"), table, start, end));
      console.log(`Wrote the ${what} into ${path.relative(root, file)}.`);
    } else {
      console.log(table);
    }
  })().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
