import { type ExportFormat, type OrganisationKind, type SignalState, svWords } from "@fact-board/contract";
import { DAY_BUCKETS, monthsBack } from "../domain/fidelity";
import { assertAllowed } from "../domain/permissions";
import { NotFound } from "../domain/errors";
import { type PeriodLength, periodsOf, type StatisticsRow, statisticsRows } from "../domain/statistics";
import type { Actor, BoardId } from "../domain/types";
import { recordCountsExport } from "./audit";
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
  actionsBySeveralOrganisations: "På tavlan med åtgärder från flera organisationer",
  checkInsHeld: "Morgonmöten hållna",
  checkInAttendance: "Närvaro på morgonmöten (medarbetare per möte)",
  consentCovered: "Deltagare med samtycke mellan alla sina organisationer",
  consentNotCovered: "Deltagare utan samtycke mellan alla sina organisationer",
  ...Object.fromEntries(
    Object.entries(svWords.interventionKind).map(([code, word]) => [`interventions.${code}`, `Pågående insatser: ${word}`]),
  ),
};

/** The first column names the period counted: a script reading "month" keeps working with the monthly form. */
const PERIOD_HEADERS: Record<PeriodLength, { key: string; sv: string }> = {
  month: { key: "month", sv: "Månad" },
  quarter: { key: "quarter", sv: "Kvartal" },
  year: { key: "year", sv: "År" },
};

/** A measure in Swedish; the collaboration markers name the receiving group. */
function measureWord(measure: string): string {
  const [head, group, state] = measure.split(".");
  if (head === "signalsTo" && group && state) {
    const kinds = group.split("+").map((k) => svWords.organisationKind[k as OrganisationKind] ?? k);
    return `Signaler till ${kinds.join(" + ")}: ${svWords.signalState[state as SignalState] ?? state}`;
  }
  return MEASURE_WORDS[measure] ?? measure;
}

const statisticsColumns = (length: PeriodLength): ReadonlyArray<CsvColumn<StatisticsRow>> => [
  { ...PERIOD_HEADERS[length], cell: (r) => r.month },
  {
    key: "organisationKind",
    sv: "Organisationstyper",
    cell: (r) => (r.organisationKinds === "all" ? "all" : r.organisationKinds.join("+")),
    excel: (r) =>
      r.organisationKinds === "all" ? "Alla organisationer" : r.organisationKinds.map((k) => svWords.organisationKind[k]).join(" + "),
  },
  { key: "measure", sv: "Mått", cell: (r) => r.measure, excel: (r) => measureWord(r.measure) },
  { key: "value", sv: "Antal", cell: (r) => r.value },
];

const PERIOD_WORDS: Record<PeriodLength, { sv: string; en: string }> = {
  month: { sv: "månad", en: "month" },
  quarter: { sv: "kvartal", en: "quarter" },
  year: { sv: "år", en: "year" },
};

/** The method, at the head of the file (no separator or quote in a line: see csvStart). */
export const statisticsNotes = (length: PeriodLength): Record<ExportFormat, readonly string[]> => ({
  excel: [
    `FACT Board – avidentifierad statistik: antal per ${PERIOD_WORDS[length].sv} och grupp av organisationstyper. Inga koder eller namn eller fritext.`,
    "x = dolt antal. Antal 1–4 döljs. Fler antal döljs där filens egna summor annars skulle ge tillbaka ett dolt antal (summor och delar samt flöden mellan månader). Ett dolt antal kan vara vilket antal som helst – även 0.",
    "En organisationstyp med bara en organisation på tavlan redovisas tillsammans med andra typer (se Organisationstyper). En tavla med en enda organisation får alla antal dolda.",
    "Närvaro: varje medarbetare som var med på ett morgonmöte räknas en gång per möte för sin organisations typ.",
    "Samtycke: deltagare med två eller fler organisationer vid periodens slut. Med samtycke = varje organisations giltiga samtycke nämner alla de andra.",
    "Metoden: README avsnittet De-identified statistics for research.",
  ],
  csv: [
    `FACT Board de-identified statistics: counts per ${PERIOD_WORDS[length].en} and group of organisation kinds. No codes or names or free text.`,
    "x = withheld. Counts 1-4 are withheld. More counts are withheld wherever the sums in this file would otherwise give a withheld count back (totals and parts and the flows between months). A withheld count may be any count - 0 too.",
    "A kind with a single organisation on the board is pooled with other kinds (organisationKind lists them joined by +). A board of a single organisation has every count withheld.",
    "checkInAttendance: each member present at a check-in counts once per check-in for their organisation's kind.",
    "consentCovered and consentNotCovered: participants with two or more organisations at the end of the period - covered when every organisation's valid consent names all the others.",
    "Method: README section De-identified statistics for research.",
  ],
});

/** The rows as CSV chunks in the chosen form, the method at the head. */
export function statisticsCsv(
  rows: readonly StatisticsRow[],
  options: Omit<CsvOptions, "notes">,
  length: PeriodLength = "month",
): AsyncGenerator<string> {
  return csvChunks(statisticsColumns(length), [rows], { ...options, notes: statisticsNotes(length)[options.format] });
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
  length: PeriodLength = "month",
): Promise<AsyncGenerator<string>> {
  assertAllowed(actor.member, "statistics.export");
  const today = todayOf(deps);
  // The months asked for, counted in whole periods: a quarter or year begun before them is counted from its start.
  const periods = periodsOf(monthsBack(today, Math.min(Math.max(monthCount, 1), MAX_STATISTICS_MONTHS)), length);
  const from = periods[0]!.first;
  const [board, organisations, currentEntries, closedEntries, checkIns, signals, absences, interventions, members, participants, consents] =
    await Promise.all([
      deps.storage.boards.get(boardId),
      deps.storage.organisations.listForBoard(boardId),
      deps.storage.entries.listCurrent(boardId),
      deps.storage.entries.historyForBoard(boardId, from),
      deps.storage.checkIns.listBetween(boardId, from, today),
      deps.storage.signals.listForBoard(boardId),
      deps.storage.absences.listForBoard(boardId),
      deps.storage.interventions.listForBoard(boardId),
      deps.storage.members.listForBoard(boardId),
      deps.storage.participants.listForBoard(boardId),
      deps.storage.consents.listForBoard(boardId),
    ]);
  if (!board) throw new NotFound("The board");
  await recordCountsExport(deps, actor, boardId);
  const rows = statisticsRows(
    { organisations, currentEntries, closedEntries, checkIns, signals, absences, interventions, members, participants, consents },
    periods,
    today,
  );
  return statisticsCsv(rows, { format, timeZone: deps.timeZone }, length);
}
