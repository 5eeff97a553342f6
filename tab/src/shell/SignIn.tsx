import { Button, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ApiRequestError } from "../api/errors";
import { useI18n } from "../i18n";

// What a person sees when they are not (yet) signed in, and the ways forward.

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    maxWidth: "40rem",
  },
});

/** The server refused a token Microsoft just issued: the person's tenant is on no board. */
export const isSignInRefused = (error: unknown): boolean => error instanceof ApiRequestError && error.code === "Unauthenticated";

/** Outside Teams: "Logga in med Microsoft" (a full-page redirect to the person's own organisation). */
export function MicrosoftSignInPage({ onSignIn, failed }: { onSignIn: () => void; failed?: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t("app.title")}</Title2>
      <Text>{t("signIn.microsoftIntro")}</Text>
      {failed && <Text role="alert">{t("signIn.failed")}</Text>}
      <Button appearance="primary" onClick={onSignIn}>
        {t("signIn.microsoft")}
      </Button>
    </main>
  );
}

/** Signed in, but refused: say why, and offer to sign in as someone else. */
export function SignInRefused({ onSignOut }: { onSignOut?: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text role="alert">{t("signIn.refused")}</Text>
      {onSignOut && <Button onClick={onSignOut}>{t("signIn.signOut")}</Button>}
    </main>
  );
}

/** Teams could not give a token silently (consent needed, for example): sign in in Teams' popup, then try again. */
export function TeamsSignInNeeded({ signIn, onSignedIn }: { signIn: () => Promise<void>; onSignedIn: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");
  const run = async () => {
    setState("working");
    try {
      await signIn();
      onSignedIn();
    } catch {
      setState("failed");
    }
  };
  return (
    <main className={styles.root}>
      <Text role="alert">{state === "failed" ? t("signIn.failed") : t("signIn.teamsFailed")}</Text>
      <Button appearance="primary" disabled={state === "working"} onClick={() => void run()}>
        {t("signIn.teamsButton")}
      </Button>
    </main>
  );
}

export function SignInFailed() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text role="alert">{t("signIn.failed")}</Text>
    </main>
  );
}
