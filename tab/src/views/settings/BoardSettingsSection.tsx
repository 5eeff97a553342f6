import type { BoardModel } from "@fact-board/contract";
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n";
import type { AdminState } from "./useAdmin";

const MODELS: BoardModel[] = ["fact", "enhancedCollaboration", "otherCollaboration"];

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "480px" } });

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
  }, [board]);

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
      <div>
        <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !timeZone.trim()}>
          {t("entry.save")}
        </Button>
      </div>
    </form>
  );
}
