import { startEarly, startEarlyPublic } from "../api/early";
import { readDevToken } from "../api/session";
import { catalogueChunks, languageFor } from "../i18n/language";
import { preloadView } from "../shell/view-modules";
import { type Host, detectHost, viewFor } from "../teams/host";

// What the first row waits for — the board and "me", the surface's chunk, the words — starts
// here, run by boot.ts (the page's first, small script) while the application's scripts (React,
// Fluent, the shell) are still downloading, not after they have run. It also asks Teams for its
// context; main.tsx renders once that is known. Both call startHost; it runs once.

let started: Promise<Host> | undefined;

/** Where the tab runs, once known; the reads it allows already started. */
export function startHost(): Promise<Host> {
  return (started ??= begin());
}

function begin(): Promise<Host> {
  const params = new URLSearchParams(window.location.search);
  const board = params.get("board");
  const startReads = (token: string | Promise<string>) => {
    startEarly("/api/me", token);
    if (board) startEarly(`/api/boards/${encodeURIComponent(board)}`, token);
  };

  // The language's words, downloading now; i18n/load.ts takes them from the module cache.
  const warmCatalogue = (locale: string) => void catalogueChunks(languageFor(locale)).catch(() => undefined);

  // A plain browser page knows its language, surface and (development) token from the URL and the
  // session at once. Inside Teams they follow its context. The reads go out first: over HTTP/1.1
  // the surface's chunks would otherwise take every connection before them.
  // The words come before the surface's chunks: the first render waits for them, the surface only
  // later (it has several small files, which would otherwise queue in front of the words).
  if (window.self === window.top && !params.has("signIn")) {
    const dev = readDevToken();
    if (dev) startReads(dev.token);
    // Outside Teams the first thing the page asks is how to sign in.
    startEarlyPublic("/api/sign-in/config");
    warmCatalogue(params.get("lang") ?? "sv-SE");
    preloadView(viewFor(undefined, params.get("view")));
  }

  const host = detectHost().then((host) => {
    if (!host.signInPopup) {
      if (host.teams && host.view !== "config") startReads(host.teams.getAuthToken());
      if (host.inTeams) warmCatalogue(host.locale);
      preloadView(host.view);
    }
    return host;
  });
  return host;
}
