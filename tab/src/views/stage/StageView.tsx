import { Button, Card, ProgressBar, Radio, RadioGroup, Text, Title1, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useBoardContext } from "../../board/BoardContext";
import { EntryBadges } from "../../board/EntryBadges";
import { ConsentSection } from "../../board/ConsentSection";
import { EntryDetails } from "../../board/EntryDetails";
import { SignalsSection } from "../../board/SignalsSection";
import { LiveIndicator } from "../../board/LiveIndicator";
import { can } from "../../board/model";
import { PriorityBadge } from "../../board/PriorityBadge";
import { PutOnBoardDialog } from "../../board/PutOnBoardDialog";
import { useI18n } from "../../i18n";
import { CheckInSummary } from "./CheckInSummary";
import { formatDuration, useElapsed, useWalkthrough, type WalkthroughMode } from "./useWalkthrough";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, fontSize: tokens.fontSizeBase400 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: "14rem" },
  card: { padding: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  cardHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
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
  reviewedItem: { color: tokens.colorNeutralForeground3 },
  timer: { fontVariantNumeric: "tabular-nums" },
  collaboration: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(18rem, 1fr))", columnGap: tokens.spacingHorizontalXL },
});

/** Meeting stage: the board read together, one participant at a time (Morgonmöte). */
export default function StageView() {
  const { board, live } = useBoardContext();
  const { t } = useI18n();
  const styles = useStyles();
  const walk = useWalkthrough(board.rows, board.today);
  const [mode, setMode] = useState<WalkthroughMode>("one");
  const [finishing, setFinishing] = useState(false);
  const elapsed = useElapsed(walk.entryStartedAt);
  const handled = walk.session ? new Set([...walk.reviewed, ...walk.session.removed]).size : 0;

  const header = (
    <div className={styles.head}>
      <Title1 as="h1">{t("stage.title")}</Title1>
      <LiveIndicator status={live} />
      <span className={styles.grow} />
      {walk.session && (
        <div className={styles.progress}>
          <Text size={500} weight="semibold" role="status" data-progress={`${handled}/${walk.total}`}>
            {t("stage.progress", { reviewed: handled, count: walk.total })}
          </Text>
          <ProgressBar value={walk.total ? handled / walk.total : 0} thickness="large" aria-label={t("stage.progress", { reviewed: handled, count: walk.total })} />
        </div>
      )}
    </div>
  );

  if (!walk.session) {
    return (
      <main className={styles.root}>
        {header}
        <Text size={500}>{t("board.count", { count: board.rows.length })}</Text>
        {can(board, "checkIn.record") || can(board, "entry.review") ? (
          <div>
            <Button appearance="primary" size="large" onClick={walk.start}>
              {t("stage.start")}
            </Button>
          </div>
        ) : null}
        <ul className={styles.list} aria-label={t("board.onBoard")}>
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
      </main>
    );
  }

  if (finishing) {
    return (
      <main className={styles.root}>
        {header}
        <CheckInSummary session={walk.session} onBack={() => setFinishing(false)} />
      </main>
    );
  }

  const { current } = walk;
  return (
    <main className={styles.root}>
      {header}
      <div className={styles.nav}>
        <RadioGroup layout="horizontal" value={mode} onChange={(_e, d) => setMode(d.value as WalkthroughMode)} aria-label={t("stage.mode")}>
          <Radio value="one" label={t("stage.modeOne")} />
          <Radio value="list" label={t("stage.modeList")} />
        </RadioGroup>
        <span className={styles.grow} />
        {can(board, "entry.putOn") && (
          <PutOnBoardDialog trigger={<Button size="large">{t("entry.putOn")}</Button>} onPutOn={walk.markAdded} />
        )}
        <Button size="large" appearance={walk.isLast ? "primary" : "secondary"} onClick={() => setFinishing(true)}>
          {t("stage.finish")}
        </Button>
      </div>
      {mode === "list" ? (
        <ul className={styles.list} aria-label={t("board.onBoard")}>
          {walk.visible.map((row, i) => {
            const done = walk.reviewed.includes(row.participant.id);
            return (
              <li key={row.participant.id} className={mergeClasses(styles.listItem, done && styles.reviewedItem)} data-participant={row.participant.code}>
                <Button
                  appearance="transparent"
                  size="large"
                  onClick={() => {
                    walk.goTo(i);
                    setMode("one");
                  }}
                >
                  {row.participant.code} · {row.participant.initials}
                </Button>
                <PriorityBadge priority={row.entry.priority} size="large" />
                <Text size={500}>{t(`reason.${row.entry.reason}`)}</Text>
                <Text size={500}>{t("board.daysOnBoard", { count: row.entry.daysOnBoard })}</Text>
                {done && <Text weight="semibold">✓ {t("entry.reviewed")}</Text>}
                <EntryBadges row={row} size="large" />
              </li>
            );
          })}
        </ul>
      ) : current ? (
        <Card className={styles.card} aria-label={t("stage.position", { index: walk.index + 1, total: walk.visible.length })}>
          <div className={styles.cardHead}>
            <Title1 as="h2" data-current-participant={current.participant.code}>
              {current.participant.code} · {current.participant.initials}
            </Title1>
            <Text>{t("stage.position", { index: walk.index + 1, total: walk.visible.length })}</Text>
            <span className={styles.grow} />
            <Text size={500} className={styles.timer} role="timer" aria-live="off">
              {t("stage.timer", { time: formatDuration(elapsed) })}
            </Text>
          </div>
          <EntryDetails
            row={current}
            large
            onReviewed={() => walk.markReviewed(current.participant.id)}
            onActionAdded={walk.countAction}
            onTakenOff={() => walk.markRemoved(current.participant.id)}
          />
          <div className={styles.collaboration}>
            <ConsentSection participant={current.participant} />
            <SignalsSection participant={current.participant} />
          </div>
          <div className={styles.nav}>
            <Button size="large" disabled={walk.index === 0} onClick={walk.previous}>
              {t("stage.previous")}
            </Button>
            {walk.isLast ? (
              <Button size="large" appearance="primary" onClick={() => setFinishing(true)}>
                {t("stage.finish")}
              </Button>
            ) : (
              <Button size="large" appearance="primary" onClick={walk.next}>
                {t("stage.next")}
              </Button>
            )}
          </div>
        </Card>
      ) : (
        <Text size={500}>{t("stage.allDone")}</Text>
      )}
    </main>
  );
}
