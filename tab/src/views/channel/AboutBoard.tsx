import { Button, Caption1, Field, Input, Link, Subtitle2, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { errorText } from "../../api/errorText";
import { useBoardContext } from "../../board/BoardContext";
import { BoardModelBadge } from "../../board/BoardHeading";
import { can, organisationName } from "../../board/model";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "48rem" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  text: { whiteSpace: "pre-wrap" },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * "Om tavlan": what the board is (its model and lead organisation), the team's routine and admission
 * criteria in a few lines and a link, as its admins wrote them (each change a version in the admin
 * audit). The cards' "Hjälp" link opens this page.
 */
export function AboutBoard() {
  const client = useApi();
  const { board, boardId, refresh } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const styles = useStyles();
  const about = board.board.about;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [link, setLink] = useState("");
  const [message, setMessage] = useState<{ error?: string; notice?: string }>({});
  const [busy, setBusy] = useState(false);

  const startEditing = () => {
    setText(about?.text ?? "");
    setLink(about?.link ?? "");
    setMessage({});
    setEditing(true);
  };
  const save = async () => {
    setBusy(true);
    try {
      // The settings' version guards the save: read it now, so a change made meanwhile is not overwritten silently.
      const { board: settings } = await client.adminOverview(boardId);
      await client.editBoardSettings(boardId, {
        etag: settings.etag,
        about: text.trim() ? { text: text.trim(), ...(link.trim() ? { link: link.trim() } : {}) } : null,
      });
      setEditing(false);
      setMessage({ notice: t("about.saved") });
      await refresh();
    } catch (e) {
      setMessage({ error: errorText(i18n, e) });
    } finally {
      setBusy(false);
    }
  };

  const lead = board.board.leadOrganisationId;
  return (
    <section className={styles.root} aria-label={t("nav.about")}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("about.model")}</dt>
        <dd className={styles.dd}>
          <BoardModelBadge />
        </dd>
        <dt className={styles.term}>{t("about.lead")}</dt>
        <dd className={styles.dd}>{lead ? organisationName(board, lead) : t("about.leadNone")}</dd>
        <dt className={styles.term}>{t("about.caseload")}</dt>
        <dd className={styles.dd}>{board.board.caseload}</dd>
      </dl>
      {board.board.model !== "fact" && <Text>{t("about.notFact", { model: t(`boardModel.${board.board.model}`) })}</Text>}
      <Text>{t("about.steering")}</Text>
      <Subtitle2 as="h2">{t("about.routine")}</Subtitle2>
      {about ? (
        <>
          <Text className={styles.text} data-about-text="true">
            {about.text}
          </Text>
          {about.link && (
            <Link href={about.link} target="_blank" rel="noopener noreferrer">
              {t("about.link")}
            </Link>
          )}
          <Caption1 className={styles.meta}>
            {t("about.version", { version: about.version, date: formatDateTime(about.updatedAt) })}
          </Caption1>
        </>
      ) : (
        <Text>{t("about.empty")}</Text>
      )}
      {message.notice && <Text role="status">{message.notice}</Text>}
      {message.error && <Text role="alert">{message.error}</Text>}
      {can(board, "board.configure") &&
        (editing ? (
          <form
            className={styles.form}
            aria-label={t("about.edit")}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Field label={t("about.textLabel")} hint={t("about.textHint")}>
              <Textarea value={text} maxLength={1000} resize="vertical" onChange={(_e, d) => setText(d.value)} />
            </Field>
            <Field label={t("about.linkLabel")}>
              <Input type="url" value={link} onChange={(_e, d) => setLink(d.value)} />
            </Field>
            <div>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t("entry.save")}
              </Button>{" "}
              <Button onClick={() => setEditing(false)}>{t("entry.cancel")}</Button>
            </div>
          </form>
        ) : (
          <div>
            <Button onClick={startEditing}>{t("about.edit")}</Button>
          </div>
        ))}
    </section>
  );
}
