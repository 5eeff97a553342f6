import type { ConsentBasis, ConsentView, ParticipantView, RecordConsentBody, RecordedConsentStatus } from "@fact-board/contract";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactElement } from "react";
import { useApi } from "../api/ApiContext";
import { useI18n } from "../i18n";
import { useBoardContext } from "./BoardContext";
import { DateRangeField, isRangeValid } from "./DateRangeField";
import { FormDialog, useFormDialog } from "./FormDialog";
import { addDays, organisationName, recordedConsentStatuses } from "./model";
import type { useVersionedChange } from "./useVersionedChange";

type Send = ReturnType<typeof useVersionedChange>["send"];

const useStyles = makeStyles({
  receivers: { display: "flex", flexDirection: "column" },
  advanced: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggle: { alignSelf: "flex-start" },
});

const isRecorded = (status: ConsentView["status"]): status is RecordedConsentStatus =>
  (recordedConsentStatuses as string[]).includes(status);

/** Registrera samtycke: the viewer's own organisation's consent (or legal basis) for one participant. */
export function RecordConsentDialog({
  participant,
  consent,
  trigger,
  send,
}: {
  participant: ParticipantView;
  consent: ConsentView;
  trigger: ReactElement;
  send: Send;
}) {
  const client = useApi();
  const { board, boardId } = useBoardContext();
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const others = participant.organisationIds.filter((id) => id !== consent.disclosingOrganisationId);
  const [snapshot, setSnapshot] = useState(consent);
  const [status, setStatus] = useState<RecordedConsentStatus>("given");
  const [receivers, setReceivers] = useState<string[]>([]);
  const [givenOn, setGivenOn] = useState(board.today);
  const [validUntil, setValidUntil] = useState(addDays(board.today, 365));
  const [basis, setBasis] = useState<ConsentBasis>("consent");
  const [legalReference, setLegalReference] = useState("");
  const [advanced, setAdvanced] = useState(false);
  const dialog = useFormDialog(() => {
    setSnapshot(consent);
    setStatus(isRecorded(consent.status) ? consent.status : "given");
    setReceivers(consent.receivingOrganisationIds.filter((id) => others.includes(id)));
    setGivenOn(consent.givenOn ?? board.today);
    setValidUntil(consent.status === "given" && consent.validUntil ? consent.validUntil : addDays(board.today, 365));
    setBasis(consent.basis);
    setLegalReference(consent.legalReference ?? "");
    setAdvanced(consent.basis === "legalBasis");
  });

  const given = status === "given";
  // The server's rules, told before sending: a given consent names its receivers and its period.
  const receiversMissing = given && receivers.length === 0;
  const periodWrong = given && !isRangeValid({ from: givenOn, to: validUntil });
  const referenceMissing = given && basis === "legalBasis" && legalReference.trim() === "";
  const toggleReceiver = (id: string, checked: boolean) =>
    setReceivers((current) => (checked ? [...current, id] : current.filter((r) => r !== id)));

  const save = async () => {
    dialog.close();
    const body = (etag: string | undefined): RecordConsentBody => ({
      ...(etag ? { etag } : {}),
      status,
      basis,
      ...(basis === "legalBasis" && legalReference.trim() ? { legalReference: legalReference.trim() } : {}),
      receivingOrganisationIds: receivers,
      ...(given ? { givenOn, validUntil } : {}),
    });
    const names = (ids: readonly string[]) => ids.map((id) => organisationName(board, id)).join(", ") || "–";
    const line = (c: ConsentView) => t(`consent.${c.status}`);
    await send<ConsentView>({
      before: snapshot.etag ? snapshot : undefined,
      save: (etag) => client.recordConsent(boardId, participant.id, consent.disclosingOrganisationId, body(etag)),
      title: t("consent.conflictTitle", { code: participant.code }),
      yours: `${t(`consent.${status}`)} → ${names(receivers)}`,
      rows: (before, current) => [
        {
          label: t("consent.status"),
          before: before ? line(before) : t("consent.notAsked"),
          theirs: line(current),
          yours: t(`consent.${status}`),
        },
        {
          label: t("consent.receivers"),
          before: names(before?.receivingOrganisationIds ?? []),
          theirs: names(current.receivingOrganisationIds),
          yours: names(receivers),
        },
        {
          label: t("term.validUntil"),
          before: before?.validUntil ? formatDate(before.validUntil) : "–",
          theirs: current.validUntil ? formatDate(current.validUntil) : "–",
          ...(given ? { yours: formatDate(validUntil) } : {}),
        },
      ],
      savedMessage: t("consent.saved"),
    });
  };

  return (
    <FormDialog
      dialog={dialog}
      trigger={trigger}
      title={t("consent.recordTitle", { code: participant.code, organisation: organisationName(board, consent.disclosingOrganisationId) })}
      submitLabel={t("entry.save")}
      submitDisabled={receiversMissing || periodWrong || referenceMissing}
      onSubmit={save}
    >
      <Field label={t("consent.status")} required>
        <RadioGroup layout="horizontal" value={status} onChange={(_e, d) => setStatus(d.value as RecordedConsentStatus)}>
          {recordedConsentStatuses.map((s) => (
            <Radio key={s} value={s} label={t(`consent.${s}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t("consent.receivers")}
        validationState={receiversMissing ? "error" : "none"}
        validationMessage={receiversMissing ? t("consent.receiversMissing") : undefined}
      >
        <div className={styles.receivers} role="group" aria-label={t("consent.receivers")}>
          {others.map((id) => (
            <Checkbox
              key={id}
              checked={receivers.includes(id)}
              label={organisationName(board, id)}
              onChange={(_e, d) => toggleReceiver(id, d.checked === true)}
            />
          ))}
        </div>
      </Field>
      {given && (
        <DateRangeField
          value={{ from: givenOn, to: validUntil }}
          onChange={(range) => {
            setGivenOn(range.from);
            setValidUntil(range.to);
          }}
          fromLabel={t("consent.givenOn")}
          toLabel={t("term.validUntil")}
          wrongMessage={t("consent.periodWrong")}
          latestFrom={board.today}
        />
      )}
      <Button className={styles.toggle} appearance="transparent" aria-expanded={advanced} onClick={() => setAdvanced((a) => !a)}>
        <span aria-hidden="true">{advanced ? "▾" : "▸"}&nbsp;</span>
        {t("consent.advanced")}
      </Button>
      {advanced && (
        <div className={styles.advanced}>
          <Field label={t("consent.basis")}>
            <RadioGroup value={basis} onChange={(_e, d) => setBasis(d.value as ConsentBasis)}>
              <Radio value="consent" label={t("consent.basisConsent")} />
              <Radio value="legalBasis" label={t("consent.basisLegal")} />
            </RadioGroup>
          </Field>
          {basis === "legalBasis" && (
            <Field
              label={t("consent.legalReference")}
              required
              validationState={referenceMissing ? "error" : "none"}
              validationMessage={referenceMissing ? t("consent.referenceMissing") : undefined}
            >
              <Input value={legalReference} maxLength={120} onChange={(_e, d) => setLegalReference(d.value)} />
            </Field>
          )}
        </div>
      )}
    </FormDialog>
  );
}
