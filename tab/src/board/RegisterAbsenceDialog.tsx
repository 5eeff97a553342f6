import type { AbsenceReason, AbsenceView } from "@fact-board/contract";
import { Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { newRequestKey } from "../api/client";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { DateRangeField, isRangeValid } from "./DateRangeField";
import { FormDialog, useFormDialog } from "./FormDialog";
import { absenceReasons, can } from "./model";
import type { useVersionedChange } from "./useVersionedChange";

type Send = ReturnType<typeof useVersionedChange>["send"];

/** Registrera frånvaro: one's own, or (managers, admins) a colleague's of the same organisation. */
export function RegisterAbsenceDialog({ trigger, send }: { trigger: ReactElement; send: Send }) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t } = useI18n();
  const me = board.viewer.memberId;
  const colleagues = can(board, "absence.registerForOther")
    ? board.members.filter((m) => m.organisationId === board.viewer.organisationId && m.id !== me)
    : [];
  const [memberId, setMemberId] = useState(me);
  const [from, setFrom] = useState(board.today);
  const [to, setTo] = useState(board.today);
  const [reason, setReason] = useState<AbsenceReason>("sick");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const dialog = useFormDialog(() => {
    setRequestKey(newRequestKey());
    setMemberId(me);
    setFrom(board.today);
    setTo(board.today);
    setReason("sick");
  });
  const periodWrong = !isRangeValid({ from, to });

  const save = async () => {
    dialog.close();
    await send<AbsenceView>({
      before: undefined,
      save: () => client.registerAbsence(boardId, { ...(memberId === me ? {} : { memberId }), from, to, reason }, requestKey),
      title: t("absence.registerTitle"),
      yours: t(`absenceReason.${reason}`),
      rows: () => [],
      savedMessage: t("absence.registered"),
    });
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={t("absence.registerTitle")}
      submitLabel={t("absence.register")}
      submitDisabled={periodWrong}
      onSubmit={save}
    >
      {colleagues.length > 0 && (
        <Field label={t("absence.who")} required>
          <Select value={memberId} onChange={(_e, d) => setMemberId(d.value)}>
            <option value={me}>{t("absence.me", { name: board.viewer.displayName })}</option>
            {colleagues.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <DateRangeField
        value={{ from, to }}
        onChange={(range) => {
          setFrom(range.from);
          setTo(range.to);
        }}
        fromLabel={t("absence.from")}
        toLabel={t("absence.to")}
        wrongMessage={t("absence.periodWrong")}
      />
      <Field label={t("absence.reason")} required>
        <RadioGroup layout="horizontal" value={reason} onChange={(_e, d) => setReason(d.value as AbsenceReason)}>
          {absenceReasons.map((r) => (
            <Radio key={r} value={r} label={t(`absenceReason.${r}`)} />
          ))}
        </RadioGroup>
      </Field>
    </FormDialog>
  );
}
