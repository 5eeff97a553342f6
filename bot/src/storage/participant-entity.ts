import { PlanStatus } from "@fact-board/contract";
import { z } from "zod";
import { NO_PLANS } from "../domain/plans";
import type { BoardId, Participant, ParticipantId, ParticipantPlans } from "../domain/types";
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

const PlansColumn = z.object({
  crisisPlan: PlanStatus,
  earlySignsPlan: PlanStatus,
  sip: z.object({
    held: PlanStatus,
    heldOn: storedDate.optional(),
    nextFollowUpOn: storedDate.optional(),
    convenedBy: z.string().optional(),
  }),
  updatedAt: storedInstant.optional(),
  updatedBy: z.string().optional(),
});

const GoalColumn = z.object({ text: z.string(), organisationId: z.string(), writtenBy: z.string(), writtenAt: storedInstant });

/** zod leaves absent optional keys out, so the parsed column is already the domain shape. */
const plansOf = (stored: z.output<typeof PlansColumn> | undefined): ParticipantPlans => (stored ? (stored as ParticipantPlans) : NO_PLANS);

const ParticipantEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  code: z.string(),
  initials: z.string(),
  caseManagerId: z.string(),
  writtenBy: z.string(),
  organisationIds: jsonColumn(z.array(z.string())),
  /**
   * The plans as people stated them (issue 24). Absent on rows written before plans could be set:
   * those rows' sipInPlace, sipDate, crisisPlan and earlySignsPlan columns were never set by a person
   * (nothing could set them; every participant got false), so they are ignored and the plans read
   * as not set ("Ej angivet"), never as "no".
   */
  plans: jsonColumn(PlansColumn).optional(),
  /** The participant's own goal (issue 26); absent on every row before it, and when none is written. */
  goal: jsonColumn(GoalColumn).optional(),
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
      plans: toJson(p.plans, "Plans"),
      goal: p.goal && toJson(p.goal, "Goal"),
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
      plans: plansOf(e.plans),
      onBoard: e.onBoard,
      createdAt: e.createdAt,
      etag: e.etag,
    };
    if (e.goal !== undefined) participant.goal = e.goal;
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
  plans: NO_PLANS,
  onBoard: false,
  createdAt: p.createdAt,
  ...(p.leftTeamOn === undefined ? {} : { leftTeamOn: p.leftTeamOn }),
  erasedAt,
});
