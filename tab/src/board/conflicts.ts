import type { EntryView } from "@fact-board/contract";
import type { I18n, MessageKey } from "../i18n";
import { conflictDiff, type DiffField, type EntryChange } from "./changes";

// What the one conflict dialog (ConflictDialog.tsx) shows, worked out without loading it: an
// entry's, a signal's, a consent's or an absence's stale change alike.

export interface ConflictRow {
  label: string;
  before: string;
  theirs: string;
  yours?: string;
  changed: boolean;
}

/** Without `rows` (the thing is gone) only discarding is offered. */
export interface ConflictContent {
  title: string;
  intro: string;
  yours?: string;
  rows?: ConflictRow[];
}

export interface Conflict {
  code: string;
  before: EntryView;
  /** What is stored now; absent when the entry is gone (taken off meanwhile). */
  current?: EntryView;
  change: EntryChange;
}

const fieldLabels: Record<DiffField, MessageKey> = {
  priority: "term.priority",
  reason: "term.reason",
  reasonNote: "reason.note",
  nextEvaluationOn: "term.nextEvaluation",
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

export function entryConflictContent(i18n: I18n, conflict: Conflict): ConflictContent {
  const { t } = i18n;
  const rows = conflict.current ? conflictDiff(conflict.before, conflict.current, conflict.change) : [];
  return {
    title: t("conflict.title", { code: conflict.code }),
    intro: conflict.current ? t("conflict.intro") : t("conflict.gone"),
    yours: describeChange(i18n, conflict.change),
    rows: conflict.current
      ? rows.map((row) => ({
          label: t(fieldLabels[row.field]),
          before: formatValue(i18n, row.field, row.before),
          theirs: formatValue(i18n, row.field, row.theirs),
          yours: row.yours === undefined ? "" : formatValue(i18n, row.field, row.yours),
          changed: row.before !== row.theirs,
        }))
      : undefined,
  };
}
