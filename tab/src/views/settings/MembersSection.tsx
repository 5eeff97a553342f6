import type { GrantChoice, JoinRequestView, Role, RosterPerson } from "@fact-board/contract";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { errorText } from "../../api/errorText";
import { useI18n } from "../../i18n";
import { EditMemberDialog, LeaveDialog } from "./MemberDialogs";
import { useGrantChoices } from "./manageable";
import { AdminMessages } from "./AdminMessages";
import { JoinLink } from "./JoinLink";
import { PersonIdentity } from "./PersonIdentity";
import type { AdminState } from "./useAdmin";
import { TableRegion } from "../../board/TableRegion";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function MembersSection({ admin }: { admin: AdminState }) {
  const { t } = useI18n();
  const styles = useStyles();
  const overview = admin.overview!;
  const orgName = (id: string) => overview.organisations.find((o) => o.id === id)?.name ?? id;
  const members = overview.members.filter((m) => !m.leftAt);
  const nameOf = (id: string) => overview.members.find((m) => m.id === id)?.displayName ?? id;
  // The server lists only the requests the viewer may decide.
  const pending = overview.joinRequests.filter((r) => r.state === "pending");
  return (
    <>
      <JoinLink boardId={admin.boardId} />
      {overview.grantable.length > 0 && (
        <div className={styles.row}>
          <RosterDialog admin={admin} />
        </div>
      )}
      <section className={styles.section} aria-label={t("admin.join.title")}>
        <Text weight="semibold">{t("admin.join.title")}</Text>
        {pending.length === 0 ? (
          <Caption1>{t("admin.join.none")}</Caption1>
        ) : (
          pending.map((r) => (
            <div key={r.memberId} className={styles.row} role="group" aria-label={r.displayName}>
              <PersonIdentity
                displayName={r.displayName}
                tenantId={r.tenantId}
                organisation={t("admin.join.asksFor", {
                  organisations: r.organisationIds.map(orgName).join(", ") || t("admin.join.unknownOrganisation"),
                })}
                ownWords
              />
              {r.message && <Caption1>“{r.message}”</Caption1>}
              {(r.may?.approveInto.length ?? 0) > 0 && <ApproveDialog admin={admin} request={r} />}
              {r.may?.decline && (
                <Button
                  size="small"
                  onClick={() =>
                    void admin.run(
                      () => admin.client.decideJoinRequest(admin.boardId, r.memberId, { decision: "decline", etag: r.etag }),
                      t("admin.join.declined", { name: r.displayName }),
                    )
                  }
                >
                  {t("admin.join.decline", { name: r.displayName })}
                </Button>
              )}
            </div>
          ))
        )}
      </section>
      <TableRegion label={t("admin.page.members")}>
        <Table aria-label={t("admin.page.members")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("admin.member.name")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.member.organisation")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.member.role")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.member.substitutes")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.member.caseManagerFor")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {/* The organisation has its own column. */}
                  <PersonIdentity displayName={m.displayName} tenantId={m.tenantId} />
                </TableCell>
                <TableCell>{orgName(m.organisationId)}</TableCell>
                <TableCell>
                  {t(`role.${m.role}`)}
                  {m.meetingLeader && ` · ${t("admin.member.meetingLeader")}`}
                </TableCell>
                <TableCell>{m.substituteIds.map(nameOf).join(", ") || "–"}</TableCell>
                <TableCell>{m.caseManagerFor.length + m.caseManagerForHidden}</TableCell>
                <TableCell>
                  <div className={styles.row}>
                    {m.may?.edit && <EditMemberDialog admin={admin} member={m} />}
                    {m.may?.leave && <LeaveDialog admin={admin} member={m} />}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </>
  );
}

/** Organisation and role for a new member, among the server's choices; the organisation defaults to the one whose tenant they sign in from. */
function useOrganisationAndRole(admin: AdminState, choices: readonly GrantChoice[] | undefined, tenantId: string | undefined) {
  const { organisations, rolesIn } = useGrantChoices(admin, choices);
  const [organisationId, setOrganisationIdState] = useState("");
  const [role, setRole] = useState<Role | "">("");
  // The lowest role the viewer may grant there (the server lists them lowest first): nothing above it by accident.
  const setOrganisationId = (id: string) => {
    setOrganisationIdState(id);
    setRole(rolesIn(id)[0] ?? "");
  };
  const reset = () =>
    setOrganisationId(
      organisations.find((o) => tenantId && o.tenantIds.includes(tenantId.toLowerCase()))?.id ?? organisations[0]?.id ?? "",
    );
  return { organisationId, setOrganisationId, role, setRole, roles: rolesIn(organisationId), reset, organisations };
}

