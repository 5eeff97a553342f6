import { z } from "zod";
import type { RaisedParticipant } from "../domain/raise-today";
import type { BoardId, CalendarDate, OrganisationId, ParticipantId } from "../domain/types";
import { type Mapping, boardPartition, dateKey, entity, keyPart, parseStored, storedDate, storedInstant } from "./entity-support";

// Participants raised for today (Ta upp idag): PartitionKey boardId, RowKey
// `${date}_${participantId}_${organisationId}`: the key is the rule "one raise per organisation,
// participant and meeting day" (a second create is a 409), and one RowKey range reads a day's raises.

export const raisedKeys = (boardId: BoardId, on: CalendarDate, participantId: ParticipantId, organisationId: OrganisationId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${dateKey(on, "Raise date")}_${keyPart(participantId, "Participant id", { composite: true })}_${keyPart(organisationId, "Organisation id")}`,
});

const RaisedEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  on: storedDate,
  participantId: z.string(),
  organisationId: z.string(),
  reason: z.string(),
  raisedBy: z.string(),
  raisedAt: storedInstant,
});

export const raisedMapping: Mapping<RaisedParticipant> = {
  table: "RaisedParticipants",
  what: "Raised participant",
  toEntity: (r) =>
    entity(raisedKeys(r.boardId, r.on, r.participantId, r.organisationId), {
      on: r.on,
      participantId: r.participantId,
      organisationId: r.organisationId,
      reason: r.reason,
      raisedBy: r.raisedBy,
      raisedAt: r.raisedAt,
    }),
  fromEntity: (raw) => {
    const { partitionKey, rowKey: _rowKey, ...r } = parseStored(RaisedEntity, "RaisedParticipants", raw);
    return { boardId: partitionKey, ...r };
  },
};
