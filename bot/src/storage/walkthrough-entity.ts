import { z } from "zod";
import type { BoardId, CalendarDate } from "../domain/types";
import type { Walkthrough } from "../domain/walkthrough";
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

// Walkthroughs: PartitionKey boardId, RowKey `${date}_${meetingId}`: one shared walkthrough per
// board and day ("all" meetings) now; a later meeting schedule gives each occurrence its own row
// without a new table. A date range of RowKeys finds the last walkthrough before today.

export const walkthroughKeys = (boardId: BoardId, date: CalendarDate, meetingId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${dateKey(date, "Walkthrough date")}_${keyPart(meetingId, "Meeting id")}`,
});

const ids = jsonColumn(z.array(z.string()));

const WalkthroughEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  date: storedDate,
  meetingId: z.string(),
  presenterId: z.string(),
  startedAt: storedInstant,
  endedAt: storedInstant.optional(),
  order: ids,
  currentIndex: z.number().int().nonnegative(),
  currentSince: storedInstant,
  secondsByParticipant: jsonColumn(z.record(z.string(), z.number().int().nonnegative())),
  reviewed: ids,
  added: ids,
  removed: ids,
  /** Written as the count for readers of an earlier version (a rolling deploy); read back from `agreedActionIds`. */
  actionsAgreed: z.number().int().nonnegative(),
  /** Absent on rows written before the server counted actions (the tab reported a bare number then, not carried over). */
  agreedActionIds: ids.optional(),
  attendees: jsonColumn(z.array(z.object({ memberId: z.string(), organisationId: z.string(), joinedAt: storedInstant }))),
  chatIds: jsonColumn(z.array(z.string())).optional(),
});

export const walkthroughMapping: Mapping<Walkthrough> = {
  table: "Walkthroughs",
  what: "Walkthrough",
  toEntity: (w) =>
    entity(walkthroughKeys(w.boardId, w.date, w.meetingId), {
      date: w.date,
      meetingId: w.meetingId,
      presenterId: w.presenterId,
      startedAt: w.startedAt,
      endedAt: w.endedAt,
      order: toJson(w.order, "Walkthrough order"),
      currentIndex: w.currentIndex,
      currentSince: w.currentSince,
      secondsByParticipant: toJson(w.secondsByParticipant, "Time per participant"),
      reviewed: toJson(w.reviewed, "Reviewed"),
      added: toJson(w.added, "Put on"),
      removed: toJson(w.removed, "Taken off"),
      actionsAgreed: w.agreedActionIds.length,
      agreedActionIds: toJson(w.agreedActionIds, "Actions agreed"),
      attendees: toJson(w.attendees, "Attendees"),
      ...(w.chatIds && w.chatIds.length > 0 ? { chatIds: toJson(w.chatIds, "Meeting chats") } : {}),
    }),
  fromEntity: (raw) => {
    const {
      partitionKey,
      rowKey: _rowKey,
      endedAt,
      chatIds,
      actionsAgreed: _count,
      agreedActionIds,
      ...e
    } = parseStored(WalkthroughEntity, "Walkthroughs", raw);
    return {
      boardId: partitionKey,
      ...e,
      agreedActionIds: agreedActionIds ?? [],
      ...(endedAt ? { endedAt } : {}),
      ...(chatIds && chatIds.length > 0 ? { chatIds } : {}),
    };
  },
};
