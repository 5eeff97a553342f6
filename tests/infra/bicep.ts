// Just enough Bicep reading for consistency tests (Bicep cannot be compiled on this machine):
// find a block by its header, list its top-level `key: value` lines, read params and outputs.

/** The text with string contents and comments blanked out (same length), so braces can be counted. */
export function blankStringsAndComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (ch === "'") {
      out += "'";
      i++;
      while (i < text.length && text[i] !== "'") {
        // Bicep escapes with a backslash (\' \\ \$); keep newlines so line numbers stay put.
        const width = text[i] === "\\" ? 2 : 1;
        out += text.slice(i, i + width).replace(/[^\n]/g, " ");
        i += width;
      }
      out += "'";
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** [start, end) of the balanced {…} or […] that opens at or after `from`. */
function balanced(blank: string, from: number, open: "{" | "["): [number, number] {
  const close = open === "{" ? "}" : "]";
  const start = blank.indexOf(open, from);
  if (start < 0) throw new Error(`no ${open} after offset ${from}`);
  let depth = 0;
  for (let i = start; i < blank.length; i++) {
    if (blank[i] === open) depth++;
    else if (blank[i] === close && --depth === 0) return [start, i + 1];
  }
  throw new Error(`unbalanced ${open} at offset ${start}`);
}

export class BicepFile {
  private readonly blank: string;
  constructor(readonly text: string) {
    this.blank = blankStringsAndComments(text);
  }

  /** The body of the first block whose header matches, e.g. /resource appSettings /. */
  block(header: RegExp): BicepFile {
    const m = header.exec(this.text);
    if (!m) throw new Error(`no block matching ${header}`);
    const [s, e] = balanced(this.blank, m.index + m[0].length, "{");
    return new BicepFile(this.text.slice(s, e));
  }

  /** The `name: { … }` object inside this block. */
  objectAt(key: string): BicepFile {
    return this.block(new RegExp(`^\\s*${key}\\s*:\\s*`, "m"));
  }

  /** `key: value` pairs directly inside this block (depth 1), value as written, comments removed. */
  entries(): Map<string, string> {
    const out = new Map<string, string>();
    let depth = 0;
    let lineStart = 0;
    for (let i = 0; i <= this.blank.length; i++) {
      const ch = this.blank[i];
      if (ch === "\n" || i === this.blank.length) {
        if (depth === 1) {
          const line = this.blank.slice(lineStart, i);
          const m = /^\s*'?([A-Za-z_][A-Za-z0-9_]*)'?\s*:\s*(\S.*?)\s*$/.exec(line);
          if (m) {
            const valueStart = lineStart + line.indexOf(m[2]!, line.indexOf(":") + 1);
            out.set(m[1]!, this.text.slice(valueStart, valueStart + m[2]!.length).trim());
          }
        }
        lineStart = i + 1;
      }
      if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") depth--;
    }
    return out;
  }

  /** String items of `var name = [ … ]`. */
  stringArray(varName: string): string[] {
    const m = new RegExp(`^var\\s+${varName}\\s*=\\s*`, "m").exec(this.text);
    if (!m) throw new Error(`no var ${varName}`);
    const [s, e] = balanced(this.blank, m.index + m[0].length, "[");
    return [...this.text.slice(s, e).matchAll(/'([^']*)'/g)].map((x) => x[1]!);
  }

  /** Declared parameters: name -> has a default value. */
  params(): Map<string, { hasDefault: boolean }> {
    const out = new Map<string, { hasDefault: boolean }>();
    for (const m of this.blank.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+(\s*=)?/gm)) out.set(m[1]!, { hasDefault: Boolean(m[2]) });
    return out;
  }

  /** Modules: symbolic name -> { path, params passed }. */
  modules(): Map<string, { path: string; params: string[] }> {
    const out = new Map<string, { path: string; params: string[] }>();
    for (const m of this.text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*/gm)) {
      const body = this.block(new RegExp(`^module\\s+${m[1]}\\s+'`, "m"));
      out.set(m[1]!, { path: m[2]!, params: [...body.objectAt("params").entries().keys()] });
    }
    return out;
  }

  outputs(): string[] {
    return [...this.text.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]!);
  }
}
