import type { WalkthroughView } from "@fact-board/contract";
import { Button, ProgressBar, Text, Title1, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useApi } from "../../api/ApiContext";
import { errorText } from "../../api/errorText";
import { useBoardContext } from "../../board/BoardContext";
import { EntryBadges } from "../../board/EntryBadges";
import { useEntryActions } from "../../board/EntryActions";
import { BoardModelBadge, CaseloadShare } from "../../board/BoardHeading";
import { LiveIndicator } from "../../board/LiveIndicator";
import { can, organisationName } from "../../board/model";
import { PriorityBadge } from "../../board/PriorityBadge";
import { PutOnBoardDialog } from "../../board/PutOnBoardDialog";
import { RaiseTodayDialog } from "../../board/RaiseTodayDialog";
import { sectionAt, sectionName } from "../../board/sections";
import { useSharedWalkthrough, type SharedWalkthrough } from "../../board/useSharedWalkthrough";
import { useI18n } from "../../i18n";
import { CheckInSummary } from "./CheckInSummary";
import { TodaysDecisionsButton } from "../../board/TodaysDecisionsButton";
import { CurrentParticipant } from "./CurrentParticipant";
import { useStageShortcuts } from "./useStageShortcuts";
import { MEETING_BUDGET_SECONDS, formatDuration, pacePerParticipant, useElapsed } from "./useWalkthrough";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: "14rem" },
  nav: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  listItem: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  timer: { fontVariantNumeric: "tabular-nums" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  key: { fontWeight: tokens.fontWeightRegular },
  error: { color: tokens.colorPaletteRedForeground1 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** Meeting stage — Morgonmöte: the shared walkthrough every attendee follows, each as their organisation may see it. */
export default function StageView() {
  const { board, live } = useBoardContext();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const shared = useSharedWalkthrough({ attend: true });
  const w = shared.walkthrough;

  return (
    <main className={styles.root}>
      <div className={styles.head}>
        <Title1 as="h1">{t("stage.title")}</Title1>
        {w?.meetingName && <Text data-meeting-name>{w.meetingName}</Text>}
        <BoardModelBadge size="large" />
        <CaseloadShare />
        <LiveIndicator status={live} />
        <span className={styles.grow} />
        {w && <Progress walkthrough={w} />}
      </div>
      {shared.error !== undefined && (
        <Text role="alert" className={styles.error}>
          {errorText(i18n, shared.error)}
        </Text>
      )}
      {!shared.loaded ? null : !w ? (
        <NotStarted shared={shared} />
      ) : w.endedAt ? (
        <CheckInSummary walkthrough={w}>
          <div>
            <TodaysDecisionsButton />
          </div>
          {can(board, "checkIn.record") && (
            <div>
              <Button size="large" onClick={() => void shared.start()}>
                {t("stage.continue")}
              </Button>
            </div>
          )}
        </CheckInSummary>
      ) : (
        <Walkthrough shared={shared} walkthrough={w} />
      )}
    </main>
  );
}

function Progress({ walkthrough: w }: { walkthrough: WalkthroughView }) {
  const { t } = useI18n();
  const styles = useStyles();
  // The header and the summary count the same thing: reviewed or taken off, by anyone, today.
  const handled = w.total - w.counts.notReached;
  const label = t("stage.progress", { reviewed: handled, count: w.total });
  return (
    <div className={styles.progress}>
      <Text size={400} weight="semibold" data-progress={`${handled}/${w.total}`}>
        {label}
      </Text>
      <ProgressBar value={w.total ? handled / w.total : 0} thickness="large" aria-label={label} />
    </div>
  );
}

function NotStarted({ shared }: { shared: SharedWalkthrough }) {
  const { board } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const start = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Text size={500}>{t("board.count", { count: board.rows.length })}</Text>
      {board.hiddenCount > 0 && (
        <Text size={400} weight="semibold" data-hidden-count={board.hiddenCount}>
          {t("board.hidden", { count: board.hiddenCount })}
        </Text>
      )}
      {can(board, "checkIn.record") ? (
        <div>
          <Button ref={start} appearance="primary" size="large" onClick={() => void shared.start()}>
            {t("stage.start")}
          </Button>
        </div>
      ) : (
        <Text>{t("stage.notStarted")}</Text>
      )}
      <ul className={styles.list} aria-label={t("term.onBoard")}>
        {board.rows.map((row) => (
          <li key={row.participant.id} className={styles.listItem} data-participant={row.participant.code}>
            <Title2 as="span">
              {row.participant.code} · {row.participant.initials}
            </Title2>
            <PriorityBadge priority={row.entry.priority} size="large" />
            <Text size={500}>{t(`reason.${row.entry.reason}`)}</Text>
            <Text size={500}>{t("board.daysOnBoard", { count: row.entry.daysOnBoard })}</Text>
            <EntryBadges row={row} size="large" />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every few seconds while this stage presents, it tells the server it is still there. */
const HEARTBEAT_MS = 2_000;

function usePresenterHeartbeat(active: boolean, meetingId: string) {
  const client = useApi();
  const { boardId } = useBoardContext();
  useEffect(() => {
    if (!active) return;
    // A missed beat is not an error to show: the next one tries again.
    const beat = () => void client.presenterHeartbeat(boardId, meetingId).catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [active, client, boardId, meetingId]);
}

function Walkthrough({ shared, walkthrough: w }: { shared: SharedWalkthrough; walkthrough: WalkthroughView }) {
  const { board } = useBoardContext();
  const { submit } = useEntryActions();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const current = w.current;
  const row = current?.participantId ? board.rows.find((r) => r.participant.id === current.participantId) : undefined;
  const presenting = w.isPresenter;
  const presenterLeft = !presenting && !w.presenterPresent && !w.endedAt;
  const meetingElapsed = useElapsed(w.startedAt, presenterLeft);
  const participantElapsed = useElapsed(current?.since, presenterLeft);
  usePresenterHeartbeat(presenting && !w.endedAt, w.meetingId);
  const pace = pacePerParticipant(meetingElapsed - participantElapsed, w.counts.notReached || 1);
  const isLast = current ? current.index >= w.total - 1 : true;
  const canLead = can(board, "checkIn.record");
  const positionText = current ? t("stage.position", { index: current.index + 1, total: w.total }) : "";
  const announcement = !current
    ? ""
    : current.shown === "details" && (row ?? current.row)
      ? `${positionText}: ${(row ?? current.row)!.participant.code}`
      : current.shown === "raised" && current.raised
        ? `${positionText}: ${current.raised.participant.code} · ${t("stage.raisedParticipant")}`
        : current.shown === "offBoard"
          ? t("stage.offBoardParticipant", { index: current.index + 1, total: w.total })
          : t("stage.hiddenParticipant", { index: current.index + 1, total: w.total });
  const section = current && sectionAt(w.sections, current.index);

  // Focus follows the participant (after starting, moving on or a jump), unless someone is typing.
  const index = current?.index;
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest("input, textarea, select, [role='dialog']")) return;
    heading.current?.focus();
  }, [index]);

  const moveTo = (i: number) => void shared.send({ type: "moveTo", index: i });
  const next = () => current && !isLast && moveTo(current.index + 1);
  const previous = () => current && current.index > 0 && moveTo(current.index - 1);
  // Marking reviewed is the server's call per row (row.may), as on the board: the shortcut obeys it too.
  // The review itself is what the walkthrough counts (the server records it): no report follows.
  const reviewTarget = current?.shown === "details" ? (row ?? current.row) : undefined;
  const review = async () => {
    const target = reviewTarget;
    if (!target?.may.review) return;
    await submit(target, { kind: "review" });
  };
  const end = () => void shared.send({ type: "end" });

  const keys = { next: t("stage.keyNext"), previous: t("stage.keyPrevious"), reviewed: t("stage.keyReviewed") };
  useStageShortcuts(
    { [keys.next.toLowerCase()]: next, [keys.previous.toLowerCase()]: previous, [keys.reviewed.toLowerCase()]: () => void review() },
    presenting,
  );

  return (
    <>
      <div className={styles.nav} role="toolbar" aria-label={t("stage.controls")}>
        {presenting ? (
          <>
            <Button size="large" disabled={!current || current.index === 0} onClick={previous} aria-keyshortcuts={keys.previous}>
              {t("stage.previous")} <span className={styles.key}>({keys.previous})</span>
            </Button>
            <Button size="large" appearance="primary" disabled={isLast} onClick={next} aria-keyshortcuts={keys.next}>
              {t("stage.next")} <span className={styles.key}>({keys.next})</span>
            </Button>
            {reviewTarget?.may.review && (
              <Button size="large" onClick={() => void review()} aria-keyshortcuts={keys.reviewed}>
                {t("stage.markReviewed")} <span className={styles.key}>({keys.reviewed})</span>
              </Button>
            )}
          </>
        ) : (
          <>
            {presenterLeft ? (
              <Text size={400} weight="semibold" role="alert" data-presenter-left="true">
                {t("stage.presenterLeft")}. {t("stage.timersPaused")}
              </Text>
            ) : (
              <Text size={400}>
                {t("stage.following", { name: w.presenter.displayName, organisation: organisationName(board, w.presenter.organisationId) })}
              </Text>
            )}
            {canLead && (
              <Button size="large" onClick={() => void shared.send({ type: "takeOver" })}>
                {t("stage.takeOver")}
              </Button>
            )}
          </>
        )}
        <span className={styles.grow} />
        <Text className={styles.timer} role="timer" aria-live="off">
          {t("stage.timerPaced", { time: formatDuration(participantElapsed), pace: formatDuration(pace) })}
        </Text>
        <Text className={mergeClasses(styles.timer, meetingElapsed > MEETING_BUDGET_SECONDS && styles.over)} aria-live="off">
          {t("stage.meetingTime", { time: formatDuration(meetingElapsed), budget: formatDuration(MEETING_BUDGET_SECONDS) })}
        </Text>
        {can(board, "entry.putOn") && <PutOnBoardDialog trigger={<Button size="large">{t("term.putOnBoard")}</Button>} />}
        {can(board, "participant.raiseToday") && <RaiseTodayDialog trigger={<Button size="large">{t("raise.action")}</Button>} />}
        {presenting && (
          <Button size="large" appearance={isLast ? "primary" : "secondary"} onClick={end}>
            {t("stage.finish")}
          </Button>
        )}
      </div>
      <div className={styles.visuallyHidden} role="status" aria-live="polite" data-announcement="true">
        {announcement}
      </div>
      {section && (
        <Text size={500} weight="semibold" data-walkthrough-section={section.kind === "raised" ? "raised" : section.organisationId}>
          {sectionName(i18n, board, section)}
        </Text>
      )}
      {current ? (
        <CurrentParticipant ref={heading} current={current} total={w.total} {...(row ? { row } : {})} />
      ) : (
        <Text size={500}>{t("stage.allDone")}</Text>
      )}
    </>
  );
}
