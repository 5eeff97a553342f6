import type { EditParticipantBody, ImportReport, ParticipantView } from "@fact-board/contract";
import { parse as parseCsv } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { assertRegistrable, planImport, type ImportLine } from "../domain/participant-registration";
import { relationOf } from "./relation";
import type { Actor, BoardId, Participant, ParticipantId } from "../domain/types";
import { changedFields, recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { toParticipantView } from "./views";

export const MAX_IMPORT_LINES = 5000;

/** A participant's id in an import follows from the board and the code, so running the same file again writes the same rows. */
export const importedParticipantId = (boardId: BoardId, code: string): string =>
  `i${createHash("sha256").update(`${boardId}\n${code}`).digest("hex").slice(0, 19)}`;

/** Edits the base record or changes the case manager: the writing organisation's own record (authorship). */
export async function editParticipant(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: EditParticipantBody,
): Promise<ParticipantView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const today = todayOf(deps);
  const current = ctx.participant;
  assertAllowed(actor.member, "participant.edit", {
    ...relationOf(actor, current, ctx.absences, today),
    ownOrganisation: current.writtenBy === actor.member.organisationId,
  });
  const [board, members, organisations, all] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
    body.code ? deps.storage.participants.listForBoard(boardId) : Promise.resolve([]),
  ]);
  const next: Participant = {
    ...current,
    code: body.code ?? current.code,
    initials: body.initials ?? current.initials,
    caseManagerId: body.caseManagerId ?? current.caseManagerId,
    organisationIds: body.organisationIds ? [...new Set([current.writtenBy, ...body.organisationIds])] : current.organisationIds,
  };
  assertRegistrable(next, { ...(board?.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}), members, organisations });
  if (body.code && all.some((p) => p.id !== current.id && p.code === next.code))
    throw new Invalid("A participant with this code already exists.", "code");
  const fields = changedFields(current, next, ["code", "initials", "caseManagerId", "organisationIds"]);
  await recordAccess(deps, actor, "changed", [next]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "participantChanged",
    subject: { kind: "participant", id: current.id },
    fields,
  });
  const saved = await deps.storage.participants.update(next, { expectedEtag: body.etag });
  await deps.storage.boardVersions.bump(boardId);
  const after = await loadVisibleParticipant(deps, actor, boardId, saved.id);
  return toParticipantView(after.visibility, after.consents, after.absences, current.onBoard, today);
}

function linesOf(csv: string): ImportLine[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(csv, {
      delimiter: [";", ","],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new Invalid(`The file is not readable CSV: ${(e as Error).message.slice(0, 120)}`);
  }
  if (records.length > MAX_IMPORT_LINES) throw new Invalid(`At most ${MAX_IMPORT_LINES} lines per import.`);
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

/**
 * The first day's caseload from a CSV file. Every line is validated before anything is written;
 * refused lines are reported with their number and why, and only whole, valid lines are written,
 * in transactions of 100 under ids that follow from the code: if a write fails midway, importing
 * the same file again completes it (lines already there are counted, not doubled). `dryRun` checks only.
 */
export async function importParticipants(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  csv: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  assertAllowed(actor.member, "participant.import");
  const lines = linesOf(csv);
  const [board, members, organisations, existing] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
  ]);
  if (!board) throw new NotFound("The board");
  const byCode = new Map(existing.map((p) => [p.code, p]));
  const plan = planImport(lines, {
    ...(board.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}),
    members,
    organisations,
    existingCodes: new Set(byCode.keys()),
  });
  const refused = [...plan.refused];
  const toWrite: Participant[] = [];
  let alreadyThere = 0;
  const now = nowOf(deps);
  for (const { line, input } of plan.accepted) {
    const id = importedParticipantId(boardId, input.code);
    const stored = byCode.get(input.code);
    if (stored && stored.id === id) alreadyThere++;
    else if (stored) refused.push({ line, reason: "A participant with this code already exists." });
    else
      toWrite.push({
        id,
        boardId,
        code: input.code,
        initials: input.initials,
        caseManagerId: input.caseManagerId,
        writtenBy: actor.member.organisationId,
        organisationIds: [...new Set([actor.member.organisationId, ...input.organisationIds])],
        sip: { inPlace: false },
        crisisPlan: false,
        earlySignsPlan: false,
        onBoard: false,
        createdAt: now,
      });
  }
  refused.sort((a, b) => a.line - b.line);
  if (!options.dryRun && toWrite.length > 0) {
    await recordAccess(deps, actor, "changed", toWrite);
    await recordAdminChange(deps, actor.member, boardId, {
      what: "participantsImported",
      subject: { kind: "board", id: boardId, name: board.name },
      detail: `${toWrite.length} imported, ${refused.length} refused`,
    });
    await deps.storage.participants.upsertMany(toWrite);
    await deps.storage.boardVersions.bump(boardId);
  }
  return { imported: options.dryRun ? 0 : toWrite.length, alreadyThere, refused };
}
