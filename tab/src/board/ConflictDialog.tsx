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
  open = true,
}: ConflictContent & { onReapply: () => void; onDiscard: () => void; open?: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const introId = useId("conflict-intro");
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, data) => !data.open && onDiscard()}>
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
