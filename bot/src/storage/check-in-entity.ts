import { z } from "zod";
import type { BoardId, CalendarDate, CheckIn } from "../domain/types";
import { type Mapping, boardPartition, dateKey, entity, jsonColumn, parseStored, storedDate, storedInstant, toJson } from "./entity-support";

// CheckIns: PartitionKey boardId, RowKey date (YYYY-MM-DD): one check-in per board and working
// day; fidelity indicators read a RowKey range.

export const checkInKeys = (boardId: BoardId, date: CalendarDate) => ({
  partitionKey: boardPartition(boardId),
  rowKey: dateKey(date, "Check-in date"),
});

const ids = jsonColumn(z.array(z.string()));

const CheckInEntity = z.object({
  partitionKey: z.string(),
  rowKey: storedDate,
  etag: z.string(),
  startedAt: storedInstant,
  endedAt: storedInstant,
  durationSeconds: z.number().int().nonnegative(),
  attendeeIds: ids,
  reviewedParticipantIds: ids,
  addedParticipantIds: ids,
  removedParticipantIds: ids,
  actionsAgreed: z.number().int().nonnegative(),
  recordedBy: z.string(),
});

export const checkInMapping: Mapping<CheckIn> = {
  table: "CheckIns",
  what: "Check-in",
  toEntity: (c) =>
    entity(checkInKeys(c.boardId, c.date), {
      startedAt: c.startedAt,
      endedAt: c.endedAt,
      durationSeconds: c.durationSeconds,
      attendeeIds: toJson(c.attendeeIds, "Attendees"),
      reviewedParticipantIds: toJson(c.reviewedParticipantIds, "Reviewed participants"),
      addedParticipantIds: toJson(c.addedParticipantIds, "Added participants"),
      removedParticipantIds: toJson(c.removedParticipantIds, "Removed participants"),
      actionsAgreed: c.actionsAgreed,
      recordedBy: c.recordedBy,
    }),
  fromEntity: (raw) => {
    const { partitionKey, rowKey, ...e } = parseStored(CheckInEntity, "CheckIns", raw);
    return { boardId: partitionKey, date: rowKey, ...e };
  },
};
