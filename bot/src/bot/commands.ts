// Commands in personal chat, Swedish with English aliases. The app manifest's command list is
// built from commandTitles (the manifest test reads it), so the two never drift apart.

export type Command = "help" | "myParticipants" | "absence" | "signal";

const ALIASES: Record<Command, { sv: string; en: string; more?: string[] }> = {
  help: { sv: "hjälp", en: "help", more: ["hjalp", "?"] },
  myParticipants: { sv: "mina deltagare", en: "my participants" },
  absence: { sv: "frånvaro", en: "absence", more: ["franvaro"] },
  signal: { sv: "signal", en: "signal", more: ["eskalering", "escalation"] },
};

const ORDER: Command[] = ["help", "myParticipants", "absence", "signal"];

export const commandTitles: { sv: string[]; en: string[] } = {
  sv: ORDER.map((c) => ALIASES[c].sv),
  en: ORDER.map((c) => ALIASES[c].en),
};

/** Teams prefixes channel messages with "<at>Bot</at>"; people type with any case and stray punctuation. */
export function normalise(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .toLowerCase()
    .replace(/[.!,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseCommand(text: string | undefined): { command: Command; english: boolean } | undefined {
  const said = normalise(text ?? "");
  for (const c of ORDER) {
    const a = ALIASES[c];
    if (said === a.sv || (a.more ?? []).includes(said)) return { command: c, english: said === a.en && a.en !== a.sv };
    if (said === a.en) return { command: c, english: true };
  }
  return undefined;
}
