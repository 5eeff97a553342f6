import { z } from "zod";
import type { BoardId } from "../domain/types";
import { type Mapping, boardPartition, entity, parseStored } from "./entity-support";

// BoardVersions: PartitionKey boardId, RowKey "version": one small entity per board holding what a
// live viewer needs to know has changed: the board's version (bumped on every change of the
// board), the walkthrough's own version and position (bumped on every walkthrough change, which
// leaves the board's version alone), and the presenting stage's last heartbeat. Each instance
// polls this one entity per watched board to carry changes made through other instances.

export const VERSION_ROW = "version";

export interface WalkthroughMark {
  meetingId: string;
  version: number;
  index: number;
  change: "move" | "other";
}

export interface PresenterHeartbeat {
  meetingId: string;
  memberId: string;
  /** When the presenting stage last beat (the server's clock). */
  seenAt: string;
}

export interface BoardVersion {
  boardId: BoardId;
  version: number;
  walkthrough?: WalkthroughMark;
  presenter?: PresenterHeartbeat;
}

export const boardVersionKeys = (boardId: BoardId) => ({ partitionKey: boardPartition(boardId), rowKey: VERSION_ROW });

const BoardVersionEntity = z.object({
  partitionKey: z.string(),
  etag: z.string(),
  version: z.number().int().nonnegative(),
  walkthroughMeetingId: z.string().optional(),
  walkthroughVersion: z.number().int().nonnegative().optional(),
  walkthroughIndex: z.number().int().nonnegative().optional(),
  walkthroughChange: z.enum(["move", "other"]).optional(),
  presenterMeetingId: z.string().optional(),
  presenterMemberId: z.string().optional(),
  presenterSeenAt: z.string().optional(),
});

export const boardVersionMapping: Mapping<BoardVersion> = {
  table: "BoardVersions",
  what: "Board version",
  toEntity: (v) =>
    entity(boardVersionKeys(v.boardId), {
      version: v.version,
      walkthroughMeetingId: v.walkthrough?.meetingId,
      walkthroughVersion: v.walkthrough?.version,
      walkthroughIndex: v.walkthrough?.index,
      walkthroughChange: v.walkthrough?.change,
      presenterMeetingId: v.presenter?.meetingId,
      presenterMemberId: v.presenter?.memberId,
      presenterSeenAt: v.presenter?.seenAt,
    }),
  fromEntity: (raw) => {
    const e = parseStored(BoardVersionEntity, "BoardVersions", raw);
    const walkthrough =
      e.walkthroughMeetingId !== undefined && e.walkthroughVersion !== undefined
        ? {
            meetingId: e.walkthroughMeetingId,
            version: e.walkthroughVersion,
            index: e.walkthroughIndex ?? 0,
            change: e.walkthroughChange ?? ("other" as const),
          }
        : undefined;
    const presenter =
      e.presenterMeetingId !== undefined && e.presenterMemberId !== undefined && e.presenterSeenAt !== undefined
        ? { meetingId: e.presenterMeetingId, memberId: e.presenterMemberId, seenAt: e.presenterSeenAt }
        : undefined;
    return {
      boardId: e.partitionKey,
      version: e.version,
      ...(walkthrough ? { walkthrough } : {}),
      ...(presenter ? { presenter } : {}),
      etag: e.etag,
    };
  },
};
