import { Conflict } from "../domain/errors";
import type { LogReview, LogReviewers } from "../domain/log-review";
import type { BoardId, OrganisationId } from "../domain/types";
import { EntityStore } from "./entity-store";
import type { Stored } from "./entity-support";
import { logReviewKeys, logReviewMapping, logReviewersKeys, logReviewersMapping } from "./log-review-entity";
import type { Tables } from "./table-clients";

export interface LogReviewRepository {
  get(boardId: BoardId, organisationId: OrganisationId, period: string): Promise<Stored<LogReview> | undefined>;
  /** The period's review is drawn once: a second draw finds the stored one (Conflict carrying it when it differs). */
  create(review: LogReview): Promise<Stored<LogReview>>;
  /** Marks are saved with a guarded Replace: two reviewers marking at once cannot lose one's mark. */
  update(review: LogReview, options: { expectedEtag: string }): Promise<Stored<LogReview>>;
  getReviewers(boardId: BoardId, organisationId: OrganisationId): Promise<Stored<LogReviewers> | undefined>;
  /** Without an ETag: the first naming; with one: a guarded Replace. */
  saveReviewers(reviewers: LogReviewers, options?: { expectedEtag?: string }): Promise<Stored<LogReviewers>>;
}

export function logReviewRepository(tables: Tables): LogReviewRepository {
  const reviews = new EntityStore(tables.logReviews, logReviewMapping);
  const reviewers = new EntityStore(tables.logReviews, logReviewersMapping);
  return {
    get: async (boardId, organisationId, period) => {
      const k = logReviewKeys(boardId, organisationId, period);
      return reviews.get(k.partitionKey, k.rowKey);
    },
    create: async (review) => reviews.create(review, (existing) => new Conflict(logReviewMapping.what, existing)),
    update: async (review, { expectedEtag }) => reviews.update(review, "Replace", expectedEtag),
    getReviewers: async (boardId, organisationId) => {
      const k = logReviewersKeys(boardId, organisationId);
      return reviewers.get(k.partitionKey, k.rowKey);
    },
    saveReviewers: async (r, options = {}) =>
      options.expectedEtag === undefined
        ? reviewers.create(r, (existing) => new Conflict(logReviewersMapping.what, existing))
        : reviewers.update(r, "Replace", options.expectedEtag),
  };
}
