import { z } from "zod";
import { ETag, FreeText, MemberId } from "./common";
import { Instant, LogReviewStatus } from "./vocabulary";

// Log review (loggkontroll) and the participant's log extract (PDL 8 kap. 5 §).

export const NameLogReviewersBody = z.strictObject({ memberIds: z.array(MemberId).max(20), etag: ETag.optional() });
export type NameLogReviewersBody = z.infer<typeof NameLogReviewersBody>;

/** An organisation's named log reviewers; `mayReview` says whether the viewer is one of them (the server decides). */
export const LogReviewersView = z.object({
  organisationId: z.string(),
  memberIds: z.array(z.string()),
  /** Absent until the organisation first names its reviewers. */
  etag: z.string().optional(),
  mayReview: z.boolean(),
});
export type LogReviewersView = z.infer<typeof LogReviewersView>;

export const MarkLogReviewItemBody = z.strictObject({
  status: LogReviewStatus,
  note: FreeText(300).optional(),
  etag: ETag,
});
export type MarkLogReviewItemBody = z.infer<typeof MarkLogReviewItemBody>;

export const LogReviewItemView = z.object({
  id: z.string(),
  at: Instant,
  lastAt: Instant,
  count: z.number().int().positive(),
  memberId: z.string(),
  role: z.string(),
  what: z.string(),
  participantCode: z.string(),
  channel: z.string(),
  rules: z.array(z.string()),
  mark: z.object({ status: LogReviewStatus, note: z.string().optional(), by: z.string(), at: Instant }).optional(),
  /** The reviewer's own access: another named reviewer marks it. */
  ownAccess: z.boolean(),
});

export const LogReviewView = z.object({
  organisationId: z.string(),
  period: z.string(),
  seed: z.string(),
  drawnAt: Instant,
  drawnBy: z.string(),
  population: z.number().int(),
  items: z.array(LogReviewItemView),
  marked: z.number().int(),
  followUp: z.number().int(),
  etag: z.string(),
});
export type LogReviewView = z.infer<typeof LogReviewView>;

export const LogExtract = z.object({
  participantCode: z.string(),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      /** The unit: the organisation's kind (FACT Board knows organisations, not their internal units). */
      unit: z.string(),
      accesses: z.array(z.object({ at: Instant, lastAt: Instant, count: z.number().int(), what: z.string(), channel: z.string() })),
    }),
  ),
});
export type LogExtract = z.infer<typeof LogExtract>;
