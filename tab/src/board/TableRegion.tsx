import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  region: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // On a phone a table keeps its columns wide enough to read, and scrolls inside the region instead
  // of squeezing every word onto lines of its own.
  narrow: { "@media (max-width: 599.98px)": { "& > table": { minWidth: "36rem" } } },
});

/**
 * A table that may be wider than the screen scrolls sideways inside this region, never the page.
 * While it does, the region is a tab stop named like its table, so that a keyboard can scroll it too
 * (axe: scrollable-region-focusable); a table that fits adds no tab stop.
 */
export function TableRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const region = ref.current;
    if (!region || typeof ResizeObserver === "undefined") return;
    const check = () => setScrolls(region.scrollWidth > region.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(region);
    if (region.firstElementChild) observer.observe(region.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={mergeClasses(styles.region, styles.narrow, className)}
      {...(scrolls ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
