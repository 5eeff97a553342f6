import type { StatisticsPeriod } from "@fact-board/contract";
import { Button, Caption1, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
});
import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { saveBlob } from "../../api/download";
import { useBoardContext } from "../../board/BoardContext";
import { can } from "../../board/model";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";

/** The de-identified statistics for research (managers; the server suppresses small counts and logs the export). */
export function StatisticsExportButton() {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const i18n = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // A small board's months mostly read "x": a quarter or a year counts enough to show (issue 28).
  const [period, setPeriod] = useState<StatisticsPeriod>("month");
  if (!can(board, "statistics.export")) return null;

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await client.statisticsCsv(boardId, period), "statistik.csv");
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.root}>
      <Field label={i18n.t("statistics.period")} orientation="horizontal">
        <Select value={period} onChange={(_e, d) => setPeriod(d.value as StatisticsPeriod)}>
          {(["month", "quarter", "year"] as const).map((p) => (
            <option key={p} value={p}>
              {i18n.t(`statistics.period.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => void download()} disabled={busy}>
        {i18n.t("statistics.download")}
      </Button>
      <Caption1 className={styles.hint}>{i18n.t("statistics.hint")}</Caption1>
      {error && <Text role="alert">{error}</Text>}
    </div>
  );
}
