import { SignalState, SignalKind, Urgency } from "@fact-board/contract";
import { z } from "zod";
import type { BoardId, Signal } from "../domain/types";
import { type Mapping, boardPartition, entity, keyPart, parseStored, storedInstant } from "./entity-support";

// Signals, in the table Escalations (its name from when signals were called escalations; stored data keeps
// it): PartitionKey boardId, RowKey the signal id. The board load reads the open ones
// (a filter on state inside the partition); cards and deadlines read one by id.

export const signalKeys = (boardId: BoardId, signalId: string) => ({
  partitionKey: boardPartition(boardId),
  rowKey: keyPart(signalId, "Signal id"),
});

const SignalEntity = z.object({
  etag: z.string(),
  id: z.string(),
  boardId: z.string(),
  participantId: z.string(),
  fromOrganisationId: z.string(),
  toOrganisationId: z.string(),
  kind: SignalKind,
  urgency: Urgency,
  note: z.string().optional(),
  proposeBoard: z.boolean(),
  state: SignalState,
  raisedBy: z.string(),
  raisedAt: storedInstant,
  answerBy: storedInstant,
  remindersSent: z.number().int().nonnegative(),
  managerNotified: z.boolean(),
  notReachedSince: storedInstant.optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: storedInstant.optional(),
  resolvedBy: z.string().optional(),
  resolvedAt: storedInstant.optional(),
  declinedBy: z.string().optional(),
  declinedAt: storedInstant.optional(),
  declineReason: z.string().optional(),
});

export const signalMapping: Mapping<Signal> = {
  table: "Escalations",
  what: "Signal",
  toEntity: (e) =>
    entity(signalKeys(e.boardId, e.id), {
      id: e.id,
      boardId: e.boardId,
      participantId: e.participantId,
      fromOrganisationId: e.fromOrganisationId,
      toOrganisationId: e.toOrganisationId,
      kind: e.kind,
      urgency: e.urgency,
      note: e.note,
      proposeBoard: e.proposeBoard,
      state: e.state,
      raisedBy: e.raisedBy,
      raisedAt: e.raisedAt,
      answerBy: e.answerBy,
      remindersSent: e.remindersSent,
      managerNotified: e.managerNotified,
      notReachedSince: e.notReachedSince,
      acknowledgedBy: e.acknowledgedBy,
      acknowledgedAt: e.acknowledgedAt,
      resolvedBy: e.resolvedBy,
      resolvedAt: e.resolvedAt,
      declinedBy: e.declinedBy,
      declinedAt: e.declinedAt,
      declineReason: e.declineReason,
    }),
  fromEntity: (raw) => parseStored(SignalEntity, "Escalations", raw),
};
