import type { BoardRow, ParticipantList } from "@fact-board/contract";
import { Badge, Button, Caption1, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { useBoardContext } from "../../board/BoardContext";
import { Inbox } from "../../board/Inbox";
import { ParticipantDetail } from "../../board/ParticipantDetail";
import { BoardModelBadge } from "../../board/BoardHeading";
import { consentBadge } from "../../board/EntryBadges";
import { PlansDialog } from "../../board/PlansDialog";
import { PriorityBadge } from "../../board/PriorityBadge";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Mina deltagare: the participants one is case manager for (or covers), and whether they are on the board. */
export default function PersonalView() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [list, setList] = useState<ParticipantList>();
  const [open, setOpen] = useState<BoardRow>();

  useEffect(() => {
    let cancelled = false;
    client.participants(boardId, { mine: true }).then(
      (l) => !cancelled && setList(l),
      () => !cancelled && setList({ participants: [], hiddenCount: 0 }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, boardId, board.version]);

  return (
    <main className={styles.root}>
      <div className={styles.item}>
        <Title3 as="h1">{t("personal.title")}</Title3>
        <BoardModelBadge />
      </div>
      <Inbox />
      {!list ? (
        <Spinner label={t("app.loading")} />
      ) : list.participants.length === 0 ? (
        <Text>{t("personal.empty")}</Text>
      ) : (
        <ul className={styles.list}>
          {list.participants.map((p) => {
            const row = board.rows.find((r) => r.participant.id === p.id);
            const consent = consentBadge(t, p);
            return (
              <li key={p.id} className={styles.item}>
                {row ? (
                  <Button appearance="transparent" onClick={() => setOpen(row)}>
                    {p.code} · {p.initials}
                  </Button>
                ) : (
                  <Text weight="semibold">
                    {p.code} · {p.initials}
                  </Text>
                )}
                {row ? <PriorityBadge priority={row.entry.priority} /> : <Badge appearance="outline">{t("personal.notOnBoard")}</Badge>}
                {row?.entry.nextEvaluationOn && (
                  <Caption1 className={styles.meta}>
                    {t("board.nextEvaluationOn", { date: formatDate(row.entry.nextEvaluationOn) })}
                  </Caption1>
                )}
                {consent && (
                  <Badge appearance="tint" color={consent.color}>
                    {consent.text}
                  </Badge>
                )}
                <Caption1 className={styles.meta} data-plans={p.code}>
                  {t("plans.crisisPlan")}: {t(`planStatus.${p.plans.crisisPlan}`)} · {t("plans.earlySignsPlan")}:{" "}
                  {t(`planStatus.${p.plans.earlySignsPlan}`)} · {t("plans.sip")}: {t(`planStatus.${p.plans.sip.held}`)}
                </Caption1>
                {p.plans.sip.followUpOverdue && (
                  <Badge appearance="tint" color="warning">
                    {t("plans.sipFollowUpOverdue")}
                  </Badge>
                )}
                {p.plans.may?.set && (
                  <PlansDialog
                    participant={p}
                    trigger={
                      <Button size="small" aria-label={`${t("plans.edit")} ${p.code}`}>
                        {t("plans.edit")}
                      </Button>
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {open && <ParticipantDetail row={open} onClose={() => setOpen(undefined)} />}
    </main>
  );
}
