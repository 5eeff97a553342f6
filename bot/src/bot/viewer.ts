import { boardTabEntityId } from "@fact-board/contract";
import { type Locale, boardTabDeepLink } from "../cards";
import type { Actor, Member } from "../domain/types";
import type { UseCaseDeps } from "../use-cases/deps";

// Who a card is built for, and the small helpers every card view shares.

export interface CardViewDeps {
  useCases: UseCaseDeps;
  /** The Teams app id (manifest id) and the board tab's entity id, for deep links. */
  teamsAppId: string;
}

/** Teams' user MRI for an Entra user: what refresh.userIds holds. */
export const mriOf = (m: Pick<Member, "objectId">): string => `8:orgid:${m.objectId}`;

export interface Viewer {
  member?: Member;
  /** "channel": any shared conversation. It is told counts and a link, nothing about a participant. */
  audience: "personal" | "channel";
  locale: Locale;
  message?: string;
  /** Extra users to refresh automatically (a channel card: the people concerned). */
  refreshUserIds?: string[];
}

export const userIds = (v: Viewer): string[] => [...(v.member ? [mriOf(v.member)] : []), ...(v.refreshUserIds ?? [])];

/** Cards read through the use-cases as the person, from the bot channel (what the access log records). */
export const actorOf = (member: Member): Actor => ({ member, channel: "bot" });

/** Opens the board's configured tab: the entity id the configuration page saved for this board. */
export function boardUrl(deps: CardViewDeps, boardId: string, boardName: string): string | undefined {
  return deps.teamsAppId ? boardTabDeepLink(deps.teamsAppId, boardTabEntityId(boardId), boardName) : undefined;
}

/** "Om tavlan" in the board's tab (the tab opens that page for the sub-entity "about"): the cards' help link. */
export function boardAboutUrl(deps: CardViewDeps, boardId: string, boardName: string): string | undefined {
  const url = boardUrl(deps, boardId, boardName);
  return url ? `${url}&context=${encodeURIComponent(JSON.stringify({ subEntityId: "about" }))}` : undefined;
}
