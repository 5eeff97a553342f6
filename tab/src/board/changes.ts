import type { AddActionBody, ClosedEntryView, EditEntryBody, EntryView, TakeOffOutcome } from "@fact-board/contract";
import type { ApiClient } from "../api/client";

// One's own change to an entry, kept as data so it can be sent again on top of a newer version
// after a conflict ("Använd min ändring igen") instead of being lost.

export type EntryChange =
  | { kind: "edit"; fields: Omit<EditEntryBody, "etag"> }
  | { kind: "addAction"; action: Omit<AddActionBody, "etag"> & { id: string } }
  | { kind: "setActionDone"; actionId: string; what: string; done: boolean }
  | { kind: "review" }
  | { kind: "takeOff"; outcome: TakeOffOutcome; note?: string };

export type ChangeResult = { kind: "entry"; entry: EntryView } | { kind: "closed"; entry: ClosedEntryView };

export async function sendChange(
  client: ApiClient,
  boardId: string,
  participantId: string,
  etag: string,
  change: EntryChange,
): Promise<ChangeResult> {
  switch (change.kind) {
    case "edit":
      return { kind: "entry", entry: await client.editEntry(boardId, participantId, { etag, ...change.fields }) };
    case "addAction":
      // The action id is chosen here, once: a re-applied or retried request adds the action once.
      return { kind: "entry", entry: await client.addAction(boardId, participantId, { etag, ...change.action }) };
    case "setActionDone":
      return { kind: "entry", entry: await client.setActionDone(boardId, participantId, change.actionId, { etag, done: change.done }) };
    case "review":
      return { kind: "entry", entry: await client.review(boardId, participantId, { etag }) };
    case "takeOff":
      return {
        kind: "closed",
        entry: await client.takeOff(boardId, participantId, {
          etag,
          outcome: change.outcome,
          ...(change.note ? { note: change.note } : {}),
        }),
      };
  }
}

export type DiffField = "reason" | "reasonNote" | "priority" | "nextEvaluationOn" | "actions" | "lastReviewedOn" | "change";

export interface DiffRow {
  field: DiffField;
  before?: string;
  theirs?: string;
  yours?: string;
}

function actionsText(entry: EntryView): string {
  return entry.actions.map((a) => `${a.done ? "✓ " : ""}${a.what}`).join("; ");
}

function fieldValue(entry: EntryView, field: Exclude<DiffField, "change">): string | undefined {
  if (field === "actions") return actionsText(entry);
  const value = entry[field];
  return value === undefined || value === null ? undefined : String(value);
}

const comparedFields = ["priority", "reason", "reasonNote", "nextEvaluationOn", "actions", "lastReviewedOn"] as const;

/**
 * What the person sees in the conflict dialog: every field someone else changed since the version
 * they edited (before → theirs), and next to it their own change for the fields they touched.
 */
export function conflictDiff(before: EntryView, current: EntryView, change: EntryChange): DiffRow[] {
  const yours: Partial<Record<DiffField, string>> = {};
  if (change.kind === "edit") {
    for (const [key, value] of Object.entries(change.fields)) {
      if (value !== undefined) yours[key as DiffField] = value === null ? "" : String(value);
    }
  }
  const rows: DiffRow[] = [];
  for (const field of comparedFields) {
    const b = fieldValue(before, field);
    const t = fieldValue(current, field);
    if (b !== t || field in yours) rows.push({ field, before: b, theirs: t, yours: yours[field] });
  }
  return rows;
}
