import { type ExportFormat, type OrganisationKind, svWords } from "@fact-board/contract";
import { Forbidden } from "../domain/errors";
import { isAllowed } from "../domain/permissions";
import { isDataManager, isExportable } from "../domain/study";
import { type StudyExportRow, type StudyParticipantFacts, studyExport } from "../domain/study-export";
import type { Actor, BoardId } from "../domain/types";
import { recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { type CsvColumn, csvChunks } from "./csv";
import { todayOf, type UseCaseDeps } from "./deps";
import { loadStudy } from "./studies";

// A study's data for its data managers (domain/study-export.ts has what is counted): one row per
// enrolled, not withdrawn participant and month of the study's period, the study's own participant
// id and counts by code. It rests on each participant's research consent; the board's codes,
// initials, names and texts never enter a row. Logged before the first line: in the admin audit,
// and as "exported" in each exported participant's access log. A refused export is logged too.

const kind = (k: string) => svWords.organisationKind[k as OrganisationKind] ?? k;

/** The Swedish header of a measure code. */
function measureWords(measure: string): string {
  const [group, a, b] = measure.split(".") as [string, string?, string?];
  switch (group) {
    case "daysOnBoard":
      return "Dagar på tavlan";
    case "putOn":
      return `Upptagen på tavlan: ${svWords.boardReason[a as keyof typeof svWords.boardReason]}`;
    case "takenOff":
      return `Borttagen från tavlan: ${svWords.takeOffOutcome[a as keyof typeof svWords.takeOffOutcome]}`;
    case "reviews":
      return "Genomgången på morgonmöte";
    case "actions":
      return `Åtgärder skrivna av: ${kind(a!)}`;
    case "signals":
      return `Signaler: ${svWords.signalKind[a as keyof typeof svWords.signalKind]}`;
    case "signalPairs":
      return `Signaler från ${kind(a!)} till ${kind(b!)}`;
    case "attendance":
      return `Närvarande vid genomgång: ${kind(a!)}`;
    default:
      return measure;
  }
}

export const STUDY_EXPORT_NOTES: Record<ExportFormat, readonly string[]> = {
  excel: [
    "FACT Board – en studies data: en rad per inskriven deltagare och månad av studiens period. Deltagaren anges bara med studiens eget id.",
    "Inga koder eller initialer eller namn eller fritext. Skäl och utfall anges som kategorier. Bygger på varje deltagares forskningssamtycke – en deltagare som återkallat finns inte med.",
  ],
  csv: [
    "FACT Board study data: one row per enrolled participant and month of the study's period. The participant is named by the study's own id only.",
    "No codes or initials or names or free text. Reasons and outcomes as codes. Rests on each participant's research consent - a participant who withdrew is not included.",
  ],
};

function columnsFor(measures: readonly string[]): Array<CsvColumn<StudyExportRow>> {
  return [
    { key: "studyParticipantId", sv: "Studie-id", cell: (r) => r.studyParticipantId },
    { key: "month", sv: "Månad", cell: (r) => r.month },
    ...measures.map((m): CsvColumn<StudyExportRow> => ({ key: m, sv: measureWords(m), cell: (r) => r.counts[m] ?? 0 })),
    { key: "consentCovered", sv: "Samtycken mellan alla inblandade organisationer", cell: (r) => r.consentCovered },
  ];
}

export async function exportStudy(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  studyId: string,
  format: ExportFormat = "csv",
): Promise<AsyncGenerator<string>> {
  const study = await loadStudy(deps, boardId, studyId);
  const studyDataManager = isDataManager(study, actor.member.id);
  if (!isAllowed(actor.member.role, "study.export", { studyDataManager })) {
    await recordAdminChange(deps, actor.member, boardId, {
      what: "studyExportRefused",
      subject: { kind: "study", id: study.id, name: study.name },
    });
    throw new Forbidden("Only the study's data managers may export its data.", "NotStudyDataManager");
  }
  const today = todayOf(deps);
  const to = study.to < today ? study.to : today;
  const [enrolments, organisations, members, checkIns] = await Promise.all([
    deps.storage.studies.listEnrolments(boardId, studyId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.checkIns.listBetween(boardId, study.from, to),
  ]);
  const loaded = await Promise.all(
    enrolments.filter(isExportable).map(async (e) => {
      const [participant, current, closed, signals, consents] = await Promise.all([
        deps.storage.participants.get(boardId, e.participantId),
        deps.storage.entries.getCurrent(boardId, e.participantId),
        deps.storage.entries.history(boardId, e.participantId),
        deps.storage.signals.listForParticipant(boardId, e.participantId),
        deps.storage.consents.listForParticipant(boardId, e.participantId),
      ]);
      // Erased after retention: nothing of theirs is left to count.
      if (!participant || participant.erasedAt) return undefined;
      const facts: StudyParticipantFacts = {
        studyParticipantId: e.studyParticipantId,
        participant,
        entries: [...closed, ...(current ? [current] : [])],
        signals,
        consents,
      };
      return { participant, facts };
    }),
  );
  const exported = loaded
    .filter((x) => x !== undefined)
    .sort((a, b) => a.facts.studyParticipantId.localeCompare(b.facts.studyParticipantId));
  await recordAccess(
    deps,
    actor,
    "exported",
    exported.map((x) => x.participant),
  );
  await recordAdminChange(deps, actor.member, boardId, {
    what: "studyExported",
    subject: { kind: "study", id: study.id, name: study.name },
    detail: String(exported.length),
  });
  const result = studyExport({ study, organisations, members, checkIns, participants: exported.map((x) => x.facts) }, today);
  return csvChunks(columnsFor(result.measures), [result.rows], { format, timeZone: deps.timeZone, notes: STUDY_EXPORT_NOTES[format] });
}
