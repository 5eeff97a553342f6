import { boardTabEntityId } from "@fact-board/contract";
import { type Locale, boardTabDeepLink } from "../cards";
import type { Member } from "../domain/types";

// Who a card is built for, and how it is presented to them: the core's viewer (member, audience)
// plus the language, a line saying what just happened, and who Teams refreshes it for.

export interface Viewer {
  member?: Member;
  /** "channel": any shared conversation. It is told counts and a link, nothing about a participant. */
  audience: "personal" | "channel";
  locale: Locale;
  message?: string;
  /** Extra users to refresh automatically (a channel card: the people concerned). */
  refreshUserIds?: string[];
  /** The help card's "I did not understand that". */
  notUnderstood?: boolean;
}

/** Teams' user MRI for an Entra user: what refresh.userIds holds. */
export const mriOf = (m: Pick<Member, "objectId">): string => `8:orgid:${m.objectId}`;

export const userIds = (v: Viewer): string[] => [...(v.member ? [mriOf(v.member)] : []), ...(v.refreshUserIds ?? [])];

/** The board's tab in Teams, where a Teams app is configured. */
function boardUrl(teamsAppId: string, boardId: string, boardName: string): string | undefined {
  return teamsAppId ? boardTabDeepLink(teamsAppId, boardTabEntityId(boardId), boardName) : undefined;
}

/** The same link where a card always has one (the brief and the meeting summary): a placeholder app id without a Teams app. */
export const boardDeepLink = (teamsAppId: string, boardId: string, boardName: string): string =>
  boardTabDeepLink(teamsAppId || "fact-board", boardTabEntityId(boardId), boardName);

/** "Om tavlan" in the board's tab (the tab opens that page for the sub-entity "about"): the cards' help link. */
export function boardAboutUrl(teamsAppId: string, boardId: string, boardName: string): string | undefined {
  const url = boardUrl(teamsAppId, boardId, boardName);
  return url ? `${url}&context=${encodeURIComponent(JSON.stringify({ subEntityId: "about" }))}` : undefined;
}
