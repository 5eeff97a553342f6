import { ConsentBasis, RecordedConsentStatus } from "@fact-board/contract";
import { z } from "zod";
import type { BoardId, Consent, OrganisationId, ParticipantId } from "../domain/types";
import {
  type Mapping,
  boardPartition,
  entity,
  jsonColumn,
  keyPart,
  parseStored,
  storedDate,
  storedInstant,
  toJson,
} from "./entity-support";
import { participantKey } from "./participant-entity";

// Consents: PartitionKey boardId, RowKey `${participantId}_${disclosingOrganisationId}`: one
// consent per participant and disclosing organisation (each organisation has its own form).
// A board load reads the partition; one participant's consents are a RowKey range.

export const consentKeys = (boardId: BoardId, participantId: ParticipantId, disclosingOrganisationId: OrganisationId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${participantKey(participantId)}_${keyPart(disclosingOrganisationId, "Organisation id")}`,
});

/** RowKeys of one participant: from `${id}_` up to, not including, `${id}` + the character after "_". */
export const consentRowRange = (participantId: ParticipantId) => {
  const id = participantKey(participantId);
  return { from: `${id}_`, below: `${id}\u0060` };
};

const ConsentEntity = z.object({
  etag: z.string(),
  boardId: z.string(),
  participantId: z.string(),
  disclosingOrganisationId: z.string(),
  receivingOrganisationIds: jsonColumn(z.array(z.string())),
  basis: ConsentBasis,
  legalReference: z.string().optional(),
  status: RecordedConsentStatus,
  givenOn: storedDate.optional(),
  validUntil: storedDate.optional(),
  withdrawnOn: storedDate.optional(),
  recordedBy: z.string(),
  recordedAt: storedInstant,
});

export const consentMapping: Mapping<Consent> = {
  table: "Consents",
  what: "Consent",
  toEntity: (c) =>
    entity(consentKeys(c.boardId, c.participantId, c.disclosingOrganisationId), {
      boardId: c.boardId,
      participantId: c.participantId,
      disclosingOrganisationId: c.disclosingOrganisationId,
      receivingOrganisationIds: toJson(c.receivingOrganisationIds, "Receiving organisations"),
      basis: c.basis,
      legalReference: c.legalReference,
      status: c.status,
      givenOn: c.givenOn,
      validUntil: c.validUntil,
      withdrawnOn: c.withdrawnOn,
      recordedBy: c.recordedBy,
      recordedAt: c.recordedAt,
    }),
  fromEntity: (raw) => parseStored(ConsentEntity, "Consents", raw),
};
