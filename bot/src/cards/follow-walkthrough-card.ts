import { type AdaptiveCard, type Locale, card, text, title } from "./card-kit";
import { t } from "./strings";

/**
 * Posted once to the meeting chat when a walkthrough starts: the chat reaches every attendee,
 * those who joined from another tenant too (they get no meeting side panel or stage), and the link
 * opens the walkthrough in a browser after their own organisation's sign-in. Nothing about a
 * participant: every attendee reads the chat, whatever their organisation may see.
 */
export interface FollowWalkthroughData {
  boardName: string;
  meetingName?: string;
  date: string;
  /** The stage in the browser: /tab/?view=stage&board=…&meeting=…. */
  followUrl: string;
}

export function buildFollowWalkthroughCard(data: FollowWalkthroughData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  return card(
    [
      title(`${s.followWalkthroughTitle}: ${data.boardName}`),
      text(data.meetingName ? `${data.meetingName} · ${data.date}` : data.date, { isSubtle: true, spacing: "none" }),
      text(s.followWalkthroughText),
    ],
    { actions: [{ type: "Action.OpenUrl", title: s.followWalkthrough, url: data.followUrl }], fallbackText: s.followWalkthroughTitle },
  );
}
