import type { SignalState } from "@fact-board/contract";
import { type AdaptiveCard, type CardAction, type Locale, card, notice, text, title } from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/**
 * A signal as a shared conversation (team channel, group chat, meeting chat) sees it: a count,
 * the receiving organisation and a link to the board. Never the participant's code or initials,
 * the kind of need or any text: organisations without consent read these conversations too.
 */
export interface SignalNoticeData {
  boardId: string;
  signalId: string;
  toOrganisation: string;
  state: SignalState;
  boardUrl?: string;
  message?: string;
  refreshUserIds: string[];
}

export function buildSignalNoticeCard(data: SignalNoticeData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"signal"> = { card: "signal", boardId: data.boardId, signalId: data.signalId, audience: "channel" };
  const line =
    data.state === "open" ? s.signalNotice(1, data.toOrganisation) : s.signalNoticeAnswered(data.toOrganisation, s.signalState[data.state]);
  const actions: CardAction[] = data.boardUrl ? [{ type: "Action.OpenUrl", title: s.openInBoard, url: data.boardUrl }] : [];
  return card([...notice(data.message), title(line), text(s.sharedNoticeHint, { isSubtle: true, size: "small" })], {
    actions,
    refresh: { data: ref, userIds: data.refreshUserIds },
    fallbackText: data.boardUrl ? `${line} · ${s.openInBoard}` : line,
  });
}
