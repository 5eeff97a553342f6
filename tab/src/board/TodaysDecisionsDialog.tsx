import type { TodaysDecisions } from "@fact-board/contract";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Spinner,
  Text,
  makeStaticStyles,
  makeStyles,
  mergeClasses,
  teamsLightTheme,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useApi } from "../api/ApiContext";
import { errorText } from "../api/errorText";
import { useI18n, type I18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { organisationName } from "./model";
import { decisionLineText, decisionsText } from "./todaysDecisionsText";

// While the list is open, printing prints it alone (as the log extract does): everything else on
// the page is hidden for print, scoped by a body attribute so printing at other times is untouched.
const usePrintStyles = makeStaticStyles(
  "@media print { body[data-fact-printing] > :not([data-fact-print]) { display: none !important; } }",
);

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  participant: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground2 },
  surface: { maxWidth: "min(48rem, 100vw)" },
  screenOnly: { "@media print": { display: "none" } },
  printOnly: {
    display: "none",
    "@media print": { display: "block", padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

function DecisionList({ decisions, i18n, headingLevel }: { decisions: TodaysDecisions; i18n: I18n; headingLevel: "h2" | "h3" }) {
  const { board } = useBoardContext();
  const styles = useStyles();
  const Heading = headingLevel;
  if (decisions.participants.length === 0) return <Text>{i18n.t("decisions.empty")}</Text>;
  return (
    <>
      {decisions.participants.map((p) => (
        <section key={p.participantId} className={styles.participant} aria-label={p.code} data-decisions-for={p.code}>
          <Heading className={styles.heading}>{p.code}</Heading>
          <ul className={styles.list}>
            {p.lines.map((line, i) => (
              <li key={i}>{decisionLineText(line, board, i18n)}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** "Dagens beslut för <min organisation>": to read, copy as plain text, or print. */
export default function TodaysDecisionsDialog({ onClose }: { onClose: () => void }) {
  const client = useApi();
  const { boardId, board } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { notify } = useEntryActions();
  const styles = useStyles();
  usePrintStyles();
  const [decisions, setDecisions] = useState<TodaysDecisions>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    client.todaysDecisions(boardId).then(
      (d) => !cancelled && setDecisions(d),
      (e: unknown) => !cancelled && setError(errorText(i18n, e)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, boardId, i18n]);

  useEffect(() => {
    document.body.setAttribute("data-fact-printing", "");
    return () => document.body.removeAttribute("data-fact-printing");
  }, []);

  const copy = async () => {
    if (!decisions) return;
    try {
      await navigator.clipboard.writeText(decisionsText(decisions, board, i18n));
      notify(t("decisions.copied"));
    } catch {
      notify(t("decisions.copyFailed"), "error");
    }
  };

  const organisation = organisationName(board, board.viewer.organisationId);
  const title = t("decisions.title", { organisation });
  return (
    <>
      <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
        <DialogSurface className={mergeClasses(styles.surface, styles.screenOnly)} data-todays-decisions="">
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            {/* Focusable: on a small screen the list scrolls, and a keyboard must reach all of it. */}
            <DialogContent className={styles.content} tabIndex={0} role="region" aria-label={t("decisions.text")}>
              <Text className={styles.meta}>{t("decisions.intro", { organisation, date: formatDate(board.today) })}</Text>
              {error && <Text role="alert">{error}</Text>}
              {!decisions && !error && <Spinner size="tiny" label={t("decisions.loading")} />}
              {decisions && <DecisionList decisions={decisions} i18n={i18n} headingLevel="h3" />}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("decisions.close")}</Button>
              <Button onClick={() => window.print()} disabled={!decisions}>
                {t("decisions.print")}
              </Button>
              <Button appearance="primary" onClick={() => void copy()} disabled={!decisions}>
                {t("decisions.copy")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {/* On paper always light, whatever the theme on screen. */}
      {decisions &&
        createPortal(
          <div data-fact-print="">
            <FluentProvider theme={teamsLightTheme} className={styles.printOnly}>
              <main>
                <h1>{`${title}, ${formatDate(decisions.date)}`}</h1>
                <p>{board.board.name}</p>
                <DecisionList decisions={decisions} i18n={i18n} headingLevel="h2" />
              </main>
            </FluentProvider>
          </div>,
          document.body,
        )}
    </>
  );
}
