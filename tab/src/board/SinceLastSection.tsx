import type { BoardRow, SinceLastNoteView } from "@fact-board/contract";
import { Button, Caption1, Field, Input, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { memberName, organisationName } from "./model";
import { useVersionedChange } from "./useVersionedChange";

const MAX = 300;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  // One line, like the action plan's form: the stage keeps the whole participant in view.
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", marginTop: tokens.spacingVerticalXS },
  text: { flexGrow: 1, minWidth: "12rem" },
});

/**
 * Sedan sist: what happened since the last meeting, one short dated note per organisation and
 * meeting day, newest first, each with the organisation that wrote it (only those the viewer's
 * organisation may read reach the tab). The viewer's own organisation writes or edits today's.
 */
export function SinceLastSection({ row, notes = row.sinceLast }: { row: BoardRow; notes?: readonly SinceLastNoteView[] }) {
  const { board, boardId } = useBoardContext();
  const client = useApi();
  const { send } = useVersionedChange();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const own = notes.find((n) => n.on === board.today && n.organisationId === board.viewer.organisationId);
  const [text, setText] = useState(own?.text ?? "");
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(own?.text ?? ""), [row.participant.id, own?.text]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const written = text.trim();
    if (!written || written.length > MAX) return;
    setSaving(true);
    await send<SinceLastNoteView>({
      before: own,
      save: (etag) => client.writeSinceLast(boardId, row.participant.id, { text: written, ...(etag ? { etag } : {}) }),
      title: t("sinceLast.conflictTitle", { code: row.participant.code }),
      yours: written,
      rows: (before, current) => [{ label: t("sinceLast.title"), before: before?.text ?? "", theirs: current.text, yours: written }],
      savedMessage: t("sinceLast.saved"),
    });
    setSaving(false);
  };

  return (
    <section aria-label={t("sinceLast.title")} data-since-last={row.participant.code}>
      <Subtitle2 as="h3">{t("sinceLast.title")}</Subtitle2>
      {notes.length === 0 ? (
        <Text block className={styles.meta}>
          {t("sinceLast.empty")}
        </Text>
      ) : (
        <ul className={styles.list}>
          {notes.map((n) => (
            <li key={`${n.on}-${n.organisationId}`} data-since-last-note={n.organisationId}>
              <Text block>{n.text}</Text>
              <Caption1 className={styles.meta}>
                {organisationName(board, n.organisationId)} · {formatDate(n.on)} · {memberName(board, n.writtenBy)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {row.may.writeSinceLast && (
        <form className={styles.form} onSubmit={(e) => void save(e)}>
          <Field className={styles.text} label={own ? t("sinceLast.editOwn") : t("sinceLast.writeOwn")}>
            <Input value={text} onChange={(_e, d) => setText(d.value)} maxLength={MAX} title={t("sinceLast.hint", { max: MAX })} />
          </Field>
          <Button type="submit" disabled={saving || !text.trim() || text.trim() === (own?.text ?? "")}>
            {t("sinceLast.save")}
          </Button>
        </form>
      )}
    </section>
  );
}
