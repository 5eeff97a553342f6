import type { ParticipantView } from "@fact-board/contract";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { FormDialog, useFormDialog } from "./FormDialog";
import { organisationName } from "./model";
import { PlanFields } from "./PlanFields";
import { changedPlans, draftOfPlans } from "./plans";

/**
 * Ändra planer: the record's writer sets crisis plan, early-signs plan and SIP (the server's
 * `plans.may.set` decides who is offered it), sent with the etag of the record the person opened.
 */
export function PlansDialog({ participant, trigger }: { participant: ParticipantView; trigger: ReactElement }) {
  const client = useApi();
  const { board, boardId, refresh } = useBoardContext();
  const { notify, notifyError } = useEntryActions();
  const { t } = useI18n();
  const [snapshot, setSnapshot] = useState(participant);
  const [draft, setDraft] = useState(() => draftOfPlans(participant.plans));
  const [saving, setSaving] = useState(false);
  const dialog = useFormDialog(() => {
    setSnapshot(participant);
    setDraft(draftOfPlans(participant.plans));
  });

  const save = async () => {
    const changed = changedPlans(snapshot.plans, draft);
    if (Object.keys(changed).length === 0) return dialog.close();
    setSaving(true);
    try {
      await client.setPlans(boardId, snapshot.id, { etag: snapshot.etag ?? "", ...changed });
      dialog.close();
      notify(t("plans.saved"));
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
      title={t("plans.editTitle", { code: participant.code })}
      submitLabel={t("entry.save")}
      submitDisabled={saving}
      onSubmit={save}
    >
      <PlanFields
        value={draft}
        onChange={setDraft}
        organisations={participant.organisationIds.map((id) => ({ id, name: organisationName(board, id) }))}
      />
    </FormDialog>
  );
}
