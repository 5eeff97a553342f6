import type { BoardRow, ParticipantView } from "@fact-board/contract";
import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { organisationName } from "./model";
import { GOAL_MAX } from "./supportVocabulary";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  // The goal heads the participant: one line with its writer, the form folded away until wanted.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  text: { flexGrow: 1, minWidth: "14rem" },
});

/**
 * Deltagarens mål: the participant's own goal, written by the case manager's organisation and
 * shown with its name (only when that organisation's consent lets the viewer read it). Heads the
 * drawer and the stage, so the plan below is read in its light.
 */
export function GoalSection({ participant, may }: { participant: ParticipantView; may?: BoardRow["may"] }) {
  const { board, boardId } = useBoardContext();
  const client = useApi();
  const { send } = useVersionedChange();
  const { t } = useI18n();
  const styles = useStyles();
  const goal = participant.goal;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(goal?.text ?? "");
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setEditing(false);
    setText(goal?.text ?? "");
  }, [participant.id, goal?.text]);
  const maySet = may?.setGoal === true;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const written = text.trim();
    if (written.length > GOAL_MAX) return;
    setSaving(true);
    const saved = await send<ParticipantView>({
      before: participant,
      save: (etag) => client.setGoal(boardId, participant.id, { etag: etag ?? "", text: written }),
      title: t("goal.conflictTitle", { code: participant.code }),
      yours: written,
      rows: (before, current) => [
        { label: t("goal.title"), before: before?.goal?.text ?? "", theirs: current.goal?.text ?? "", yours: written },
      ],
      savedMessage: t("goal.saved"),
    });
    setSaving(false);
    if (saved) setEditing(false);
  };

  return (
    <section aria-label={t("goal.title")} className={styles.root} data-goal={participant.code}>
      <div className={styles.line}>
        <Text className={styles.title}>{t("goal.title")}:</Text>
        {goal ? (
          <>
            <Text data-goal-text="true">{goal.text}</Text>
            <Caption1 className={styles.meta}>
              {t("goal.writtenBy", { organisation: organisationName(board, goal.organisationId) })}
            </Caption1>
          </>
        ) : (
          <Text className={styles.meta}>{t("goal.empty")}</Text>
        )}
        {maySet && !editing && (
          <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
            {t("goal.edit")}
          </Button>
        )}
      </div>
      {maySet && editing && (
        <form className={styles.form} onSubmit={(e) => void save(e)}>
          <Field className={styles.text} label={t("goal.label")} hint={t("goal.hint", { max: GOAL_MAX })}>
            <Input value={text} maxLength={GOAL_MAX} onChange={(_e, d) => setText(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={saving || text.trim() === (goal?.text ?? "")}>
            {t("goal.save")}
          </Button>
          <Button type="button" appearance="subtle" onClick={() => setEditing(false)}>
            {t("entry.cancel")}
          </Button>
        </form>
      )}
    </section>
  );
}
