import type { BoardReason, Priority } from "@fact-board/contract";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { NextEvaluationField, PriorityField, ReasonField } from "./EntryFields";
import { FormDialog, useFormDialog } from "./FormDialog";
import { OffBoardParticipantField, useOffBoardChoice } from "./OffBoardParticipantField";
import { addDays } from "./model";
import { DEFAULT_EVALUATION_DAYS, useRememberedPriority } from "./rememberedPriority";

/** Ta upp på tavlan: pick one of the visible participants not yet on the board. */
export function PutOnBoardDialog({ trigger }: { trigger: ReactElement }) {
  const client = useApi();
  const { board, boardId, refresh } = useBoardContext();
  const { notify, notifyError } = useEntryActions();
  const { t } = useI18n();
  // Who goes on the board and why is the person's choice: nothing is pre-selected. Where a default
  // only saves clicks it is there and visible: the next evaluation a week ahead, and the priority
  // this person chose last time (remembered in this browser).
  const lastPriority = useRememberedPriority(board.viewer.memberId);
  const defaultEvaluation = addDays(board.today, DEFAULT_EVALUATION_DAYS);
  const [reason, setReason] = useState<BoardReason | "">("");
  const [priority, setPriority] = useState<Priority | "">(() => lastPriority.read() ?? "");
  const [nextEvaluationOn, setNextEvaluationOn] = useState(defaultEvaluation);
  const [saving, setSaving] = useState(false);
  const dialog = useFormDialog(() => {
    choice.reset();
    setReason("");
    setPriority(lastPriority.read() ?? "");
    setNextEvaluationOn(defaultEvaluation);
  });
  const choice = useOffBoardChoice(dialog.open);
  const { participantId } = choice;

  const save = async () => {
    if (!participantId || !reason || !priority || !nextEvaluationOn) return;
    setSaving(true);
    try {
      await client.putOnBoard(boardId, { participantId, reason, priority, nextEvaluationOn });
      lastPriority.remember(priority);
      dialog.close();
      notify(t("entry.saved"));
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
      title={t("entry.putOnTitle")}
      submitLabel={t("term.putOnBoard")}
      submitDisabled={!participantId || !reason || !priority || !nextEvaluationOn || saving}
      onSubmit={save}
    >
      <OffBoardParticipantField choice={choice} />
      <ReasonField value={reason} onChange={setReason} required />
      <PriorityField value={priority} onChange={setPriority} required />
      <NextEvaluationField value={nextEvaluationOn} min={board.today} onChange={setNextEvaluationOn} required />
    </FormDialog>
  );
}
