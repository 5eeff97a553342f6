import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  mergeClasses,
  teamsLightTheme,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { errorText } from "../api/errorText";
import { useI18n } from "../i18n";

// A dialog whose content is also a page to print (the log extract, Dagens beslut). While it is
// open, printing prints that page alone: everything else on the page (the board, the drawer, the
// dialog with its buttons) is hidden for print, scoped by a body attribute so printing at any other
// time is untouched. On paper always light, whatever the theme on screen.

const usePrintStyles = makeStaticStyles(
  "@media print { body[data-fact-printing] > :not([data-fact-print]) { display: none !important; } }",
);

export const usePrintableStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  // Wider than Fluent's 600 px, so a table's columns and three buttons fit on one line each.
  surface: { maxWidth: "min(48rem, 100vw)" },
  screenOnly: { "@media print": { display: "none" } },
  printOnly: {
    display: "none",
    "@media print": { display: "block", padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

export interface PrintableDialogProps {
  title: string;
  onClose(): void;
  /** On screen, inside the dialog. */
  children: ReactNode;
  actions: ReactNode;
  /** On paper; nothing to print until it is there. */
  paper?: ReactNode;
  /** Names the content as a focusable region: a long list scrolls on a small screen, and a keyboard must reach all of it. */
  regionLabel?: string;
  /** Extra attributes on the dialog's surface (tests find it by them). */
  surfaceData?: Record<`data-${string}`, string>;
}

export function PrintableDialog({ title, onClose, children, actions, paper, regionLabel, surfaceData }: PrintableDialogProps) {
  const styles = usePrintableStyles();
  usePrintStyles();
  useEffect(() => {
    document.body.setAttribute("data-fact-printing", "");
    return () => document.body.removeAttribute("data-fact-printing");
  }, []);
  const region = regionLabel ? { tabIndex: 0, role: "region", "aria-label": regionLabel } : {};
  return (
    <>
      <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
        <DialogSurface className={mergeClasses(styles.surface, styles.screenOnly)} {...surfaceData}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content} {...region}>
              {children}
            </DialogContent>
            <DialogActions>{actions}</DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {paper !== undefined &&
        createPortal(
          <div data-fact-print="">
            <FluentProvider theme={teamsLightTheme} className={styles.printOnly}>
              {paper}
            </FluentProvider>
          </div>,
          document.body,
        )}
    </>
  );
}

/** What a printable dialog shows, read once when it opens; a failure in the reader's words. */
export function useReadOnOpen<T>(read: () => Promise<T>, deps: readonly unknown[]) {
  const i18n = useI18n();
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    read().then(
      (v) => !cancelled && setValue(v),
      (e: unknown) => !cancelled && setError(errorText(i18n, e)),
    );
    return () => {
      cancelled = true;
    };
    // The caller names what the read depends on.
  }, [...deps, i18n]);
  return { value, error, setError };
}
