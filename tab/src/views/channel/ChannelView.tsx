import { TodaysDecisionsButton } from "../../board/TodaysDecisionsButton";
import type { BoardRow } from "@fact-board/contract";
import { Button, Caption1, Spinner, Tab, TabList, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useMemo, useState } from "react";
import { AbsencePanel } from "../../board/AbsencePanel";
import { BoardFilters } from "../../board/BoardFilters";
import { BoardModelBadge, CaseloadShare } from "../../board/BoardHeading";
import { GettingStarted } from "../../board/GettingStarted";
import { BoardTable } from "../../board/BoardTable";
import { CompactBoard } from "../../board/CompactBoard";
import { Inbox } from "../../board/Inbox";
import { useBoardContext } from "../../board/BoardContext";
import { LiveIndicator } from "../../board/LiveIndicator";
import { can, filterRows, type BoardFilter } from "../../board/model";
import { ParticipantDetail, PutOnBoardDialog, RaiseSignalDialog, RaiseTodayDialog } from "../../board/lazyParts";
import { useNarrow } from "../../board/useNarrow";
import { openedForm, useOpenItem } from "../../board/useOpenItem";
import { useVersionedChange } from "../../board/useVersionedChange";
import { useI18n } from "../../i18n";
import { loadAdminWords } from "../../i18n/load";

// Charts and the access log are for managers and rarely opened: they load on demand.
// Their words come with them (i18n/load.ts loadAdminWords): the board's first screen does not carry them.
const withAdminWords = <M,>(page: Promise<M>): Promise<M> => Promise.all([page, loadAdminWords()]).then(([m]) => m);
const OverviewPanel = lazy(() => withAdminWords(import("./OverviewPanel")));
const AuditPanel = lazy(() => withAdminWords(import("./AuditPanel")));
// "Inställningar" is for admins and managers setting the board up: its own chunk.
const SettingsView = lazy(() => withAdminWords(import("../settings/SettingsView")));
// Read now and then, from the cards' "Hjälp" link too.
const AboutBoard = lazy(() => import("./AboutBoard").then((m) => ({ default: m.AboutBoard })));

/** Setting up the board: the server's `may` decides what each page offers; these roles see the tab at all. */
const SETTINGS_PERMISSIONS = [
  "board.configure",
  "organisation.manage",
  "member.manage",
  "member.manageOwnOrganisation",
  "participant.import",
  "adminAudit.read",
];

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    // Nothing may widen the page past a phone's screen: the board's own parts wrap or scroll inside.
    minWidth: 0,
    "@media (max-width: 599.98px)": { padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS },
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  title: { "@media (max-width: 599.98px)": { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 } },
  grow: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground2 },
  // Four views side by side do not fit a phone: the tabs wrap onto a second line rather than run off it.
  tabs: { flexWrap: "wrap" },
});

type Section = "board" | "overview" | "audit" | "settings" | "about";

