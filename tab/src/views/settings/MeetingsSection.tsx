import type { RecurringMeeting, Weekday } from "@fact-board/contract";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import type { AdminState } from "./useAdmin";

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "560px" },
  meeting: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A meeting as edited: `id` is kept for meetings already saved (walkthroughs and check-ins are keyed by it). */
interface Draft {
  id: string | undefined;
  name: string;
  everyWorkingDay: boolean;
  weekdays: Weekday[];
  time: string;
  organisationIds: string[];
  /** The walkthrough takes each organisation's participants together (a meeting with many municipalities). */
  byOrganisation: boolean;
}

const toDraft = (m: RecurringMeeting): Draft => ({
  id: m.id,
  name: m.name,
  everyWorkingDay: m.days === "workingDays",
  weekdays: m.days === "workingDays" ? [] : m.days,
  time: m.time,
  organisationIds: m.organisationIds,
  byOrganisation: m.walkthroughOrder === "byOrganisation",
});

/**
 * A new meeting's id follows from its name ("Norrby tisdag" → "norrby-tisdag"), made unique; it
 * never changes afterwards, so renaming a meeting keeps its history.
 */
export function meetingIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32) || "mote";
  const safe = base === "all" ? "all-partners" : base;
  let id = safe;
  for (let n = 2; taken.has(id); n++) id = `${safe}-${n}`;
  return id;
}

const isComplete = (d: Draft) =>
  d.name.trim() !== "" && d.time !== "" && d.organisationIds.length > 0 && (d.everyWorkingDay || d.weekdays.length > 0);

/**
 * The board's recurring meetings (issue 18): name, every working day or some weekdays, time, the
 * partner organisations taking part. Saved as one list under the board's etag. Nothing is chosen
 * for the person: a new meeting starts with no days and no organisations.
 */
export function MeetingsSection({ admin }: { admin: AdminState }) {
  const { t } = useI18n();
  const styles = useStyles();
  const board = admin.overview!.board;
  const organisations = admin.overview!.organisations;
  const [drafts, setDrafts] = useState<Draft[]>(() => (board.settings.meetings ?? []).map(toDraft));
  const [busy, setBusy] = useState(false);

  // After a save or a conflict the form shows what is stored now.
  useEffect(() => setDrafts((board.settings.meetings ?? []).map(toDraft)), [board]);

  const change = (index: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const submit = async () => {
    const taken = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])));
    const meetings: RecurringMeeting[] = drafts.map((d) => {
      const id = d.id ?? meetingIdFor(d.name, taken);
      taken.add(id);
      return {
        id,
        name: d.name.trim(),
        days: d.everyWorkingDay ? "workingDays" : WEEKDAYS.filter((w) => d.weekdays.includes(w)),
        time: d.time,
        organisationIds: organisations.map((o) => o.id).filter((o) => d.organisationIds.includes(o)),
        ...(d.byOrganisation ? { walkthroughOrder: "byOrganisation" as const } : {}),
      };
    });
    setBusy(true);
    await admin.run(() => admin.client.editBoardSettings(admin.boardId, { etag: board.etag, meetings }), t("admin.meetings.saved"));
    setBusy(false);
  };

  return (
    <form
      className={styles.form}
      aria-label={t("admin.meetings.title")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>{drafts.length === 0 ? t("admin.meetings.none") : t("admin.meetings.intro")}</p>
      {drafts.map((d, index) => (
        <fieldset key={d.id ?? `new-${index}`} className={styles.meeting} aria-label={d.name.trim() || t("admin.meetings.newMeeting")}>
          <Field label={t("admin.meetings.name")} required>
            <Input value={d.name} onChange={(_e, v) => change(index, { name: v.value })} />
          </Field>
          <Field label={t("admin.meetings.when")} required>
            <RadioGroup
              value={d.everyWorkingDay ? "workingDays" : "weekdays"}
              onChange={(_e, v) => change(index, { everyWorkingDay: v.value === "workingDays" })}
              layout="horizontal"
            >
              <Radio value="workingDays" label={t("admin.meetings.everyWorkingDay")} />
              <Radio value="weekdays" label={t("admin.meetings.someWeekdays")} />
            </RadioGroup>
          </Field>
          {!d.everyWorkingDay && (
            <div className={styles.row} role="group" aria-label={t("admin.meetings.weekdays")}>
              {WEEKDAYS.map((w) => (
                <Checkbox
                  key={w}
                  label={t(`weekday.${w}`)}
                  checked={d.weekdays.includes(w)}
                  onChange={(_e, v) => change(index, { weekdays: toggle(d.weekdays, w, v.checked === true) })}
                />
              ))}
            </div>
          )}
          <Field label={t("admin.meetings.time")} required>
            <Input type="time" value={d.time} onChange={(_e, v) => change(index, { time: v.value })} />
          </Field>
          <div className={styles.row} role="group" aria-label={t("admin.meetings.organisations")}>
            {organisations.map((o) => (
              <Checkbox
                key={o.id}
                label={o.name}
                checked={d.organisationIds.includes(o.id)}
                onChange={(_e, v) => change(index, { organisationIds: toggle(d.organisationIds, o.id, v.checked === true) })}
              />
            ))}
          </div>
          <Field hint={t("admin.meetings.byOrganisationHint")}>
            <Checkbox
              label={t("admin.meetings.byOrganisation")}
              checked={d.byOrganisation}
              onChange={(_e, v) => change(index, { byOrganisation: v.checked === true })}
            />
          </Field>
          <div>
            <Button onClick={() => setDrafts((ds) => ds.filter((_, i) => i !== index))}>{t("admin.meetings.remove")}</Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.buttons}>
        <Button
          onClick={() =>
            setDrafts((ds) => [
              ...ds,
              { id: undefined, name: "", everyWorkingDay: false, weekdays: [], time: "", organisationIds: [], byOrganisation: false },
            ])
          }
        >
          {t("admin.meetings.add")}
        </Button>
        <Button appearance="primary" type="submit" disabled={busy || !drafts.every(isComplete)}>
          {t("admin.meetings.save")}
        </Button>
      </div>
    </form>
  );
}
