import type { LogReviewView } from "@fact-board/contract";
import {
  Badge,
  Button,
  Field,
  ProgressBar,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { saveBlob } from "../../api/download";
import { useBoardContext } from "../../board/BoardContext";
import { memberName } from "../../board/model";
import { errorText } from "../../api/errorText";
import { useVersionedChange } from "../../board/useVersionedChange";
import { useI18n, type MessageKey } from "../../i18n";
import { MarkLogItemDialog } from "./MarkLogItemDialog";
import { periodLabel, recentPeriods, ruleWords } from "./logReviewWords";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "32rem" },
  meta: { color: tokens.colorNeutralForeground2 },
  rules: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  note: { display: "block", color: tokens.colorNeutralForeground2 },
});

/** A named reviewer's period: open the sample, see why each record was drawn, mark it, download the report. */
export function LogReviewPeriod() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const { t, formatDateTime, locale } = i18n;
  const styles = useStyles();
  const { send } = useVersionedChange();
  const periods = recentPeriods(board.today);
  const [period, setPeriod] = useState(periods[0]!);
  const [review, setReview] = useState<LogReviewView>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const open = async (p = period) => {
    setLoading(true);
    setError(undefined);
    try {
      setReview(await client.logReview(boardId, p));
    } catch (e) {
      setReview(undefined);
      setError(errorText(i18n, e));
    } finally {
      setLoading(false);
    }
  };

  const download = async () => {
    if (!review) return;
    try {
      saveBlob(await client.logReviewReportCsv(boardId, review.period), `loggkontroll-${review.period}.csv`);
    } catch (e) {
      setError(errorText(i18n, e));
    }
  };

  const sendAndReload: typeof send = async (change) => {
    const saved = await send(change);
    // A discarded or refused mark: show the review as it is stored now.
    if (!saved) await open(review?.period);
    return saved;
  };
  const words = (prefix: "auditWhat" | "auditChannel", code: string) => t(`${prefix}.${code}` as MessageKey, { defaultValue: code });

  return (
    <div className={styles.root}>
      <div className={styles.form}>
        <Field label={t("logReview.period")}>
          <Select
            value={period}
            onChange={(_e, d) => {
              setPeriod(d.value);
              setReview(undefined);
            }}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(locale, p)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void open()} disabled={loading}>
          {t("logReview.open")}
        </Button>
        {review && <Button onClick={() => void download()}>{t("logReview.downloadReport")}</Button>}
      </div>
      {!review && !loading && !error && <Text className={styles.meta}>{t("logReview.openHint")}</Text>}
      {loading && <Spinner size="tiny" label={t("app.loading")} />}
      {error && <Text role="alert">{error}</Text>}
      {review && (
        <>
          <div className={styles.progress}>
            <Field
              label={t("logReview.progress", { marked: review.marked, count: review.items.length, followUp: review.followUp })}
              validationState="none"
            >
              <ProgressBar value={review.items.length ? review.marked / review.items.length : 1} thickness="large" />
            </Field>
            <Text className={styles.meta}>
              {t("logReview.drawn", {
                count: review.items.length,
                population: review.population,
                at: formatDateTime(review.drawnAt),
                by: memberName(board, review.drawnBy),
                seed: review.seed,
              })}
            </Text>
          </div>
          {review.items.length === 0 ? (
            <Text>{t("logReview.emptySample")}</Text>
          ) : (
            <TableRegion label={t("logReview.sample", { period: periodLabel(locale, review.period) })}>
              <Table size="small" aria-label={t("logReview.sample", { period: periodLabel(locale, review.period) })}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("audit.at")}</TableHeaderCell>
                    <TableHeaderCell>{t("audit.who")}</TableHeaderCell>
                    <TableHeaderCell>{t("audit.what")}</TableHeaderCell>
                    <TableHeaderCell>{t("term.participant")}</TableHeaderCell>
                    <TableHeaderCell>{t("logReview.why")}</TableHeaderCell>
                    <TableHeaderCell>{t("logReview.mark")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {review.items.map((item) => (
                    <TableRow key={item.id}>
                      <TableCell>
                        {formatDateTime(item.at)}
                        {item.count > 1 && (
                          <Text className={styles.note}>
                            {t("audit.repeated", { count: item.count, last: formatDateTime(item.lastAt) })}
                          </Text>
                        )}
                      </TableCell>
                      <TableCell>
                        {memberName(board, item.memberId)}
                        <Text className={styles.note}>
                          {t(`role.${item.role}` as MessageKey, { defaultValue: item.role })} · {words("auditChannel", item.channel)}
                        </Text>
                      </TableCell>
                      <TableCell>{words("auditWhat", item.what)}</TableCell>
                      <TableCell>{item.participantCode}</TableCell>
                      <TableCell>
                        <span className={styles.rules}>
                          {item.rules.map((r) => (
                            <Badge key={r} appearance="tint" color={r === "random" ? "informative" : "warning"}>
                              {ruleWords(i18n, r)}
                            </Badge>
                          ))}
                        </span>
                      </TableCell>
                      <TableCell>
                        {item.mark ? (
                          <>
                            <Badge appearance="filled" color={item.mark.status === "inOrder" ? "success" : "danger"}>
                              {t(`logReview.status.${item.mark.status}`)}
                            </Badge>
                            {item.mark.note && <Text className={styles.note}>{item.mark.note}</Text>}
                            <Text className={styles.note}>
                              {t("logReview.markedBy", { by: memberName(board, item.mark.by), at: formatDateTime(item.mark.at) })}
                            </Text>
                          </>
                        ) : (
                          <Text className={styles.note}>{t("logReview.unmarked")}</Text>
                        )}
                        {item.ownAccess ? (
                          <Text className={styles.note}>{t("logReview.ownAccess")}</Text>
                        ) : (
                          <MarkLogItemDialog review={review} item={item} send={sendAndReload} onSaved={setReview} />
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableRegion>
          )}
        </>
      )}
    </div>
  );
}
