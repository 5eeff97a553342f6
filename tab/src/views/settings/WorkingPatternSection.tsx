import type { WorkingPattern, WorkingPatternView } from "@fact-board/contract";
import { Body1, Button, Checkbox, Field, Input, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import type { AdminState } from "./useAdmin";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "480px" },
  days: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  times: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/**
 * Arbetstider: one's own working days and hours (admins choose whose). Whether the viewer may change
 * them comes from the server (`mayEdit`); the schema on the server checks what is sent.
 */
export function WorkingPatternSection({ admin, viewerId }: { admin: AdminState; viewerId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const members = admin.overview!.members.filter((m) => !m.leftAt);
  const chooseOthers = admin.overview!.may.manageMembers;
  const [memberId, setMemberId] = useState(viewerId);
  const [view, setView] = useState<WorkingPatternView>();
  const [pattern, setPattern] = useState<WorkingPattern>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const v = await admin.client.workingPattern(admin.boardId, memberId);
    setView(v);
    setPattern(v.pattern);
  }, [admin.client, admin.boardId, memberId]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (next: WorkingPattern | null) => {
    if (!view) return;
    setBusy(true);
    await admin.run(() => admin.client.setWorkingPattern(admin.boardId, memberId, { etag: view.etag, pattern: next }), t("pattern.saved"));
    await load();
    setBusy(false);
  };

  if (!view || !pattern) return <Spinner label={t("app.loading")} />;
  const toggle = (day: (typeof WEEKDAYS)[number], on: boolean) =>
    setPattern({ ...pattern, days: WEEKDAYS.filter((d) => (d === day ? on : pattern.days.includes(d))) });
  return (
    <form
      className={styles.form}
      aria-label={t("pattern.title")}
      onSubmit={(e) => {
        e.preventDefault();
        void save(pattern);
      }}
    >
      <Body1>{t("pattern.intro")}</Body1>
      {chooseOthers && (
        <Field label={t("pattern.member")}>
          <Select value={memberId} onChange={(_e, d) => setMemberId(d.value)}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Body1>{view.own ? t("pattern.own") : t("pattern.boardDefault")}</Body1>
      {!view.mayEdit && <Body1>{t("pattern.readOnly")}</Body1>}
      <fieldset className={styles.days} disabled={!view.mayEdit}>
        <legend>{t("pattern.days")}</legend>
        {WEEKDAYS.map((d) => (
          <Checkbox
            key={d}
            label={t(`pattern.day.${d}`)}
            checked={pattern.days.includes(d)}
            onChange={(_e, c) => toggle(d, c.checked === true)}
          />
        ))}
      </fieldset>
      <div className={styles.times}>
        <Field label={t("pattern.opensAt")} required>
          <Input
            type="time"
            disabled={!view.mayEdit}
            value={pattern.opensAt}
            onChange={(_e, d) => setPattern({ ...pattern, opensAt: d.value })}
          />
        </Field>
        <Field label={t("pattern.closesAt")} required>
          <Input
            type="time"
            disabled={!view.mayEdit}
            value={pattern.closesAt}
            onChange={(_e, d) => setPattern({ ...pattern, closesAt: d.value })}
          />
        </Field>
      </div>
      {view.mayEdit && (
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={busy || pattern.days.length === 0 || pattern.opensAt >= pattern.closesAt}>
            {t("entry.save")}
          </Button>
          {view.own && (
            <Button disabled={busy} onClick={() => void save(null)}>
              {t("pattern.useBoard")}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
