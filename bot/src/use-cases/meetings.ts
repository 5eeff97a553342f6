import type { MeetingList } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId } from "../domain/types";
import type { UseCaseDeps } from "./deps";

/**
 * The board's recurring meetings, for any member: a meeting's configuration page links the tab to
 * one. Names, days and organisations are the board's setup, not anyone's personal data. An empty
 * list: the board has no schedule (one implicit daily meeting with everyone).
 */
export async function listMeetings(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<MeetingList> {
  assertAllowed(actor.member, "board.read");
  const board = await deps.storage.boards.get(boardId);
  if (!board) throw new NotFound("The board");
  return { meetings: board.settings?.meetings ?? [] };
}
