import type { EnrolmentView, ParticipantView, StudyView } from "@fact-board/contract";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { errorText } from "../../api/errorText";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import type { AdminState } from "./useAdmin";

// One participant in a research study (issue 28): first their research consent (date; recorded for
// the viewer's organisation), then their enrolment under the research team's own id, or their
// withdrawal. The server refuses an enrolment without the consent and any id that looks like a
// personal identity number or is a code of the board.

export function StudyEnrolmentDialog({
  admin,
  participant,
  studies,
}: {
  admin: AdminState;
  participant: ParticipantView;
  studies: StudyView[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [studyId, setStudyId] = useState("");
  const [enrolments, setEnrolments] = useState<EnrolmentView[]>([]);
  const [givenOn, setGivenOn] = useState("");
  const [studyParticipantId, setStudyParticipantId] = useState("");
  const [withdrawnOn, setWithdrawnOn] = useState("");
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const load = async () => {
    try {
      setEnrolments((await admin.client.participantStudies(admin.boardId, participant.id)).enrolments);
    } catch (e) {
      setError(errorText(i18n, e));
    }
  };
  const dialog = useFormDialog(() => {
    setStudyId(studies[0]?.id ?? "");
    setGivenOn("");
    setStudyParticipantId("");
    setWithdrawnOn("");
    setError(undefined);
    setNotice(undefined);
    void load();
  });
  const current = enrolments.find((e) => e.studyId === studyId);
  const act = async (change: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await change();
      setNotice(done);
    } catch (e) {
      setError(errorText(i18n, e));
    }
    await load();
  };
  const submit = async () => {
    if (!current) {
      await act(() => admin.client.recordResearchConsent(admin.boardId, studyId, participant.id, { givenOn }), t("study.consentRecorded"));
    } else if (!current.studyParticipantId) {
      await act(
        () =>
          admin.client.enrol(admin.boardId, studyId, participant.id, { studyParticipantId: studyParticipantId.trim(), etag: current.etag }),
        t("study.enrolled"),
      );
    } else if (!current.withdrawnOn) {
      await act(
        () => admin.client.withdrawFromStudy(admin.boardId, studyId, participant.id, { withdrawnOn, etag: current.etag }),
        t("study.withdrawn"),
      );
    }
  };
  const step = !current ? "consent" : !current.studyParticipantId ? "enrol" : !current.withdrawnOn ? "withdraw" : "done";
  const title = t("study.enrolmentTitle", { code: participant.code });
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        <Button size="small" aria-label={title}>
          {t("study.enrolment")}
        </Button>
      }
      title={title}
      submitLabel={t(`study.step.${step}`)}
      submitDisabled={
        !studyId ||
        step === "done" ||
        (step === "consent" && !givenOn) ||
        (step === "enrol" && !studyParticipantId.trim()) ||
        (step === "withdraw" && !withdrawnOn)
      }
      onSubmit={submit}
    >
      <Field label={t("study.study")} required>
        <Select value={studyId} onChange={(_e, d) => setStudyId(d.value)}>
          {studies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {current && (
        <Text>
          {t("study.consentGiven", { date: current.researchConsent.givenOn })}
          {current.studyParticipantId ? ` ${t("study.enrolledAs", { id: current.studyParticipantId })}` : ""}
          {current.withdrawnOn ? ` ${t("study.withdrawnOn", { date: current.withdrawnOn })}` : ""}
        </Text>
      )}
      {step === "consent" && (
        <Field label={t("study.consentDate")} hint={t("study.consentHint")} required>
          <Input type="date" value={givenOn} onChange={(_e, d) => setGivenOn(d.value)} />
        </Field>
      )}
      {step === "enrol" && (
        <Field label={t("field.studyParticipantId")} hint={t("study.studyParticipantIdHint")} required>
          <Input value={studyParticipantId} onChange={(_e, d) => setStudyParticipantId(d.value)} />
        </Field>
      )}
      {step === "withdraw" && (
        <Field label={t("study.withdrawDate")} hint={t("study.withdrawHint")} required>
          <Input type="date" value={withdrawnOn} onChange={(_e, d) => setWithdrawnOn(d.value)} />
        </Field>
      )}
      <AdminMessages admin={{ error, notice }} />
    </FormDialog>
  );
}
