// Reading the repository's Markdown the way GitHub shows it, as much as the docs tests need: which
// files there are, their headings and the anchors GitHub gives them, their links, and the inline code
// of their prose. Fenced code blocks are not prose: nothing in them is a link, heading or path.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");

/** README.md and every Markdown file under docs/, as paths from the repository's root. */
export function documentationFiles(): string[] {
  const found = ["README.md"];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".md")) found.push(relative);
    }
  };
  if (existsSync(path.join(repoRoot, "docs"))) walk("docs");
  return found;
}

export function readDocument(file: string): string {
  return readFileSync(path.join(repoRoot, file), "utf8");
}

/** The document's lines outside fenced code blocks, each with its line number (from 1). */
export function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((text, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (!fence) lines.push({ line: i + 1, text });
  });
  return lines;
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation other than "-" and "_" dropped, spaces
 * turned into "-" (the rule of github-slugger, which GitHub uses).
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link's text stays, its target goes
    .replace(/[`*]/g, "")
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
}

/** Every anchor a document's headings give, a repeated heading numbered as GitHub numbers it (-1, -2, …). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const base = githubSlug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

export interface Link {
  line: number;
  target: string;
}

/** Inline links and images of the prose (`[text](target)`, `![alt](target)`); code spans are not links. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  for (const { line, text } of proseLines(markdown)) {
    const withoutCode = text.replace(/`[^`]*`/g, "");
    for (const m of withoutCode.matchAll(/!?\[(?:[^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, target: m[1]! });
    }
  }
  return links;
}

/** The contents of every inline code span in the prose. */
export function codeSpansOf(markdown: string): { line: number; code: string }[] {
  const spans: { line: number; code: string }[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const m of text.matchAll(/`([^`]+)`/g)) spans.push({ line, code: m[1]! });
  }
  return spans;
}

/** The part of a document under the heading `title` (any level), up to the next heading of that level or higher. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^(#{1,6})\\s+${escape(title)}\\s*$`).test(l));
  if (start < 0) throw new Error(`no heading "${title}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#{1,6}\s/.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** The names in code spans of the first column of every table row in `markdown` (header and rule rows skipped). */
export function firstColumnNames(markdown: string): string[] {
  const names: string[] = [];
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|") || /^\|\s*-/.test(line)) continue;
    const first = line.split("|")[1] ?? "";
    for (const m of first.matchAll(/`([^`]+)`/g)) names.push(m[1]!);
  }
  return names;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
