import { OrganisationKind } from "@fact-board/contract";
import { z } from "zod";
import type { Organisation } from "../domain/types";
import { type Mapping, boardPartition, entity, keyPart, parseStored } from "./entity-support";

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
  retentionDays: z.number().int().nonnegative(),
});

export const organisationMapping: Mapping<Organisation> = {
  table: "Organisations",
  what: "Organisation",
  toEntity: (o) =>
    entity(organisationKeys(o.boardId, o.id), { name: o.name, kind: o.kind, tenantId: o.tenantId, retentionDays: o.retentionDays }),
  fromEntity: (raw) => {
    const e = parseStored(OrganisationEntity, "Organisations", raw);
    return {
      id: e.rowKey,
      boardId: e.partitionKey,
      name: e.name,
      kind: e.kind,
      tenantId: e.tenantId,
      retentionDays: e.retentionDays,
      etag: e.etag,
    };
  },
};
