import { z } from "zod";
import type { BoardId } from "../domain/types";
import { type Mapping, boardPartition, entity, parseStored } from "./entity-support";

// BoardVersions: PartitionKey boardId, RowKey "version": one small entity per board, bumped on
// every change, so a tab polling for live updates reads one entity instead of the board.

export const VERSION_ROW = "version";

export interface BoardVersion {
  boardId: BoardId;
  version: number;
}

export const boardVersionKeys = (boardId: BoardId) => ({ partitionKey: boardPartition(boardId), rowKey: VERSION_ROW });

const BoardVersionEntity = z.object({ partitionKey: z.string(), etag: z.string(), version: z.number().int().nonnegative() });

export const boardVersionMapping: Mapping<BoardVersion> = {
  table: "BoardVersions",
  what: "Board version",
  toEntity: (v) => entity(boardVersionKeys(v.boardId), { version: v.version }),
  fromEntity: (raw) => {
    const e = parseStored(BoardVersionEntity, "BoardVersions", raw);
    return { boardId: e.partitionKey, version: e.version, etag: e.etag };
  },
};
