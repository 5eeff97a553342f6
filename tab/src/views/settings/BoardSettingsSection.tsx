import type { BoardModel } from "@fact-board/contract";
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import type { AdminState } from "./useAdmin";

const MODELS: BoardModel[] = ["fact", "enhancedCollaboration", "otherCollaboration"];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "480px" },
  targets: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
});

/** Name, time zone, morning brief time and channel, what the bot may post where; saved with the etag of the settings shown. */
export function BoardSettingsSection({ admin }: { admin: AdminState }) {
  const { t } = useI18n();
  const styles = useStyles();
  const board = admin.overview!.board;
  const [name, setName] = useState(board.name);
  const [timeZone, setTimeZone] = useState(board.settings.timeZone);
  const [morningBriefAt, setMorningBriefAt] = useState(board.settings.morningBriefAt);
  const [channel, setChannel] = useState(board.settings.briefChannelId ?? "");
  const [briefInChannel, setBriefInChannel] = useState(board.settings.botPosts.morningBriefInChannel);
  const [signalCounts, setSignalCounts] = useState(board.settings.botPosts.signalCountsInChannel);
  const [model, setModel] = useState<BoardModel>(board.model);
  const [lead, setLead] = useState(board.leadOrganisationId ?? "");
  const organisations = admin.overview!.organisations;
  // The follow-up's yearly target per organisation, as typed ("" = none set).
  const storedTargets = () =>
    Object.fromEntries(board.settings.followUpTargets.map((x) => [x.organisationId, String(x.perYear)])) as Record<string, string>;
  const [targets, setTargets] = useState<Record<string, string>>(storedTargets);
  const [busy, setBusy] = useState(false);

  // After a save or a conflict the form shows what is stored now.
  useEffect(() => {
    setName(board.name);
    setTimeZone(board.settings.timeZone);
    setMorningBriefAt(board.settings.morningBriefAt);
    setChannel(board.settings.briefChannelId ?? "");
    setBriefInChannel(board.settings.botPosts.morningBriefInChannel);
    setSignalCounts(board.settings.botPosts.signalCountsInChannel);
    setModel(board.model);
    setLead(board.leadOrganisationId ?? "");
    setTargets(storedTargets());
  }, [board]);

  const followUpTargets = organisations.flatMap((o) => {
    const typed = (targets[o.id] ?? "").trim();
    return typed === "" ? [] : [{ organisationId: o.id, perYear: Number(typed) }];
  });
  const targetsValid = followUpTargets.every((x) => Number.isInteger(x.perYear) && x.perYear >= 0 && x.perYear <= 10_000);
  const targetsChanged = JSON.stringify(followUpTargets) !== JSON.stringify(board.settings.followUpTargets);

  const submit = async () => {
    setBusy(true);
    await admin.run(
      () =>
        admin.client.editBoardSettings(admin.boardId, {
          etag: board.etag,
          name: name.trim(),
          timeZone: timeZone.trim(),
          morningBriefAt,
          briefChannelId: channel.trim() || null,
          botPosts: { morningBriefInChannel: briefInChannel, signalCountsInChannel: signalCounts },
          model,
          ...(lead && lead !== board.leadOrganisationId ? { leadOrganisationId: lead } : {}),
          ...(targetsChanged ? { followUpTargets } : {}),
        }),
      t("admin.board.saved"),
    );
    setBusy(false);
  };

  return (
    <form
      className={styles.form}
      aria-label={t("admin.page.board")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={t("setup.boardName")} required>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t("admin.board.model")} hint={t("admin.board.modelHint")}>
        <Select value={model} onChange={(_e, d) => setModel(d.value as BoardModel)}>
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`boardModel.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.board.lead")} hint={t("admin.board.leadHint")}>
        <Select value={lead} onChange={(_e, d) => setLead(d.value)}>
          {!board.leadOrganisationId && <option value="">{t("about.leadNone")}</option>}
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.board.timeZone")} hint={t("admin.board.timeZoneHint")} required>
        <Input value={timeZone} onChange={(_e, d) => setTimeZone(d.value)} />
      </Field>
      <Field label={t("setup.morningBriefAt")} required>
        <Input type="time" value={morningBriefAt} onChange={(_e, d) => setMorningBriefAt(d.value)} />
      </Field>
      <Field label={t("admin.board.channel")} hint={t("admin.board.channelHint")}>
        <Input value={channel} onChange={(_e, d) => setChannel(d.value)} />
      </Field>
      <Checkbox
        label={t("admin.board.briefInChannel")}
        checked={briefInChannel}
        onChange={(_e, d) => setBriefInChannel(d.checked === true)}
      />
      <Checkbox label={t("admin.board.signalCounts")} checked={signalCounts} onChange={(_e, d) => setSignalCounts(d.checked === true)} />
      <fieldset className={styles.targets}>
        <legend>{t("admin.board.targets")}</legend>
        {organisations.map((o) => (
          <Field key={o.id} label={o.name} hint={t("admin.board.targetHint")}>
            <Input
              type="number"
              min={0}
              max={10000}
              value={targets[o.id] ?? ""}
              onChange={(_e, d) => setTargets((ts) => ({ ...ts, [o.id]: d.value }))}
            />
          </Field>
        ))}
      </fieldset>
      <div>
        <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !timeZone.trim() || !targetsValid}>
          {t("entry.save")}
        </Button>
      </div>
    </form>
  );
}
