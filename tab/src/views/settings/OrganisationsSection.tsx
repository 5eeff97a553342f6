import type { OrganisationAdminView, OrganisationKind } from "@fact-board/contract";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from "@fluentui/react-components";
import { newRequestKey } from "../../api/client";
import { useState } from "react";
import { FormDialog, useFormDialog } from "../../board/FormDialog";
import { useI18n } from "../../i18n";
import { AdminMessages } from "./AdminMessages";
import type { AdminState } from "./useAdmin";
import { TableRegion } from "../../board/TableRegion";

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  "regionPsychiatry",
  "municipalSocialServices",
  "municipalCare",
  "privateProvider",
  "labourMarket",
  "other",
];

/** Tenant ids as typed: one per line, or separated by commas or spaces. */
export const tenantIdsOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

export function OrganisationsSection({ admin }: { admin: AdminState }) {
  const { t } = useI18n();
  const organisations = admin.overview?.organisations ?? [];
  return (
    <>
      <div>
        <OrganisationDialog admin={admin} />
      </div>
      <TableRegion label={t("admin.page.organisations")}>
        <Table aria-label={t("admin.page.organisations")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("admin.organisation.name")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.organisation.kind")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.organisation.tenantsColumn")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.organisation.retentionDays")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {organisations.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.name}</TableCell>
                <TableCell>{t(`organisationKind.${o.kind}`)}</TableCell>
                <TableCell>{o.tenantIds.join(", ")}</TableCell>
                <TableCell>{o.retentionDays}</TableCell>
                <TableCell>
                  <OrganisationDialog admin={admin} organisation={o} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </>
  );
}

/** Adds an organisation, or edits one (with the etag of the version shown). */
export function OrganisationDialog({ admin, organisation }: { admin: AdminState; organisation?: OrganisationAdminView }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<OrganisationKind>("municipalSocialServices");
  const [tenants, setTenants] = useState("");
  const [retention, setRetention] = useState("1825");
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const dialog = useFormDialog(() => {
    setRequestKey(newRequestKey());
    setName(organisation?.name ?? "");
    setKind(organisation?.kind ?? "municipalSocialServices");
    setTenants(organisation?.tenantIds.join("\n") ?? "");
    setRetention(String(organisation?.retentionDays ?? 1825));
  });
  const retentionDays = Number(retention);
  const valid = name.trim() !== "" && tenantIdsOf(tenants).length > 0 && Number.isInteger(retentionDays) && retentionDays >= 0;
  const submit = async () => {
    const body = { name: name.trim(), kind, tenantIds: tenantIdsOf(tenants), retentionDays };
    const ok = organisation
      ? await admin.run(
          () => admin.client.editOrganisation(admin.boardId, organisation.id, { ...body, etag: organisation.etag }),
          t("admin.organisation.saved", { name: body.name }),
        )
      : await admin.run(
          () => admin.client.addOrganisation(admin.boardId, body, requestKey),
          t("admin.organisation.added", { name: body.name }),
        );
    if (ok) dialog.close();
  };
  const title = organisation ? t("admin.organisation.editTitle", { name: organisation.name }) : t("admin.organisation.add");
  return (
    <FormDialog
      dialog={dialog}
      trigger={
        organisation ? (
          <Button size="small" aria-label={title}>
            {t("admin.edit")}
          </Button>
        ) : (
          <Button appearance="primary">{t("admin.organisation.add")}</Button>
        )
      }
      title={title}
      submitLabel={organisation ? t("entry.save") : t("admin.organisation.addSubmit")}
      submitDisabled={!valid}
      onSubmit={submit}
    >
      <Field label={t("admin.organisation.name")} required>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t("admin.organisation.kind")}>
        <Dropdown
          value={t(`organisationKind.${kind}`)}
          selectedOptions={[kind]}
          onOptionSelect={(_e, d) => setKind(d.optionValue as OrganisationKind)}
        >
          {ORGANISATION_KINDS.map((k) => (
            <Option key={k} value={k}>
              {t(`organisationKind.${k}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("admin.organisation.tenants")} hint={t("admin.organisation.tenantsHint")} required>
        <Textarea value={tenants} onChange={(_e, d) => setTenants(d.value)} />
      </Field>
      <Field label={t("admin.organisation.retentionDays")} hint={t("admin.organisation.retentionHint")} required>
        <Input type="number" min={0} max={3660} value={retention} onChange={(_e, d) => setRetention(d.value)} />
      </Field>
      <AdminMessages admin={{ error: admin.error, notice: undefined }} />
    </FormDialog>
  );
}
