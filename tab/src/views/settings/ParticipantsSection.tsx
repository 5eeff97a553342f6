import type { ParticipantView } from "@fact-board/contract";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { useBoardContext } from "../../board/BoardContext";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { can } from "../../board/model";
import { PlanFields } from "../../board/PlanFields";
import { changedPlans, draftOfPlans, NO_PLANS_DRAFT, type PlansDraft } from "../../board/plans";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import { ImportParticipants } from "./ImportParticipants";
import { useStudies } from "./StudiesSection";
import { StudyEnrolmentDialog } from "./StudyEnrolmentDialog";
import type { AdminState } from "./useAdmin";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({ row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" } });

/** Register, edit and change case manager; the CSV import for the first day. The list shows only whom the viewer's organisation may see. */
export function ParticipantsSection({ admin }: { admin: AdminState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { board } = useBoardContext();
  // Only the organisation that wrote a participant's record changes it (authorship): the server says so per participant.
  const mayEdit = (p: ParticipantView) => p.mayEditRecord === true;
  const [q, setQ] = useState("");
  const [list, setList] = useState<{ participants: ParticipantView[]; cursor?: string; hiddenCount: number }>();
  const [failed, setFailed] = useState<string>();
  const { studies } = useStudies(admin);

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await admin.client.participants(admin.boardId, { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
        setList((prev) => ({ ...page, participants: cursor && prev ? [...prev.participants, ...page.participants] : page.participants }));
      } catch (e) {
        setFailed(errorText(i18n, e));
      }
    },
    [admin.client, admin.boardId, q, i18n],
  );
  useEffect(() => {
    void load();
  }, [load, admin.overview]);

  const memberName = (id: string) => admin.overview?.members.find((m) => m.id === id)?.displayName ?? id;
  const orgName = (id: string) => admin.overview?.organisations.find((o) => o.id === id)?.name ?? id;
  return (
    <>
      <div className={styles.row}>
        {can(board, "participant.create") && <ParticipantDialog admin={admin} />}
        <Field label={t("admin.participant.search")}>
          <Input value={q} onChange={(_e, d) => setQ(d.value)} />
        </Field>
      </div>
      {admin.overview?.may.importParticipants && <ImportParticipants admin={admin} />}
      {failed && <AdminMessages admin={{ error: failed, notice: undefined }} />}
      <TableRegion label={t("admin.page.participants")}>
        <Table aria-label={t("admin.page.participants")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("term.participant")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.participant.initials")}</TableHeaderCell>
              <TableHeaderCell>{t("term.caseManager")}</TableHeaderCell>
              <TableHeaderCell>{t("detail.organisations")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list?.participants.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.code}</TableCell>
                <TableCell>{p.initials}</TableCell>
                <TableCell>{memberName(p.caseManagerId)}</TableCell>
                <TableCell>{p.organisationIds.map(orgName).join(", ")}</TableCell>
                <TableCell>
                  {mayEdit(p) && <ParticipantDialog admin={admin} participant={p} />}
                  {studies && studies.length > 0 && <StudyEnrolmentDialog admin={admin} participant={p} studies={studies} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
      {list?.cursor && <Button onClick={() => void load(list.cursor)}>{t("audit.more")}</Button>}
    </>
  );
}

/** Registers a participant, or edits one (code, initials, case manager, organisations) with the etag of the version shown. */
export function ParticipantDialog({ admin, participant }: { admin: AdminState; participant?: ParticipantView }) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [initials, setInitials] = useState("");
  const [caseManagerId, setCaseManagerId] = useState("");
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [plans, setPlans] = useState<PlansDraft>(NO_PLANS_DRAFT);
  const { board } = useBoardContext();
  const members = (admin.overview?.members ?? []).filter((m) => !m.leftAt);
  const organisations = admin.overview?.organisations ?? [];
  // The record's writer states the plans; another organisation's participant is not editable here anyway (mayEditRecord).
  const writer = participant?.writtenBy ?? board.viewer.organisationId;
  const involved = organisations.filter((o) => o.id === writer || organisationIds.includes(o.id));
  const dialog = useFormDialog(() => {
    setCode(participant?.code ?? "");
    setInitials(participant?.initials ?? "");
    setCaseManagerId(participant?.caseManagerId ?? "");
    setOrganisationIds(participant?.organisationIds ?? []);
    setPlans(participant ? draftOfPlans(participant.plans) : NO_PLANS_DRAFT);
  });
  const submit = async () => {
    const changed = changedPlans(participant?.plans, plans);
    const body = {
      code: code.trim().toUpperCase(),
      initials: initials.trim(),
      caseManagerId,
      organisationIds,
      ...(Object.keys(changed).length > 0 ? { plans: changed } : {}),
    };
    const ok = participant
      ? await admin.run(
          () => admin.client.editParticipant(admin.boardId, participant.id, { ...body, etag: participant.etag ?? "" }),
          t("admin.participant.saved", { code: body.code }),
        )
      : await admin.run(() => admin.client.createParticipant(admin.boardId, body), t("admin.participant.registered", { code: body.code }));
    if (ok) dialog.close();
  };
  const title = participant ? t("admin.participant.editTitle", { code: participant.code }) : t("admin.participant.register");
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        participant ? (
          <Button size="small" aria-label={title}>
            {t("admin.edit")}
          </Button>
        ) : (
          <Button appearance="primary">{t("admin.participant.register")}</Button>
        )
      }
      title={title}
      submitLabel={participant ? t("entry.save") : t("admin.participant.registerSubmit")}
      submitDisabled={!code.trim() || !initials.trim() || !caseManagerId || organisationIds.length === 0}
      onSubmit={submit}
    >
      <Field label={t("admin.participant.code")} hint={t("admin.participant.codeHint")} required>
        <Input value={code} onChange={(_e, d) => setCode(d.value)} />
      </Field>
      <Field label={t("admin.participant.initials")} required>
        <Input value={initials} onChange={(_e, d) => setInitials(d.value)} />
      </Field>
      <Field label={t("term.caseManager")} required>
        <Select value={caseManagerId} onChange={(_e, d) => setCaseManagerId(d.value)}>
          <option value="">{t("form.choose")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend>{t("detail.organisations")}</legend>
        {organisations.map((o) => (
          <Checkbox
            key={o.id}
            label={o.name}
            checked={organisationIds.includes(o.id)}
            onChange={(_e, d) => setOrganisationIds((ids) => (d.checked ? [...ids, o.id] : ids.filter((x) => x !== o.id)))}
          />
        ))}
      </fieldset>
      <PlanFields value={plans} onChange={setPlans} organisations={involved.map((o) => ({ id: o.id, name: o.name }))} />
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}
