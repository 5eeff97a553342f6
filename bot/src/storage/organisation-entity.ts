import { OrganisationKind } from "@fact-board/contract";
import { z } from "zod";
import type { Organisation } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, keyPart, parseStored, toJson } from "./entity-support";

// Organisations: PartitionKey boardId, RowKey organisationId. A board load reads the partition.

export const organisationKeys = (boardId: string, organisationId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: keyPart(organisationId, "Organisation id"),
});

const OrganisationEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  tenantId: z.string(),
  additionalTenantIds: jsonColumn(z.array(z.string())).optional(),
  retentionDays: z.number().int().nonnegative(),
});

export const organisationMapping: Mapping<Organisation> = {
  table: "Organisations",
  what: "Organisation",
  toEntity: (o) =>
    entity(organisationKeys(o.boardId, o.id), {
      name: o.name,
      kind: o.kind,
      tenantId: o.tenantId,
      additionalTenantIds: o.additionalTenantIds?.length ? toJson(o.additionalTenantIds, "Tenants") : undefined,
      retentionDays: o.retentionDays,
    }),
  fromEntity: (raw) => {
    const e = parseStored(OrganisationEntity, "Organisations", raw);
    return {
      id: e.rowKey,
      boardId: e.partitionKey,
      name: e.name,
      kind: e.kind,
      tenantId: e.tenantId,
      ...(e.additionalTenantIds?.length ? { additionalTenantIds: e.additionalTenantIds } : {}),
      retentionDays: e.retentionDays,
      etag: e.etag,
    };
  },
};
