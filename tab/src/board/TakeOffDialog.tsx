import type { BoardRow, TakeOffOutcome } from "@fact-board/contract";
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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent, type ReactElement } from "react";
import { useI18n } from "../i18n";
import { useEntryActions } from "./EntryActions";
import { outcomes } from "./model";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function TakeOffDialog({ row, trigger, onTakenOff }: { row: BoardRow; trigger: ReactElement; onTakenOff?: () => void }) {
  const { t } = useI18n();
  const { submit } = useEntryActions();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [snapshot, setSnapshot] = useState(row);
  const [outcome, setOutcome] = useState<TakeOffOutcome>("stable");
  const [note, setNote] = useState("");

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    const result = await submit(snapshot, { kind: "takeOff", outcome, ...(note.trim() ? { note: note.trim() } : {}) });
    if (result.saved) onTakenOff?.();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (data.open) {
          setSnapshot(row);
          setOutcome("stable");
          setNote("");
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => void save(e)}>
          <DialogBody>
            <DialogTitle>{t("entry.takeOffTitle", { code: row.participant.code })}</DialogTitle>
            <DialogContent className={styles.form}>
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
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t("entry.cancel")}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary">
                {t("entry.takeOff")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
