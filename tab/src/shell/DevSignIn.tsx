import { Button, Caption1, Field, Input, Spinner, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { devSignIn, listDevPeople, type DevPerson } from "../api/client";
import { errorText } from "../api/errorText";
import { storeDevToken, type StoredToken } from "../api/session";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  person: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
  },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * Without the demo team (SEED_DEMO_DATA=false) the development server lets anyone sign in with a
 * tenant and object id of their choosing, so the first run (creating a board, asking to join) can be
 * tried. The tab cannot tell which mode the server runs in; with the demo team it refuses in words.
 */
function AnyIdentityForm({ onSignIn }: { onSignIn: (person: DevPerson) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [tenantId, setTenantId] = useState("");
  const [objectId, setObjectId] = useState("");
  return (
    <form
      className={styles.form}
      aria-label={t("signIn.anyIdentity")}
      onSubmit={(e) => {
        e.preventDefault();
        onSignIn({ tenantId: tenantId.trim(), objectId: objectId.trim(), displayName: "", organisationName: "", role: "staff" });
      }}
    >
      <Text>{t("signIn.anyIdentityIntro")}</Text>
      <Field label={t("signIn.tenantId")} required>
        <Input value={tenantId} onChange={(_e, d) => setTenantId(d.value)} />
      </Field>
      <Field label={t("signIn.objectId")} required>
        <Input value={objectId} onChange={(_e, d) => setObjectId(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={!tenantId.trim() || !objectId.trim()}>
          {t("signIn.anyIdentity")}
        </Button>
      </div>
    </form>
  );
}

/** Outside Teams, in the `npm start` demo: sign in as one of the demo people ("Logga in som…"). */
export function DevSignIn({ onSignedIn }: { onSignedIn: (token: StoredToken) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [people, setPeople] = useState<DevPerson[] | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void listDevPeople().then((p) => setPeople(p ?? null));
  }, []);

  const signIn = async (person: DevPerson) => {
    try {
      const token = await devSignIn(person);
      storeDevToken(token);
      onSignedIn(token);
    } catch (e) {
      setError(errorText(i18n, e));
    }
  };

  if (people === undefined) return <Spinner label={t("app.loading")} />;
  if (people === null)
    return (
      <main className={styles.root}>
        <Text>{t("app.signedOut")}</Text>
      </main>
    );
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t("signIn.title")}</Title2>
      <Text>{t("signIn.intro")}</Text>
      {error && <Text role="alert">{error}</Text>}
      <ul className={styles.list}>
        {people.map((person) => (
          <li key={`${person.tenantId}/${person.objectId}`}>
            <Button
              className={styles.person}
              aria-label={t("signIn.button", { name: person.displayName })}
              onClick={() => void signIn(person)}
              data-person={person.displayName}
            >
              <Text weight="semibold">{person.displayName}</Text>
              <Caption1 className={styles.meta}>
                {t(`role.${person.role as "staff"}`)} · {person.organisationName}
              </Caption1>
            </Button>
          </li>
        ))}
      </ul>
      <AnyIdentityForm onSignIn={(p) => void signIn(p)} />
    </main>
  );
}
