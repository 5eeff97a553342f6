import { z } from "zod";
import type { BoardId, CalendarDate, CheckIn } from "../domain/types";
import { ALL_MEETINGS } from "../domain/meeting-schedule";
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

// CheckIns: PartitionKey boardId, RowKey `${date}_${meetingId}`: one check-in per meeting
// occurrence, so two meetings the same day do not collide; fidelity indicators read a RowKey range.
// The implicit daily meeting "all" keeps the RowKey of the date alone: every row stored before
// meetings existed is keyed so, and reads as that meeting's without being rewritten.

export const checkInKeys = (boardId: BoardId, date: CalendarDate, meetingId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey:
    meetingId === ALL_MEETINGS ? dateKey(date, "Check-in date") : `${dateKey(date, "Check-in date")}_${keyPart(meetingId, "Meeting id")}`,
});

/** The RowKey's two parts; a RowKey of the date alone is the implicit meeting's. */
const StoredCheckInKey = z.string().transform((key, ctx) => {
  const date = storedDate.safeParse(key.slice(0, 10));
  const meetingId = key.length === 10 ? ALL_MEETINGS : key[10] === "_" ? key.slice(11) : "";
  if (!date.success || meetingId === "") {
    ctx.addIssue({ code: "custom", message: "a check-in RowKey: YYYY-MM-DD or YYYY-MM-DD_meetingId" });
    return z.NEVER;
  }
  return { date: date.data, meetingId };
});

const ids = jsonColumn(z.array(z.string()));

const CheckInEntity = z.object({
  partitionKey: z.string(),
  rowKey: StoredCheckInKey,
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
    entity(checkInKeys(c.boardId, c.date, c.meetingId), {
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
    return { boardId: partitionKey, date: rowKey.date, meetingId: rowKey.meetingId, ...e };
  },
};
