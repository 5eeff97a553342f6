import { type ExportFormat, svWords } from "@fact-board/contract";
import { DAY_BUCKETS, monthsBack } from "../domain/fidelity";
import { assertAllowed } from "../domain/permissions";
import { NotFound } from "../domain/errors";
import { type StatisticsRow, statisticsRows } from "../domain/statistics";
import type { Actor, BoardId } from "../domain/types";
import { AccessNotLogged } from "./audit";
import { type CsvColumn, type CsvOptions, csvChunks } from "./csv";
import { todayOf, type UseCaseDeps } from "./deps";

// De-identified statistics for research (domain/statistics.ts has the rules, docs/privacy.md#de-identified-statistics-for-research the method).
// Managers only. The export names no participant, so it is logged as one "exported" record without
// a participant: who took the statistics out, and when.

export const MAX_STATISTICS_MONTHS = 60;

const bandWords = (label: string) => (label.endsWith("+") ? `${label.slice(0, -1)} eller fler` : label.replace("-", "–"));

/** The measures in Swedish, for the Excel form. */
const MEASURE_WORDS: Readonly<Record<string, string>> = {
  onBoard: "På tavlan vid månadens slut",
  ...Object.fromEntries(DAY_BUCKETS.map((b) => [`daysOnBoard.${b.label}`, `Dagar på tavlan: ${bandWords(b.label)}`])),
  putOn: "Tagna upp på tavlan",
  ...Object.fromEntries(Object.entries(svWords.takeOffOutcome).map(([code, word]) => [`takenOff.${code}`, `Tagna bort: ${word}`])),
  entriesReviewed: "Genomgångna deltagare",
  ...Object.fromEntries(Object.entries(svWords.signalKind).map(([code, word]) => [`signals.${code}`, `Signaler: ${word}`])),
  "signals.answeredInTime": "Signaler besvarade i tid",
  "signals.notAnsweredInTime": "Signaler inte besvarade i tid",
  coverRequests: "Förfrågningar om ersättare",
  checkInsHeld: "Morgonmöten hållna",
  ...Object.fromEntries(
    Object.entries(svWords.interventionKind).map(([code, word]) => [`interventions.${code}`, `Pågående insatser: ${word}`]),
  ),
};

const STATISTICS_COLUMNS: ReadonlyArray<CsvColumn<StatisticsRow>> = [
  { key: "month", sv: "Månad", cell: (r) => r.month },
  {
    key: "organisationKind",
    sv: "Organisationstyper",
    cell: (r) => (r.organisationKinds === "all" ? "all" : r.organisationKinds.join("+")),
    excel: (r) =>
      r.organisationKinds === "all" ? "Alla organisationer" : r.organisationKinds.map((k) => svWords.organisationKind[k]).join(" + "),
  },
  { key: "measure", sv: "Mått", cell: (r) => r.measure, excel: MEASURE_WORDS },
  { key: "value", sv: "Antal", cell: (r) => r.value },
];

/** The method, at the head of the file (no separator or quote in a line: see csvStart). */
export const STATISTICS_NOTES: Record<ExportFormat, readonly string[]> = {
  excel: [
    "FACT Board – avidentifierad statistik: antal per månad och grupp av organisationstyper. Inga koder eller namn eller fritext.",
    "x = dolt antal. Antal 1–4 döljs. Fler antal döljs där filens egna summor annars skulle ge tillbaka ett dolt antal (summor och delar samt flöden mellan månader). Ett dolt antal kan vara vilket antal som helst – även 0.",
    "En organisationstyp med bara en organisation på tavlan redovisas tillsammans med andra typer (se Organisationstyper). En tavla med en enda organisation får alla antal dolda.",
    "Metoden: README avsnittet De-identified statistics for research.",
  ],
  csv: [
    "FACT Board de-identified statistics: counts per month and group of organisation kinds. No codes or names or free text.",
    "x = withheld. Counts 1-4 are withheld. More counts are withheld wherever the sums in this file would otherwise give a withheld count back (totals and parts and the flows between months). A withheld count may be any count - 0 too.",
    "A kind with a single organisation on the board is pooled with other kinds (organisationKind lists them joined by +). A board of a single organisation has every count withheld.",
    "Method: README section De-identified statistics for research.",
  ],
};

/** The rows as CSV chunks in the chosen form, the method at the head. */
export function statisticsCsv(rows: readonly StatisticsRow[], options: Omit<CsvOptions, "notes">): AsyncGenerator<string> {
  return csvChunks(STATISTICS_COLUMNS, [rows], { ...options, notes: STATISTICS_NOTES[options.format] });
}

/**
 * Loads the facts, logs the export, then gives the CSV as chunks so the route can stream it. The
 * log is written before the first line: an export that cannot be logged is not given.
 */
export async function exportStatistics(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  monthCount: number,
  format: ExportFormat = "csv",
): Promise<AsyncGenerator<string>> {
  assertAllowed(actor.member, "statistics.export");
  const today = todayOf(deps);
  const months = monthsBack(today, Math.min(Math.max(monthCount, 1), MAX_STATISTICS_MONTHS));
  const from = `${months[0]!}-01`;
  const [board, organisations, currentEntries, closedEntries, checkIns, signals, absences, interventions] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.entries.listCurrent(boardId),
    deps.storage.entries.historyForBoard(boardId, from),
    deps.storage.checkIns.listBetween(boardId, from, today),
    deps.storage.signals.listForBoard(boardId),
    deps.storage.absences.listForBoard(boardId),
    deps.storage.interventions.listForBoard(boardId),
  ]);
  if (!board) throw new NotFound("The board");
  const m = actor.member;
  await deps.storage.audit
    .append([
      {
        boardId,
        at: deps.clock().toISOString(),
        actor: { tenantId: m.tenantId, objectId: m.objectId, organisationId: m.organisationId, role: m.role },
        what: "exported",
        participantId: "",
        participantCode: "",
        channel: actor.channel,
        outcome: "allowed",
      },
    ])
    .catch((e: unknown) => {
      throw new AccessNotLogged(e);
    });
  const rows = statisticsRows({ organisations, currentEntries, closedEntries, checkIns, signals, absences, interventions }, months, today);
  return statisticsCsv(rows, { format, timeZone: deps.timeZone });
}
