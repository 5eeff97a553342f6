import type { MorningBriefView } from "../core";
import { type AdaptiveCard, type HowShown, type Locale, card, facts, notice, text, title } from "./card-kit";
import { t } from "./strings";
import type { CardRef } from "./verbs";

/** Posted to the team channel before the check-in: counts only, never a participant. */
export type MorningBriefData = MorningBriefView &
  HowShown & {
    /** https://teams.microsoft.com/l/entity/<appId>/<entityId>: opens the board tab. */
    boardDeepLink: string;
    /** Before a scheduled meeting: its walkthrough in the browser (as the meeting chat's "Följ genomgången"). */
    followUrl?: string;
  };

export function buildMorningBriefCard(data: MorningBriefData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const c = data.counts;
  const ref: CardRef = { card: "morningBrief", boardId: data.boardId, ...(data.meeting ? { meetingId: data.meeting.id } : {}) };
  return card(
    [
      ...notice(data.message),
      title(`${s.morningBriefTitle}: ${data.boardName}`),
      text(data.meeting ? `${data.meeting.name} · ${data.date}` : data.date, { isSubtle: true, spacing: "none" }),
      facts([
        [s.onBoard, String(c.onBoard)],
        [s.newSinceYesterday, String(c.newSinceYesterday)],
        [s.evaluationsDue, String(c.evaluationsDue)],
        [s.openSignals, String(c.openSignals)],
        [s.consentProblems, String(c.consentProblems)],
        [s.absencesWithoutCover, String(c.absencesWithoutCover)],
      ]),
      text(s.countsOnly, { isSubtle: true, size: "small" }),
      ...(data.followUrl ? [text(s.followWalkthroughBrief, { isSubtle: true, size: "small" as const })] : []),
    ],
    {
      actions: [
        { type: "Action.OpenUrl", title: s.openBoard, url: data.boardDeepLink },
        ...(data.followUrl ? [{ type: "Action.OpenUrl" as const, title: s.followWalkthrough, url: data.followUrl }] : []),
      ],
      refresh: { data: ref, userIds: data.refreshUserIds },
      fallbackText: s.morningBriefTitle,
    },
  );
}

/** The Teams deep link to a tab: context is URL-encoded JSON as Teams expects. */
export function boardTabDeepLink(appId: string, entityId: string, label: string, channelId?: string): string {
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?label=${encodeURIComponent(label)}`;
  return channelId ? `${base}&context=${encodeURIComponent(JSON.stringify({ channelId }))}` : base;
}
