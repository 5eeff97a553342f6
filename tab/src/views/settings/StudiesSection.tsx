import type { StudyView } from "@fact-board/contract";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { saveBlob } from "../../api/download";
import { errorText } from "../../api/errorText";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { TableRegion } from "../../board/TableRegion";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import type { AdminState } from "./useAdmin";

// Research studies (issue 28): admins register a study and name its data managers; a data manager
// exports the study's counts per enrolled participant and month (the server checks and logs it).
// Research consent and enrolment are recorded per participant (ParticipantsSection, StudyEnrolmentDialog).

/** The board's studies, read again whenever the admin pages are. */
export function useStudies(admin: AdminState): { studies: StudyView[] | undefined; failed: string | undefined } {
  const i18n = useI18n();
  const [studies, setStudies] = useState<StudyView[]>();
  const [failed, setFailed] = useState<string>();
  const load = useCallback(async () => {
    try {
      setStudies((await admin.client.studies(admin.boardId)).studies);
    } catch (e) {
      setFailed(errorText(i18n, e));
    }
  }, [admin.client, admin.boardId, i18n]);
  useEffect(() => {
    void load();
  }, [load, admin.overview]);
  return { studies, failed };
}

export function StudiesSection({ admin }: { admin: AdminState }) {
  const { t } = useI18n();
  const { studies, failed } = useStudies(admin);
  const mayManage = admin.overview?.may.manageStudies === true;
  const memberName = (id: string) => admin.overview?.members.find((m) => m.id === id)?.displayName ?? id;
  return (
    <>
      <Text>{t("study.intro")}</Text>
      {mayManage && (
        <div>
          <StudyDialog admin={admin} />
        </div>
      )}
      {failed && <AdminMessages admin={{ error: failed, notice: undefined }} />}
      <TableRegion label={t("admin.page.studies")}>
        <Table aria-label={t("admin.page.studies")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("study.name")}</TableHeaderCell>
              <TableHeaderCell>{t("field.ethicsApprovalReference")}</TableHeaderCell>
              <TableHeaderCell>{t("study.period")}</TableHeaderCell>
              <TableHeaderCell>{t("study.dataManagers")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {studies?.map((s) => (
              <TableRow key={s.id}>
                <TableCell>{s.name}</TableCell>
                <TableCell>{s.ethicsApprovalReference}</TableCell>
                <TableCell>{t("study.periodValue", { from: s.from, to: s.to })}</TableCell>
                <TableCell>{s.dataManagerIds.map(memberName).join(", ")}</TableCell>
                <TableCell>
                  {mayManage && <StudyDialog admin={admin} study={s} />}
                  {s.isDataManager && <StudyExportButton admin={admin} study={s} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
      {studies?.length === 0 && <Text>{t("study.none")}</Text>}
    </>
  );
}

/** The data manager's export: Excel form, logged by the server in the admin audit and each participant's access log. */
function StudyExportButton({ admin, study }: { admin: AdminState; study: StudyView }) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await admin.client.studyCsv(admin.boardId, study.id), `studie-${study.id}.csv`);
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => void download()} disabled={busy} aria-label={i18n.t("study.exportTitle", { name: study.name })}>
        {i18n.t("study.export")}
      </Button>
      {error && <Text role="alert">{error}</Text>}
    </>
  );
}

/** Registers a study, or edits one with the etag of the version shown. */
function StudyDialog({ admin, study }: { admin: AdminState; study?: StudyView }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [reference, setReference] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [dataManagerIds, setDataManagerIds] = useState<string[]>([]);
  const members = (admin.overview?.members ?? []).filter((m) => !m.leftAt);
  const dialog = useFormDialog(() => {
    setName(study?.name ?? "");
    setReference(study?.ethicsApprovalReference ?? "");
    setFrom(study?.from ?? "");
    setTo(study?.to ?? "");
    setDataManagerIds(study?.dataManagerIds ?? []);
  });
  const valid = name.trim() !== "" && reference.trim() !== "" && from !== "" && to !== "" && dataManagerIds.length > 0;
  const submit = async () => {
    const body = { name: name.trim(), ethicsApprovalReference: reference.trim(), from, to, dataManagerIds };
    const ok = study
      ? await admin.run(
          () => admin.client.editStudy(admin.boardId, study.id, { ...body, etag: study.etag }),
          t("study.saved", { name: body.name }),
        )
      : await admin.run(() => admin.client.registerStudy(admin.boardId, body), t("study.registered", { name: body.name }));
    if (ok) dialog.close();
  };
  const title = study ? t("study.editTitle", { name: study.name }) : t("study.register");
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        study ? (
          <Button size="small" aria-label={title}>
            {t("admin.edit")}
          </Button>
        ) : (
          <Button appearance="primary">{t("study.register")}</Button>
        )
      }
      title={title}
      submitLabel={study ? t("entry.save") : t("study.registerSubmit")}
      submitDisabled={!valid}
      onSubmit={submit}
    >
      <Field label={t("study.name")} required>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t("field.ethicsApprovalReference")} hint={t("study.referenceHint")} required>
        <Input value={reference} onChange={(_e, d) => setReference(d.value)} />
      </Field>
      <Field label={t("study.from")} required>
        <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
      </Field>
      <Field label={t("study.to")} required>
        <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
      </Field>
      <fieldset>
        <legend>{t("study.dataManagers")}</legend>
        {members.map((m) => (
          <Checkbox
            key={m.id}
            label={m.displayName}
            checked={dataManagerIds.includes(m.id)}
            onChange={(_e, d) => setDataManagerIds((ids) => (d.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
          />
        ))}
      </fieldset>
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}
