import type { WorkPhoneView } from "@fact-board/contract";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { ApiRequestError } from "../api/errors";
import { errorText } from "../api/errorText";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginTop: tokens.spacingVerticalS },
});

/**
 * "Mitt arbetsnummer": the member's own work phone, shown with Kontakter wherever they are named.
 * Read when opened (with the member record's ETag) and saved under it.
 */
export function WorkPhoneForm() {
  const { boardId, refresh } = useBoardContext();
  const client = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const { notify } = useEntryActions();
  const styles = useStyles();
  const [current, setCurrent] = useState<WorkPhoneView>();
  const [phone, setPhone] = useState("");
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    try {
      const view = await client.workPhone(boardId);
      setCurrent(view);
      setPhone(view.phone ?? "");
    } catch (e) {
      notify(errorText(i18n, e), "error");
    }
    setBusy(false);
  };

  const save = async (event: FormEvent, value: string | null) => {
    event.preventDefault();
    if (!current) return;
    setBusy(true);
    try {
      await client.setWorkPhone(boardId, { etag: current.etag, phone: value });
      notify(t("workPhone.saved"));
      setCurrent(undefined);
      refresh();
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409) {
        notify(t("workPhone.conflict"), "error");
        setCurrent(undefined);
      } else notify(t("workPhone.failed", { message: errorText(i18n, e) }), "error");
    }
    setBusy(false);
  };

  if (!current)
    return (
      <Button size="small" appearance="subtle" disabled={busy} onClick={() => void open()}>
        {t("workPhone.title")}
      </Button>
    );
  return (
    <form className={styles.form} onSubmit={(e) => void save(e, phone.trim() || null)} aria-label={t("workPhone.title")}>
      <Field label={t("workPhone.title")} hint={t("contacts.phoneHint")}>
        <Input type="tel" value={phone} maxLength={25} onChange={(_e, d) => setPhone(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy || (phone.trim() || undefined) === current.phone}>
        {t("workPhone.save")}
      </Button>
      {current.phone && (
        <Button disabled={busy} onClick={(e) => void save(e, null)}>
          {t("workPhone.remove")}
        </Button>
      )}
    </form>
  );
}
