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
  useId,
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
  // The yellow of a changed value also said in words, for screen readers and without colour.
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
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
  const rows = conflict.current ? conflictDiff(conflict.before, conflict.current, conflict.change) : [];
  const described = describeChange(i18n, conflict.change);
  return (
    <ChangeConflictDialog
      title={t("conflict.title", { code: conflict.code })}
      intro={conflict.current ? t("conflict.intro") : t("conflict.gone")}
      yours={described}
      rows={
        conflict.current
          ? rows.map((row) => ({
              label: t(fieldLabels[row.field]),
              before: formatValue(i18n, row.field, row.before),
              theirs: formatValue(i18n, row.field, row.theirs),
              yours: row.yours === undefined ? "" : formatValue(i18n, row.field, row.yours),
              changed: row.before !== row.theirs,
            }))
          : undefined
      }
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}

export interface ConflictRow {
  label: string;
  before: string;
  theirs: string;
  yours?: string;
  changed: boolean;
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
}: {
  title: string;
  intro: string;
  yours?: string;
  rows?: ConflictRow[];
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const introId = useId("conflict-intro");
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
