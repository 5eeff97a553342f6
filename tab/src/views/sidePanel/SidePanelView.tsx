import type { BoardRow } from "@fact-board/contract";
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useBoardContext } from "../../board/BoardContext";
import { CompactBoard } from "../../board/CompactBoard";
import { LiveIndicator } from "../../board/LiveIndicator";
import { ParticipantDetail } from "../../board/ParticipantDetail";
import { useI18n } from "../../i18n";
import type { Host } from "../../teams/host";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "100%" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The meeting side panel (280 px): the compact board and "Dela till mötesskärmen". */
export function SidePanelView({ host, onSignOut }: { host: Host; onSignOut?: () => void }) {
  const { board, live } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState<BoardRow>();
  const [canShare, setCanShare] = useState(false);
  const [shared, setShared] = useState(false);

  useEffect(() => {
    void host.teams?.canShareToStage().then(setCanShare);
  }, [host]);

  const share = async () => {
    if (!host.teams) return;
    // The stage renders per viewer: each person sees the board as their own organisation may.
    await host.teams.shareToStage(`${window.location.origin}/tab/?view=stage&board=${encodeURIComponent(board.board.id)}`);
    setShared(true);
  };

  return (
    <main className={styles.root} aria-label={board.board.name}>
      <div className={styles.head}>
        <Subtitle2 as="h1">{t("board.count", { count: board.rows.length })}</Subtitle2>
        <LiveIndicator status={live} />
      </div>
      {canShare && (
        <Button appearance="primary" onClick={() => void share()} disabled={shared}>
          {shared ? t("sidePanel.shared") : t("sidePanel.share")}
        </Button>
      )}
      {board.rows.length === 0 && <Text>{t("board.empty")}</Text>}
      <CompactBoard rows={board.rows} onOpen={setOpen} />
      {board.hiddenCount > 0 && <Caption1 className={styles.note}>{t("board.hidden", { count: board.hiddenCount })}</Caption1>}
      {onSignOut && (
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          {t("signIn.signOut")}
        </Button>
      )}
      {open && <ParticipantDetail row={open} onClose={() => setOpen(undefined)} size="full" />}
    </main>
  );
}
