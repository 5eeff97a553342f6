import type { MeResponse, SignInConfig } from "@fact-board/contract";
import { Button, Caption1, FluentProvider, Spinner, Text, makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiContext } from "../api/ApiContext";
import { ApiClient, fetchSignInConfig } from "../api/client";
import { ApiRequestError } from "../api/errors";
import { errorDetail, errorText } from "../api/errorText";
import { clearDevToken, readDevToken, type StoredToken } from "../api/session";
import { I18nProvider, useI18n } from "../i18n";
import { OpenLinkProvider } from "../board/openLinkContext";
import type { FirstRead } from "../board/useBoard";
import { toThemeName, type Host, type ThemeName, type ViewName } from "../teams/host";
import { loadTheme, loadedTheme } from "../teams/themes";
import { BoardReadyMark, BoardShell } from "./BoardShell";
import type { MicrosoftSignIn } from "./microsoftSignIn";
import { MicrosoftSignInPage, SignInFailed, SignInRefused, TeamsSignInNeeded, isSignInRefused } from "./SignIn";

import { loadView, loadedView, viewModules, type ViewModule } from "./view-modules";

// Every surface is its own chunk (start-host.ts starts the one the host asks for at once): the side
// panel never downloads the channel board, nor the channel tab the side panel.
const ConfigView = lazy(viewModules.config);
// Only the `npm start` demo and tests sign in this way; a production page never downloads it.
const DevSignIn = lazy(() => import("./DevSignIn").then((m) => ({ default: m.DevSignIn })));
// Asking to join is a first-day screen: not in the initial download.
const JoinBoard = lazy(() => import("./JoinBoard").then((m) => ({ default: m.JoinBoard })));
// Most people are on one board: the picker for several is not in the initial download.
const BoardPicker = lazy(() => import("./BoardPicker").then((m) => ({ default: m.BoardPicker })));
// Why someone has no board yet: a first-day screen too.
const NoBoard = lazy(() => import("./NoBoard").then((m) => ({ default: m.NoBoard })));

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });
/**
 * On a touch screen (a phone's Teams, a tablet) every control is at least 44 × 44 px (WCAG 2.5.5):
 * Fluent's medium controls are 32 px and its small ones 24 px, sized for a mouse. One rule here on
 * Fluent's stable class names rather than a size prop in every view; with a mouse nothing changes.
 */
const useTouchTargets = makeStaticStyles(`@media (pointer: coarse) {
  .fui-Button, .fui-Tab, .fui-Checkbox, .fui-Radio, .fui-Input, .fui-Dropdown, .fui-Dropdown__button, .fui-Select__select, summary {
    min-height: 44px;
    min-width: 44px;
  }
  button.fui-Link { min-height: 44px; min-width: 44px; display: inline-flex; align-items: center; }
  .fui-Checkbox, .fui-Radio { align-items: center; }
}`);

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

/**
 * `signInConfig`: outside Teams, how to sign in when main.tsx already has it (null: it could not be
 * read); the session then starts signed in or at the sign-in page in its first render.
 */
export function App({ host, signInConfig }: { host: Host; signInConfig?: SignInConfig | null }) {
  // main.tsx loaded the starting theme; another one loads when Teams switches to it.
  const [theme, setTheme] = useState(() => ({ name: host.theme, value: loadedTheme(host.theme) ?? loadedTheme("default")! }));
  useEffect(
    () =>
      host.teams?.onThemeChange((teamsName) => {
        const name: ThemeName = toThemeName(teamsName);
        void loadTheme(name).then((value) => setTheme({ name, value }));
      }),
    [host],
  );
  useGlobalStyles();
  useTouchTargets();
  const styles = useStyles();
  return (
    // The page background and height sit on a div inside the provider, not on the provider: Fluent
    // copies the provider's classes onto every portal's mount node (toasts, dialogs, popovers), and a
    // full-height painted mount node over the page would hide the board whenever a toast shows.
    <FluentProvider theme={theme.value} data-theme={theme.name}>
      <div className={styles.app}>
        <I18nProvider locale={host.locale}>
          <OpenLinkProvider open={host.teams?.openLink}>
            <Session host={host} signInConfig={signInConfig} />
          </OpenLinkProvider>
        </I18nProvider>
      </div>
    </FluentProvider>
  );
}

