import { createRoot } from "react-dom/client";
import { App } from "./shell/App";
import { detectHost } from "./teams/host";

const root = createRoot(document.getElementById("root")!);
void detectHost().then((host) => {
  document.documentElement.lang = host.locale.toLowerCase().startsWith("en") ? "en" : "sv";
  root.render(<App host={host} />);
});
