// A scan of an exported file for what must not leave the board (issue 28): the board's participant
// codes and initials, its members' names and principal names, and every string written into notes, actions and signals.
// `boardSecrets` reads them from storage (whatever the test wrote, through the API or directly);
// `scanExport` says which of them a file holds. Reusable by any export's test (statistics,
// follow-up, a study's export): read the secrets after the board is set up, then scan each file.
import type { Storage } from "../../bot/src/storage";

export interface BoardSecrets {
  codes: string[];
  initials: string[];
  memberNames: string[];
  /** The principal names members signed in with (Kontakter's Teams chat): for the contacts view only. */
  memberUpns: string[];
  /** Reason notes, actions, take-off notes, since-last notes, signal notes and decline reasons. */
  freeText: string[];
}
export type SecretKind = keyof BoardSecrets;

export interface Leak {
  kind: SecretKind;
  value: string;
}

/**
 * Strings shorter than this are not scanned for: "AB" or "ok" occur in any file by chance. Tests
 * that want their planted strings found make them longer (the fixtures' initials are "CQ.W.Q.").
 */
export const MIN_SCANNED_LENGTH = 3;

/** Everything identifying or written as free text on the board, as stored now. */
export async function boardSecrets(storage: Storage, boardId: string): Promise<BoardSecrets> {
  const [participants, members, current, closed, signals, sinceLast] = await Promise.all([
    storage.participants.listForBoard(boardId),
    storage.members.listForBoard(boardId),
    storage.entries.listCurrent(boardId),
    storage.entries.historyForBoard(boardId, "2000-01-01"),
    storage.signals.listForBoard(boardId),
    storage.sinceLast.listFrom(boardId, "2000-01-01"),
  ]);
  const entries = [...current, ...closed];
  return {
    codes: participants.map((p) => p.code),
    initials: participants.map((p) => p.initials),
    memberNames: members.map((m) => m.displayName),
    memberUpns: members.flatMap((m) => (m.upn ? [m.upn] : [])),
    freeText: [
      ...entries.flatMap((e) => [e.reasonNote, ...e.actions.map((a) => a.what)]),
      ...closed.map((e) => e.outcomeNote),
      ...signals.flatMap((s) => [s.note, s.declineReason]),
      ...sinceLast.map((n) => n.text),
    ].filter((t): t is string => t !== undefined),
  };
}

/**
 * The secrets found in `text` (a whole exported file, either form), each once. Looked for as they
 * are and as a spreadsheet would show them after CSV quoting ("" for ") and formula neutralising (').
 * `allow` names kinds an export carries on purpose (the access log names the participant it is about).
 */
export function scanExport(text: string, secrets: BoardSecrets, allow: readonly SecretKind[] = []): Leak[] {
  const fold = (s: string) => s.normalize("NFKC");
  const shown = fold(text);
  const unquoted = shown.replace(/""/g, '"').replace(/'/g, "");
  const leaks: Leak[] = [];
  for (const kind of Object.keys(secrets) as SecretKind[]) {
    if (allow.includes(kind)) continue;
    for (const value of new Set(secrets[kind].map(fold))) {
      if (value.trim().length < MIN_SCANNED_LENGTH) continue;
      if (shown.includes(value) || unquoted.includes(value.replace(/'/g, ""))) leaks.push({ kind, value });
    }
  }
  return leaks;
}
