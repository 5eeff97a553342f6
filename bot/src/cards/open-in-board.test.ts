import { type OpenItem, parseOpenItem } from "@fact-board/contract";
import type { AdaptiveCard, Locale } from "./card-kit";
import * as cards from "./index";
import { t } from "./strings";
import { cardGallery, galleryLink } from "./test/gallery";
import { cardValidationProblems as problemsOf } from "./test/validate";

// Action.Execute does nothing in Teams on iOS and Android: every card that acts must also open the
// same item in the tab ("Öppna i FACT-tavlan"), where the same can be done. This runs over every
// card builder the cards module exports: a new builder fails here until the gallery shows it and
// this table says where its link goes.

type Builder = Extract<keyof typeof cards, `build${string}Card`>;

/** Each gallery card: its builder, and the item its "Öppna i FACT-tavlan" must open ("board": the board itself; "none": it does not act). */
const WHERE: Record<string, { builder: Builder; opens: OpenItem | "board" | "none" | { chatOnly: string } }> = {
  "signal, every right": { builder: "buildSignalCard", opens: { item: "signal", signalId: "e" } },
  "consent given, every action": { builder: "buildConsentCard", opens: { item: "consent", participantId: "p", organisationId: "o1" } },
  "consent missing": { builder: "buildConsentCard", opens: { item: "consent", participantId: "p", organisationId: "o1" } },
  "cover request to the substitute": { builder: "buildCoverCard", opens: { item: "cover", absenceId: "a" } },
  "manager alert, absence without cover": { builder: "buildManagerAlertCard", opens: { item: "absence", absenceId: "a" } },
  "manager alert, unanswered signal": { builder: "buildManagerAlertCard", opens: { item: "signal", signalId: "e" } },
  "manager alert with cancel": { builder: "buildManagerAlertCard", opens: { item: "absence", absenceId: "a" } },
  "morning brief": { builder: "buildMorningBriefCard", opens: "none" },
  "check-in summary": { builder: "buildCheckInSummaryCard", opens: "none" },
  "follow the walkthrough, in the meeting chat": { builder: "buildFollowWalkthroughCard", opens: "none" },
  "help with a board": { builder: "buildHelpCard", opens: "board" },
  "absence form": { builder: "buildAbsenceFormCard", opens: { item: "absenceForm" } },
  "signal form": { builder: "buildSignalFormCard", opens: { item: "signalForm" } },
  "my participants": { builder: "buildMyParticipantsCard", opens: { item: "myParticipants" } },
  "participant plans": { builder: "buildPlansCard", opens: { item: "participant", participantId: "p1" } },
  "signal notice in a channel": { builder: "buildSignalNoticeCard", opens: "none" },
  "access log not written": { builder: "buildNotLoggedCard", opens: "none" },
  "absence, followed by its person": { builder: "buildAbsenceCard", opens: { item: "absence", absenceId: "a" } },
  "absence, followed by the manager": { builder: "buildAbsenceCard", opens: { item: "absence", absenceId: "a" } },
  "board choice": { builder: "buildBoardChoiceCard", opens: { item: "signalForm" } },
  // The bot chat's own language: there is nothing in the tab to choose (the tab follows Teams' locale).
  "language choice": { builder: "buildLanguageCard", opens: { chatOnly: "the chat's language" } },
  "welcome, personal": { builder: "buildWelcomeCard", opens: "none" },
  "welcome, team": { builder: "buildWelcomeCard", opens: "none" },
  "welcome, group chat": { builder: "buildWelcomeCard", opens: "none" },
};

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** Action.Execute anywhere but the refresh (which Teams runs itself, no button). */
function executes(card: AdaptiveCard): number {
  let n = 0;
  walk({ body: card.body, actions: card.actions }, (node) => {
    if (node["type"] === "Action.Execute") n++;
  });
  return n;
}

function openUrls(card: AdaptiveCard): Array<{ title: string; url: string }> {
  const out: Array<{ title: string; url: string }> = [];
  walk({ body: card.body, actions: card.actions }, (node) => {
    if (node["type"] === "Action.OpenUrl") out.push({ title: String(node["title"]), url: String(node["url"]) });
  });
  return out;
}

/** The item a link opens: the Teams deep link's subEntityId, or a browser URL's `open`. */
function itemOf(link: string): { board?: string; item?: OpenItem } {
  const url = new URL(link);
  if (url.hostname === "teams.microsoft.com") {
    const entity = decodeURIComponent(url.pathname.split("/")[4] ?? "");
    const context = url.searchParams.get("context");
    const sub = context ? (JSON.parse(context) as { subEntityId?: string }).subEntityId : undefined;
    const item = parseOpenItem(sub);
    return { board: entity.replace(/^board-/, ""), ...(item ? { item } : {}) };
  }
  const item = parseOpenItem(url.searchParams.get("open"));
  const board = url.searchParams.get("board");
  return { ...(board ? { board } : {}), ...(item ? { item } : {}) };
}

describe.each(["sv", "en"] as Locale[])("every card that acts opens the same item in the tab (%s)", (locale) => {
  const gallery = cardGallery(locale);

  it("covers every card builder the cards module exports", () => {
    const builders = Object.keys(cards)
      .filter((k) => /^build\w+Card$/.test(k))
      .sort();
    expect([...new Set(Object.values(WHERE).map((w) => w.builder))].sort()).toEqual(builders);
    expect(gallery.map(([name]) => name).sort()).toEqual(Object.keys(WHERE).sort());
  });

  it.each(gallery.map(([name, json]) => [name, json] as const))("%s", (name, json) => {
    expect(problemsOf(json)).toEqual([]);
    const where = WHERE[name]!;
    const links = openUrls(json).filter((l) => l.title === t(locale).openInBoard);
    if (where.opens === "none") {
      expect(executes(json)).toBe(0);
      return;
    }
    if (typeof where.opens === "object" && "chatOnly" in where.opens) {
      expect(links).toEqual([]);
      return;
    }
    // A card that acts has the link and says in words what it is for; a card that only informs may have it too.
    if (executes(json) > 0) {
      expect(links).toHaveLength(1);
      expect(JSON.stringify(json.body)).toMatch(locale === "sv" ? /Öppna i FACT-tavlan/ : /Open in FACT Board/);
    }
    expect(links.length).toBeLessThanOrEqual(1);
    for (const link of links) {
      const opened = itemOf(link.url);
      if (where.opens === "board") expect(opened).toEqual({ board: "b" });
      else if (name === "board choice") expect(opened).toEqual({ item: where.opens });
      else expect(opened).toEqual({ board: "b", item: where.opens });
    }
  });

  it("links outside Teams are the tab in a plain browser at the same item", () => {
    expect(itemOf(galleryLink({ item: "cover", absenceId: "a" }))).toEqual({ board: "b", item: { item: "cover", absenceId: "a" } });
  });
});
