import type { ImportReport } from "@fact-board/contract";
import { parse as parseCsv } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { Invalid, NotFound } from "../domain/errors";
import { importOutcome, planImport, type CsvRecord, type ImportOutcome } from "../domain/participant-import";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AdminAuditEvent, BoardId, Participant } from "../domain/types";
import { groupConsentsByParticipant } from "../domain/visibility";
import { auditActorOf, recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";

export const MAX_IMPORT_LINES = 5000;

/** A participant's id in an import follows from the board and the code, so running the same file again writes the same rows. */
export const importedParticipantId = (boardId: BoardId, code: string): string =>
  `i${createHash("sha256").update(`${boardId}\n${code}`).digest("hex").slice(0, 19)}`;

function recordsOf(csv: string): CsvRecord[] {
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
 * A caseload from a CSV file (domain/participant-import.ts says what a line may do). Every line is
 * checked before anything is written; refused lines are reported with their number and why, the
 * others with what they did. New participants are created in transactions of 100 under ids that
 * follow from the code (a retry after a failure midway finds them and counts them unchanged);
 * lines marked `update` change their participant under the ETag read. The admin audit gets one
 * record per participant created or changed, and a summary. `dryRun` checks only.
 */
export async function importParticipants(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  csv: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  assertAllowed(actor.member, "participant.import");
  const records = recordsOf(csv);
  const [board, members, organisations, existing, consents] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  if (!board) throw new NotFound("The board");
  const plan = planImport(records, {
    ...(board.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}),
    members,
    organisations,
  });
  const byCode = new Map(existing.filter((p) => p.code !== "").map((p) => [p.code, p]));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const consentsOf = groupConsentsByParticipant(consents);
  const today = todayOf(deps);
  const now = nowOf(deps);
  const newParticipant = (id: string, input: { code: string; initials: string; caseManagerId: string; organisationIds: string[] }) => ({
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

  const refused = [...plan.refused];
  const done: Array<{ line: number; outcome: Exclude<ImportOutcome, { kind: "refused" }> }> = [];
  for (const line of plan.accepted) {
    const importedId = importedParticipantId(boardId, line.input.code);
    const withCode = byCode.get(line.input.code);
    const outcome = importOutcome(line, {
      importedId,
      withCode,
      withImportedId: byId.get(importedId),
      consents: withCode ? (consentsOf.get(withCode.id) ?? []) : [],
      members,
      organisationId: actor.member.organisationId,
      today,
      newParticipant,
    });
    if (outcome.kind === "refused") refused.push({ line: line.line, reason: outcome.reason });
    else done.push({ line: line.line, outcome });
  }
  refused.sort((a, b) => a.line - b.line);
  const created = done.flatMap((d) => (d.outcome.kind === "create" ? [{ line: d.line, participant: d.outcome.participant }] : []));
  const updated = done.flatMap((d) => (d.outcome.kind === "update" ? [{ line: d.line, ...d.outcome }] : []));

  if (!options.dryRun && created.length + updated.length > 0) {
    const changed: Participant[] = [...created, ...updated].map((c) => c.participant);
    await recordAccess(deps, actor, "changed", changed);
    // One record per participant: what the import created or changed (field names only, never values).
    const by = auditActorOf(actor.member);
    const perParticipant: AdminAuditEvent[] = [
      ...created.map((c) => ({
        boardId,
        at: now,
        actor: by,
        what: "participantImported" as const,
        subject: { kind: "participant" as const, id: c.participant.id },
        fields: ["code", "initials", "caseManagerId", "organisationIds"],
        detail: `line ${c.line}`,
      })),
      ...updated.map((u) => ({
        boardId,
        at: now,
        actor: by,
        what: "participantChanged" as const,
        subject: { kind: "participant" as const, id: u.participant.id },
        fields: u.fields,
        detail: `import, line ${u.line}`,
      })),
    ];
    await deps.storage.adminAudit.appendMany(perParticipant);
    await recordAdminChange(deps, actor.member, boardId, {
      what: "participantsImported",
      subject: { kind: "board", id: boardId, name: board.name },
      detail: `${created.length} imported, ${updated.length} updated, ${refused.length} refused`,
    });
    await deps.storage.participants.createMany(created.map((c) => c.participant));
    for (const u of updated) await deps.storage.participants.update(u.participant, { expectedEtag: u.before.etag! });
    await deps.storage.boardVersions.bump(boardId);
  }
  return {
    imported: options.dryRun ? 0 : created.length,
    updated: options.dryRun ? 0 : updated.length,
    alreadyThere: done.filter((d) => d.outcome.kind === "unchanged").length,
    refused,
    lines: done.map((d) => ({
      line: d.line,
      outcome:
        d.outcome.kind === "create" ? ("created" as const) : d.outcome.kind === "update" ? ("updated" as const) : ("unchanged" as const),
      ...(d.outcome.kind === "update" ? { fields: d.outcome.fields } : {}),
    })),
  };
}
