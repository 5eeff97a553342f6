import type { LogReviewView } from "@fact-board/contract";
import { Button, Field, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { useBoardContext } from "../../board/BoardContext";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import type { useVersionedChange } from "../../board/useVersionedChange";
import { useI18n } from "../../i18n";
import { markWords, type LogReviewItem, type MarkStatus } from "./logReviewWords";

type Send = ReturnType<typeof useVersionedChange>["send"];

const NOTE_MAX = 300;

/**
 * Marks one sampled record as in order or to follow up (which needs a note). Sent with the etag of
 * the review as it was when the dialog opened, so a mark saved meanwhile is never overwritten unseen.
 */
export function MarkLogItemDialog({
  review,
  item,
  send,
  onSaved,
}: {
  review: LogReviewView;
  item: LogReviewItem;
  send: Send;
  onSaved: (review: LogReviewView) => void;
}) {
  const client = useApi();
  const { boardId } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [snapshot, setSnapshot] = useState(review);
  const [status, setStatus] = useState<MarkStatus>();
  const [note, setNote] = useState("");
  // Nothing pre-selected: a reviewer decides each record.
  const dialog = useFormDialog(() => {
    setSnapshot(review);
    setStatus(undefined);
    setNote(item.mark?.note ?? "");
  });
  const noteMissing = status === "followUp" && note.trim() === "";

  const save = async () => {
    if (!status) return;
    dialog.close();
    const mark = { status, ...(note.trim() ? { note: note.trim() } : {}) };
    const markIn = (r: LogReviewView) => r.items.find((i) => i.id === item.id)?.mark;
    await send<LogReviewView>({
      before: snapshot,
      save: async (etag) =>
        onSaved(await client.markLogReviewItem(boardId, review.period, item.id, { ...mark, etag: etag ?? snapshot.etag })),
      title: t("logReview.markConflict", { code: item.participantCode, at: formatDateTime(item.at) }),
      yours: markWords(i18n, mark),
      rows: (before, current) => [
        {
          label: t("logReview.mark"),
          before: markWords(i18n, markIn(before ?? snapshot)),
          theirs: markWords(i18n, markIn(current)),
          yours: markWords(i18n, mark),
        },
      ],
      savedMessage: t("logReview.markSaved"),
    });
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={<Button size="small">{item.mark ? t("logReview.changeMark") : t("logReview.markAction")}</Button>}
      title={t("logReview.markTitle", { code: item.participantCode, at: formatDateTime(item.at) })}
      submitLabel={t("logReview.saveMark")}
      submitDisabled={!status || noteMissing}
      onSubmit={save}
    >
      <Field label={t("logReview.mark")} required>
        <RadioGroup value={status ?? ""} onChange={(_e, d) => setStatus(d.value as MarkStatus)}>
          <Radio value="inOrder" label={t("logReview.status.inOrder")} />
          <Radio value="followUp" label={t("logReview.status.followUp")} />
        </RadioGroup>
      </Field>
      <Field
        label={t("logReview.note")}
        required={status === "followUp"}
        validationState={noteMissing ? "error" : "none"}
        validationMessage={noteMissing ? t("logReview.noteNeeded") : undefined}
        hint={t("logReview.noteHint", { max: NOTE_MAX })}
      >
        <Textarea value={note} maxLength={NOTE_MAX} onChange={(_e, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
}
