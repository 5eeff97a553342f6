import type { AbsenceView, EntryView, InboxItem, SignalView } from "@fact-board/contract";
import { Button, Caption1, CounterBadge, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { memberName, organisationName } from "./model";
import { DeclineSignalDialog, RecordConsentDialog } from "./lazyParts";
import { useInbox } from "./useInbox";
import { useVersionedChange } from "./useVersionedChange";

// The same words as the drawer and Frånvaro (contract/src/words terms).
const answerWord = { acknowledge: "term.acknowledge", resolve: "signalAnswer.resolve", decline: "term.decline" } as const;
const coverWord = { accept: "term.coverAccept", decline: "term.coverDecline" } as const;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggle: { alignSelf: "flex-start" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Att göra: the count, and on opening the list of what waits for this person or their
 * organisation, with the buttons its card has. Where a card could not reach someone, this does;
 * opening it counts as being reached (the server clears "not reached").
 */
export function Inbox() {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId("inbox");
  const listId = useId("inbox-list");
  const [open, setOpen] = useState(false);
  const { inbox, failed, reload } = useInbox();
  const count = inbox?.count ?? 0;

  const toggle = () => {
    // Opening reads it afresh: the read is what tells the server this person was reached.
    if (!open) reload();
    setOpen(!open);
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-inbox-count={inbox ? count : undefined}>
      <Button
        id={headingId}
        className={styles.toggle}
        appearance={count > 0 ? "primary" : "secondary"}
        aria-expanded={open}
        aria-controls={listId}
        onClick={toggle}
        icon={inbox ? <CounterBadge count={count} showZero appearance="filled" color={count > 0 ? "danger" : "informative"} /> : undefined}
        iconPosition="after"
      >
        {t("inbox.title")}
      </Button>
      <div id={listId} hidden={!open}>
        {open &&
          (failed ? (
            <Text role="alert">{t("inbox.failed")}</Text>
          ) : !inbox ? (
            <Caption1>{t("app.loading")}</Caption1>
          ) : inbox.items.length === 0 ? (
            <Text className={styles.meta}>{t("inbox.empty")}</Text>
          ) : (
            <ul className={styles.list} aria-label={t("inbox.title")}>
              {inbox.items.map((item) => (
                <li key={keyOf(item)} className={styles.item} data-inbox-kind={item.kind}>
                  <InboxLine item={item} onDone={reload} />
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}

const keyOf = (item: InboxItem): string => {
  switch (item.kind) {
    case "signal":
      return `signal-${item.signal.id}`;
    case "cover":
      return `cover-${item.absence.id}`;
    case "consent":
      return `consent-${item.consent.participantId}`;
    case "action":
      return `action-${item.participantId}-${item.action.id}`;
  }
};

function InboxLine({ item, onDone }: { item: InboxItem; onDone: () => void }) {
  switch (item.kind) {
    case "signal":
      return <SignalLine signal={item.signal} code={item.participantCode} onDone={onDone} />;
    case "cover":
      return <CoverLine absence={item.absence} onDone={onDone} />;
    case "consent":
      return <ConsentLine item={item} />;
    case "action":
      return <ActionLine item={item} onDone={onDone} />;
  }
}

function SignalLine({ signal, code, onDone }: { signal: SignalView; code: string; onDone: () => void }) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDateTime } = useI18n();
  const styles = useStyles();
  const { send } = useVersionedChange();
  const answer = async (kind: "acknowledge" | "resolve" | "decline", reason?: string) => {
    await send<SignalView>({
      before: signal,
      save: (etag) =>
        client.answerSignal(
          boardId,
          signal.id,
          kind === "decline" ? { answer: "decline", etag: etag ?? "", reason: reason ?? "" } : { answer: kind, etag: etag ?? "" },
        ),
      title: t("signal.conflictTitle", { kind: t(`signal.${signal.kind}`), code }),
      yours: t(answerWord[kind]),
      rows: (before, current) => [
        { label: t("signal.state"), before: before ? t(`signalState.${before.state}`) : "–", theirs: t(`signalState.${current.state}`) },
      ],
      savedMessage: t(`signalAnswer.${kind}Saved`),
    });
    onDone();
  };
  return (
    <>
      <Text weight="semibold">{t("inbox.signal", { kind: t(`signal.${signal.kind}`), code })}</Text>
      <Caption1 className={styles.meta}>
        {t("signal.route", {
          from: organisationName(board, signal.fromOrganisationId),
          to: organisationName(board, signal.toOrganisationId),
        })}
        {" · "}
        {t("inbox.answerBy", { when: formatDateTime(signal.answerBy) })}
      </Caption1>
      <div className={styles.buttons}>
        {signal.may?.acknowledge && (
          <Button size="small" onClick={() => void answer("acknowledge")}>
            {t("term.acknowledge")}
          </Button>
        )}
        {signal.may?.resolve && (
          <Button size="small" onClick={() => void answer("resolve")}>
            {t("signalAnswer.resolve")}
          </Button>
        )}
        {signal.may?.decline && (
          <DeclineSignalDialog
            signal={signal}
            code={code}
            trigger={<Button size="small">{t("term.decline")}</Button>}
            onDecline={(reason) => answer("decline", reason)}
          />
        )}
      </div>
    </>
  );
}

function CoverLine({ absence, onDone }: { absence: AbsenceView; onDone: () => void }) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { send } = useVersionedChange();
  const name = memberName(board, absence.memberId);
  const answer = async (kind: "accept" | "decline") => {
    await send<AbsenceView>({
      before: absence,
      save: (etag) => client.answerCover(boardId, absence.id, { etag: etag ?? "", answer: kind }),
      title: t("cover.conflictTitle", { name }),
      yours: t(coverWord[kind]),
      rows: () => [],
      savedMessage: t(`cover.${kind}Saved`),
    });
    onDone();
  };
  return (
    <>
      <Text weight="semibold">{t("inbox.cover", { name })}</Text>
      <Caption1 className={styles.meta}>{t("absence.period", { from: formatDate(absence.from), to: formatDate(absence.to) })}</Caption1>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" onClick={() => void answer("accept")}>
          {t("term.coverAccept")}
        </Button>
        <Button size="small" onClick={() => void answer("decline")}>
          {t("term.coverDecline")}
        </Button>
      </div>
    </>
  );
}

function ConsentLine({ item }: { item: Extract<InboxItem, { kind: "consent" }> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { send } = useVersionedChange();
  const { consent } = item;
  const ending = consent.status === "given" && consent.daysUntilExpiry !== undefined;
  return (
    <>
      <Text weight="semibold">{t("inbox.consent", { code: item.participantCode })}</Text>
      <Caption1 className={styles.meta}>
        {ending ? t("inbox.consentEnds", { count: consent.daysUntilExpiry ?? 0 }) : t(`consent.${consent.status}`)}
      </Caption1>
      <div className={styles.buttons}>
        <RecordConsentDialog
          participant={item.participant}
          consent={consent}
          send={send}
          trigger={<Button size="small">{t("consent.record")}</Button>}
        />
      </div>
    </>
  );
}

function ActionLine({ item, onDone }: { item: Extract<InboxItem, { kind: "action" }>; onDone: () => void }) {
  const client = useApi();
  const { boardId } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { send } = useVersionedChange();
  const markDone = async () => {
    await send<EntryView>({
      before: undefined,
      save: () => client.setActionDone(boardId, item.participantId, item.action.id, { etag: item.entryEtag, done: true }),
      title: t("inbox.action", { what: item.action.what, code: item.participantCode }),
      yours: t("inbox.markDone"),
      rows: () => [],
      savedMessage: t("inbox.markedDone"),
    });
    onDone();
  };
  return (
    <>
      <Text weight="semibold">{t("inbox.action", { what: item.action.what, code: item.participantCode })}</Text>
      <Caption1 className={styles.meta}>{t("inbox.byWhen", { when: formatDate(item.action.byWhen) })}</Caption1>
      {item.action.mayMarkDone && (
        <div className={styles.buttons}>
          <Button size="small" onClick={() => void markDone()}>
            {t("inbox.markDone")}
          </Button>
        </div>
      )}
    </>
  );
}
