import type { MeResponse } from "@fact-board/contract";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

/**
 * Signed in, on no board: say why, in the words of what the server knows — the person's
 * organisation hosts boards (they may create one), is on a board (they ask to join through the
 * link its admin shares), or is on no board yet.
 */
export function NoBoard({ me, inTeams }: { me: MeResponse; inTeams: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const why = me.mayCreateBoard
    ? t("app.noBoardsCreate")
    : me.tenantOnABoard
      ? t("app.noBoardsAskJoin")
      : t("app.noBoardsUnknown", { tenant: me.tenantId });
  return (
    <main className={styles.root}>
      <Text role="status">{why}</Text>
      {/* In Teams a board is created where the tab is added (its configuration page). */}
      {me.mayCreateBoard && !inTeams && (
        <div>
          <Button appearance="primary" as="a" href={`${window.location.origin}/tab/?view=config`}>
            {t("app.createBoard")}
          </Button>
        </div>
      )}
    </main>
  );
}
