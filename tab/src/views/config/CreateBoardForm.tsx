import type { BoardModel, CreateBoardBody, MeResponse } from "@fact-board/contract";
import { Button, Dropdown, Field, Input, Option, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { newRequestKey } from "../../api/client";
import { useState } from "react";
import type { ApiClient } from "../../api/client";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "420px" } });

const KINDS = ["regionPsychiatry", "municipalSocialServices", "municipalCare", "privateProvider", "labourMarket", "other"] as const;
const MODELS: BoardModel[] = ["fact", "enhancedCollaboration", "otherCollaboration"];

/** First run: the person who adds the tab and has no board creates one and becomes its admin (the server decides who may). */
export function CreateBoardForm({
  client,
  channelId,
  onCreated,
}: {
  client: ApiClient;
  channelId?: string;
  onCreated(me: MeResponse): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [name, setName] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [kind, setKind] = useState<(typeof KINDS)[number]>("regionPsychiatry");
  const [displayName, setDisplayName] = useState("");
  const [morningBriefAt, setMorningBriefAt] = useState("07:45");
  // FACT unless the team says otherwise: the header of every surface will say which.
  const [model, setModel] = useState<BoardModel>("fact");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per form: pressed twice, or sent again after a lost answer, it makes one board.
  const [requestKey] = useState(newRequestKey);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    const body: CreateBoardBody = {
      name,
      displayName,
      organisation: { name: organisation, kind, retentionDays: kind === "regionPsychiatry" || kind === "privateProvider" ? 3650 : 1825 },
      morningBriefAt,
      model,
      ...(channelId ? { briefChannelId: channelId } : {}),
    };
    try {
      onCreated(await client.createBoard(body, requestKey));
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t("setup.createBoard")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text>{t("setup.createIntro")}</Text>
      <Field label={t("setup.boardName")} required>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t("setup.yourName")} required>
        <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
      </Field>
      <Field label={t("setup.organisationName")} required>
        <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
      </Field>
      <Field label={t("setup.organisationKind")}>
        <Dropdown
          value={t(`organisationKind.${kind}`)}
          selectedOptions={[kind]}
          onOptionSelect={(_e, d) => setKind(d.optionValue as (typeof KINDS)[number])}
        >
          {KINDS.map((k) => (
            <Option key={k} value={k}>
              {t(`organisationKind.${k}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("setup.model")} hint={t("admin.board.modelHint")}>
        <Select value={model} onChange={(_e, d) => setModel(d.value as BoardModel)}>
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`boardModel.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("setup.morningBriefAt")}>
        <Input type="time" value={morningBriefAt} onChange={(_e, d) => setMorningBriefAt(d.value)} />
      </Field>
      {error && <Text role="alert">{error}</Text>}
      <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !organisation.trim() || !displayName.trim()}>
        {t("setup.createBoard")}
      </Button>
    </form>
  );
}
