import type { PipelinePolicy } from "@azure/core-rest-pipeline";

// How long a storage call may take before we give up and say so. The SDK's defaults (3 retries
// with exponential back-off, no timeout) made every API request hang 5–7.6 s when storage was
// down, and then answer 500. A person at the board waits at most about two seconds: each
// operation gets one overall budget (an abort signal covering every try and every pause between
// them), each try its own timeout, and one quick retry for a dropped connection or a 5xx.

export interface StorageRequestPolicy {
  /** The whole operation, every try and pause included. */
  budgetMs: number;
  /** One try (one HTTP request). */
  tryTimeoutMs: number;
  /** Retries after the first try (connection refused/reset, 408, 5xx, 429). */
  maxRetries: number;
  retryDelayMs: number;
}

/**
 * The policy for an overall budget: a hanging try may use all of it; a try that fails fast
 * (refused, reset, 5xx) gets one more after a short pause.
 */
export function policyFor(budgetMs: number): StorageRequestPolicy {
  return { budgetMs, tryTimeoutMs: budgetMs, maxRetries: 1, retryDelayMs: Math.min(150, Math.round(budgetMs / 10)) };
}

/** Interactive: a request from the tab or a card. The API answers 503 within ~2 s when storage is gone. */
export const INTERACTIVE_POLICY: StorageRequestPolicy = policyFor(1800);

/**
 * Sets the budget on every operation that does not bring its own abort signal (the readiness
 * probe brings a shorter one). Runs once per operation, before the SDK's retry policy.
 */
export function budgetPolicy(policy: StorageRequestPolicy): PipelinePolicy {
  return {
    name: "factStorageBudget",
    sendRequest(request, next) {
      request.abortSignal ??= AbortSignal.timeout(policy.budgetMs);
      if (!request.timeout || request.timeout > policy.tryTimeoutMs) request.timeout = policy.tryTimeoutMs;
      return next(request);
    },
  };
}

/** TableClient options for the policy. */
export function clientOptionsFor(policy: StorageRequestPolicy) {
  return {
    retryOptions: { maxRetries: policy.maxRetries, retryDelayInMs: policy.retryDelayMs, maxRetryDelayInMs: policy.retryDelayMs * 2 },
    additionalPolicies: [{ policy: budgetPolicy(policy), position: "perCall" as const }],
  };
}
