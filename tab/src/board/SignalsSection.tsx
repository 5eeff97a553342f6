import type { SignalView, ParticipantView } from "@fact-board/contract";
import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { organisationName } from "./model";
import { DeclineSignalDialog, RaiseSignalDialog } from "./SignalDialogs";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  overdueItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

type Answer = "acknowledge" | "resolve" | "decline";
/** The answer's word: "Kvittera" and "Avböj" are the domain's terms, the same on the cards. */
const answerWord = { acknowledge: "term.acknowledge", resolve: "signalAnswer.resolve", decline: "term.decline" } as const;

/**
 * Signaler about one participant: the open (and acknowledged) ones from the board with their answers
 * for the receiving organisation, Skicka signal, and earlier ones from the history.
 */
/** `mayRaise`: the row's right to raise a signal, as the server sent it (looked up on the board when not given). */
export function SignalsSection({
  participant,
  earlier,
  mayRaise,
}: {
  participant: ParticipantView;
  earlier?: readonly SignalView[];
  mayRaise?: boolean;
}) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDateTime } = useI18n();
  const styles = useStyles();
  const headingId = useId("signals");
  const { send } = useVersionedChange();
  const open = board.signals.filter((e) => e.participantId === participant.id);
  const closed = (earlier ?? []).filter((e) => !open.some((o) => o.id === e.id) && (e.state === "resolved" || e.state === "declined"));
  const canRaise = mayRaise ?? board.rows.find((r) => r.participant.id === participant.id)?.may.raiseSignal ?? false;

  const answer = (signal: SignalView, kind: Answer, reason?: string) =>
    send<SignalView>({
      before: signal,
      save: (etag) =>
        client.answerSignal(
          boardId,
          signal.id,
          kind === "decline" ? { answer: "decline", etag: etag ?? "", reason: reason ?? "" } : { answer: kind, etag: etag ?? "" },
        ),
      title: t("signal.conflictTitle", { kind: t(`signal.${signal.kind}`), code: participant.code }),
      yours: `${t(answerWord[kind])}${reason ? `: ${reason}` : ""}`,
      rows: (before, current) => [
        {
          label: t("signal.state"),
          before: before ? t(`signalState.${before.state}`) : "–",
          theirs: t(`signalState.${current.state}`),
          yours: t(answerWord[kind]),
        },
        { label: t("signal.answerBy"), before: before ? formatDateTime(before.answerBy) : "–", theirs: formatDateTime(current.answerBy) },
      ],
      savedMessage: t(`signalAnswer.${kind}Saved`),
    });

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Subtitle2 as="h3" id={headingId}>
          {t("detail.signals")}
        </Subtitle2>
        <span className={styles.grow} />
        {canRaise && (
          <RaiseSignalDialog participant={participant} send={send} trigger={<Button size="small">{t("signal.raiseButton")}</Button>} />
        )}
      </div>
      {open.length === 0 && closed.length === 0 && <Text className={styles.meta}>{t("detail.noSignals")}</Text>}
      <ul className={styles.list}>
        {open.map((signal) => {
          const titleId = `${headingId}-${signal.id}`;
          return (
            <li
              key={signal.id}
              className={mergeClasses(styles.item, signal.overdue && styles.overdueItem)}
              data-signal={signal.id}
              data-state={signal.state}
            >
              <div className={styles.line}>
                <Text weight="semibold" id={titleId}>
                  {t(`signal.${signal.kind}`)}
                </Text>
                <Badge appearance="outline" color={signal.urgency === "today" ? "danger" : "informative"}>
                  {t(`urgency.${signal.urgency}`)}
                </Badge>
                <Badge appearance="tint" color={signal.state === "open" ? "warning" : "brand"}>
                  {signal.answerHidden ? t("signal.answerHidden") : t(`signalState.${signal.state}`)}
                </Badge>
                {signal.notReached && (
                  <Badge appearance="tint" color="danger" data-not-reached>
                    {t("signal.notReached")}
                  </Badge>
                )}
                {signal.overdue && (
                  <Badge appearance="filled" color="danger">
                    {t("signal.overdue")}
                  </Badge>
                )}
              </div>
              <Caption1 className={styles.meta}>
                {t("signal.route", {
                  from: organisationName(board, signal.fromOrganisationId),
                  to: organisationName(board, signal.toOrganisationId),
                })}
                {" · "}
                {t("signal.answerByDate", { date: formatDateTime(signal.answerBy) })}
              </Caption1>
              {signal.note && <Text>{t("signal.noteShown", { note: signal.note })}</Text>}
              {signal.proposeBoard && <Caption1>{t("signal.proposesBoard")}</Caption1>}
              {(signal.may?.acknowledge || signal.may?.resolve || signal.may?.decline) && (
                <div className={styles.buttons} role="group" aria-labelledby={titleId}>
                  {signal.may.acknowledge && (
                    <Button size="small" appearance="primary" aria-describedby={titleId} onClick={() => void answer(signal, "acknowledge")}>
                      {t("term.acknowledge")}
                    </Button>
                  )}
                  {signal.may.resolve && (
                    <Button size="small" aria-describedby={titleId} onClick={() => void answer(signal, "resolve")}>
                      {t("signalAnswer.resolve")}
                    </Button>
                  )}
                  {signal.may.decline && (
                    <DeclineSignalDialog
                      signal={signal}
                      code={participant.code}
                      onDecline={(reason) => answer(signal, "decline", reason)}
                      trigger={
                        <Button size="small" aria-describedby={titleId}>
                          {t("term.decline")}
                        </Button>
                      }
                    />
                  )}
                </div>
              )}
            </li>
          );
        })}
        {closed.map((signal) => (
          <li key={signal.id} className={styles.item} data-signal={signal.id} data-state={signal.state}>
            <Text>
              {t(`signal.${signal.kind}`)} · {t(`signalState.${signal.state}`)} · {formatDateTime(signal.raisedAt)}
            </Text>
            <Caption1 className={styles.meta}>
              {t("signal.route", {
                from: organisationName(board, signal.fromOrganisationId),
                to: organisationName(board, signal.toOrganisationId),
              })}
              {signal.declineReason ? ` · ${t("signal.declinedBecause", { reason: signal.declineReason })}` : ""}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
