import type { BoardRow, InterventionKind, InterventionView } from "@fact-board/contract";
import { Button, Caption1, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { InterventionEditForm } from "./InterventionEditForm";
import { organisationName } from "./model";
import { INTERVENTION_LABEL_MAX, interventionKinds } from "./supportVocabulary";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  head: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // One line per intervention, so a typical entry's list stays short on the stage.
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginTop: tokens.spacingVerticalXS },
  label: { flexGrow: 1, minWidth: "10rem" },
});

function newInterventionId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `i-${Date.now()}-${Math.round(Math.random() * 1e9)}`;
}

/**
 * Pågående insatser: each organisation's ongoing interventions for the participant, with the
 * organisation that keeps each (only those the viewer's organisation may read reach the tab). The
 * viewer's own organisation adds to its list, changes and ends its own; others' lines are read as text.
 */
export function InterventionsSection({
  row,
  interventions = row.interventions ?? [],
}: {
  row: BoardRow;
  interventions?: readonly InterventionView[];
}) {
  const { board, boardId } = useBoardContext();
  const client = useApi();
  const { send } = useVersionedChange();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<InterventionKind | "">("");
  const [label, setLabel] = useState("");
  const [startedOn, setStartedOn] = useState("");
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<string>();
  const code = row.participant.code;
  useEffect(() => {
    setAdding(false);
    setEditing(undefined);
    setKind("");
    setLabel("");
    setStartedOn("");
  }, [row.participant.id]);
  const mayKeep = row.may.keepInterventions === true;
  const ongoing = interventions.filter((i) => !i.endedOn);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind || label.trim().length > INTERVENTION_LABEL_MAX) return;
    setSaving(true);
    const body = { id: newInterventionId(), kind, ...(label.trim() ? { label: label.trim() } : {}), ...(startedOn ? { startedOn } : {}) };
    const saved = await send<InterventionView>({
      before: undefined,
      save: () => client.addIntervention(boardId, row.participant.id, body),
      title: t("interventions.conflictTitle", { code }),
      yours: t(`interventionKind.${kind}`),
      rows: () => [],
      savedMessage: t("interventions.saved"),
    });
    setSaving(false);
    if (saved) {
      setAdding(false);
      setKind("");
      setLabel("");
      setStartedOn("");
    }
  };

  const end = (i: InterventionView) =>
    void send<InterventionView>({
      before: i,
      save: (etag) => client.endIntervention(boardId, row.participant.id, i.id, { etag: etag ?? "" }),
      title: t("interventions.conflictTitle", { code }),
      yours: t("interventions.end"),
      rows: (before, current) => [
        {
          label: t("interventions.kind"),
          before: before ? describe(before) : "",
          theirs: describe(current),
          yours: t("interventions.ended", { date: formatDate(board.today) }),
        },
      ],
      savedMessage: t("interventions.endedSaved"),
    });

  const describe = (i: InterventionView) => `${t(`interventionKind.${i.kind}`)}${i.label ? ` – ${i.label}` : ""}`;

  return (
    <section aria-label={t("interventions.title")} data-interventions={code}>
      <div className={styles.head}>
        <Subtitle2 as="h3">{t("interventions.title")}</Subtitle2>
        {mayKeep && !adding && (
          <Button size="small" appearance="subtle" onClick={() => setAdding(true)}>
            + {t("interventions.add")}
          </Button>
        )}
      </div>
      {ongoing.length === 0 ? (
        <Text block className={styles.meta}>
          {t("interventions.empty")}
        </Text>
      ) : (
        <ul className={styles.list}>
          {ongoing.map((i) => (
            <li key={i.id} className={styles.line} data-intervention-of={i.organisationId}>
              <Text>{describe(i)}</Text>
              <Caption1 className={styles.meta}>
                {organisationName(board, i.organisationId)}
                {i.startedOn ? ` · ${t("interventions.since", { date: formatDate(i.startedOn) })}` : ""}
              </Caption1>
              {mayKeep && i.etag && (
                <>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t("interventions.editLabel", {
                      kind: t(`interventionKind.${i.kind}`),
                      organisation: organisationName(board, i.organisationId),
                    })}
                    aria-expanded={editing === i.id}
                    onClick={() => setEditing(editing === i.id ? undefined : i.id)}
                  >
                    {t("interventions.edit")}
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t("interventions.endLabel", {
                      kind: t(`interventionKind.${i.kind}`),
                      organisation: organisationName(board, i.organisationId),
                    })}
                    onClick={() => end(i)}
                  >
                    {t("interventions.end")}
                  </Button>
                </>
              )}
              {mayKeep && i.etag && editing === i.id && (
                <InterventionEditForm row={row} intervention={i} onDone={() => setEditing(undefined)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {mayKeep && adding && (
        <form className={styles.form} onSubmit={(e) => void add(e)}>
          <Field label={t("interventions.kind")} required>
            <Select value={kind} onChange={(_e, d) => setKind(d.value as InterventionKind)}>
              <option value="" disabled>
                {t("form.choose")}
              </option>
              {interventionKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`interventionKind.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.label} label={t("interventions.label")} hint={t("interventions.hint", { max: INTERVENTION_LABEL_MAX })}>
            <Input value={label} maxLength={INTERVENTION_LABEL_MAX} onChange={(_e, d) => setLabel(d.value)} />
          </Field>
          <Field label={t("interventions.startedOn")}>
            <Input type="date" value={startedOn} onChange={(_e, d) => setStartedOn(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={saving || !kind}>
            {t("interventions.add")}
          </Button>
          <Button type="button" appearance="subtle" onClick={() => setAdding(false)}>
            {t("entry.cancel")}
          </Button>
        </form>
      )}
    </section>
  );
}

/** The drawer's history: the interventions that have ended, newest end first, with their organisation. */
export function EndedInterventions({ interventions }: { interventions: readonly InterventionView[] }) {
  const { board } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const ended = interventions.filter((i) => i.endedOn);
  if (ended.length === 0) return null;
  return (
    <>
      <Text weight="semibold">{t("interventions.history")}</Text>
      <ul className={styles.list} data-interventions-ended="true">
        {ended.map((i) => (
          <li key={i.id}>
            <Text>
              {t(`interventionKind.${i.kind}`)}
              {i.label ? ` – ${i.label}` : ""} ({organisationName(board, i.organisationId)}
              {i.startedOn ? `, ${formatDate(i.startedOn)}` : ""} – {t("interventions.ended", { date: formatDate(i.endedOn!) })})
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}
