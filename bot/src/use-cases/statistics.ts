import { monthsBack } from "../domain/fidelity";
import { assertAllowed } from "../domain/permissions";
import { NotFound } from "../domain/errors";
import { STATISTICS_COLUMNS, statisticsCsvLine, statisticsRows } from "../domain/statistics";
import type { Actor, BoardId } from "../domain/types";
import { AccessNotLogged } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";

// De-identified statistics for research (domain/statistics.ts has the rules, docs/privacy.md#de-identified-statistics-for-research the method).
// Managers only. The export names no participant, so it is logged as one "exported" record without
// a participant: who took the statistics out, and when.

export const MAX_STATISTICS_MONTHS = 60;

/**
 * Loads the facts, logs the export, then gives the CSV as lines so the route can stream it. The
 * log is written before the first line: an export that cannot be logged is not given.
 */
export async function exportStatistics(deps: UseCaseDeps, actor: Actor, boardId: BoardId, monthCount: number): Promise<Iterable<string>> {
  assertAllowed(actor.member, "statistics.export");
  const today = todayOf(deps);
  const months = monthsBack(today, Math.min(Math.max(monthCount, 1), MAX_STATISTICS_MONTHS));
  const from = `${months[0]!}-01`;
  const [board, organisations, currentEntries, closedEntries, checkIns, escalations, absences] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.entries.listCurrent(boardId),
    deps.storage.entries.historyForBoard(boardId, from),
    deps.storage.checkIns.listBetween(boardId, from, today),
    deps.storage.escalations.listForBoard(boardId),
    deps.storage.absences.listForBoard(boardId),
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
  const rows = statisticsRows({ organisations, currentEntries, closedEntries, checkIns, escalations, absences }, months, today);
  return (function* () {
    yield `${STATISTICS_COLUMNS.join(",")}\r\n`;
    for (const r of rows) yield statisticsCsvLine(r);
  })();
}
