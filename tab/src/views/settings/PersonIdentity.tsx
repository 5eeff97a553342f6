import { Caption1, Text, makeStyles } from "@fluentui/react-components";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column" } });

/**
 * A person as the admin pages show them: the display name is words someone typed (a join request's
 * "Greta Provberg (admin)" proves nothing), so the organisation and the tenant they sign in from —
 * which the server knows from their token — always stand beside it.
 */
export function PersonIdentity({
  displayName,
  tenantId,
  organisation,
  ownWords = false,
}: {
  displayName: string;
  tenantId: string;
  /** The organisation's name, or what stands in its place (not a member, the organisations a request names); left out where a column shows it. */
  organisation?: string;
  /** The name is the person's own (a join request): said so. */
  ownWords?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <Text>{ownWords ? `“${displayName}”` : displayName}</Text>
      {ownWords && <Caption1>{t("admin.identity.ownWords")}</Caption1>}
      <Caption1>{[organisation, t("admin.identity.tenant", { tenant: tenantId })].filter(Boolean).join(" · ")}</Caption1>
    </span>
  );
}
