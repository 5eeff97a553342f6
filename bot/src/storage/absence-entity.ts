import { AbsenceReason, CoverState } from "@fact-board/contract";
import { z } from "zod";
import type { Absence, BoardId } from "../domain/types";
import {
  type Mapping,
  boardPartition,
  entity,
  jsonColumn,
  keyPart,
  parseStored,
  storedDate,
  storedInstant,
  toJson,
} from "./entity-support";

// Absences: PartitionKey boardId, RowKey absenceId. The board load reads the ones not yet over
// (toDate >= today, a filter inside the partition). Dates are stored as YYYY-MM-DD strings,
// so string comparison is date comparison. The columns are fromDate/toDate, not from/to, to
// keep OData filters free of words that read like operators.

export const absenceKeys = (boardId: BoardId, absenceId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: keyPart(absenceId, "Absence id"),
});

const Cover = z.object({
  state: CoverState,
  candidateIds: z.array(z.string()),
  askedIndex: z.number().int().nonnegative(),
  askedAt: storedInstant.optional(),
  answerBy: storedInstant.optional(),
  declinedBy: z.array(z.string()),
  coveredBy: z.string().optional(),
  across: z.object({ organisationId: z.string(), othersTo: z.string().optional() }).optional(),
  managerAlerted: z.boolean(),
});

const AbsenceEntity = z.object({
  etag: z.string(),
  id: z.string(),
  boardId: z.string(),
  memberId: z.string(),
  organisationId: z.string(),
  fromDate: storedDate,
  toDate: storedDate,
  reason: AbsenceReason,
  registeredBy: z.string(),
  registeredAt: storedInstant,
  cover: jsonColumn(Cover),
});

export const absenceMapping: Mapping<Absence> = {
  table: "Absences",
  what: "Absence",
  toEntity: (a) =>
    entity(absenceKeys(a.boardId, a.id), {
      id: a.id,
      boardId: a.boardId,
      memberId: a.memberId,
      organisationId: a.organisationId,
      fromDate: a.from,
      toDate: a.to,
      reason: a.reason,
      registeredBy: a.registeredBy,
      registeredAt: a.registeredAt,
      cover: toJson(a.cover, "Cover"),
    }),
  fromEntity: (raw) => {
    const { fromDate, toDate, ...e } = parseStored(AbsenceEntity, "Absences", raw);
    return { ...e, from: fromDate, to: toDate };
  },
};
