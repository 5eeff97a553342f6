import type { ParticipantView } from "@fact-board/contract";
import { Field, Input, Select, Spinner, Text, Textarea } from "@fluentui/react-components";
import { useEffect, useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { FormDialog, useFormDialog } from "./FormDialog";

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
  const [candidates, setCandidates] = useState<ParticipantView[]>();
  const [query, setQuery] = useState("");
  const [participantId, setParticipantId] = useState("");
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const dialog = useFormDialog(() => {
    setCandidates(undefined);
    setQuery("");
    setParticipantId("");
    setReason("");
  });
  const { open } = dialog;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      client
        .participants(boardId, { q: query || undefined, offBoard: true })
        .then((list) => {
          if (cancelled) return;
          const off = list.participants.filter((p) => !p.onBoard);
          setCandidates(off);
          setParticipantId((current) => (off.some((p) => p.id === current) ? current : ""));
        })
        .catch(() => !cancelled && setCandidates([]));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, query, client, boardId]);

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
      <Field label={t("entry.search")}>
        <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      {candidates === undefined ? (
        <Spinner size="tiny" label={t("app.loading")} />
      ) : candidates.length === 0 ? (
        <Text>{t("entry.noCandidates")}</Text>
      ) : (
        <Field label={t("term.participant")} required>
          <Select value={participantId} onChange={(_e, d) => setParticipantId(d.value)}>
            {participantId === "" && (
              <option value="" disabled>
                {t("form.choose")}
              </option>
            )}
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.initials}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("term.reason")} required hint={`${reason.length}/${REASON_MAX}`}>
        <Textarea value={reason} maxLength={REASON_MAX} onChange={(_e, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}