/** The channel tab: the full board with filters, participant detail, overview, access log and "Om tavlan". */
export function ChannelView({ initialSection }: { initialSection?: "about" } = {}) {
  const { board, live, openItem } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const { send } = useVersionedChange();
  const [section, setSection] = useState<Section>(initialSection ?? "board");
  // A card's "Mina deltagare" opens the board at the viewer's own participants (the filter says so).
  const form = openedForm(openItem);
  const [filter, setFilter] = useState<BoardFilter>(form === "myParticipants" ? { caseManagerId: board.viewer.memberId } : {});
  const [open, setOpen] = useState<BoardRow>();
  // A card's "Öppna i FACT-tavlan": the signal or consent in its participant's drawer.
  const { missing } = useOpenItem(setOpen);
  const rows = useMemo(() => filterRows(board, board.rows, filter), [board, filter]);
  const showOverview = can(board, "overview.read");
  const showAudit = can(board, "audit.read");
  const showSettings = SETTINGS_PERMISSIONS.some((p) => can(board, p));
  const narrow = useNarrow();
  // The first day: an empty board says what is left to set up, to those who set it up.
  const empty = board.rows.length === 0 && board.hiddenCount === 0;
  const setupLeft = showSettings && Object.values(board.gettingStarted).some((done) => !done);
  // Skicka signal from the board (a phone's "Öppna i FACT-tavlan" from the signal form card): about whom the viewer may signal.
  const signalChoices = board.rows
    .filter((r) => r.may.raiseSignal && r.participant.organisationIds.some((id) => id !== board.viewer.organisationId))
    .map((r) => r.participant);

  return (
    <main className={styles.root}>
      <div className={styles.head}>
        <Title3 as="h1" className={styles.title}>
          {board.board.name}
        </Title3>
        <BoardModelBadge />
        <CaseloadShare />
        <LiveIndicator status={live} />
        <span className={styles.grow} />
        {/* On a phone only when a card's link asked for it: there the first participant comes first. */}
        {signalChoices.length > 0 && (!narrow || form === "signalForm") && (
          <RaiseSignalDialog
            choices={signalChoices}
            send={send}
            openAtStart={form === "signalForm"}
            trigger={<Button>{t("signal.raiseButton")}</Button>}
          />
        )}
        {/* On a phone the first participant comes first: Dagens beslut follows the board there. */}
        {!narrow && <TodaysDecisionsButton />}
        {can(board, "entry.putOn") && <PutOnBoardDialog trigger={<Button appearance="primary">{t("term.putOnBoard")}</Button>} />}
        {/* On a phone the first participant comes first; Ta upp idag is on the wide board and the stage. */}
        {!narrow && can(board, "participant.raiseToday") && <RaiseTodayDialog trigger={<Button>{t("raise.action")}</Button>} />}
      </div>
      {missing && (
        <Text role="status" className={styles.note}>
          {t("open.missing")}
        </Text>
      )}
      <Inbox />
      <AbsencePanel compact={narrow} />
      <TabList
        className={styles.tabs}
        selectedValue={section}
        onTabSelect={(_e, d) => setSection(d.value as Section)}
        aria-label={t("nav.views")}
      >
        <Tab value="board">{t("term.board")}</Tab>
        {showOverview && <Tab value="overview">{t("nav.overview")}</Tab>}
        {showAudit && <Tab value="audit">{t("nav.audit")}</Tab>}
        {showSettings && <Tab value="settings">{t("nav.settings")}</Tab>}
        <Tab value="about">{t("nav.about")}</Tab>
      </TabList>
      {section === "board" && (
        <>
          {/* Said first: a board whose entries are hidden from this viewer is not an empty board. */}
          {board.hiddenCount > 0 && (
            <Text weight="semibold" data-hidden-count={board.hiddenCount}>
              {t("board.hidden", { count: board.hiddenCount })}
            </Text>
          )}
          {empty && setupLeft ? (
            <GettingStarted steps={board.gettingStarted} onOpenSettings={() => setSection("settings")} />
          ) : empty ? (
            <Text>{t("board.empty")}</Text>
          ) : board.rows.length > 0 ? (
            <>
              <BoardFilters filter={filter} onChange={setFilter} collapsible={narrow} />
              <Caption1 className={styles.note} role="status">
                {t("filter.showing", { shown: rows.length, total: board.rows.length })}
              </Caption1>
              {narrow ? <CompactBoard rows={rows} onOpen={setOpen} /> : <BoardTable rows={rows} onOpen={setOpen} />}
            </>
          ) : null}
          {narrow && (
            <div>
              <TodaysDecisionsButton />
            </div>
          )}
        </>
      )}
      <Suspense fallback={<Spinner label={t("app.loading")} />}>
        {section === "overview" && <OverviewPanel />}
        {section === "audit" && <AuditPanel />}
        {section === "settings" && <SettingsView />}
        {section === "about" && <AboutBoard />}
      </Suspense>
      {open && <ParticipantDetail row={open} onClose={() => setOpen(undefined)} size={narrow ? "full" : "medium"} />}
    </main>
  );
}
