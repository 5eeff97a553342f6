import { Field, Text, Textarea } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { FormDialog, useFormDialog } from "./FormDialog";
import { OffBoardParticipantField, useOffBoardChoice } from "./OffBoardParticipantField";

const REASON_MAX = 200;

/**
 * Ta upp idag: raise a registered participant who is not on the board for today's meeting, with
 * the own organisation's short reason. The walkthrough takes them after the board; tomorrow they
 * are gone unless put on the board. Only participants the viewer's organisation may see are offered.
 */
export function RaiseTodayDialog({ trigger }: { trigger: ReactElement }) {
  const client = useApi();
  const { boardId, refresh } = useBoardContext();
  const { notify, notifyError } = useEntryActions();
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const dialog = useFormDialog(() => {
    choice.reset();
    setReason("");
  });
  const choice = useOffBoardChoice(dialog.open);
  const { participantId, candidates } = choice;

  const save = async () => {
    const text = reason.trim();
    if (!participantId || !text) return;
    setSaving(true);
    try {
      const raised = await client.raiseToday(boardId, participantId, { reason: text });
      dialog.close();
      notify(t("raise.saved", { code: candidates?.find((p) => p.id === raised.participantId)?.code ?? "" }));
      void refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={t("raise.title")}
      submitLabel={t("raise.action")}
      submitDisabled={!participantId || !reason.trim() || saving}
      onSubmit={save}
    >
      <Text>{t("raise.hint")}</Text>
      <OffBoardParticipantField choice={choice} />
      <Field label={t("term.reason")} required hint={`${reason.length}/${REASON_MAX}`}>
        <Textarea value={reason} maxLength={REASON_MAX} onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}
