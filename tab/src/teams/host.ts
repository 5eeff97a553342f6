import type { TeamsContext } from "./teams";

export type ThemeName = "default" | "dark" | "contrast";
export type ViewName = "sidePanel" | "stage" | "channel" | "config" | "personal";

export interface Host {
  inTeams: boolean;
  view: ViewName;
  /** A BCP 47 tag: Teams' locale inside Teams, the browser's (or ?lang=) outside. */
  locale: string;
  theme: ThemeName;
  boardId?: string;
  /** Inside a Teams channel: its id. */
  channelId?: string;
  /** The board's recurring meeting this tab is linked to (`meeting=` in the saved content URL). */
  meetingId?: string;
  /** Teams says the tab runs in a meeting (its context has a meeting id): the configuration page offers the board's meetings. */
  inMeeting?: boolean;
  /** The Teams meeting's chat, sent when joining the walkthrough so its summary reaches that chat. */
  teamsChatId?: string;
  teams?: typeof import("./teams");
  /** The item a card's link opens (parseOpenItem): Teams' subEntityId in Teams, `open=` in a browser. */
  openItem?: string;
  /** This page is Teams' sign-in popup (`?signIn=popup`), opened by authentication.authenticate. */
  signInPopup?: boolean;
  /** A page of the channel tab to open first: "about" ("Om tavlan") from the cards' help link. */
  section?: "about";
}

const sectionOf = (value: string | null | undefined): { section?: "about" } => (value === "about" ? { section: "about" } : {});
/** A deep link's sub-entity names either a page ("about") or an item a card opens. */
const openItemOf = (value: string | null | undefined): { openItem?: string } => (value && value !== "about" ? { openItem: value } : {});

const views: readonly ViewName[] = ["sidePanel", "stage", "channel", "config", "personal"];

export function toThemeName(theme: string | null | undefined): ThemeName {
  if (theme === "dark") return "dark";
  if (theme === "contrast") return "contrast";
  return "default";
}

/**
 * Inside Teams the frame context decides the surface (one saved URL serves the side panel, the
 * stage and the channel or meeting tab); a URL `view` is only for the plain browser.
 */
export function viewFor(frameContext: string | undefined, requested: string | null): ViewName {
  const asked = requested && (views as readonly string[]).includes(requested) ? (requested as ViewName) : undefined;
  if (frameContext === undefined) return asked ?? "channel";
  switch (frameContext) {
    case "sidePanel":
      return "sidePanel";
    case "meetingStage":
    case "stage":
      return "stage";
    case "settings":
      return "config";
    default:
      // The static personal tab ("Mina deltagare") is a content frame too; its manifest URL says so.
      return asked === "personal" ? "personal" : "channel";
  }
}

function isFramed(): boolean {
  try {
    return window.self !== window.top || window.opener != null;
  } catch {
    return true;
  }
}

export async function detectHost(location: Location = window.location): Promise<Host> {
  const params = new URLSearchParams(location.search);
  const requestedView = params.get("view");
  const boardId = params.get("board") ?? undefined;
  const meetingId = params.get("meeting") ?? undefined;
  const openItem = params.get("open") ?? undefined;
  let teamsContext: TeamsContext | undefined;
  let teams: typeof import("./teams") | undefined;
  // Back from the Microsoft sign-in with its answer in the fragment (a browser tab, or Teams' sign-in
  // popup, whose opener would otherwise make it look framed): the browser session lets MSAL finish
  // and return to the page the sign-in started on.
  if (/[#&](code|error)=/.test(location.hash) && /[#&]state=/.test(location.hash)) {
    return {
      inTeams: false,
      view: "channel",
      locale: params.get("lang") ?? "sv-SE",
      theme: "default",
      boardId,
      ...(meetingId ? { meetingId } : {}),
      ...(openItem ? { openItem } : {}),
    };
  }
  if (isFramed()) {
    try {
      teams = await import("./teams");
      teamsContext = await teams.initialize(2500);
    } catch {
      teamsContext = undefined;
    }
  }
  if (params.get("signIn") === "popup") {
    return {
      inTeams: true,
      view: "channel",
      locale: params.get("lang") ?? navigator.language ?? "sv-SE",
      theme: "default",
      boardId,
      signInPopup: true,
    };
  }
  if (teamsContext && teams) {
    return {
      inTeams: true,
      view: viewFor(teamsContext.frameContext, requestedView),
      locale: teamsContext.locale || "sv-SE",
      theme: toThemeName(teamsContext.theme),
      boardId,
      ...(teamsContext.channelId ? { channelId: teamsContext.channelId } : {}),
      ...(meetingId ? { meetingId } : {}),
      inMeeting: teamsContext.inMeeting,
      ...(teamsContext.chatId ? { teamsChatId: teamsContext.chatId } : {}),
      ...sectionOf(teamsContext.subPageId ?? params.get("section")),
      ...openItemOf(teamsContext.subPageId ?? openItem),
      teams,
    };
  }
  const prefersDark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const lang = params.get("lang");
  return {
    inTeams: false,
    view: viewFor(undefined, requestedView),
    locale: lang ?? "sv-SE",
    theme: params.has("theme") ? toThemeName(params.get("theme")) : prefersDark ? "dark" : "default",
    boardId,
    ...(meetingId ? { meetingId } : {}),
    ...sectionOf(params.get("section")),
    ...(openItem ? { openItem } : {}),
  };
}
