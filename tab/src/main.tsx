import { createRoot } from "react-dom/client";
import { startEarly } from "./api/early";
import { readDevToken } from "./api/session";
import { loadCatalogue } from "./i18n/load";
import { App } from "./shell/App";
import { preloadView } from "./shell/views";
import { detectHost, viewFor } from "./teams/host";
import { loadTheme } from "./teams/themes";

const params = new URLSearchParams(window.location.search);
const board = params.get("board");
const startReads = (token: Promise<string>) => {
  startEarly("/api/me", token);
  if (board) startEarly(`/api/boards/${encodeURIComponent(board)}`, token);
};

// A plain browser page knows its language, surface and (development) token from the URL and the
// session at once: start them now, not after the host is detected. Inside Teams they follow its context.
if (window.self === window.top && !params.has("signIn")) {
  void loadCatalogue(params.get("lang") ?? "sv-SE").catch(() => undefined);
  preloadView(viewFor(undefined, params.get("view")));
  const dev = readDevToken();
  if (dev) startReads(Promise.resolve(dev.token));
}

const root = createRoot(document.getElementById("root")!);
void detectHost().then(async (host) => {
  document.documentElement.lang = host.locale.toLowerCase().startsWith("en") ? "en" : "sv";
  if (host.signInPopup) {
    await loadCatalogue(host.locale);
    root.render(<App host={host} />);
    return;
  }
  // The surface's chunk, "me" and the board download beside the catalogue and the theme.
  preloadView(host.view);
  if (host.teams && host.view !== "config") startReads(host.teams.getAuthToken());
  await Promise.all([loadCatalogue(host.locale), loadTheme(host.theme)]);
  root.render(<App host={host} />);
});
