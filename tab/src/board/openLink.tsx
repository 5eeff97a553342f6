import { Link } from "@fluentui/react-components";
import { useContext, type ReactNode } from "react";
import { OpenLinkContext } from "./openLinkContext";

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
