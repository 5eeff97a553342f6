import { type ApiError, type ApiErrorCode, isPersonalIdentityNumberIssue } from "@fact-board/contract";
import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import { isUnauthenticated } from "../auth";
import { Invalid, isDomainError, type DomainError } from "../domain/errors";
import type { Logger } from "../logger";
import { isStorageUnavailable } from "../core";

/** Seconds the client should wait before trying again when storage is unavailable. */
export const STORAGE_RETRY_AFTER_SECONDS = 3;

// The one place errors become HTTP answers: a stable code, a message a person can act on, never a
// stack trace or an internal id. Unexpected errors are logged by kind only (no request data).

const statusOfDomain: Record<DomainError["code"], number> = {
  NotFound: 404,
  Forbidden: 403,
  Conflict: 409,
  AlreadyExists: 409,
  InvalidTransition: 409,
  Invalid: 400,
  TooManyRequests: 429,
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function toApiError(e: unknown): { status: number; body: ApiError } {
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const field = issue?.path.join(".") || undefined;
    const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "The request is not valid.";
    // A personal identity number in free text has a stable reason, so the tab can say it in Swedish, naming the field.
    const reason = issue && isPersonalIdentityNumberIssue(issue) ? { reason: "PersonalIdentityNumber" as const } : {};
    return { status: 400, body: { error: { code: "BadRequest", message, ...(field ? { field } : {}), ...reason } } };
  }
  if (isUnauthenticated(e)) return { status: 401, body: { error: { code: "Unauthenticated", message: e.message } } };
  if (isDomainError(e)) {
    const current = "current" in e && e.current !== undefined ? { current: e.current } : {};
    const field = e instanceof Invalid && e.field ? { field: e.field } : {};
    // A refusal by a named rule keeps its code and says which rule, so the tab and cards can word it.
    const reason = e.reason ? { reason: e.reason } : {};
    return { status: statusOfDomain[e.code], body: { error: { code: e.code, message: e.message, ...field, ...current, ...reason } } };
  }
  // An access log that could not be written because storage is down is the same outage.
  if (isStorageUnavailable(e) || (e instanceof Error && isStorageUnavailable(e.cause))) {
    return {
      status: 503,
      body: {
        error: {
          code: "StorageUnavailable",
          message: "The board cannot be reached right now. Nothing was changed; try again in a moment.",
        },
      },
    };
  }
  if (e instanceof HttpError) return { status: e.status, body: { error: { code: e.code, message: e.message } } };
  const status = (e as { status?: number; type?: string }).status;
  if (status === 413) return { status, body: { error: { code: "PayloadTooLarge", message: "The request body is too large." } } };
  if (status === 400 && (e as { type?: string }).type === "entity.parse.failed") {
    return { status, body: { error: { code: "BadRequest", message: "The request body is not valid JSON." } } };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: { error: { code: "BadRequest", message: "The request is not valid." } } };
  }
  return { status: 500, body: { error: { code: "Internal", message: "Something went wrong on our side. Try again in a moment." } } };
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toApiError(err);
    if (status === 503) log.warn({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, "storage unavailable");
    else if (status >= 500) log.error({ err: { name: (err as Error)?.name, code: (err as { code?: string })?.code } }, "request failed");
    if (res.headersSent) return;
    if (status === 503) res.setHeader("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
    res.status(status).json(body);
  };
}
