import { createContext, type ReactNode } from "react";

// Links out of the tab. Inside Teams a deep link (a chat) is handed to Teams (teams-js
// app.openLink): an iframe navigating to teams.microsoft.com would open the web client inside the
// tab. In a plain browser it is an ordinary link in a new window. The provider is on every page;
// the link itself (TeamsLink, with Fluent's Link) loads with the parts that show one.

export const OpenLinkContext = createContext<((url: string) => Promise<void>) | undefined>(undefined);

export function OpenLinkProvider({ open, children }: { open?: (url: string) => Promise<void>; children: ReactNode }) {
  return <OpenLinkContext.Provider value={open}>{children}</OpenLinkContext.Provider>;
}
