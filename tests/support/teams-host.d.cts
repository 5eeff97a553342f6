import type { BrowserContext, Frame, Page } from "playwright-core";

/** Where in Teams the tab runs: a meeting's side panel or stage, a channel or personal tab, the configuration page. */
export type FrameContext = "sidePanel" | "meetingStage" | "content" | "settings";

export interface Person {
  tenantId: string;
  objectId: string;
}

export interface TeamsHostOptions {
  frameContext: FrameContext;
  /** The tab URL as Teams loads it (a saved contentUrl, a shared stage URL), relative to the app's origin. */
  url: string;
  /** The person getContext names (tid, userObjectId). */
  person?: Person;
  /** More of getContext's answer: meetingId, channelId, channelType, hostTeamTenantId, locale, ... */
  context?: Record<string, unknown>;
  /** getAuthToken's answer whatever tenant the tab asks for... */
  token?: string;
  /** ... or by the tenant id the tab asks for ("" is Teams' default tenant). */
  tokens?: Record<string, string>;
  /** getAuthToken fails with this reason until authentication.authenticate has run once. */
  failUntilAuthenticated?: string;
  /** meeting.shareAppContentToStage fails with this message. */
  shareFails?: string;
  /** The tab's frame in px (default 1200 × 860). */
  width?: number;
  height?: number;
  /** Answer this URL (teams-js's valid-domains list) offline, as Microsoft's CDN would. Tests only: it routes requests through the test. */
  validDomainsUrl?: string;
}

export interface TeamsHost {
  page: Page;
  /** The tab's frame. */
  frame: Frame;
  /** Console messages of the host page and the tab's frame. */
  readonly console: string[];
  /** Every request the tab made of the host, in order: `func` and its `args`. */
  calls(): Promise<Array<{ func: string; args: unknown[] }>>;
  /** Waits until the tab has made a request `func`; the first such request. */
  waitForCall(func: string): Promise<{ func: string; args: unknown[] }>;
  /** The person pressed "Save" on the configuration page. */
  save(): Promise<void>;
  /** Teams switched its theme ("default", "dark", "contrast"). */
  changeTheme(theme: string): Promise<void>;
}

export const FIXTURES_PATH: string;
export function teamsContext(frameContext: FrameContext, person?: Person, extra?: Record<string, unknown>): Record<string, unknown>;
/** Opens `options.url` inside the Teams-like host in a new page of `context`, on `baseUrl`'s origin. */
export function openInTeamsHost(context: BrowserContext, baseUrl: string, options: TeamsHostOptions): Promise<TeamsHost>;
