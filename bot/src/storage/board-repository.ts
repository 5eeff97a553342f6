import { odata } from "@azure/data-tables";
import type { Board, BoardId } from "../domain/types";
import { BOARD_PARTITION, boardKeys, boardMapping } from "./board-entity";
import { EntityStore } from "./entity-store";
import type { Stored } from "./entity-support";
import type { Tables } from "./table-clients";

export interface BoardRepository {
  get(boardId: BoardId): Promise<Stored<Board> | undefined>;
  list(): Promise<Array<Stored<Board>>>;
  /** Idempotent: creating the same board again returns it; a different board with the id is AlreadyExists. */
  create(board: Board): Promise<Stored<Board>>;
  /** Replaces the board (name, settings, allowed tenants); a stale ETag is a Conflict. */
  update(board: Board, options: { expectedEtag: string }): Promise<Stored<Board>>;
}

export function boardRepository(tables: Tables): BoardRepository {
  const store = new EntityStore(tables.boards, boardMapping);
  return {
    get: async (boardId) => {
      const k = boardKeys(boardId);
      return store.get(k.partitionKey, k.rowKey);
    },
    list: async () => store.list(odata`PartitionKey eq ${BOARD_PARTITION}`),
    create: async (board) => store.create(board),
    update: async (board, { expectedEtag }) => store.update(board, "Replace", expectedEtag),
  };
}
