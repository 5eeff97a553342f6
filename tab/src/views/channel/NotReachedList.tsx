import type { Overview } from "@fact-board/contract";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Colleagues the bot's cards do not reach: nothing shows when everyone is reached. */
export function NotReachedList({ people }: { people: Overview["notReached"] }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  if (people.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t("overview.notReached")}
      </Subtitle2>
      <Caption1>{t("overview.notReachedHint")}</Caption1>
      <ul className={styles.list}>
        {people.map((p) => (
          <li key={p.memberId}>
            {p.displayName} ({t("overview.notReachedSince", { date: formatDate(p.since.slice(0, 10)) })})
          </li>
        ))}
      </ul>
    </section>
  );
}
