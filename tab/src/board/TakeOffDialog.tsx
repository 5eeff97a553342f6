import type { BoardRow, TakeOffOutcome } from "@fact-board/contract";
import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useI18n } from "../i18n";
import { useEntryActions } from "./EntryActions";
import { FormDialog, useFormDialog } from "./FormDialog";
import { outcomes } from "./model";

export function TakeOffDialog({ row, trigger, onTakenOff }: { row: BoardRow; trigger: ReactElement; onTakenOff?: () => void }) {
  const { t } = useI18n();
  const { submit } = useEntryActions();
  const [snapshot, setSnapshot] = useState(row);
  // No outcome is pre-selected: two clicks must not record an outcome nobody chose.
  const [outcome, setOutcome] = useState<TakeOffOutcome | "">("");
  const [note, setNote] = useState("");
  const dialog = useFormDialog(() => {
    setSnapshot(row);
    setOutcome("");
    setNote("");
  });

  const save = async () => {
    if (!outcome) return;
    dialog.close();
    const result = await submit(snapshot, { kind: "takeOff", outcome, ...(note.trim() ? { note: note.trim() } : {}) });
    if (result.saved) onTakenOff?.();
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={t("entry.takeOffTitle", { code: row.participant.code })}
      submitLabel={t("entry.takeOff")}
      submitDisabled={!outcome}
      onSubmit={save}
    >
      <Field label={t("outcome.label")} required>
        <RadioGroup value={outcome} onChange={(_e, d) => setOutcome(d.value as TakeOffOutcome)}>
          {outcomes.map((o) => (
            <Radio key={o} value={o} label={t(`outcome.${o}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t("outcome.note")}>
        <Input value={note} maxLength={200} onChange={(_e, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
}
