import type { LeaveBoardBody, MemberAdminView, Role } from "@fact-board/contract";
import { Button, Caption1, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import type { AdminState } from "./useAdmin";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/**
 * Role and the ordered substitutes (ersättare), who must be of the member's own organisation. The
 * roles offered are the ones the server says the viewer may give this member (`may.roles`).
 */
export function EditMemberDialog({ admin, member }: { admin: AdminState; member: MemberAdminView }) {
  const { t } = useI18n();
  const styles = useStyles();
  const roles = member.may?.roles ?? [];
  const [role, setRole] = useState<Role>(member.role);
  const [substitutes, setSubstitutes] = useState<string[]>([]);
  const [leader, setLeader] = useState(member.meetingLeader === true);
  const [adding, setAdding] = useState("");
  // Admins mark meeting leaders (Mötesledare), of any role; the server refuses anyone else.
  const marksLeaders = admin.overview?.may.manageMembers === true;
  const dialog = useFormDialog(() => {
    setRole(member.role);
    setLeader(member.meetingLeader === true);
    setSubstitutes(member.substituteIds);
    setAdding("");
  });
  const colleagues = (admin.overview?.members ?? []).filter(
    (m) => !m.leftAt && m.id !== member.id && m.organisationId === member.organisationId,
  );
  const nameOf = (id: string) => admin.overview?.members.find((m) => m.id === id)?.displayName ?? id;
  const move = (index: number, by: number) =>
    setSubstitutes((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const submit = async () => {
    const ok = await admin.run(
      () =>
        admin.client.editMember(admin.boardId, member.id, {
          etag: member.etag,
          ...(role !== member.role ? { role } : {}),
          ...(marksLeaders && leader !== (member.meetingLeader === true) ? { meetingLeader: leader } : {}),
          substituteIds: substitutes,
        }),
      t("admin.member.saved", { name: member.displayName }),
    );
    if (ok) dialog.close();
  };
  const title = t("admin.member.editTitle", { name: member.displayName });
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        <Button size="small" aria-label={title}>
          {t("admin.edit")}
        </Button>
      }
      title={title}
      submitLabel={t("entry.save")}
      onSubmit={submit}
    >
      {roles.length > 0 ? (
        <Field label={t("admin.member.role")}>
          <Select value={role} onChange={(_e, d) => setRole(d.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Text>{t("admin.member.roleFixed", { role: t(`role.${member.role}`) })}</Text>
      )}
      {marksLeaders && (
        <Field hint={t("admin.member.meetingLeaderHint")}>
          <Checkbox checked={leader} onChange={(_e, d) => setLeader(d.checked === true)} label={t("admin.member.meetingLeader")} />
        </Field>
      )}
      <Text weight="semibold">{t("admin.member.substitutes")}</Text>
      <Caption1>{t("admin.member.substitutesHint")}</Caption1>
      {substitutes.length === 0 ? (
        <Caption1>{t("admin.member.noSubstitutes")}</Caption1>
      ) : (
        <ol className={styles.list} aria-label={t("admin.member.substitutes")}>
          {substitutes.map((id, i) => (
            <li key={id} className={styles.item}>
              <Text>{nameOf(id)}</Text>
              <Button
                size="small"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("admin.member.moveUp", { name: nameOf(id) })}
              >
                ↑
              </Button>
              <Button
                size="small"
                disabled={i === substitutes.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("admin.member.moveDown", { name: nameOf(id) })}
              >
                ↓
              </Button>
              <Button size="small" onClick={() => setSubstitutes((list) => list.filter((x) => x !== id))}>
                {t("admin.member.removeSubstitute", { name: nameOf(id) })}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div className={styles.item}>
        <Field label={t("admin.member.addSubstitute")}>
          <Select value={adding} onChange={(_e, d) => setAdding(d.value)}>
            <option value="">{t("form.choose")}</option>
            {colleagues
              .filter((c) => !substitutes.includes(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
          </Select>
        </Field>
        <Button
          disabled={!adding}
          onClick={() => {
            setSubstitutes((list) => [...list, adding]);
            setAdding("");
          }}
        >
          {t("admin.member.addSubstituteButton")}
        </Button>
      </div>
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}

/**
 * A member leaves: a new case manager for each of their participants (the server refuses to leave
 * anyone without one, and says so), and one for those the viewer's organisation may not see.
 */
export function LeaveDialog({ admin, member }: { admin: AdminState; member: MemberAdminView }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [fallback, setFallback] = useState("");
  const [reason, setReason] = useState("");
  const dialog = useFormDialog(() => {
    setChosen({});
    setFallback("");
    setReason("");
  });
  const others = (admin.overview?.members ?? []).filter((m) => !m.leftAt && m.id !== member.id);
  const submit = async () => {
    const body: LeaveBoardBody = {
      etag: member.etag,
      reason: reason.trim(),
      handOver: member.caseManagerFor
        .filter((p) => chosen[p.participantId])
        .map((p) => ({ participantId: p.participantId, caseManagerId: chosen[p.participantId]! })),
      ...(fallback ? { defaultCaseManagerId: fallback } : {}),
    };
    const ok = await admin.run(
      () => admin.client.leaveBoard(admin.boardId, member.id, body),
      t("admin.leave.done", { name: member.displayName }),
    );
    if (ok) dialog.close();
  };
  const choices = (value: string, onChange: (v: string) => void) => (
    <Select value={value} onChange={(_e, d) => onChange(d.value)}>
      <option value="">{t("form.choose")}</option>
      {others.map((o) => (
        <option key={o.id} value={o.id}>
          {o.displayName}
        </option>
      ))}
    </Select>
  );
  const title = t("admin.leave.title", { name: member.displayName });
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        <Button size="small" aria-label={title}>
          {t("admin.leave.open")}
        </Button>
      }
      title={title}
      submitLabel={t("admin.leave.submit")}
      submitDisabled={!reason.trim()}
      onSubmit={submit}
    >
      <Text>{member.caseManagerFor.length + member.caseManagerForHidden === 0 ? t("admin.leave.nobody") : t("admin.leave.intro")}</Text>
      {member.caseManagerFor.length > 0 && (
        <ul className={styles.list} aria-label={t("admin.leave.handOver")}>
          {member.caseManagerFor.map((p) => (
            <li key={p.participantId}>
              <Field label={t("admin.leave.newCaseManagerFor", { code: p.code })}>
                {choices(chosen[p.participantId] ?? "", (v) => setChosen((c) => ({ ...c, [p.participantId]: v })))}
              </Field>
            </li>
          ))}
        </ul>
      )}
      {member.caseManagerFor.length + member.caseManagerForHidden > 0 && (
        <Field
          label={
            member.caseManagerForHidden > 0
              ? t("admin.leave.defaultHidden", { count: member.caseManagerForHidden })
              : t("admin.leave.default")
          }
        >
          {choices(fallback, setFallback)}
        </Field>
      )}
      <Field label={t("admin.leave.reason")} hint={t("admin.leave.reasonHint")} required>
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}