function Session({ host, signInConfig }: { host: Host; signInConfig: SignInConfig | null | undefined }) {
  if (host.signInPopup) return <TeamsPopupSignIn />;
  if (host.teams) return <TeamsSession host={host} teams={host.teams} />;
  return <BrowserSession host={host} known={signInConfig} />;
}

/** Inside Teams: Teams SSO; when Teams cannot give a token, "Logga in" runs Teams' sign-in popup and tries again. */
function TeamsSession({ host, teams }: { host: Host; teams: NonNullable<Host["teams"]> }) {
  const [attempt, setAttempt] = useState(0);
  // A new client per attempt, so a retry after the popup asks Teams for a token afresh.
  const client = useMemo(() => new ApiClient(teams.getAuthToken), [teams, attempt]);
  const problem = (error: unknown) =>
    isSignInRefused(error) ? (
      <SignInRefused />
    ) : error instanceof ApiRequestError ? undefined : (
      <TeamsSignInNeeded signIn={() => teams.signInInPopup(window.location.origin)} onSignedIn={() => setAttempt((n) => n + 1)} />
    );
  return (
    <ApiContext.Provider value={client}>
      <Boards key={attempt} host={host} client={client} problem={problem} />
    </ApiContext.Provider>
  );
}

/** Outside Teams: the Microsoft sign-in where the server has an Entra app, the development sign-in where it runs. */
function BrowserSession({ host, known }: { host: Host; known: SignInConfig | null | undefined }) {
  const { t } = useI18n();
  const [config, setConfig] = useState<SignInConfig | null | undefined>(known);
  useEffect(() => {
    if (config === undefined) void fetchSignInConfig().then((c) => setConfig(c ?? null));
  }, [config]);
  if (config === undefined) return <Spinner label={t("app.loading")} />;
  if (config?.microsoft && !config.devSignIn) return <MicrosoftSession host={host} settings={config.microsoft} />;
  return <DevSession host={host} />;
}

function DevSession({ host }: { host: Host }) {
  const [devToken, setDevToken] = useState<StoredToken | undefined>(() => readDevToken());
  const client = useMemo(
    () =>
      devToken &&
      new ApiClient(async () => {
        const token = readDevToken();
        if (!token) throw new ApiRequestError(401, "Unauthenticated", "signed out");
        return token.token;
      }),
    [devToken],
  );
  const signOut = useCallback(() => {
    clearDevToken();
    setDevToken(undefined);
  }, []);
  if (!client)
    return (
      <Suspense fallback={<Spinner />}>
        <DevSignIn onSignedIn={setDevToken} />
      </Suspense>
    );
  return (
    <ApiContext.Provider value={client}>
      <Boards host={host} client={client} onSignOut={signOut} onUnauthenticated={signOut} />
    </ApiContext.Provider>
  );
}

function MicrosoftSession({ host, settings }: { host: Host; settings: NonNullable<SignInConfig["microsoft"]> }) {
  const { t } = useI18n();
  const [signIn, setSignIn] = useState<MicrosoftSignIn | null>();
  useEffect(() => {
    // MSAL is loaded only here: neither Teams nor the development sign-in downloads it.
    import("./microsoftSignIn").then((m) => m.startMicrosoftSignIn(settings)).then(setSignIn, () => setSignIn(null));
  }, [settings]);
  const client = useMemo(() => signIn?.account && new ApiClient(signIn.getToken), [signIn]);
  const signOut = useCallback(() => void signIn?.signOut(), [signIn]);
  if (signIn === undefined) return <Spinner label={t("signIn.working")} />;
  if (!signIn || !client) return <MicrosoftSignInPage failed={signIn === null} onSignIn={() => void signIn?.signIn()} />;
  return (
    <ApiContext.Provider value={client}>
      <Boards
        host={host}
        client={client}
        onSignOut={signOut}
        problem={(e) => (isSignInRefused(e) ? <SignInRefused onSignOut={signOut} /> : undefined)}
      />
    </ApiContext.Provider>
  );
}

