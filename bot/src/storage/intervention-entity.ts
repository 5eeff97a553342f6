import { InterventionKind } from "@fact-board/contract";
import { z } from "zod";
import type { Intervention } from "../domain/interventions";
import type { BoardId, ParticipantId } from "../domain/types";
import { type Mapping, boardPartition, entity, keyPart, parseStored, storedDate, storedInstant } from "./entity-support";
import { participantKey } from "./participant-entity";

// Interventions (Pågående insatser): PartitionKey boardId, RowKey `${participantId}_${interventionId}`:
// one participant's interventions are a RowKey prefix, the board's ongoing ones one partition query
// on `ended` (Table Storage cannot filter on an absent property).

export const interventionKeys = (boardId: BoardId, participantId: ParticipantId, id: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${participantKey(participantId)}_${keyPart(id, "Intervention id")}`,
});

const InterventionEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  participantId: z.string(),
  id: z.string(),
  organisationId: z.string(),
  kind: InterventionKind,
  label: z.string().optional(),
  startedOn: storedDate.optional(),
  endedOn: storedDate.optional(),
  ended: z.boolean(),
  writtenBy: z.string(),
  writtenAt: storedInstant,
});

export const interventionMapping: Mapping<Intervention> = {
  table: "Interventions",
  what: "Intervention",
  toEntity: (i) =>
    entity(interventionKeys(i.boardId, i.participantId, i.id), {
      participantId: i.participantId,
      id: i.id,
      organisationId: i.organisationId,
      kind: i.kind,
      label: i.label,
      startedOn: i.startedOn,
      endedOn: i.endedOn,
      ended: i.endedOn !== undefined,
      writtenBy: i.writtenBy,
      writtenAt: i.writtenAt,
    }),
  fromEntity: (raw) => {
    const { partitionKey, rowKey: _rowKey, ended: _ended, ...i } = parseStored(InterventionEntity, "Interventions", raw);
    return { boardId: partitionKey, ...i };
  },
};
