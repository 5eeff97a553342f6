import type { LogReviewersView } from "@fact-board/contract";
import { Card, Spinner, Subtitle2, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useApi } from "../../api/ApiContext";
import { useBoardContext } from "../../board/BoardContext";
import { organisationName } from "../../board/model";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { LogReviewersForm } from "./LogReviewersForm";
import { LogReviewPeriod } from "./LogReviewPeriod";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * Loggkontroll as a documented review (PDL 4 kap. 3 §): managers name their organisation's log
 * reviewers; a named reviewer opens a period's sample and marks it. Whether the viewer may review
 * is the server's answer (`mayReview`), never worked out here.
 */
export function LogReviewSection() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const titleId = useId("log-review");
  const organisationId = board.viewer.organisationId;
  const [reviewers, setReviewers] = useState<LogReviewersView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    client.logReviewers(boardId, organisationId).then(
      (r) => !cancelled && setReviewers(r),
      (e: unknown) => !cancelled && setError(errorText(i18n, e)),
    );
    return () => {
      cancelled = true;
    };
  }, [client, boardId, organisationId, i18n]);

  return (
    <Card className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {t("logReview.title", { organisation: organisationName(board, organisationId) })}
      </Subtitle2>
      <Text>{t("logReview.intro")}</Text>
      {error && <Text role="alert">{error}</Text>}
      {!reviewers && !error && <Spinner size="tiny" label={t("app.loading")} />}
      {reviewers && (
        <>
          <LogReviewersForm reviewers={reviewers} onSaved={setReviewers} />
          {reviewers.mayReview ? <LogReviewPeriod /> : <Text className={styles.meta}>{t("logReview.notReviewer")}</Text>}
        </>
      )}
    </Card>
  );
}
