import { BoardModel } from "@fact-board/contract";
import { z } from "zod";
import type { Board } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, parseStored, storedInstant, toJson } from "./entity-support";

// Boards: PartitionKey "board" (all boards in one small partition, so listing them is one query), RowKey boardId.

export const BOARD_PARTITION = "board";

export const boardKeys = (boardId: string) => ({
  partitionKey: BOARD_PARTITION,
  rowKey: boardPartition(boardId),
});

const BoardSettingsColumn = z.object({
  timeZone: z.string(),
  morningBriefAt: z.string(),
  briefChannelId: z.string().optional(),
  botPosts: z.object({ morningBriefInChannel: z.boolean(), signalCountsInChannel: z.boolean() }),
  codePattern: z.string().optional(),
  meetings: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        days: z.union([z.literal("workingDays"), z.array(z.enum(["mon", "tue", "wed", "thu", "fri"]))]),
        time: z.string(),
        organisationIds: z.array(z.string()),
        walkthroughOrder: z.enum(["board", "byOrganisation"]).optional(),
      }),
    )
    .optional(),
  model: BoardModel.optional(),
  about: z
    .object({ text: z.string(), link: z.string().optional(), version: z.number().int(), updatedAt: storedInstant, updatedBy: z.string() })
    .optional(),
  followUpTargets: z.array(z.object({ organisationId: z.string(), perYear: z.number().int().nonnegative() })).optional(),
});

const BoardEntity = z.object({
  rowKey: z.string(),
  etag: z.string(),
  name: z.string(),
  /**
   * A typed caseload, written before the caseload was counted (issue 24): ignored now, the server
   * counts the registered participants who have not left (domain/caseload.ts).
   */
  caseload: z.number().int().nonnegative().optional(),
  leadOrganisationId: z.string().optional(),
  allowedTenantIds: jsonColumn(z.array(z.string())),
  createdAt: storedInstant,
  fidelity: jsonColumn(
    z.object({ bandLowPercent: z.number(), bandHighPercent: z.number(), longStayDays: z.number().int() }).partial(),
  ).optional(),
  settings: jsonColumn(BoardSettingsColumn).optional(),
});

const stripUndefined = (s: z.output<typeof BoardSettingsColumn>): NonNullable<Board["settings"]> => ({
  timeZone: s.timeZone,
  morningBriefAt: s.morningBriefAt,
  botPosts: s.botPosts,
  ...(s.briefChannelId !== undefined ? { briefChannelId: s.briefChannelId } : {}),
  ...(s.codePattern !== undefined ? { codePattern: s.codePattern } : {}),
  ...(s.meetings !== undefined && s.meetings.length > 0 ? { meetings: s.meetings } : {}),
  ...(s.model !== undefined ? { model: s.model } : {}),
  // zod leaves an absent link out, so the parsed value is already the domain shape.
  ...(s.about !== undefined ? { about: s.about as NonNullable<NonNullable<Board["settings"]>["about"]> } : {}),
  ...(s.followUpTargets !== undefined && s.followUpTargets.length > 0 ? { followUpTargets: s.followUpTargets } : {}),
});

export const boardMapping: Mapping<Board> = {
  table: "Boards",
  what: "Board",
  toEntity: (b) =>
    entity(boardKeys(b.id), {
      name: b.name,
      leadOrganisationId: b.leadOrganisationId,
      allowedTenantIds: toJson(b.allowedTenantIds, "Allowed tenants"),
      createdAt: b.createdAt,
      ...(b.fidelity ? { fidelity: toJson(b.fidelity, "Fidelity settings") } : {}),
      settings: b.settings ? toJson(b.settings, "Board settings") : undefined,
    }),
  fromEntity: (raw) => {
    const e = parseStored(BoardEntity, "Boards", raw);
    return {
      id: e.rowKey,
      name: e.name,
      ...(e.leadOrganisationId ? { leadOrganisationId: e.leadOrganisationId } : {}),
      allowedTenantIds: e.allowedTenantIds,
      createdAt: e.createdAt,
      ...(e.fidelity ? { fidelity: e.fidelity } : {}),
      ...(e.settings ? { settings: stripUndefined(e.settings) } : {}),
      etag: e.etag,
    };
  },
};
