import type { ConsentView, ParticipantView } from "@fact-board/contract";
import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { isConsentExpiring, organisationName } from "./model";
import { RecordConsentDialog } from "./RecordConsentDialog";
import { useVersionedChange } from "./useVersionedChange";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  button: { alignSelf: "flex-start" },
});

const statusColour = { given: "success", notAsked: "informative", declined: "danger", withdrawn: "danger", expired: "warning" } as const;

/** Samtycken: per involved organisation its status, validity and, for one's own, Registrera samtycke. */
export function ConsentSection({ participant }: { participant: ParticipantView }) {
  const { board } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const headingId = useId("consents");
  const { send } = useVersionedChange();

  const validity = (c: ConsentView) => {
    const parts: string[] = [];
    if (c.validUntil && c.status !== "declined" && c.status !== "notAsked")
      parts.push(t("consent.validUntil", { date: formatDate(c.validUntil) }));
    // Ending within the server's warning window is said in the badge ("Går ut om 12 dagar").
    if (c.daysUntilExpiry !== undefined && !isConsentExpiring(c)) parts.push(t("consent.daysLeft", { count: c.daysUntilExpiry }));
    if (c.status === "withdrawn" && c.withdrawnOn) parts.push(t("consent.withdrawnOn", { date: formatDate(c.withdrawnOn) }));
    return parts.join(" · ");
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t("detail.consents")}
      </Subtitle2>
      <ul className={styles.list}>
        {participant.consents.map((c) => {
          const name = organisationName(board, c.disclosingOrganisationId);
          const nameId = `${headingId}-${c.disclosingOrganisationId}`;
          return (
            <li key={c.disclosingOrganisationId} className={styles.item} data-consent={c.disclosingOrganisationId} data-status={c.status}>
              <div className={styles.line}>
                <Text weight="semibold" id={nameId}>
                  {name}
                </Text>
                <Badge appearance="tint" color={statusColour[c.status]}>
                  {t(`consent.${c.status}`)}
                </Badge>
                {isConsentExpiring(c) && (
                  <Badge appearance="outline" color="warning">
                    {t("consent.expiresIn", { count: c.daysUntilExpiry })}
                  </Badge>
                )}
              </div>
              {validity(c) && <Caption1 className={styles.meta}>{validity(c)}</Caption1>}
              {c.receivingOrganisationIds.length > 0 && c.status !== "notAsked" && (
                <Caption1 className={styles.meta}>
                  {t("consent.sharedWith", { names: c.receivingOrganisationIds.map((id) => organisationName(board, id)).join(", ") })}
                </Caption1>
              )}
              {c.basis === "legalBasis" && (
                <Caption1 className={styles.meta}>{t("consent.legalShown", { reference: c.legalReference ?? "" })}</Caption1>
              )}
              {c.may?.record && (
                <RecordConsentDialog
                  participant={participant}
                  consent={c}
                  send={send}
                  trigger={
                    <Button size="small" className={styles.button} aria-describedby={nameId}>
                      {t("consent.record")}
                    </Button>
                  }
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