function OrganisationAndRoleFields({ choice }: { choice: ReturnType<typeof useOrganisationAndRole> }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t("admin.member.organisation")} required>
        <Select value={choice.organisationId} onChange={(_e, d) => choice.setOrganisationId(d.value)}>
          {choice.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.member.role")} required>
        <Select value={choice.role} onChange={(_e, d) => choice.setRole(d.value as Role)}>
          {choice.roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

function ApproveDialog({ admin, request }: { admin: AdminState; request: JoinRequestView }) {
  const { t } = useI18n();
  const choice = useOrganisationAndRole(admin, request.may?.approveInto, request.tenantId);
  const dialog = useFormDialog(choice.reset);
  const submit = async () => {
    if (!choice.role) return;
    const ok = await admin.run(
      () =>
        admin.client.decideJoinRequest(admin.boardId, request.memberId, {
          decision: "approve",
          etag: request.etag,
          organisationId: choice.organisationId,
          role: choice.role as Role,
        }),
      t("admin.join.approved", { name: request.displayName }),
    );
    if (ok) dialog.close();
  };
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        <Button size="small" appearance="primary">
          {t("admin.join.approve", { name: request.displayName })}
        </Button>
      }
      title={t("admin.join.approveTitle", { name: request.displayName })}
      submitLabel={t("admin.join.approveSubmit")}
      submitDisabled={!choice.organisationId || !choice.role}
      onSubmit={submit}
    >
      <OrganisationAndRoleFields choice={choice} />
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}

/** The Teams team's people as the bot reads them; those already members are marked. */
function RosterDialog({ admin }: { admin: AdminState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [roster, setRoster] = useState<{ people: RosterPerson[]; installed: boolean }>();
  const [failed, setFailed] = useState<string>();
  const [picked, setPicked] = useState<RosterPerson>();
  const choice = useOrganisationAndRole(admin, admin.overview?.grantable, picked?.tenantId);
  const dialog = useFormDialog(() => {
    setRoster(undefined);
    setFailed(undefined);
    setPicked(undefined);
    admin.client.roster(admin.boardId).then(setRoster, (e: unknown) => setFailed(errorText(i18n, e)));
  });
  const pick = (p: RosterPerson) => {
    setPicked(p);
    // The organisation follows from the tenant the person signs in from.
    choice.setOrganisationId(
      choice.organisations.find((o) => o.tenantIds.includes(p.tenantId.toLowerCase()))?.id ?? choice.organisations[0]?.id ?? "",
    );
  };
  const submit = async () => {
    if (!picked || !choice.role) return;
    const ok = await admin.run(
      () =>
        admin.client.addMember(admin.boardId, {
          tenantId: picked.tenantId,
          objectId: picked.objectId,
          displayName: picked.displayName,
          organisationId: choice.organisationId,
          role: choice.role as Role,
        }),
      t("admin.member.added", { name: picked.displayName }),
    );
    if (ok) dialog.close();
  };
  return (
    <FormDialog
      dialog={dialog}
      trigger={<Button appearance="primary">{t("admin.roster.open")}</Button>}
      title={t("admin.roster.title")}
      submitLabel={t("admin.roster.add")}
      submitDisabled={!picked || !choice.organisationId || !choice.role}
      onSubmit={submit}
    >
      {failed && <Text role="alert">{failed}</Text>}
      {!roster && !failed && <Spinner size="small" label={t("app.loading")} />}
      {roster && !roster.installed && <Text>{t("admin.roster.notInstalled")}</Text>}
      {roster?.installed && (
        <TableRegion label={t("admin.roster.title")}>
          <Table aria-label={t("admin.roster.title")} size="small">
            <TableBody>
              {roster.people.map((p) => (
                <TableRow key={`${p.tenantId}.${p.objectId}`}>
                  <TableCell>
                    {p.displayName} {p.guest && <Badge appearance="outline">{t("admin.roster.guest")}</Badge>}
                  </TableCell>
                  <TableCell>
                    {p.member ? (
                      <Badge appearance="tint" color="informative">
                        {t("admin.roster.alreadyMember")}
                      </Badge>
                    ) : (
                      <Button
                        size="small"
                        appearance={picked === p ? "primary" : "secondary"}
                        aria-pressed={picked === p}
                        onClick={() => pick(p)}
                      >
                        {t("admin.roster.pick", { name: p.displayName })}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      {picked && <OrganisationAndRoleFields choice={choice} />}
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}
