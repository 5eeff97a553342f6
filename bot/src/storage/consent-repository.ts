import { type TransactionAction, odata } from "@azure/data-tables";
import { Conflict } from "../domain/errors";
import type { BoardId, Consent, OrganisationId, ParticipantId } from "../domain/types";
import { consentKeys, consentMapping, consentRowRange } from "./consent-entity";
import { EntityStore, MAX_BATCH } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { write } from "./storage-errors";
import type { Tables } from "./table-clients";

export interface ConsentRepository {
  /** Every consent on the board (the board load needs them all to decide who sees what). */
  listForBoard(boardId: BoardId): Promise<Array<Stored<Consent>>>;
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<Consent>>>;
  get(boardId: BoardId, participantId: ParticipantId, disclosingOrganisationId: OrganisationId): Promise<Stored<Consent> | undefined>;
  /**
   * Records a consent. Without an ETag it must be the first record for this participant and
   * organisation: if one exists, Conflict carrying it (unless identical: a retry). With an ETag
   * it replaces the record read at that ETag.
   */
  save(consent: Consent, options?: { expectedEtag?: string }): Promise<Stored<Consent>>;
  /** First records of many consents of one board (an import), in transactions of 100; an existing one fails its transaction. */
  createMany(consents: Consent[]): Promise<void>;
  delete(
    boardId: BoardId,
    participantId: ParticipantId,
    disclosingOrganisationId: OrganisationId,
    options: { expectedEtag: string },
  ): Promise<void>;
  /** Erasure: removes every consent record of the participant, unconditionally. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

export function consentRepository(tables: Tables): ConsentRepository {
  const store = new EntityStore(tables.consents, consentMapping);
  const listForParticipant = (boardId: BoardId, participantId: ParticipantId) => {
    const { from, below } = consentRowRange(participantId);
    return store.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${from} and RowKey lt ${below}`);
  };
  return {
    listForBoard: async (boardId) => store.list(odata`PartitionKey eq ${boardPartition(boardId)}`),
    listForParticipant,
    get: async (boardId, participantId, organisationId) => {
      const k = consentKeys(boardId, participantId, organisationId);
      return store.get(k.partitionKey, k.rowKey);
    },
    save: async (consent, options = {}) =>
      options.expectedEtag === undefined
        ? store.create(consent, (existing) => new Conflict(consentMapping.what, existing))
        : store.update(consent, "Replace", options.expectedEtag),
    createMany: async (consents) => store.createMany(consents),
    async delete(boardId, participantId, organisationId, { expectedEtag }) {
      const k = consentKeys(boardId, participantId, organisationId);
      await store.delete(k.partitionKey, k.rowKey, expectedEtag);
    },
    async deleteForParticipant(boardId, participantId) {
      const rows = await listForParticipant(boardId, participantId);
      for (let i = 0; i < rows.length; i += MAX_BATCH) {
        const actions = rows
          .slice(i, i + MAX_BATCH)
          .map((c): TransactionAction => ["delete", consentKeys(c.boardId, c.participantId, c.disclosingOrganisationId)]);
        await write("Consent", () => tables.consents.submitTransaction(actions));
      }
    },
  };
}
