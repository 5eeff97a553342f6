import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n";
import { entryConflictContent, type Conflict, type ConflictContent } from "./conflicts";

export type { Conflict, ConflictRow } from "./conflicts";

const useStyles = makeStyles({
  yours: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  table: { marginTop: tokens.spacingVerticalM },
  // The yellow of a changed value also said in words, for screen readers and without colour.
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** An entry's conflict in the one conflict dialog (EntryActions shows it the same way). */
export function ConflictDialog({ conflict, onReapply, onDiscard }: { conflict: Conflict; onReapply: () => void; onDiscard: () => void }) {
  const i18n = useI18n();
  return <ChangeConflictDialog {...entryConflictContent(i18n, conflict)} onReapply={onReapply} onDiscard={onDiscard} />;
}

/** Where the person was when a conflict was asked (a save button in the drawer, say). */
type FocusPlace = { element: HTMLElement | undefined; surface: HTMLElement | null } | undefined;

/**
 * Focus back where the person was once the conflict dialog has gone: to the control, or, when it
 * is gone or disabled (a form saving again), to the surface it was in (the drawer). Left on the
 * page's body, the focus would leave that drawer hidden from assistive technology (aria-hidden).
 */
function returnFocusWhenClosed(from: FocusPlace, framesLeft = 60): void {
  if (!from) return;
  requestAnimationFrame(() => {
    if (document.querySelector("[role='alertdialog']") && framesLeft > 0) return returnFocusWhenClosed(from, framesLeft - 1);
    const { element, surface } = from;
    if (surface?.contains(document.activeElement)) return;
    if (element?.isConnected && !element.matches(":disabled")) element.focus();
    if ((element && document.activeElement === element) || !surface?.isConnected) return;
    if (!surface.hasAttribute("tabindex")) surface.setAttribute("tabindex", "-1");
    surface.focus();
  });
}

/** The control with focus and the dialog or drawer it is in (the topmost one open, if focus is on the page's body). */
function focusedPlace(): FocusPlace {
  const active = document.activeElement;
  const element = active instanceof HTMLElement && active !== document.body ? active : undefined;
  const open = document.querySelectorAll<HTMLElement>("[role='dialog']");
  const surface = element?.closest<HTMLElement>("[role='dialog']") ?? open[open.length - 1] ?? null;
  return element || surface ? { element, surface } : undefined;
}

/**
 * What a stale change meets, for an entry, a signal, a consent or a cover answer alike: what was
 * there before, what is stored now, one's own change; re-apply on top of it or discard. Without
 * `rows` (the thing is gone) only discarding is offered.
 */
export function ChangeConflictDialog({
  title,
  intro,
  yours,
  rows,
  onReapply,
  onDiscard,
}: ConflictContent & { onReapply: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const introId = useId("conflict-intro");
  // Read before the dialog takes the focus; given back when the dialog goes.
  const [from] = useState(focusedPlace);
  useEffect(() => () => returnFocusWhenClosed(from), [from]);
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onDiscard()}>
      <DialogSurface aria-describedby={introId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Text id={introId} block>
              {intro}
            </Text>
            {yours && (
              <Text block className={styles.yours}>
                {t("conflict.yours")}: {yours}
              </Text>
            )}
            {rows && (
              <Table className={styles.table} size="small" aria-label={title}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("conflict.field")}</TableHeaderCell>
                    <TableHeaderCell>{t("conflict.before")}</TableHeaderCell>
                    <TableHeaderCell>{t("conflict.theirs")}</TableHeaderCell>
                    <TableHeaderCell>{t("conflict.yours")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={row.label}>
                      <TableCell>{row.label}</TableCell>
                      <TableCell>{row.before}</TableCell>
                      <TableCell className={row.changed ? styles.changed : undefined}>
                        {row.theirs}
                        {row.changed && <span className={styles.hidden}> ({t("conflict.changed")})</span>}
                      </TableCell>
                      <TableCell className={styles.yours}>{row.yours ?? ""}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </DialogContent>
          <DialogActions>
            {rows && (
              <Button appearance="primary" onClick={onReapply}>
                {t("conflict.reapply")}
              </Button>
            )}
            <Button onClick={onDiscard}>{t("conflict.discard")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
