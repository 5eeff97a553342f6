import type { BoardRow } from "@fact-board/contract";
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useSharedWalkthrough } from "../../board/useSharedWalkthrough";
import { useBoardContext } from "../../board/BoardContext";
import { BoardModelBadge } from "../../board/BoardHeading";
import { CompactBoard } from "../../board/CompactBoard";
import { LiveIndicator } from "../../board/LiveIndicator";
import { Inbox } from "../../board/Inbox";
import { TodaysDecisionsButton } from "../../board/TodaysDecisionsButton";
import { ParticipantDetail } from "../../board/lazyParts";
import { useI18n } from "../../i18n";
import { sectionAt, sectionName, sectionRanges } from "../../board/sections";
import type { Host } from "../../teams/host";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "100%" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  sections: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The meeting side panel (280 px): the compact board and "Dela till mötesskärmen". */
export function SidePanelView({ host, onSignOut }: { host: Host; onSignOut?: () => void }) {
  const { board, live, meetingId } = useBoardContext();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [open, setOpen] = useState<BoardRow>();
  const [canShare, setCanShare] = useState(false);
  const [sharing, setSharing] = useState<"idle" | "busy" | "shared">("idle");
  const [shareFailed, setShareFailed] = useState(false);
  const { walkthrough } = useSharedWalkthrough({ attend: true });
  const codeOf = (id: string) => board.rows.find((r) => r.participant.id === id)?.participant.code;
  const current = walkthrough && !walkthrough.endedAt ? walkthrough.current : undefined;
  const currentCode = current?.participantId && codeOf(current.participantId);
  const reviewedCodes = (walkthrough?.visible ?? []).filter((v) => v.reviewed).flatMap((v) => codeOf(v.participantId) ?? []);

  useEffect(() => {
    void host.teams?.canShareToStage().then(setCanShare);
  }, [host]);

  const share = async () => {
    if (!host.teams) return;
    setSharing("busy");
    setShareFailed(false);
    try {
      // Collaborative stage: every attendee's client loads this URL with their own token, so each
      // sees the walkthrough as their organisation may. No `view`: the frame context says "stage".
      await host.teams.shareToStage(
        `${window.location.origin}/tab/?board=${encodeURIComponent(board.board.id)}${meetingId ? `&meeting=${encodeURIComponent(meetingId)}` : ""}`,
      );
      setSharing("shared");
    } catch {
      // Teams' own message (English, for developers) is not the viewer's: say it in their words.
      setShareFailed(true);
      setSharing("idle");
    }
  };

  return (
    <main className={styles.root} aria-label={board.board.name}>
      <div className={styles.head}>
        <Subtitle2 as="h1">{t("board.count", { count: board.rows.length })}</Subtitle2>
        <BoardModelBadge size="small" />
        <LiveIndicator status={live} />
      </div>
      <Inbox />
      {canShare && (
        // Never disabled for good: after the stage closes it can be shared again.
        <Button appearance="primary" onClick={() => void share()} disabled={sharing === "busy"}>
          {t("sidePanel.share")}
        </Button>
      )}
      {sharing === "shared" && <Caption1 role="status">{t("sidePanel.shared")}</Caption1>}
      {shareFailed && (
        <Text role="alert" className={styles.error}>
          {t("sidePanel.shareFailed")}
        </Text>
      )}
      {walkthrough && (
        <section className={styles.status} aria-label={t("stage.controls")}>
          {current && (
            <Text weight="semibold" data-stage-on={current.index}>
              {currentCode
                ? t("sidePanel.stageOnCode", { code: currentCode, index: current.index + 1, total: walkthrough.total })
                : t("sidePanel.stageOn", { index: current.index + 1, total: walkthrough.total })}
            </Text>
          )}
          {current && sectionAt(walkthrough.sections, current.index) && (
            <Text data-walkthrough-section-now="true">{sectionName(i18n, board, sectionAt(walkthrough.sections, current.index)!)}</Text>
          )}
          {(walkthrough.sections?.length ?? 0) > 0 && (
            <ol className={styles.sections} aria-label={t("stage.order")}>
              {sectionRanges(walkthrough.sections, walkthrough.total).map((s) => (
                <li key={s.from} data-walkthrough-section={s.kind === "raised" ? "raised" : s.organisationId}>
                  <Caption1>{t("stage.sectionRange", { from: s.first, to: s.last, name: sectionName(i18n, board, s) })}</Caption1>
                </li>
              ))}
            </ol>
          )}
          {current && !walkthrough.isPresenter && !walkthrough.presenterPresent && (
            <Text weight="semibold" role="status">
              {t("stage.presenterLeft")}
            </Text>
          )}
          {walkthrough.endedAt && <TodaysDecisionsButton />}
          <Caption1>
            {t("sidePanel.reviewedToday")}: {reviewedCodes.length ? reviewedCodes.join(", ") : t("sidePanel.noneReviewed")}
          </Caption1>
        </section>
      )}
      {/* Said first: hidden entries are not an empty board. */}
      {board.hiddenCount > 0 && (
        <Text weight="semibold" data-hidden-count={board.hiddenCount}>
          {t("board.hidden", { count: board.hiddenCount })}
        </Text>
      )}
      {board.rows.length === 0 && board.hiddenCount === 0 && <Text>{t("board.empty")}</Text>}
      <CompactBoard rows={board.rows} onOpen={setOpen} />
      {onSignOut && (
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          {t("signIn.signOut")}
        </Button>
      )}
      {open && <ParticipantDetail row={open} onClose={() => setOpen(undefined)} size="full" />}
    </main>
  );
}
