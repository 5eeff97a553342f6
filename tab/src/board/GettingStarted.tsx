import type { GettingStarted as Steps } from "@fact-board/contract";
import { Button, Card, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "48rem" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  done: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold, minWidth: "4.5rem" },
  todo: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, minWidth: "4.5rem" },
});

const ORDER: Array<keyof Steps> = ["organisations", "members", "participants", "meetings", "consents"];

/** "Kom igång" on the empty board: what is left to set up, each step ticked off as the server sees it done. */
export function GettingStarted({ steps, onOpenSettings }: { steps: Steps; onOpenSettings?: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Card className={styles.card} role="region" aria-label={t("gettingStarted.title")}>
      <Subtitle2 as="h2">{t("gettingStarted.title")}</Subtitle2>
      <Text>{t("gettingStarted.intro")}</Text>
      <ul className={styles.list}>
        {ORDER.map((step) => (
          <li key={step} className={styles.item} data-step={step} data-done={steps[step]}>
            <span className={steps[step] ? styles.done : styles.todo}>
              {steps[step] ? `✓ ${t("gettingStarted.done")}` : t("gettingStarted.todo")}
            </span>
            <Text>{t(`gettingStarted.${step}`)}</Text>
          </li>
        ))}
      </ul>
      {onOpenSettings && (
        <div>
          <Button appearance="primary" onClick={onOpenSettings}>
            {t("gettingStarted.openSettings")}
          </Button>
        </div>
      )}
    </Card>
  );
}
