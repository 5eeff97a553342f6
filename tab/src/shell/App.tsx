import type { MeResponse } from "@fact-board/contract";
import { Button, Caption1, FluentProvider, Select, Spinner, Text, makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import { ApiContext } from "../api/ApiContext";
import { ApiClient } from "../api/client";
import { ApiRequestError, errorMessage } from "../api/errors";
import { clearDevToken, readDevToken, type StoredToken } from "../api/session";
import { I18nProvider, useI18n } from "../i18n";
import { toThemeName, type Host, type ThemeName } from "../teams/host";
import { themes } from "../teams/themes";
import { ChannelView } from "../views/channel/ChannelView";
import { SidePanelView } from "../views/sidePanel/SidePanelView";
import { BoardReadyMark, BoardShell } from "./BoardShell";
import { DevSignIn } from "./DevSignIn";

// Rare or heavy surfaces load on demand; the side panel and channel board are in the first bundle.
const StageView = lazy(() => import("../views/stage/StageView"));
const ConfigView = lazy(() => import("../views/config/ConfigView"));
const PersonalView = lazy(() => import("../views/personal/PersonalView"));

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  app: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grow: { flexGrow: 1 },
  status: { padding: tokens.spacingHorizontalL },
});

export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.teams?.onThemeChange((name) => setTheme(toThemeName(name))), [host]);
  useGlobalStyles();
  const styles = useStyles();
  return (
    // The page background and height sit on a div inside the provider, not on the provider: Fluent
    // copies the provider's classes onto every portal's mount node (toasts, dialogs, popovers), and a
    // full-height painted mount node over the page would hide the board whenever a toast shows.
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <div className={styles.app}>
        <I18nProvider locale={host.locale}>
          <Session host={host} />
        </I18nProvider>
      </div>
    </FluentProvider>
  );
}

function Session({ host }: { host: Host }) {
  const [devToken, setDevToken] = useState<StoredToken | undefined>(() => (host.inTeams ? undefined : readDevToken()));
  const client = useMemo(() => {
    if (host.teams) return new ApiClient(host.teams.getAuthToken);
    if (!devToken) return undefined;
    return new ApiClient(async () => {
      const token = readDevToken();
      if (!token) throw new ApiRequestError(401, "Unauthenticated", "signed out");
      return token.token;
    });
  }, [host, devToken]);

  const signOut = useMemo(
    () =>
      host.inTeams
        ? undefined
        : () => {
            clearDevToken();
            setDevToken(undefined);
          },
    [host],
  );

  if (!client) return <DevSignIn onSignedIn={setDevToken} />;
  return (
    <ApiContext.Provider value={client}>
      <Boards host={host} client={client} onSignOut={signOut} />
    </ApiContext.Provider>
  );
}

function Boards({ host, client, onSignOut }: { host: Host; client: ApiClient; onSignOut?: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [me, setMe] = useState<MeResponse>();
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState(host.boardId);

  useEffect(() => {
    client.me().then(setMe, (e: unknown) => {
      if (e instanceof ApiRequestError && e.code === "Unauthenticated") onSignOut?.();
      setError(e);
    });
  }, [client, onSignOut]);

  if (error) return <Text className={styles.status} role="alert">{t("app.error", { message: errorMessage(error) })}</Text>;
  if (!me) return <Spinner className={styles.status} label={t("app.loading")} />;
  if (host.view === "config")
    return (
      <Suspense fallback={<Spinner label={t("app.loading")} />}>
        <ConfigView host={host} me={me} client={client} />
      </Suspense>
    );
  const boardId = me.boards.some((b) => b.id === chosen) ? chosen : me.boards[0]?.id;
  const current = me.boards.find((b) => b.id === boardId);
  const showBar = (!host.inTeams || me.boards.length > 1) && host.view !== "sidePanel";

  return (
    <>
      {showBar && (
        <header className={styles.bar}>
          {me.boards.length > 1 && (
            <Select aria-label={t("app.boardPicker")} value={boardId} onChange={(_e, d) => setChosen(d.value)}>
              {me.boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </Select>
          )}
          <span className={styles.grow} />
          {current && <Caption1>{t(`role.${current.role}`)}</Caption1>}
          {onSignOut && (
            <Button size="small" appearance="subtle" onClick={onSignOut}>
              {t("signIn.signOut")}
            </Button>
          )}
        </header>
      )}
      {!boardId ? (
        <Text className={styles.status}>{t("app.noBoards")}</Text>
      ) : (
        <BoardShell boardId={boardId} key={boardId}>
          <Suspense fallback={<Spinner label={t("app.loading")} />}>
            {host.view === "sidePanel" ? (
              <SidePanelView host={host} onSignOut={onSignOut} />
            ) : host.view === "stage" ? (
              <StageView />
            ) : host.view === "personal" ? (
              <PersonalView />
            ) : (
              <ChannelView />
            )}
            <BoardReadyMark />
          </Suspense>
        </BoardShell>
      )}
    </>
  );
}
