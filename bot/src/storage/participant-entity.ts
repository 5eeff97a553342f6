import { z } from "zod";
import type { BoardId, Participant, ParticipantId } from "../domain/types";
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

// Participants: PartitionKey boardId, RowKey participantId. A board load reads the partition
// (~220 rows: the caseload and who is on the board). The id sits left of "_" in the Consents
// RowKey and the EntryHistory PartitionKey, so it may not hold "_".

export const participantKeys = (boardId: BoardId, participantId: ParticipantId) => ({
  partitionKey: boardPartition(boardId),
  rowKey: participantKey(participantId),
});

export const participantKey = (participantId: ParticipantId): string => keyPart(participantId, "Participant id", { composite: true });

const ParticipantEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  code: z.string(),
  initials: z.string(),
  caseManagerId: z.string(),
  writtenBy: z.string(),
  organisationIds: jsonColumn(z.array(z.string())),
  sipInPlace: z.boolean(),
  sipDate: storedDate.optional(),
  crisisPlan: z.boolean(),
  earlySignsPlan: z.boolean(),
  onBoard: z.boolean(),
  createdAt: storedInstant,
  leftTeamOn: storedDate.optional(),
  erasedAt: storedInstant.optional(),
});

export const participantMapping: Mapping<Participant> = {
  table: "Participants",
  what: "Participant",
  toEntity: (p) =>
    entity(participantKeys(p.boardId, p.id), {
      code: p.code,
      initials: p.initials,
      caseManagerId: p.caseManagerId,
      writtenBy: p.writtenBy,
      organisationIds: toJson(p.organisationIds, "Organisations involved"),
      sipInPlace: p.sip.inPlace,
      sipDate: p.sip.date,
      crisisPlan: p.crisisPlan,
      earlySignsPlan: p.earlySignsPlan,
      onBoard: p.onBoard,
      createdAt: p.createdAt,
      leftTeamOn: p.leftTeamOn,
      erasedAt: p.erasedAt,
    }),
  fromEntity: (raw) => {
    const e = parseStored(ParticipantEntity, "Participants", raw);
    const participant: Participant & { etag: string } = {
      id: e.rowKey,
      boardId: e.partitionKey,
      code: e.code,
      initials: e.initials,
      caseManagerId: e.caseManagerId,
      writtenBy: e.writtenBy,
      organisationIds: e.organisationIds,
      sip: e.sipDate === undefined ? { inPlace: e.sipInPlace } : { inPlace: e.sipInPlace, date: e.sipDate },
      crisisPlan: e.crisisPlan,
      earlySignsPlan: e.earlySignsPlan,
      onBoard: e.onBoard,
      createdAt: e.createdAt,
      etag: e.etag,
    };
    if (e.leftTeamOn !== undefined) participant.leftTeamOn = e.leftTeamOn;
    if (e.erasedAt !== undefined) participant.erasedAt = e.erasedAt;
    return participant;
  },
};

/**
 * What remains after erasure: the id, the organisations involved, the dates, for de-identified
 * counts. Code, initials, case manager and plans go. (The audit log keeps its own copy of the
 * code, as the law on access logs requires.)
 */
export const erasedParticipant = (p: Participant, erasedAt: string): Participant => ({
  id: p.id,
  boardId: p.boardId,
  code: "",
  initials: "",
  caseManagerId: "",
  writtenBy: p.writtenBy,
  organisationIds: p.organisationIds,
  sip: { inPlace: false },
  crisisPlan: false,
  earlySignsPlan: false,
  onBoard: false,
  createdAt: p.createdAt,
  ...(p.leftTeamOn === undefined ? {} : { leftTeamOn: p.leftTeamOn }),
  erasedAt,
});
