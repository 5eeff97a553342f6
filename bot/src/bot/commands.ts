// Commands in personal chat, Swedish with English aliases. The words do not choose the language of
// the answer (that flipped between cards): the person's stored choice does, else their Teams locale. The app manifest's command list is
// built from commandTitles (the manifest test reads it), so the two never drift apart.

export type Command = "help" | "myParticipants" | "absence" | "signal" | "language";

const ALIASES: Record<Command, { sv: string; en: string; more?: string[] }> = {
  help: { sv: "hjälp", en: "help", more: ["hjalp", "?"] },
  myParticipants: { sv: "mina deltagare", en: "my participants" },
  absence: { sv: "frånvaro", en: "absence", more: ["franvaro"] },
  signal: { sv: "signal", en: "signal", more: ["eskalering", "escalation"] },
  language: { sv: "språk", en: "language", more: ["sprak"] },
};

const ORDER: Command[] = ["help", "myParticipants", "absence", "signal", "language"];

/** "språk engelska", "language swedish", "språk en": the language a person chooses for their cards. */
const LANGUAGE_WORDS: Record<string, "sv" | "en"> = {
  sv: "sv",
  svenska: "sv",
  swedish: "sv",
  en: "en",
  engelska: "en",
  english: "en",
};

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

export interface ParsedCommand {
  command: Command;
  /** The language command: the language asked for (absent: the card that lets them choose). */
  language?: "sv" | "en";
}

export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const said = normalise(text ?? "");
  const [first, ...rest] = said.split(" ");
  const l = ALIASES.language;
  if (first && (first === l.sv || first === l.en || (l.more ?? []).includes(first))) {
    const choice = LANGUAGE_WORDS[rest.join(" ")];
    if (rest.length === 0) return { command: "language" };
    return choice ? { command: "language", language: choice } : undefined;
  }
  for (const c of ORDER) {
    const a = ALIASES[c];
    if (said === a.sv || said === a.en || (a.more ?? []).includes(said)) return { command: c };
  }
  return undefined;
}
