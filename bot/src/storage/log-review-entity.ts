import { AccessChannel, Role } from "@fact-board/contract";
import { z } from "zod";
import type { LogReview, LogReviewers } from "../domain/log-review";
import type { BoardId, OrganisationId } from "../domain/types";
import { StoredAuditWhat } from "./audit-entity";
import { type Mapping, boardPartition, entity, jsonColumn, keyPart, parseStored, storedInstant, toJson } from "./entity-support";

// LogReviews: PartitionKey boardId; RowKey `${organisationId}_${period}` for a period's review
// (sample, marks, outcome) and `${organisationId}_reviewers` for the organisation's named log
// reviewers. Like the access log, nothing here is deleted: a review is kept at least as long as the
// log it reviews (five years). The sample is capped (log-review.ts) so it fits one JSON column.

export const logReviewKeys = (boardId: BoardId, organisationId: OrganisationId, period: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${keyPart(organisationId, "Organisation id")}_${keyPart(period, "Period")}`,
});
export const logReviewersKeys = (boardId: BoardId, organisationId: OrganisationId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${keyPart(organisationId, "Organisation id")}_reviewers`,
});

const StoredRecord = z.object({
  boardId: z.string(),
  at: storedInstant,
  actor: z.object({ tenantId: z.string(), objectId: z.string(), organisationId: z.string(), role: Role }),
  what: StoredAuditWhat,
  participantId: z.string(),
  participantCode: z.string(),
  channel: AccessChannel,
  outcome: z.enum(["allowed", "denied"]),
  count: z.number().int().positive().optional(),
  lastAt: storedInstant.optional(),
});
const Item = z.object({
  id: z.string(),
  record: StoredRecord,
  rules: z.array(z.enum(["outsideMeetingTimes", "noRelation", "manyReads", "random"])),
  mark: z.object({ status: z.enum(["inOrder", "followUp"]), note: z.string().optional(), by: z.string(), at: storedInstant }).optional(),
});

const LogReviewEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  organisationId: z.string(),
  period: z.string(),
  seed: z.string(),
  drawnAt: storedInstant,
  drawnBy: z.string(),
  population: z.number().int().nonnegative(),
  items: jsonColumn(z.array(Item)),
});

export const logReviewMapping: Mapping<LogReview> = {
  table: "LogReviews",
  what: "Log review",
  toEntity: (r) =>
    entity(logReviewKeys(r.boardId, r.organisationId, r.period), {
      boardId: r.boardId,
      organisationId: r.organisationId,
      period: r.period,
      seed: r.seed,
      drawnAt: r.drawnAt,
      drawnBy: r.drawnBy,
      population: r.population,
      items: toJson(r.items, "Sample"),
    }),
  fromEntity: (raw) => parseStored(LogReviewEntity, "LogReviews", raw) as LogReview & { etag: string },
};

const LogReviewersEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  organisationId: z.string(),
  memberIds: jsonColumn(z.array(z.string())),
  updatedBy: z.string(),
  updatedAt: storedInstant,
});

export const logReviewersMapping: Mapping<LogReviewers> = {
  table: "LogReviews",
  what: "Log reviewers",
  toEntity: (r) =>
    entity(logReviewersKeys(r.boardId, r.organisationId), {
      boardId: r.boardId,
      organisationId: r.organisationId,
      memberIds: toJson(r.memberIds, "Log reviewers"),
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt,
    }),
  fromEntity: (raw) => parseStored(LogReviewersEntity, "LogReviews", raw),
};