/** The page Teams' sign-in popup opens: MSAL sign-in (and consent), then back to the tab that asked. */
function TeamsPopupSignIn() {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void (async () => {
      try {
        const [config, teams, msal] = await Promise.all([fetchSignInConfig(), import("../teams/teams"), import("./microsoftSignIn")]);
        if (!config?.microsoft) throw new Error("no Microsoft sign-in configured");
        await msal.signInForTeamsPopup(config.microsoft, teams.notifySignedIn);
      } catch (e) {
        setFailed(true);
        void import("../teams/teams").then((teams) => teams.notifySignInFailed(e instanceof Error ? e.message : String(e)));
      }
    })();
  }, []);
  return failed ? <SignInFailed /> : <Spinner label={t("signIn.working")} />;
}

interface BoardsProps {
  host: Host;
  client: ApiClient;
  onSignOut?: () => void;
  /** The token is no longer good (a development sign-in that expired): forget it. */
  onUnauthenticated?: () => void;
  /** A sign-in problem the session knows how to show (and recover from); undefined: the plain error. */
  problem?: (error: unknown) => ReactNode | undefined;
}

/** A failure that may pass by itself: storage or the network away for a moment, the server's own, too many requests. */
const mayPass = (error: unknown) =>
  error instanceof ApiRequestError && (error.isUnavailable || error.code === "Internal" || error.code === "TooManyRequests");

