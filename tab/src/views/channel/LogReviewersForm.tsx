import type { LogReviewersView } from "@fact-board/contract";
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import { useBoardContext } from "../../board/BoardContext";
import { memberName } from "../../board/model";
import { useVersionedChange } from "../../board/useVersionedChange";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * Names the own organisation's log reviewers among its members. Saved with the etag of the naming
 * one looked at; a naming saved meanwhile opens the conflict dialog like every other change.
 */
export function LogReviewersForm({ reviewers, onSaved }: { reviewers: LogReviewersView; onSaved: (saved: LogReviewersView) => void }) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { send } = useVersionedChange();
  const [chosen, setChosen] = useState<string[]>(reviewers.memberIds);
  const [saving, setSaving] = useState(false);
  useEffect(() => setChosen(reviewers.memberIds), [reviewers]);

  const own = board.members.filter((m) => m.organisationId === reviewers.organisationId);
  const names = (ids: readonly string[]) => ids.map((id) => memberName(board, id)).join(", ") || t("logReview.noReviewers");
  const unchanged = chosen.length === reviewers.memberIds.length && chosen.every((id) => reviewers.memberIds.includes(id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    await send<LogReviewersView>({
      before: reviewers.etag ? reviewers : undefined,
      save: async (etag) =>
        onSaved(await client.nameLogReviewers(boardId, reviewers.organisationId, { memberIds: chosen, ...(etag ? { etag } : {}) })),
      title: t("logReview.reviewersConflict"),
      yours: names(chosen),
      rows: (before, current) => [
        { label: t("logReview.reviewers"), before: names(before?.memberIds ?? []), theirs: names(current.memberIds), yours: names(chosen) },
      ],
      savedMessage: t("logReview.reviewersSaved"),
    });
    setSaving(false);
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("logReview.reviewers")}</legend>
        {own.map((m) => (
          <Checkbox
            key={m.id}
            label={`${m.displayName} (${t(`role.${m.role}`)})`}
            checked={chosen.includes(m.id)}
            onChange={(_e, d) => setChosen((current) => (d.checked ? [...current, m.id] : current.filter((id) => id !== m.id)))}
          />
        ))}
      </fieldset>
      <Text className={styles.meta}>{t("logReview.reviewersHint")}</Text>
      <Button type="submit" disabled={saving || unchanged}>
        {t("logReview.saveReviewers")}
      </Button>
    </form>
  );
}
