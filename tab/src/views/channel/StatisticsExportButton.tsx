import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";

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
  if (!can(board, "statistics.export")) return null;

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await client.statisticsCsv(boardId), "statistik.csv");
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.root}>
      <Button onClick={() => void download()} disabled={busy}>
        {i18n.t("statistics.download")}
      </Button>
      <Caption1 className={styles.hint}>{i18n.t("statistics.hint")}</Caption1>
      {error && <Text role="alert">{error}</Text>}
    </div>
  );
}
