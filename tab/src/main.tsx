import { createRoot } from "react-dom/client";
import { loadCatalogue } from "./i18n/load";
import { App } from "./shell/App";
import { preloadView } from "./shell/views";
import { detectHost } from "./teams/host";
import { loadTheme } from "./teams/themes";

const root = createRoot(document.getElementById("root")!);
void detectHost().then(async (host) => {
  document.documentElement.lang = host.locale.toLowerCase().startsWith("en") ? "en" : "sv";
  // The surface's chunk downloads beside the catalogue and theme and, once rendered, the board.
  if (!host.signInPopup) preloadView(host.view);
  await Promise.all([loadCatalogue(host.locale), loadTheme(host.theme)]);
  root.render(<App host={host} />);
});
