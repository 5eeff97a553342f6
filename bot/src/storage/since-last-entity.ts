import { z } from "zod";
import type { SinceLastNote } from "../domain/since-last";
import type { BoardId, CalendarDate, OrganisationId, ParticipantId } from "../domain/types";
import { type Mapping, boardPartition, dateKey, entity, keyPart, parseStored, storedDate, storedInstant } from "./entity-support";

// Since-yesterday notes: PartitionKey boardId, RowKey `${date}_${participantId}_${organisationId}`:
// the key itself is the rule "one note per organisation, participant and meeting day" (a second
// create is a 409), and a RowKey range from the last meeting day finds the board's recent notes in
// one query.

export const sinceLastKeys = (boardId: BoardId, on: CalendarDate, participantId: ParticipantId, organisationId: OrganisationId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: `${dateKey(on, "Note date")}_${keyPart(participantId, "Participant id", { composite: true })}_${keyPart(organisationId, "Organisation id")}`,
});

const SinceLastEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  participantId: z.string(),
  entryId: z.string(),
  on: storedDate,
  organisationId: z.string(),
  text: z.string(),
  writtenBy: z.string(),
  writtenAt: storedInstant,
});

export const sinceLastMapping: Mapping<SinceLastNote> = {
  table: "SinceLastNotes",
  what: "Since-yesterday note",
  toEntity: (n) =>
    entity(sinceLastKeys(n.boardId, n.on, n.participantId, n.organisationId), {
      participantId: n.participantId,
      entryId: n.entryId,
      on: n.on,
      organisationId: n.organisationId,
      text: n.text,
      writtenBy: n.writtenBy,
      writtenAt: n.writtenAt,
    }),
  fromEntity: (raw) => {
    const { partitionKey, rowKey: _rowKey, ...n } = parseStored(SinceLastEntity, "SinceLastNotes", raw);
    return { boardId: partitionKey, ...n };
  },
};
