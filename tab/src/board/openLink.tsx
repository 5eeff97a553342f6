import { Link } from "@fluentui/react-components";
import { createContext, useContext, type ReactNode } from "react";

// Links out of the tab. Inside Teams a deep link (a chat) is handed to Teams (teams-js
// app.openLink): an iframe navigating to teams.microsoft.com would open the web client inside the
// tab. In a plain browser it is an ordinary link in a new window.

const OpenLinkContext = createContext<((url: string) => Promise<void>) | undefined>(undefined);

export function OpenLinkProvider({ open, children }: { open?: (url: string) => Promise<void>; children: ReactNode }) {
  return <OpenLinkContext.Provider value={open}>{children}</OpenLinkContext.Provider>;
}

/** A Teams deep link: through Teams when the tab runs in it, else a new browser window. */
export function TeamsLink({
  href,
  children,
  ...rest
}: { href: string; children: ReactNode } & Record<`data-${string}` | "aria-label", string>) {
  const open = useContext(OpenLinkContext);
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        if (!open) return;
        event.preventDefault();
        void open(href).catch(() => window.open(href, "_blank", "noopener"));
      }}
      {...rest}
    >
      {children}
    </Link>
  );
}
