import type { BoardRow, EditEntryBody } from "@fact-board/contract";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n";
import { useEntryActions } from "./EntryActions";
import { priorities, reasons } from "./model";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });


/** Only the fields the person changed are sent, with the etag of the version they opened. */
export function changedFields(row: BoardRow, draft: { reason: string; reasonNote: string; priority: string; nextEvaluationOn: string }): Omit<EditEntryBody, "etag"> {
  const { entry } = row;
  const fields: Omit<EditEntryBody, "etag"> = {};
  if (draft.reason !== entry.reason) fields.reason = draft.reason as BoardRow["entry"]["reason"];
  if (draft.priority !== entry.priority) fields.priority = draft.priority as BoardRow["entry"]["priority"];
  if (draft.nextEvaluationOn !== entry.nextEvaluationOn) fields.nextEvaluationOn = draft.nextEvaluationOn;
  const note = draft.reasonNote.trim();
  if (note !== (entry.reasonNote ?? "")) fields.reasonNote = note === "" ? null : note;
  return fields;
}

export function EntryEditDialog({ row, trigger }: { row: BoardRow; trigger: React.ReactElement }) {
  const { t } = useI18n();
  const { submit, notify } = useEntryActions();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  // The version the person looked at when they opened the form: its etag guards the save.
  const [snapshot, setSnapshot] = useState(row);
  const [draft, setDraft] = useState({ reason: "", reasonNote: "", priority: "", nextEvaluationOn: "" });

  const onOpenChange = (next: boolean) => {
    if (next) {
      setSnapshot(row);
      setDraft({ reason: row.entry.reason, reasonNote: row.entry.reasonNote ?? "", priority: row.entry.priority, nextEvaluationOn: row.entry.nextEvaluationOn });
    }
    setOpen(next);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const fields = changedFields(snapshot, draft);
    setOpen(false);
    if (Object.keys(fields).length === 0) return;
    const outcome = await submit(snapshot, { kind: "edit", fields });
    if (outcome.saved) notify(t("entry.saved"));
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => void save(e)}>
          <DialogBody>
            <DialogTitle>
              {t("entry.edit")} {row.participant.code}
            </DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t("priority.label")}>
                <RadioGroup layout="horizontal" value={draft.priority} onChange={(_e, d) => setDraft({ ...draft, priority: d.value })}>
                  {priorities.map((p) => (
                    <Radio key={p} value={p} label={t(`priority.${p}`)} />
                  ))}
                </RadioGroup>
              </Field>
              <Field label={t("reason.label")}>
                <Select value={draft.reason} onChange={(_e, d) => setDraft({ ...draft, reason: d.value })}>
                  {reasons.map((r) => (
                    <option key={r} value={r}>
                      {t(`reason.${r}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("reason.note")}>
                <Input value={draft.reasonNote} maxLength={200} onChange={(_e, d) => setDraft({ ...draft, reasonNote: d.value })} />
              </Field>
              <Field label={t("board.nextEvaluation")}>
                <Input type="date" value={draft.nextEvaluationOn} onChange={(_e, d) => setDraft({ ...draft, nextEvaluationOn: d.value })} />
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t("entry.cancel")}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary">
                {t("entry.save")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
