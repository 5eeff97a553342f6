import type { PlanStatus } from "@fact-board/contract";
import { Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { planStatuses, type PlansDraft } from "./plans";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Crisis plan, early-signs plan and SIP as the participant form and the plans dialog ask them. */
export function PlanFields({
  value,
  onChange,
  organisations,
}: {
  value: PlansDraft;
  onChange: (next: PlansDraft) => void;
  /** The participant's organisations: one of them convenes the SIP. */
  organisations: Array<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const status = (label: string, current: PlanStatus, set: (v: PlanStatus) => void) => (
    <Field label={label}>
      <Select value={current} onChange={(_e, d) => set(d.value as PlanStatus)}>
        {planStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`planStatus.${s}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const sipStated = value.sipHeld !== "notSet";
  return (
    <fieldset className={styles.root}>
      <legend>{t("plans.title")}</legend>
      <Caption1 className={styles.hint}>{t("plans.notStatedHint")}</Caption1>
      {status(t("plans.crisisPlan"), value.crisisPlan, (crisisPlan) => onChange({ ...value, crisisPlan }))}
      {status(t("plans.earlySignsPlan"), value.earlySignsPlan, (earlySignsPlan) => onChange({ ...value, earlySignsPlan }))}
      {status(t("plans.sip"), value.sipHeld, (sipHeld) => onChange({ ...value, sipHeld }))}
      {value.sipHeld === "yes" && (
        <Field label={t("plans.sipHeldOn")}>
          <Input type="date" value={value.sipHeldOn} onChange={(_e, d) => onChange({ ...value, sipHeldOn: d.value })} />
        </Field>
      )}
      {sipStated && (
        <>
          <Field label={t("plans.sipNextFollowUp")}>
            <Input type="date" value={value.sipNextFollowUpOn} onChange={(_e, d) => onChange({ ...value, sipNextFollowUpOn: d.value })} />
          </Field>
          <Field label={t("plans.sipConvenedBy")}>
            <Select value={value.sipConvenedBy} onChange={(_e, d) => onChange({ ...value, sipConvenedBy: d.value })}>
              <option value="">{t("planStatus.notSet")}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </fieldset>
  );
}
