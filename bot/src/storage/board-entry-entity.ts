import { BoardReason, ExternalRole, Priority, TakeOffOutcome } from "@fact-board/contract";
import { z } from "zod";
import type { BoardEntry, BoardId, ClosedBoardEntry, ParticipantId } from "../domain/types";
import {
  type Mapping,
  boardPartition,
  dateKey,
  entity,
  jsonColumn,
  keyPart,
  parseStored,
  storedDate,
  storedInstant,
  toJson,
} from "./entity-support";
import { participantKey } from "./participant-entity";

// BoardEntries: PartitionKey boardId, RowKey participantId: at most one current entry per
// participant, so "put on the board twice" is a 409 the service decides, not a race we lose.
// EntryHistory: PartitionKey `${boardId}_${participantId}`, RowKey `${takenOffOn}_${entryId}`:
// one participant's closed entries in one partition, in date order; erasure drops the partition.

export const boardEntryKeys = (boardId: BoardId, participantId: ParticipantId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: participantKey(participantId),
});

export const historyPartition = (boardId: BoardId, participantId: ParticipantId): string =>
  `${boardPartition(boardId)}_${participantKey(participantId)}`;

export const historyKeys = (e: Pick<ClosedBoardEntry, "boardId" | "participantId" | "takenOffOn" | "id">) => ({
  partitionKey: historyPartition(e.boardId, e.participantId),
  rowKey: `${dateKey(e.takenOffOn, "Taken off on")}_${keyPart(e.id, "Entry id")}`,
});

const BoardAction = z.object({
  id: z.string(),
  what: z.string(),
  responsibleId: z.string(),
  byWhen: storedDate,
  done: z.boolean(),
  writtenBy: z.string(),
  createdBy: z.string(),
  createdAt: storedInstant,
  /** Absent on every action written before the network (issue 26): a member owns it. */
  external: z.object({ role: ExternalRole, name: z.string().optional() }).optional(),
});

const Review = z.object({ organisationId: z.string(), on: storedDate, by: z.string() });

const entryColumns = {
  etag: z.string(),
  id: z.string(),
  boardId: z.string(),
  participantId: z.string(),
  writtenBy: z.string(),
  reason: BoardReason,
  reasonNote: z.string().optional(),
  priority: Priority,
  /** Absent: the entry's writer (and on every row from before the lead organisation steered). */
  priorityWrittenBy: z.string().optional(),
  prioritySetOn: storedDate.optional(),
  putOnOn: storedDate,
  putOnBy: z.string(),
  nextEvaluationOn: storedDate,
  nextEvaluationWrittenBy: z.string().optional(),
  actions: jsonColumn(z.array(BoardAction)),
  reviews: jsonColumn(z.array(Review)).optional(),
  /** Written before reviews were kept per organisation; read only when `reviews` is absent. */
  lastReviewedOn: storedDate.optional(),
  lastReviewedBy: z.string().optional(),
  updatedAt: storedInstant,
  updatedBy: z.string(),
};

/**
 * A single legacy review did not say which organisation reviewed; it is read as the entry writer's,
 * which shows it to exactly those who could read it when it was written.
 */
function withReviews<T extends { writtenBy: string; reviews?: BoardEntry["reviews"]; lastReviewedOn?: string; lastReviewedBy?: string }>(
  e: T,
) {
  const { lastReviewedOn, lastReviewedBy, reviews, ...rest } = e;
  const legacy = lastReviewedOn && lastReviewedBy ? [{ organisationId: e.writtenBy, on: lastReviewedOn, by: lastReviewedBy }] : [];
  return { ...rest, reviews: reviews ?? legacy };
}

const BoardEntryEntity = z.object(entryColumns).transform(withReviews);
const ClosedBoardEntryEntity = z
  .object({
    ...entryColumns,
    takenOffOn: storedDate,
    takenOffBy: z.string(),
    takenOffByOrganisation: z.string().optional(),
    outcome: TakeOffOutcome,
    outcomeNote: z.string().optional(),
  })
  .transform(withReviews);

const entryProperties = (e: Omit<BoardEntry, "etag">) => ({
  id: e.id,
  boardId: e.boardId,
  participantId: e.participantId,
  writtenBy: e.writtenBy,
  reason: e.reason,
  reasonNote: e.reasonNote,
  priority: e.priority,
  priorityWrittenBy: e.priorityWrittenBy,
  prioritySetOn: e.prioritySetOn,
  putOnOn: e.putOnOn,
  putOnBy: e.putOnBy,
  nextEvaluationOn: e.nextEvaluationOn,
  nextEvaluationWrittenBy: e.nextEvaluationWrittenBy,
  actions: toJson(e.actions, "Today's plan"),
  reviews: toJson(e.reviews, "Reviews"),
  updatedAt: e.updatedAt,
  updatedBy: e.updatedBy,
});

/** zod leaves absent optional keys out, so the parsed object is already the domain shape. */
export const boardEntryMapping: Mapping<BoardEntry> = {
  table: "BoardEntries",
  what: "Board entry",
  toEntity: (e) => entity(boardEntryKeys(e.boardId, e.participantId), entryProperties(e)),
  fromEntity: (raw) => parseStored(BoardEntryEntity, "BoardEntries", raw),
};

/**
 * Set on the current row by the first step of taking off the board (the claim): where its
 * history row goes, and the ETag the closer had read. Any edit (a Replace) drops it.
 */
export interface ClosingMarker {
  closingTo: string;
  closingFrom: string;
}

const ClosingMarkerColumns = z.object({ closingTo: z.string().optional(), closingFrom: z.string().optional() });

/** The claim marker of a stored current row, if a take-off has started on it. */
export function closingMarkerOf(raw: Record<string, unknown>): ClosingMarker | undefined {
  const { closingTo, closingFrom } = ClosingMarkerColumns.parse(raw);
  return closingTo && closingFrom ? { closingTo, closingFrom } : undefined;
}

export const closedBoardEntryMapping: Mapping<ClosedBoardEntry> = {
  table: "EntryHistory",
  what: "Closed board entry",
  toEntity: (e) =>
    entity(historyKeys(e), {
      ...entryProperties(e),
      takenOffOn: e.takenOffOn,
      takenOffBy: e.takenOffBy,
      takenOffByOrganisation: e.takenOffByOrganisation,
      outcome: e.outcome,
      outcomeNote: e.outcomeNote,
    }),
  fromEntity: (raw) => parseStored(ClosedBoardEntryEntity, "EntryHistory", raw),
};
