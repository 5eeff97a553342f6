import type { BoardReason, BoardRow, EditEntryBody, Priority } from "@fact-board/contract";
import { Field, Input } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useI18n } from "../i18n";
import { useEntryActions } from "./EntryActions";
import { NextEvaluationField, PriorityField, ReasonField } from "./EntryFields";
import { FormDialog, useFormDialog } from "./FormDialog";

interface Draft {
  reason: BoardReason;
  reasonNote: string;
  /** "": not sent to this viewer (the lead organisation's, without its consent) and not chosen. */
  priority: Priority | "";
  nextEvaluationOn: string;
}

const draftOf = ({ entry }: BoardRow): Draft => ({
  reason: entry.reason,
  reasonNote: entry.reasonNote ?? "",
  priority: entry.priority ?? "",
  nextEvaluationOn: entry.nextEvaluationOn ?? "",
});

/** Only the fields the person changed are sent, with the etag of the version they opened. */
export function changedFields(row: BoardRow, draft: Draft): Omit<EditEntryBody, "etag"> {
  const { entry } = row;
  const fields: Omit<EditEntryBody, "etag"> = {};
  if (draft.reason !== entry.reason) fields.reason = draft.reason;
  if (draft.priority && draft.priority !== entry.priority) fields.priority = draft.priority;
  if (draft.nextEvaluationOn && draft.nextEvaluationOn !== entry.nextEvaluationOn) fields.nextEvaluationOn = draft.nextEvaluationOn;
  const note = draft.reasonNote.trim();
  if (note !== (entry.reasonNote ?? "")) fields.reasonNote = note === "" ? null : note;
  return fields;
}

export function EntryEditDialog({ row, trigger }: { row: BoardRow; trigger: ReactElement }) {
  const { t } = useI18n();
  const { submit, notify } = useEntryActions();
  // The version the person looked at when they opened the form: its etag guards the save.
  const [snapshot, setSnapshot] = useState(row);
  const [draft, setDraft] = useState(() => draftOf(row));
  const dialog = useFormDialog(() => {
    setSnapshot(row);
    setDraft(draftOf(row));
  });

  const save = async () => {
    const fields = changedFields(snapshot, draft);
    dialog.close();
    if (Object.keys(fields).length === 0) return;
    const outcome = await submit(snapshot, { kind: "edit", fields });
    if (outcome.saved) notify(t("entry.saved"));
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={`${t("entry.edit")} ${row.participant.code}`}
      submitLabel={t("entry.save")}
      onSubmit={save}
    >
      <PriorityField value={draft.priority} onChange={(priority) => setDraft({ ...draft, priority })} />
      {/* The lead organisation steers another's entry: priority and next evaluation only, the reason stays the writer's. */}
      {row.may.editEntry && (
        <>
          <ReasonField value={draft.reason} onChange={(reason) => setDraft({ ...draft, reason })} />
          <Field label={t("reason.note")}>
            <Input value={draft.reasonNote} maxLength={200} onChange={(_e, d) => setDraft({ ...draft, reasonNote: d.value })} />
          </Field>
        </>
      )}
      <NextEvaluationField value={draft.nextEvaluationOn} onChange={(nextEvaluationOn) => setDraft({ ...draft, nextEvaluationOn })} />
    </FormDialog>
  );
}
