import { z } from "zod";
import type { BoardId, Instant } from "../domain/types";
import { type Mapping, type RawEntity, boardPartition, entity, parseStored, storedInstant } from "./entity-support";
import { safeKey } from "./safe-key";

// RequestKeys: one row per "this was asked for once" — a key the client sent with a create, or the
// content that makes two creates the same (one person's absence for one period). Creating the row
// is the atomic check: a 409 means another request got there first, and its row names what it made.
//   PartitionKey: the board, RowKey: the key (scope, who, and the client's key or the content).

export interface RequestKey {
  boardId: BoardId;
  key: string;
  /** The id of what the first request makes (an absence, a signal). */
  resultId: string;
  at: Instant;
}

export const requestKeyKeys = (boardId: BoardId, key: string) => ({ partitionKey: boardPartition(boardId), rowKey: safeKey(key) });

const RequestKeyEntity = z.object({
  partitionKey: z.string(),
  etag: z.string(),
  key: z.string(),
  resultId: z.string(),
  at: storedInstant,
});

export const requestKeyMapping: Mapping<RequestKey> = {
  table: "RequestKeys",
  what: "Request key",
  toEntity: (k) => entity(requestKeyKeys(k.boardId, k.key), { key: k.key, resultId: k.resultId, at: k.at }),
  fromEntity: (raw: RawEntity) => {
    const e = parseStored(RequestKeyEntity, "RequestKeys", raw);
    return { boardId: e.partitionKey, key: e.key, resultId: e.resultId, at: e.at, etag: e.etag };
  },
};
