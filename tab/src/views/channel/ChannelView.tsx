import type { BoardRow } from "@fact-board/contract";
import { Button, Caption1, Spinner, Tab, TabList, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useMemo, useState } from "react";
import { AbsencePanel } from "../../board/AbsencePanel";
import { BoardFilters } from "../../board/BoardFilters";
import { BoardTable } from "../../board/BoardTable";
import { Inbox } from "../../board/Inbox";
import { useBoardContext } from "../../board/BoardContext";
import { LiveIndicator } from "../../board/LiveIndicator";
import { can, filterRows, type BoardFilter } from "../../board/model";
import { ParticipantDetail, PutOnBoardDialog } from "../../board/lazyParts";
import { useOpenItem } from "../../board/useOpenItem";
import { useI18n } from "../../i18n";

// Charts and the access log are for managers and rarely opened: they load on demand.
const OverviewPanel = lazy(() => import("./OverviewPanel"));
const AuditPanel = lazy(() => import("./AuditPanel"));
// "Inställningar" is for admins and managers setting the board up: its own chunk.
const SettingsView = lazy(() => import("../settings/SettingsView"));

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
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground2 },
});

type Section = "board" | "overview" | "audit" | "settings";

/** The channel tab: the full board with filters, participant detail, overview and access log. */
export function ChannelView() {
  const { board, live } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const [section, setSection] = useState<Section>("board");
  const [filter, setFilter] = useState<BoardFilter>({});
  const [open, setOpen] = useState<BoardRow>();
  // A card's "Öppna i FACT-tavlan": the signal or consent in its participant's drawer.
  const { missing } = useOpenItem(setOpen);
  const rows = useMemo(() => filterRows(board, board.rows, filter), [board, filter]);
  const showOverview = can(board, "overview.read");
  const showAudit = can(board, "audit.read");
  const showSettings = SETTINGS_PERMISSIONS.some((p) => can(board, p));

  return (
    <main className={styles.root}>
      <div className={styles.head}>
        <Title3 as="h1">{board.board.name}</Title3>
        <LiveIndicator status={live} />
        <span className={styles.grow} />
        {can(board, "entry.putOn") && <PutOnBoardDialog trigger={<Button appearance="primary">{t("entry.putOn")}</Button>} />}
      </div>
      {missing && (
        <Text role="status" className={styles.note}>
          {t("open.missing")}
        </Text>
      )}
      <Inbox />
      <AbsencePanel />
      {(showOverview || showAudit || showSettings) && (
        <TabList selectedValue={section} onTabSelect={(_e, d) => setSection(d.value as Section)} aria-label={t("nav.views")}>
          <Tab value="board">{t("nav.board")}</Tab>
          {showOverview && <Tab value="overview">{t("nav.overview")}</Tab>}
          {showAudit && <Tab value="audit">{t("nav.audit")}</Tab>}
          {showSettings && <Tab value="settings">{t("nav.settings")}</Tab>}
        </TabList>
      )}
      {section === "board" && (
        <>
          <BoardFilters filter={filter} onChange={setFilter} />
          <Caption1 className={styles.note} role="status">
            {t("filter.showing", { shown: rows.length, total: board.rows.length })}
          </Caption1>
          {board.rows.length === 0 ? <Text>{t("board.empty")}</Text> : <BoardTable rows={rows} onOpen={setOpen} />}
          {board.hiddenCount > 0 && <Caption1 className={styles.note}>{t("board.hidden", { count: board.hiddenCount })}</Caption1>}
        </>
      )}
      <Suspense fallback={<Spinner label={t("app.loading")} />}>
        {section === "overview" && <OverviewPanel />}
        {section === "audit" && <AuditPanel />}
        {section === "settings" && <SettingsView />}
      </Suspense>
      {open && <ParticipantDetail row={open} onClose={() => setOpen(undefined)} />}
    </main>
  );
}
