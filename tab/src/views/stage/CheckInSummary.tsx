import type { CheckInView } from "@fact-board/contract";
import { Button, Card, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { errorMessage } from "../../api/errors";
import { useBoardContext } from "../../board/BoardContext";
import { useEntryActions } from "../../board/EntryActions";
import { useI18n } from "../../i18n";
import { checkInBody, formatDuration, type WalkthroughSession } from "./useWalkthrough";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "48rem" },
  figures: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { margin: 0, display: "flex", flexDirection: "column" },
  value: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalM },
});

/** The end of the morning check-in: what was done, stored as the day's check-in. */
export function CheckInSummary({ session, onBack }: { session: WalkthroughSession; onBack: () => void }) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { notify } = useEntryActions();
  const { t } = useI18n();
  const styles = useStyles();
  const [endedAt] = useState(() => new Date());
  const [saved, setSaved] = useState<CheckInView>();
  const [saving, setSaving] = useState(false);
  const body = checkInBody(session, board.rows, board.today, [board.viewer.memberId], endedAt);
  const duration = Math.round((endedAt.getTime() - Date.parse(session.startedAt)) / 1000);

  const save = async () => {
    setSaving(true);
    try {
      // A second check-in the same day (a reconnect, a second coordinator) merges with the stored one.
      const existing = await client.checkIn(boardId, board.today);
      const merged = existing
        ? {
            ...body,
            etag: existing.etag,
            startedAt: existing.startedAt < body.startedAt ? existing.startedAt : body.startedAt,
            attendeeIds: [...new Set([...existing.attendeeIds, ...body.attendeeIds])],
            reviewedParticipantIds: [...new Set([...existing.reviewedParticipantIds, ...body.reviewedParticipantIds])],
            addedParticipantIds: [...new Set([...existing.addedParticipantIds, ...body.addedParticipantIds])],
            removedParticipantIds: [...new Set([...existing.removedParticipantIds, ...body.removedParticipantIds])],
            actionsAgreed: existing.actionsAgreed + body.actionsAgreed,
          }
        : body;
      if (!merged.etag) delete merged.etag;
      setSaved(await client.recordCheckIn(boardId, board.today, merged));
    } catch (e) {
      notify(t("app.error", { message: errorMessage(e) }), "error");
    } finally {
      setSaving(false);
    }
  };

  const figure = (label: string, value: string | number) => (
    <div className={styles.figure}>
      <dt>
        <Text>{label}</Text>
      </dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );

  return (
    <Card className={styles.root}>
      <Title2 as="h2">{t("stage.summaryTitle")}</Title2>
      <dl className={styles.figures}>
        {figure(t("stage.summaryReviewed"), body.reviewedParticipantIds.length)}
        {figure(t("stage.summaryAdded"), body.addedParticipantIds.length)}
        {figure(t("stage.summaryRemoved"), body.removedParticipantIds.length)}
        {figure(t("stage.summaryActions"), body.actionsAgreed)}
        {figure(t("stage.summaryDuration"), formatDuration(duration))}
      </dl>
      {saved ? (
        <Text role="status" size={500} weight="semibold" data-checkin-saved="true">
          ✓ {t("stage.summarySaved")}
        </Text>
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" size="large" disabled={saving} onClick={() => void save()}>
            {t("stage.summarySave")}
          </Button>
          <Button size="large" onClick={onBack}>
            {t("stage.summaryBack")}
          </Button>
        </div>
      )}
    </Card>
  );
}
