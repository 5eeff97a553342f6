import type { BoardRow, ParticipantHistory } from "@fact-board/contract";
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { ConsentSection } from "./ConsentSection";
import { ContactsSection } from "./ContactsSection";
import { EntryDetails } from "./EntryDetails";
import { GoalSection } from "./GoalSection";
import { EndedInterventions, InterventionsSection } from "./InterventionsSection";
import { can, memberName, organisationName } from "./model";
import { SignalsSection } from "./SignalsSection";

// For managers only and rarely opened: its own chunk, out of the board's initial JS.
const LogExtractDialog = lazy(() => import("./LogExtractDialog"));

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  // Fluent sizes drawers in vw, which counts the page's scroll bar: a "full" drawer in the 280 px side
  // panel then started 15 px off the window's left edge. 100% of the window never does.
  drawer: { maxWidth: "100%" },
  full: { width: "100%" },
});

/** The participant's entry, consents, signals and earlier periods on the board. */
export function ParticipantDetail({
  row,
  onClose,
  size = "medium",
}: {
  row: BoardRow;
  onClose: () => void;
  size?: "small" | "medium" | "large" | "full";
}) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [history, setHistory] = useState<ParticipantHistory>();
  const [historyFailed, setHistoryFailed] = useState(false);
  const [extractOpen, setExtractOpen] = useState(false);
  // Keep showing the latest live version of the row while the drawer is open.
  const live = board.rows.find((r) => r.participant.id === row.participant.id) ?? row;
  const { participant } = live;
  const onBoard = board.rows.some((r) => r.participant.id === participant.id);

  useEffect(() => {
    let cancelled = false;
    setHistory(undefined);
    client
      .history(boardId, row.participant.id)
      .then((h) => !cancelled && setHistory(h))
      .catch(() => !cancelled && setHistoryFailed(true));
    return () => {
      cancelled = true;
    };
  }, [client, boardId, row.participant.id, board.version]);

  // Sedan sist: the notes since the last meeting are in the entry above; the older ones stay here.
  const recent = new Set(live.sinceLast.map((n) => `${n.on}-${n.organisationId}`));
  const olderNotes = (history?.sinceLast ?? []).filter((n) => !recent.has(`${n.on}-${n.organisationId}`));

  return (
    <OverlayDrawer
      open
      position="end"
      size={size}
      className={mergeClasses(styles.drawer, size === "full" && styles.full)}
      onOpenChange={(_e, data) => !data.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t("detail.close")} onClick={onClose}>
              ✕
            </Button>
          }
        >
          {t("detail.title", { code: participant.code, initials: participant.initials })}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <GoalSection participant={participant} may={onBoard ? live.may : undefined} />
        {onBoard && <EntryDetails row={live} onTakenOff={onClose} />}
        {onBoard && <InterventionsSection row={live} />}
        <section className={styles.section} aria-label={t("detail.organisations")}>
          <Subtitle2 as="h3">{t("detail.organisations")}</Subtitle2>
          <Text>
            {participant.organisationIds
              .map((id) =>
                id === participant.plans.sip.convenedBy
                  ? `${organisationName(board, id)} (${t("plans.convenesSip")})`
                  : organisationName(board, id),
              )
              .join(", ")}
          </Text>
        </section>
        <div className={styles.section}>
          <ContactsSection participant={participant} />
        </div>
        <ConsentSection participant={participant} />
        <SignalsSection participant={participant} earlier={history?.signals} />
        <section className={styles.section} aria-label={t("detail.history")}>
          <Subtitle2 as="h3">{t("detail.history")}</Subtitle2>
          {!history && !historyFailed && <Spinner size="tiny" label={t("app.loading")} />}
          {history && history.closed.length === 0 && <Text className={styles.meta}>{t("detail.historyEmpty")}</Text>}
          <ul className={styles.list}>
            {history?.closed.map((c) => (
              <li key={c.id}>
                <Text weight="semibold">{t("detail.period", { from: formatDate(c.putOnOn), to: formatDate(c.takenOffOn) })}</Text>{" "}
                <Text>
                  {t(`reason.${c.reason}`)} → {c.outcome ? t(`outcome.${c.outcome}`) : t("entry.fieldHidden")}
                  {c.takenOffBy ? ` (${memberName(board, c.takenOffBy)})` : ""}
                </Text>
              </li>
            ))}
          </ul>
          <EndedInterventions interventions={history?.interventions ?? []} />
          {olderNotes.length > 0 && (
            <>
              <Text weight="semibold">{t("sinceLast.older")}</Text>
              <ul className={styles.list} data-since-last-older={participant.code}>
                {olderNotes.map((n) => (
                  <li key={`${n.on}-${n.organisationId}`}>
                    <Text>
                      {formatDate(n.on)}, {organisationName(board, n.organisationId)}: {n.text}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {can(board, "audit.read") && (
          <section className={styles.section} aria-label={t("logExtract.section")}>
            <Subtitle2 as="h3">{t("logExtract.section")}</Subtitle2>
            <Text className={styles.meta}>{t("logExtract.sectionHint")}</Text>
            <Button onClick={() => setExtractOpen(true)}>{t("logExtract.open")}</Button>
            {extractOpen && (
              <Suspense fallback={<Spinner size="tiny" label={t("app.loading")} />}>
                <LogExtractDialog participantId={participant.id} code={participant.code} onClose={() => setExtractOpen(false)} />
              </Suspense>
            )}
          </section>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
