import { type ExportFormat, type FollowUpView, type OrganisationFollowUpView, svWords } from "@fact-board/contract";
import { Invalid, NotFound } from "../domain/errors";
import { followUpPerOrganisation, followUpYears, yearEnd } from "../domain/follow-up";
import { assertAllowed } from "../domain/permissions";
import { participantsInStudyOn } from "../domain/study";
import type { Actor, BoardId } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { recordCountsExport } from "./audit";
import { type CsvColumn, csvChunks } from "./csv";
import { todayOf, type UseCaseDeps } from "./deps";

// The follow-up per organisation (issue 28; the counts are domain/follow-up.ts's). Managers only
// (permission "followUp.read"). Counts per named organisation, no participant: reading it writes no
// access record (as the manager overview); the CSV is logged as one "exported" record without a
// participant, as the statistics are, before its first line.

/** The follow-up of `year` (this year when absent) as the viewer's organisation may count it. */
export async function readFollowUp(deps: UseCaseDeps, actor: Actor, boardId: BoardId, year?: number): Promise<FollowUpView> {
  assertAllowed(actor.member, "followUp.read");
  const today = todayOf(deps);
  const asked = year ?? Number(today.slice(0, 4));
  if (`${asked}-01-01` > today) throw new Invalid(`year: ${asked} has not begun.`, "year");
  const [board, organisations, participants, consents, studies] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
    deps.storage.studies.listForBoard(boardId),
  ]);
  if (!board) throw new NotFound("The board");
  // A board has a few studies: one range read each.
  const enrolments = (await Promise.all(studies.map((s) => deps.storage.studies.listEnrolments(boardId, s.id)))).flat();
  const byParticipant = groupConsentsByParticipant(consents);
  const viewer = actor.member.organisationId;
  const visibleIds = new Set(
    participants.filter((p) => visibilityFor(p, byParticipant.get(p.id) ?? [], viewer, today) !== undefined).map((p) => p.id),
  );
  const named = [...organisations].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return {
    year: asked,
    asOf: yearEnd(asked, today),
    today,
    years: followUpYears(participants, today),
    organisations: followUpPerOrganisation(
      {
        organisations: named,
        participants,
        targets: board.settings?.followUpTargets ?? [],
        visibleIds,
        inStudyIds: participantsInStudyOn(studies, enrolments, today),
      },
      asked,
      today,
    ),
  };
}

type Row = OrganisationFollowUpView & { year: number; asOf: string; today: string };

const FOLLOW_UP_COLUMNS: ReadonlyArray<CsvColumn<Row>> = [
  { key: "year", sv: "År", cell: (r) => r.year },
  { key: "asOf", sv: "Räknat t.o.m.", cell: (r) => r.asOf },
  { key: "organisation", sv: "Organisation", cell: (r) => r.name },
  { key: "organisationKind", sv: "Organisationstyp", cell: (r) => r.kind, excel: svWords.organisationKind },
  { key: "involvedAtYearEnd", sv: "Deltagare vid årets slut", cell: (r) => r.involvedAtYearEnd },
  { key: "newInYear", sv: "Nya under året", cell: (r) => r.newInYear },
  { key: "target", sv: "Målsättning per år", cell: (r) => r.target },
  { key: "today", sv: "Nu (datum)", cell: (r) => r.today },
  { key: "involvedNow", sv: "Deltagare nu", cell: (r) => r.involvedNow },
  { key: "onBoardNow", sv: "På tavlan nu", cell: (r) => r.onBoardNow },
  { key: "plansCounted", sv: "Planer räknade för (deltagare din organisation får se)", cell: (r) => r.plansCounted },
  { key: "sipYes", sv: "SIP upprättad", cell: (r) => r.sip.yes },
  { key: "sipNo", sv: "Ingen SIP", cell: (r) => r.sip.no },
  { key: "sipNotSet", sv: "SIP ej angivet", cell: (r) => r.sip.notSet },
  { key: "sipFollowUpOverdue", sv: "SIP-uppföljning försenad", cell: (r) => r.sipFollowUpOverdue },
  { key: "crisisPlanYes", sv: "Krisplan finns", cell: (r) => r.crisisPlan.yes },
  { key: "crisisPlanNo", sv: "Ingen krisplan", cell: (r) => r.crisisPlan.no },
  { key: "crisisPlanNotSet", sv: "Krisplan ej angivet", cell: (r) => r.crisisPlan.notSet },
  { key: "inStudy", sv: "I en forskningsstudie nu", cell: (r) => r.inStudy },
];

/** What the file says first (no separator or quote in a line: see csvStart). */
const FOLLOW_UP_NOTES: Record<ExportFormat, readonly string[]> = {
  excel: [
    "FACT Board – uppföljning per organisation: antal deltagare per år mot målsättningen. Inga koder eller namn på deltagare eller fritext.",
    "Deltagare vid årets slut och nya under året räknas från registreringarna. En deltagare räknas för varje organisation som är involverad.",
    "SIP och krisplan och forskningsstudie räknas bara för de deltagare som din organisation får se i dag (samtycke). Ej angivet är inte Ingen.",
    "I en forskningsstudie nu: inskrivna i en pågående studie och inte utträdda.",
  ],
  csv: [
    "FACT Board follow-up per organisation: participants per year against the target. No participant codes or names or free text.",
    "Involved at the end of the year and new during it are counted from the registrations. A participant counts for each organisation involved.",
    "SIP and crisis plan and study are counted only over the participants your organisation may see today (consent). notSet is not no.",
    "inStudy: enrolled in a study that has not ended and not withdrawn.",
  ],
};

/** The follow-up as CSV chunks; the export is logged before the first line. */
export async function exportFollowUp(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  year: number | undefined,
  format: ExportFormat = "csv",
): Promise<AsyncGenerator<string>> {
  const view = await readFollowUp(deps, actor, boardId, year);
  await recordCountsExport(deps, actor, boardId);
  const rows = view.organisations.map((o) => ({ ...o, year: view.year, asOf: view.asOf, today: view.today }));
  return csvChunks(FOLLOW_UP_COLUMNS, [rows], { format, timeZone: deps.timeZone, notes: FOLLOW_UP_NOTES[format] });
}
