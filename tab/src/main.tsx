import { createRoot } from "react-dom/client";
import { fetchSignInConfig } from "./api/client";
import { startHost } from "./startup/start-host";
import { loadCatalogue } from "./i18n/load";
import { App } from "./shell/App";
import { startKeyboardNavigation } from "./shell/keyboardNavigation";
import { loadTheme } from "./teams/themes";

// The application, run by boot.ts once the host is known: startHost has started the reads, the
// surface's chunk and the words.
const root = createRoot(document.getElementById("root")!);
// Before Fluent's provider mounts: it shares this instance (see keyboardNavigation.ts).
const keyboard = startKeyboardNavigation();
void startHost().then(async (host) => {
  document.documentElement.lang = host.locale.toLowerCase().startsWith("en") ? "en" : "sv";
  if (host.signInPopup) {
    await Promise.all([loadCatalogue(host.locale), keyboard]);
    root.render(<App host={host} />);
    return;
  }
  // Outside Teams the page signs in first: how is on its way already (start-host.ts), and taken
  // here it saves the first render a round of its own.
  const signIn = host.teams ? undefined : fetchSignInConfig().then((c) => c ?? null);
  const [signInConfig] = await Promise.all([signIn, loadCatalogue(host.locale), loadTheme(host.theme), keyboard]);
  root.render(<App host={host} signInConfig={signInConfig} />);
});
