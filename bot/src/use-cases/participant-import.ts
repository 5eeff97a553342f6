import type { ImportReport } from "@fact-board/contract";
import { parse as parseCsv } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { Invalid, NotFound } from "../domain/errors";
import { importOutcome, planImport, type CsvRecord, type ImportOutcome } from "../domain/participant-import";
import { assertAllowed } from "../domain/permissions";
import type { Actor, AdminAuditEvent, BoardId, Participant } from "../domain/types";
import { groupConsentsByParticipant } from "../domain/visibility";
import { toConsent } from "../domain/participant-import-cells";
import { changedPlans, NO_PLANS } from "../domain/plans";
import { auditActorOf, recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";

export const MAX_IMPORT_LINES = 5000;

/** The plans a line sets: on a new participant, those it states; on an update, those that change. */
function plansOf(outcome: Exclude<ImportOutcome, { kind: "refused" }>): string[] {
  if (outcome.kind === "update") return changedPlans(outcome.before.plans, outcome.participant.plans);
  if (outcome.kind === "create") return changedPlans(NO_PLANS, outcome.participant.plans);
  return [];
}

/** A participant's id in an import follows from the board and the code, so running the same file again writes the same rows. */
export const importedParticipantId = (boardId: BoardId, code: string): string =>
  `i${createHash("sha256").update(`${boardId}\n${code}`).digest("hex").slice(0, 19)}`;

/**
 * The file's text: UTF-8 (with or without the BOM Excel writes for "CSV UTF-8"), or Windows-1252,
 * which Swedish Excel's plain "CSV (semikolonavgränsad)" still writes: å, ä and ö survive either way.
 */
export function decodeCsv(body: Uint8Array | string): string {
  if (typeof body === "string") return body;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Swedish Excel separates with semicolons (the comma is the decimal sign), others with commas: the first line says which. */
export function delimiterOf(csv: string): ";" | "," {
  const first = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => first.split(c).length - 1;
  return count(",") > count(";") ? "," : ";";
}

function recordsOf(csv: string): CsvRecord[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(csv, {
      delimiter: delimiterOf(csv),
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
  file: Uint8Array | string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  assertAllowed(actor.member, "participant.import");
  const records = recordsOf(decodeCsv(file));
  const [board, members, organisations, existing, consents] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  if (!board) throw new NotFound("The board");
  const today = todayOf(deps);
  const now = nowOf(deps);
  const plan = planImport(records, {
    ...(board.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}),
    members,
    organisations,
    organisationId: actor.member.organisationId,
    today,
  });
  const byCode = new Map(existing.filter((p) => p.code !== "").map((p) => [p.code, p]));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const consentsOf = groupConsentsByParticipant(consents);
  const newParticipant = (
    id: string,
    input: { code: string; initials: string; caseManagerId: string; organisationIds: string[] },
  ): Participant => ({
    id,
    boardId,
    code: input.code,
    initials: input.initials,
    caseManagerId: input.caseManagerId,
    writtenBy: actor.member.organisationId,
    organisationIds: [...new Set([actor.member.organisationId, ...input.organisationIds])],
    plans: NO_PLANS,
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
      importedBy: { memberId: actor.member.id, at: now },
    });
    if (outcome.kind === "refused") refused.push({ line: line.line, reason: outcome.reason });
    else done.push({ line: line.line, outcome });
  }
  refused.sort((a, b) => a.line - b.line);
  const created = done.flatMap((d) => (d.outcome.kind === "create" ? [{ line: d.line, participant: d.outcome.participant }] : []));
  const updated = done.flatMap((d) => (d.outcome.kind === "update" ? [{ line: d.line, ...d.outcome }] : []));
  // The importing organisation's consents the lines record: first records together, changed ones under the ETag read.
  const consentWrites = done.flatMap(({ outcome }) => {
    if (!outcome.consent) return [];
    const stored = (consentsOf.get(outcome.participant.id) ?? []).find((c) => c.disclosingOrganisationId === actor.member.organisationId);
    const consent = toConsent(outcome.consent, {
      boardId,
      participantId: outcome.participant.id,
      recordedBy: actor.member.id,
      recordedAt: now,
      today,
    });
    return [{ participant: outcome.participant, consent, etag: stored?.etag }];
  });

  if (!options.dryRun && created.length + updated.length + consentWrites.length > 0) {
    const changed: Participant[] = [...created, ...updated].map((c) => c.participant);
    await recordAccess(deps, actor, "changed", changed);
    await recordAccess(
      deps,
      actor,
      "consentRecorded",
      consentWrites.map((w) => w.participant),
    );
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
    // After the participants: a consent never points at a participant that is not there.
    await deps.storage.consents.createMany(consentWrites.filter((w) => w.etag === undefined).map((w) => w.consent));
    for (const w of consentWrites.filter((x) => x.etag !== undefined))
      await deps.storage.consents.save(w.consent, { expectedEtag: w.etag! });
    await deps.storage.boardVersions.bump(boardId);
    // Cards about a consent exist only for participants registered before this import.
    const createdIds = new Set(created.map((c) => c.participant.id));
    for (const w of consentWrites.filter((x) => !createdIds.has(x.participant.id)))
      await deps.notifier.notify({
        type: "consentChanged",
        boardId,
        participantId: w.consent.participantId,
        disclosingOrganisationId: w.consent.disclosingOrganisationId,
      });
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
      ...(d.outcome.consent
        ? { consent: { organisationId: d.outcome.consent.disclosingOrganisationId, status: d.outcome.consent.status } }
        : {}),
      ...(plansOf(d.outcome).length > 0 ? { plans: plansOf(d.outcome) } : {}),
    })),
  };
}
