import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "48rem" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  link: { flexGrow: 1, minWidth: "16rem" },
});

/** The board's tab link for partners: opened signed in, it offers "Be om att gå med" (JoinBoard). */
export const joinLinkOf = (origin: string, boardId: string): string => `${origin}/tab/?board=${encodeURIComponent(boardId)}`;

/** Inställningar → Medlemmar: the "Be om att gå med" link to copy to the partner organisations' people. */
export function JoinLink({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const link = joinLinkOf(window.location.origin, boardId);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (an old webview, no permission): the link is there to select by hand.
      setCopied(false);
    }
  };
  return (
    <section className={styles.root} aria-label={t("admin.members.joinLink")}>
      <div className={styles.row}>
        <Field className={styles.link} label={t("admin.members.joinLink")} hint={t("admin.members.joinLinkHint")}>
          <Input readOnly value={link} onFocus={(e) => e.target.select()} />
        </Field>
        <Button onClick={() => void copy()}>{t("admin.members.copyLink")}</Button>
      </div>
      {copied && <Caption1 role="status">{t("admin.members.linkCopied")}</Caption1>}
    </section>
  );
}