function Boards({ host, client, onSignOut, onUnauthenticated, problem }: BoardsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [me, setMe] = useState<MeResponse>();
  // The named board's first answer, for the shell's first mount only (a later one reads afresh).
  const firstBoard = useRef<{ boardId: string; first: FirstRead }>(undefined);
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState(host.boardId);
  const [meetingId, setMeetingId] = useState(host.meetingId);
  /** Raised by "Försök igen" after a failure that may pass (storage or the network away for a moment). */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Teams keeps a cached side panel or stage and reopens it with its content URL, which may name another board.
    if (host.view !== "sidePanel" && host.view !== "stage") return;
    host.teams?.enableCaching((contentUrl) => {
      const params = new URL(contentUrl, window.location.href).searchParams;
      const board = params.get("board");
      if (board) setChosen(board);
      setMeetingId(params.get("meeting") ?? undefined);
    });
  }, [host]);

  useEffect(() => {
    // The board the URL names loads beside "me", not after it (no waterfall to the first row), and
    // both are shown in one render: "me" alone would render and paint the shell's spinner first.
    // A failure goes to the shell too, which says why at once and retries as after its own read.
    const named = host.boardId && host.view !== "config" ? host.boardId : undefined;
    const board: Promise<FirstRead | undefined> = named
      ? client.board(named).then(
          (answer) => ({ board: answer }),
          (failure: unknown) => ({ failure }),
        )
      : Promise.resolve(undefined);
    client.me().then(
      async (me) => {
        const first = await board;
        firstBoard.current = first && named ? { boardId: named, first } : undefined;
        setMe(me);
      },
      (e: unknown) => {
        if (e instanceof ApiRequestError && e.code === "Unauthenticated") onUnauthenticated?.();
        setError(e);
      },
    );
  }, [client, onUnauthenticated, host, attempt]);
  useEffect(() => {
    if (me) firstBoard.current = undefined;
  }, [me]);

  if (error)
    return (
      problem?.(error) ?? (
        // The thrown message is a developer's detail (data-detail), never the text.
        <div className={styles.status} role="alert" data-detail={errorDetail(error)}>
          <Text block>{errorText(i18n, error)}</Text>
          {mayPass(error) && (
            <Button
              onClick={() => {
                setError(undefined);
                setAttempt((n) => n + 1);
              }}
            >
              {t("app.retry")}
            </Button>
          )}
        </div>
      )
    );
  if (!me) return <Spinner className={styles.status} label={t("app.loading")} />;
  if (host.view === "config")
    return (
      <Suspense fallback={<Spinner label={t("app.loading")} />}>
        <ConfigView host={host} me={me} client={client} />
      </Suspense>
    );
  // The tab's saved URL names a board this person is not a member of: they may ask to join it.
  if (host.boardId && !me.boards.some((b) => b.id === host.boardId)) return <JoinBoard client={client} boardId={host.boardId} />;
  const boardId = me.boards.some((b) => b.id === chosen) ? chosen : me.boards[0]?.id;
  const current = me.boards.find((b) => b.id === boardId);
  const showBar = (!host.inTeams || me.boards.length > 1) && host.view !== "sidePanel";

  return (
    <>
      {showBar && (
        <header className={styles.bar}>
          {me.boards.length > 1 && (
            <Suspense fallback={null}>
              <BoardPicker boards={me.boards} value={boardId} onChange={setChosen} />
            </Suspense>
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
        <Suspense fallback={<Spinner className={styles.status} />}>
          <NoBoard me={me} inTeams={host.inTeams} />
        </Suspense>
      ) : (
        <BoardShell
          boardId={boardId}
          meetingId={meetingId}
          {...(host.teamsChatId ? { teamsChatId: host.teamsChatId } : {})}
          {...(host.openItem ? { openItem: host.openItem } : {})}
          key={`${boardId}/${meetingId ?? ""}`}
          {...(firstBoard.current?.boardId === boardId ? { firstBoard: firstBoard.current.first } : {})}
        >
          <Surface host={host} onSignOut={onSignOut} />
        </BoardShell>
      )}
    </>
  );
}

type BoardSurface = Exclude<ViewName, "config">;

/** The surface's chunk: the one start-host.ts started, taken as soon as it is here. */
function useSurfaceModule(view: BoardSurface): ViewModule<BoardSurface> | undefined {
  const [module, setModule] = useState<ViewModule<BoardSurface> | undefined>(() => loadedView(view));
  const [failed, setFailed] = useState<unknown>();
  useEffect(() => {
    if (module) return;
    let live = true;
    loadView(view).then(
      (m) => live && setModule(m),
      (e: unknown) => live && setFailed(e),
    );
    return () => {
      live = false;
    };
  }, [view, module]);
  if (failed) throw failed;
  return module;
}

/**
 * The board's surface, rendered as soon as its chunk is here, not through React.lazy: a lazy
 * component's first render always suspends, and when the board arrives a Suspense fallback shown
 * for that turn holds the board back for up to 300 ms (React throttles replacing a fallback).
 */
function Surface({ host, onSignOut }: { host: Host; onSignOut?: () => void }) {
  const { t } = useI18n();
  const view: BoardSurface = host.view === "config" ? "channel" : host.view;
  const module = useSurfaceModule(view);
  if (!module) return <Spinner label={t("app.loading")} />;
  let surface: ReactNode;
  if (view === "sidePanel") {
    const { SidePanelView } = module as ViewModule<"sidePanel">;
    surface = <SidePanelView host={host} {...(onSignOut ? { onSignOut } : {})} />;
  } else if (view === "stage") {
    const StageView = (module as ViewModule<"stage">).default;
    surface = <StageView />;
  } else if (view === "personal") {
    const PersonalView = (module as ViewModule<"personal">).default;
    surface = <PersonalView />;
  } else {
    const { ChannelView } = module as ViewModule<"channel">;
    // The cards' "Hjälp" link opens "Om tavlan" (section=about, or Teams' sub-entity "about").
    surface = <ChannelView {...(host.section ? { initialSection: host.section } : {})} />;
  }
  return (
    <>
      {surface}
      <BoardReadyMark />
    </>
  );
}
