import { app, authentication, meeting, pages, sharing, teamsCore } from "@microsoft/teams-js";
import { boardTabEntityId } from "@fact-board/contract/tab-entity";

// Everything that talks to the Teams host. Loaded with a dynamic import only when the tab runs in
// a frame, so a plain browser (the demo) neither downloads teams-js nor waits for a host.

export interface TeamsContext {
  frameContext: string;
  locale: string;
  theme: string;
  /** The Teams channel the tab is in (the configuration page offers it for the morning brief). */
  channelId?: string;
  inMeeting: boolean;
  /** The meeting's chat (a side panel or stage): the walkthrough's summary is posted there. */
  chatId?: string;
  /** A deep link's subEntityId: "about" (a card's "Hjälp" link) or the item a card's "Öppna i FACT-tavlan" opens. */
  subPageId?: string;
}

/**
 * The tenant to ask Teams for a token from. In a shared channel (Teams Connect) people of other
 * organisations are external members: they sign in with their home tenant, which Teams gives the
 * token for only when asked by tenant id. Elsewhere Teams' default (the tenant Teams runs in) is right.
 */
let tokenTenantId: string | undefined;

export async function initialize(timeoutMs: number): Promise<TeamsContext | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs));
  const ready = (async () => {
    await app.initialize();
    const context = await app.getContext();
    tokenTenantId = context.channel?.membershipType === "Shared" ? context.user?.tenant?.id : undefined;
    return {
      frameContext: String(context.page.frameContext),
      locale: context.app.locale,
      theme: context.app.theme ?? "default",
      inMeeting: Boolean(context.meeting?.id),
      ...(context.channel?.id ? { channelId: context.channel.id } : {}),
      ...(context.meeting?.id && context.chat?.id ? { chatId: context.chat.id } : {}),
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
    };
  })().catch(() => undefined);
  const result = await Promise.race([ready, timeout]);
  if (result) app.notifySuccess();
  return result;
}

/** A link out of the tab (a Teams chat deep link): Teams opens it itself; a frame's own navigation is blocked. */
export function openLink(url: string): Promise<void> {
  return app.openLink(url);
}

export function onThemeChange(handler: (theme: string) => void): void {
  app.registerOnThemeChangeHandler(handler);
}

export function getAuthToken(): Promise<string> {
  return authentication.getAuthToken(tokenTenantId ? { tenantId: tokenTenantId } : undefined);
}

/**
 * When Teams cannot give a token silently (resourceRequiresConsent, a partner tenant that has not
 * consented yet, a sign-in that expired), the person signs in and consents in Teams' popup, which
 * opens the tab's own sign-in page (`?signIn=popup`: MSAL, then notifySuccess).
 */
export async function signInInPopup(origin: string): Promise<void> {
  await authentication.authenticate({ url: `${origin}/tab/?signIn=popup`, width: 600, height: 535 });
}

/** The popup page's end: tell the tab that opened it the sign-in is done (Teams closes the popup). */
export function notifySignedIn(): void {
  authentication.notifySuccess();
}

export function notifySignInFailed(reason: string): void {
  authentication.notifyFailure(reason);
}

/** "Dela till mötesskärmen" shows only where the host can share and the app has the permission. */
export function canShareToStage(): Promise<boolean> {
  if (!sharing.isSupported()) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) =>
        resolve(!error && capabilities?.doesAppHaveSharePermission === true),
      );
    } catch {
      resolve(false);
    }
  });
}

/**
 * Teams app caching (side panel and stage): Teams keeps the page when the panel closes and calls
 * the load handler when it opens again, so reopening during the meeting is instant. `onLoad` gets
 * the content URL Teams reopens (it may name another board).
 */
export function enableCaching(onLoad: (contentUrl: string) => void): void {
  if (!teamsCore.isSupported()) return;
  teamsCore.registerBeforeUnloadHandler((readyToUnload) => {
    readyToUnload();
    return true;
  });
  teamsCore.registerOnLoadHandler((data) => {
    onLoad(data.contentUrl);
    app.notifySuccess();
  });
}

export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? String(error.errorCode))) : resolve()), url);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** The configurable tab's save: Teams stores the content URL that selects the board. */
export function registerConfigSave(
  getConfig: () => { boardId: string; boardName: string; meetingId?: string } | undefined,
  origin: string,
): void {
  pages.config.registerOnSaveHandler((saveEvent) => {
    const chosen = getConfig();
    if (!chosen) {
      saveEvent.notifyFailure("no board chosen");
      return;
    }
    // No `view`: the same saved URL opens the side panel, the stage or the channel board, as the
    // frame context says (a `view` in the URL would pin every context to one surface). In a meeting
    // the tab is linked to one of the board's recurring meetings: its side panel and stage open that
    // meeting's walkthrough.
    const contentUrl = `${origin}/tab/?board=${encodeURIComponent(chosen.boardId)}${chosen.meetingId ? `&meeting=${encodeURIComponent(chosen.meetingId)}` : ""}`;
    pages.config
      .setConfig({ entityId: boardTabEntityId(chosen.boardId), contentUrl, websiteUrl: contentUrl, suggestedDisplayName: chosen.boardName })
      .then(() => saveEvent.notifySuccess())
      .catch((e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : String(e)));
  });
}

export function setConfigValid(valid: boolean): void {
  pages.config.setValidityState(valid);
}
