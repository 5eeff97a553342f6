import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import type { LiveStatus } from "./useLiveVersion";

const useStyles = makeStyles({
  live: { color: tokens.colorPaletteGreenForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
});

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Caption1 role="status" className={status === "live" ? styles.live : styles.waiting} data-live={status}>
      {status === "live" ? `● ${t("board.live")}` : status === "reconnecting" ? t("board.reconnecting") : ""}
    </Caption1>
  );
}
