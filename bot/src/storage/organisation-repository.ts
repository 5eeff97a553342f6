import { odata } from "@azure/data-tables";
import type { BoardId, Organisation, OrganisationId } from "../domain/types";
import { EntityStore } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { organisationKeys, organisationMapping } from "./organisation-entity";
import type { Tables } from "./table-clients";

export interface OrganisationRepository {
  listForBoard(boardId: BoardId): Promise<Array<Stored<Organisation>>>;
  get(boardId: BoardId, organisationId: OrganisationId): Promise<Stored<Organisation> | undefined>;
  /** Idempotent for identical content; otherwise AlreadyExists. */
  create(organisation: Organisation): Promise<Stored<Organisation>>;
  /** Replaces the organisation (name, kind, tenants, retention); a stale ETag is a Conflict. */
  update(organisation: Organisation, options: { expectedEtag: string }): Promise<Stored<Organisation>>;
}

export function organisationRepository(tables: Tables): OrganisationRepository {
  const store = new EntityStore(tables.organisations, organisationMapping);
  return {
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    get: async (boardId, organisationId) => {
      const k = organisationKeys(boardId, organisationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    create: async (organisation) => store.create(organisation),
    update: async (organisation, { expectedEtag }) => store.update(organisation, "Replace", expectedEtag),
  };
}
