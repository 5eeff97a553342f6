import { Button, Field, Input, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ApiClient } from "../api/client";
import { ApiRequestError } from "../api/errors";
import { errorText } from "../api/errorText";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "480px" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The tab names a board the person is not a member of: they may ask to join. An admin (or their
 * organisation's manager) approves with organisation and role; asking again is the same request.
 */
export function JoinBoard({ client, boardId }: { client: ApiClient; boardId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [displayName, setDisplayName] = useState("");
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await client.requestToJoin(boardId, {
        displayName: displayName.trim(),
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      setPending(answer.state === "pending");
    } catch (e) {
      // A board one may not join answers 404, like a board that does not exist: say which it may be.
      setError(
        e instanceof ApiRequestError && e.code === "NotFound"
          ? t("join.notFound")
          : e instanceof ApiRequestError && e.code === "AlreadyExists"
            ? t("join.alreadyMember")
            : errorText(i18n, e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t("join.title")}</Title3>
      <Text>{t("app.noBoards")}</Text>
      {pending ? (
        <Text role="status">{t("join.pending")}</Text>
      ) : (
        <form
          className={styles.form}
          aria-label={t("join.ask")}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Text>{t("join.intro")}</Text>
          <Field label={t("setup.yourName")} required>
            <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
          </Field>
          <Field label={t("join.message")} hint={t("join.messageHint")}>
            <Input value={message} onChange={(_e, d) => setMessage(d.value)} />
          </Field>
          {error && <Text role="alert">{error}</Text>}
          <div>
            <Button appearance="primary" type="submit" disabled={busy || !displayName.trim()}>
              {t("join.ask")}
            </Button>
          </div>
        </form>
      )}
    </main>
  );
}
