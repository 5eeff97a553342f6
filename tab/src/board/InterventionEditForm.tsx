import type { BoardRow, InterventionView } from "@fact-board/contract";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { INTERVENTION_LABEL_MAX } from "./supportVocabulary";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  // Under the line it changes, across the whole width.
  form: {
    flexBasis: "100%",
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    marginTop: tokens.spacingVerticalXS,
  },
  label: { flexGrow: 1, minWidth: "10rem" },
});

/**
 * Changes the own organisation's ongoing intervention: its short label and start date, under the
 * ETag of the version on screen. A colleague's change meanwhile opens the conflict dialog with both
 * versions (re-apply on top of theirs, or keep theirs): nothing is overwritten unseen, nothing typed lost.
 */
export function InterventionEditForm({ row, intervention, onDone }: { row: BoardRow; intervention: InterventionView; onDone: () => void }) {
  const { boardId } = useBoardContext();
  const client = useApi();
  const { send } = useVersionedChange();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  // The version the form opened on is the one the person saw and typed over: it is what the change
  // is sent under, even when a live refresh brings a colleague's newer one meanwhile (then: a conflict, shown).
  const [seen] = useState(intervention);
  const [label, setLabel] = useState(intervention.label ?? "");
  const [startedOn, setStartedOn] = useState(intervention.startedOn ?? "");
  const [saving, setSaving] = useState(false);
  const kind = t(`interventionKind.${intervention.kind}`);
  const dateText = (d: string | undefined) => (d ? formatDate(d) : "");

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim().length > INTERVENTION_LABEL_MAX) return;
    setSaving(true);
    const yours = { label: label.trim(), startedOn };
    const saved = await send<InterventionView>({
      before: seen,
      save: (etag) =>
        client.editIntervention(boardId, row.participant.id, seen.id, {
          etag: etag ?? "",
          label: yours.label || null,
          startedOn: yours.startedOn || null,
        }),
      title: t("interventions.conflictTitle", { code: row.participant.code }),
      yours: [kind, yours.label, dateText(yours.startedOn)].filter(Boolean).join(" · "),
      rows: (before, current) => [
        { label: t("interventions.label"), before: before?.label ?? "", theirs: current.label ?? "", yours: yours.label },
        {
          label: t("interventions.startedOn"),
          before: dateText(before?.startedOn),
          theirs: dateText(current.startedOn),
          yours: dateText(yours.startedOn),
        },
      ],
      savedMessage: t("interventions.editSaved"),
    });
    setSaving(false);
    if (saved) onDone();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void save(e)} aria-label={t("interventions.editTitle", { kind })}>
      <Field className={styles.label} label={t("interventions.label")} hint={t("interventions.hint", { max: INTERVENTION_LABEL_MAX })}>
        <Input value={label} maxLength={INTERVENTION_LABEL_MAX} onChange={(_e, d) => setLabel(d.value)} />
      </Field>
      <Field label={t("interventions.startedOn")}>
        <Input type="date" value={startedOn} onChange={(_e, d) => setStartedOn(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={saving}>
        {t("interventions.saveEdit")}
      </Button>
      <Button type="button" appearance="subtle" onClick={onDone}>
        {t("entry.cancel")}
      </Button>
    </form>
  );
}
