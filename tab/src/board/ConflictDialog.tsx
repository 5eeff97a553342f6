import type { EntryView } from "@fact-board/contract";
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
} from "@fluentui/react-components";
import { useI18n, type I18n, type MessageKey } from "../i18n";
import { conflictDiff, type DiffField, type EntryChange } from "./changes";

export interface Conflict {
  code: string;
  before: EntryView;
  /** What is stored now; absent when the entry is gone (taken off meanwhile). */
  current?: EntryView;
  change: EntryChange;
}

const useStyles = makeStyles({
  yours: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  table: { marginTop: tokens.spacingVerticalM },
});

const fieldLabels: Record<DiffField, MessageKey> = {
  priority: "priority.label",
  reason: "reason.label",
  reasonNote: "reason.note",
  nextEvaluationOn: "board.nextEvaluation",
  actions: "plan.title",
  lastReviewedOn: "board.lastReviewed",
  change: "conflict.yours",
};

function formatValue(i18n: I18n, field: DiffField, value: string | undefined): string {
  if (value === undefined || value === "") return "–";
  if (field === "priority") return i18n.t(`priority.${value}` as MessageKey);
  if (field === "reason") return i18n.t(`reason.${value}` as MessageKey);
  if (field === "nextEvaluationOn" || field === "lastReviewedOn") return i18n.formatDate(value);
  return value;
}

function describeChange(i18n: I18n, change: EntryChange): string | undefined {
  switch (change.kind) {
    case "addAction":
      return `${i18n.t("conflict.action")}: ${change.action.what}`;
    case "setActionDone":
      return `${i18n.t("plan.done")}: ${change.what}`;
    case "review":
      return i18n.t("conflict.review");
    case "takeOff":
      return `${i18n.t("conflict.takeOff")}: ${i18n.t(`outcome.${change.outcome}` as MessageKey)}`;
    case "edit":
      return undefined;
  }
}

export function ConflictDialog({ conflict, onReapply, onDiscard }: { conflict: Conflict; onReapply: () => void; onDiscard: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const rows = conflict.current ? conflictDiff(conflict.before, conflict.current, conflict.change) : [];
  const described = describeChange(i18n, conflict.change);
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onDiscard()}>
      <DialogSurface aria-describedby="conflict-intro">
        <DialogBody>
          <DialogTitle>{t("conflict.title", { code: conflict.code })}</DialogTitle>
          <DialogContent>
            <Text id="conflict-intro" block>
              {conflict.current ? t("conflict.intro") : t("conflict.gone")}
            </Text>
            {described && (
              <Text block className={styles.yours}>
                {t("conflict.yours")}: {described}
              </Text>
            )}
            {conflict.current && (
              <Table className={styles.table} size="small" aria-label={t("conflict.title", { code: conflict.code })}>
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
                    <TableRow key={row.field}>
                      <TableCell>{t(fieldLabels[row.field])}</TableCell>
                      <TableCell>{formatValue(i18n, row.field, row.before)}</TableCell>
                      <TableCell className={row.before !== row.theirs ? styles.changed : undefined}>{formatValue(i18n, row.field, row.theirs)}</TableCell>
                      <TableCell className={styles.yours}>{row.yours === undefined ? "" : formatValue(i18n, row.field, row.yours)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </DialogContent>
          <DialogActions>
            {conflict.current && (
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
