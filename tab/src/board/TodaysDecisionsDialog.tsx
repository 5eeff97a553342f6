import type { TodaysDecisions } from "@fact-board/contract";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../api/ApiContext";
import { useI18n, type I18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { useEntryActions } from "./EntryActions";
import { organisationName } from "./model";
import { PrintableDialog, usePrintableStyles, useReadOnOpen } from "./PrintableDialog";
import { decisionLineText, decisionsText } from "./todaysDecisionsText";

const useStyles = makeStyles({
  participant: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function DecisionList({ decisions, i18n, headingLevel }: { decisions: TodaysDecisions; i18n: I18n; headingLevel: "h2" | "h3" }) {
  const { board } = useBoardContext();
  const styles = { ...usePrintableStyles(), ...useStyles() };
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
  const styles = usePrintableStyles();
  const { value: decisions, error } = useReadOnOpen(() => client.todaysDecisions(boardId), [client, boardId]);

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
    <PrintableDialog
      title={title}
      onClose={onClose}
      regionLabel={t("decisions.text")}
      surfaceData={{ "data-todays-decisions": "" }}
      actions={
        <>
          <Button onClick={onClose}>{t("decisions.close")}</Button>
          <Button onClick={() => window.print()} disabled={!decisions}>
            {t("decisions.print")}
          </Button>
          <Button appearance="primary" onClick={() => void copy()} disabled={!decisions}>
            {t("decisions.copy")}
          </Button>
        </>
      }
      paper={
        decisions && (
          <main>
            <h1>{`${title}, ${formatDate(decisions.date)}`}</h1>
            <p>{board.board.name}</p>
            <DecisionList decisions={decisions} i18n={i18n} headingLevel="h2" />
          </main>
        )
      }
    >
      <Text className={styles.meta}>{t("decisions.intro", { organisation, date: formatDate(board.today) })}</Text>
      {error && <Text role="alert">{error}</Text>}
      {!decisions && !error && <Spinner size="tiny" label={t("decisions.loading")} />}
      {decisions && <DecisionList decisions={decisions} i18n={i18n} headingLevel="h3" />}
    </PrintableDialog>
  );
}
