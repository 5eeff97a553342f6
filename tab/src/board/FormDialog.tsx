import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
  type DialogOpenChangeData,
} from "@fluentui/react-components";
import { useCallback, useContext, useState, type FormEvent, type ReactElement, type ReactNode } from "react";
import { useI18n } from "../i18n";
import { OpenOnMount } from "./openOnMount";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export interface FormDialogState {
  open: boolean;
  close: () => void;
  onOpenChange: (data: DialogOpenChangeData) => void;
}

/**
 * Open state of a form dialog. `onOpen` runs each time it opens, so the form starts from the board
 * as it is now (and an edit keeps the etag of the version the person saw), not from last time.
 */
export function useFormDialog(onOpen: () => void): FormDialogState {
  // A dialog loaded on demand (lazyParts.tsx) mounts because its trigger was pressed: it opens at
  // once, from the state it starts in (what onOpen would reset to).
  const [open, setOpen] = useState(useContext(OpenOnMount));
  const close = useCallback(() => setOpen(false), []);
  const onOpenChange = (data: DialogOpenChangeData) => {
    if (data.open) onOpen();
    setOpen(data.open);
  };
  return { open, close, onOpenChange };
}

export interface FormDialogProps {
  dialog: FormDialogState;
  trigger: ReactElement;
  title: ReactNode;
  submitLabel: string;
  submitDisabled?: boolean;
  /** The form was sent; the dialog stays open until the caller closes it. */
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
}

/** One form in a dialog: opened by its trigger, the fields, then cancel and one submit button. */
export function FormDialog({ dialog, trigger, title, submitLabel, submitDisabled, onSubmit, children }: FormDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Dialog open={dialog.open} onOpenChange={(_e, data) => dialog.onOpenChange(data)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>{children}</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t("entry.cancel")}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={submitDisabled}>
                {submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
