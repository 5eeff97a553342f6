import type { BoardView } from "@fact-board/contract";
import { createContext, useContext } from "react";
import type { BoardState } from "./useBoard";

export interface BoardContextValue extends Omit<BoardState, "board"> {
  boardId: string;
  /** The recurring meeting this surface is linked to; undefined: the server picks the board's meeting today. */
  meetingId?: string;
  /** The Teams meeting chat this surface runs in, if any. */
  teamsChatId?: string;
  /** The item a card's link opened the tab at (OpenItem id), if any. */
  openItem?: string;
  board: BoardView;
}

export const BoardContext = createContext<BoardContextValue | undefined>(undefined);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error("useBoardContext outside BoardContext");
  return value;
}
