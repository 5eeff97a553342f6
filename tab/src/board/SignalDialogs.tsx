import type { SignalView, ParticipantView, SignalKind, Urgency } from "@fact-board/contract";
import { Checkbox, Field, Radio, RadioGroup, Select, Textarea } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { newRequestKey } from "../api/client";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { FormDialog, useFormDialog } from "./FormDialog";
import { organisationName, signalKinds, urgencies } from "./model";
import type { useVersionedChange } from "./useVersionedChange";

type Send = ReturnType<typeof useVersionedChange>["send"];

const NOTE_MAX = 300;
const REASON_MAX = 200;

type RaiseSignalProps = { trigger: ReactElement; send: Send } & (
  | { participant: ParticipantView; choices?: undefined }
  /** Opened from the board rather than a participant's drawer (a card's "Öppna i FACT-tavlan"): pick one first. */
  | { participant?: undefined; choices: readonly ParticipantView[] }
);

/** Skicka signal: from the viewer's organisation to another organisation involved with the participant. */
export function RaiseSignalDialog({ participant: given, choices, trigger, send }: RaiseSignalProps) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t } = useI18n();
  const [chosenId, setChosenId] = useState(choices?.[0]?.id ?? "");
  const participant = given ?? choices?.find((p) => p.id === chosenId);
  const receiversOf = (p: ParticipantView | undefined) => (p?.organisationIds ?? []).filter((id) => id !== board.viewer.organisationId);
  const receivers = receiversOf(participant);
  const [to, setTo] = useState(receivers[0] ?? "");
  const [kind, setKind] = useState<SignalKind>("concern");
  const [urgency, setUrgency] = useState<Urgency>("thisWeek");
  const [note, setNote] = useState("");
  const [proposeBoard, setProposeBoard] = useState(false);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const dialog = useFormDialog(() => {
    setRequestKey(newRequestKey());
    const first = choices?.[0];
    setChosenId(first?.id ?? "");
    setTo(receiversOf(given ?? first)[0] ?? "");
    setKind("concern");
    setUrgency("thisWeek");
    setNote("");
    setProposeBoard(false);
  });

  const choose = (id: string) => {
    setChosenId(id);
    setTo(receiversOf(choices?.find((p) => p.id === id))[0] ?? "");
  };

  const save = async () => {
    if (!participant) return;
    dialog.close();
    const trimmed = note.trim();
    await send<SignalView>({
      before: undefined,
      save: () =>
        client.raiseSignal(
          boardId,
          {
            participantId: participant.id,
            toOrganisationId: to,
            kind,
            urgency,
            proposeBoard,
            ...(trimmed ? { note: trimmed } : {}),
          },
          requestKey,
        ),
      title: t("signal.raiseTitle", { code: participant.code }),
      yours: t(`signal.${kind}`),
      rows: () => [],
      savedMessage: t("signal.raised"),
    });
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={participant && !choices ? t("signal.raiseTitle", { code: participant.code }) : t("signal.raiseButton")}
      submitLabel={t("signal.raise")}
      submitDisabled={!participant || !to}
      onSubmit={save}
    >
      {choices && (
        <Field label={t("term.participant")} required>
          <Select value={chosenId} onChange={(_e, d) => choose(d.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} {p.initials}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("signal.to")} required>
        <Select value={to} onChange={(_e, d) => setTo(d.value)}>
          {receivers.map((id) => (
            <option key={id} value={id}>
              {organisationName(board, id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("signal.kind")} required>
        <Select value={kind} onChange={(_e, d) => setKind(d.value as SignalKind)}>
          {signalKinds.map((k) => (
            <option key={k} value={k}>
              {t(`signal.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("signal.urgency")} required>
        <RadioGroup layout="horizontal" value={urgency} onChange={(_e, d) => setUrgency(d.value as Urgency)}>
          {urgencies.map((u) => (
            <Radio key={u} value={u} label={t(`urgency.${u}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t("signal.note")} hint={t("signal.charsLeft", { count: NOTE_MAX - note.length })}>
        <Textarea value={note} maxLength={NOTE_MAX} resize="vertical" onChange={(_e, d) => setNote(d.value)} />
      </Field>
      <Checkbox checked={proposeBoard} label={t("signal.proposeBoard")} onChange={(_e, d) => setProposeBoard(d.checked === true)} />
    </FormDialog>
  );
}

/** Avböj: declining a signal needs a short reason the sender will read. */
export function DeclineSignalDialog({
  signal,
  code,
  trigger,
  onDecline,
}: {
  signal: SignalView;
  code: string;
  trigger: ReactElement;
  onDecline: (reason: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const dialog = useFormDialog(() => setReason(""));
  const save = async () => {
    dialog.close();
    await onDecline(reason.trim());
  };
  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={t("signal.declineTitle", { kind: t(`signal.${signal.kind}`), code })}
      submitLabel={t("term.decline")}
      submitDisabled={reason.trim() === ""}
      onSubmit={save}
    >
      <Field label={t("signal.declineReason")} required hint={t("signal.charsLeft", { count: REASON_MAX - reason.length })}>
        <Textarea value={reason} maxLength={REASON_MAX} resize="vertical" onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}
