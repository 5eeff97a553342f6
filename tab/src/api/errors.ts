import type { ApiErrorCode } from "@fact-board/contract";

/** A failed API call: the server's error code, and for a 409 the stored version as the caller may see it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "Network",
    message: string,
    readonly field?: string,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  get isConflict(): boolean {
    return this.status === 409 || this.code === "Conflict";
  }
}

const knownCodes = new Set<string>([
  "BadRequest",
  "Unauthenticated",
  "Forbidden",
  "NotFound",
  "Conflict",
  "InvalidTransition",
  "Invalid",
  "AlreadyExists",
  "TooManyRequests",
  "PayloadTooLarge",
  "Internal",
]);

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return "Unauthenticated";
  if (status === 403) return "Forbidden";
  if (status === 404) return "NotFound";
  if (status === 409 || status === 412) return "Conflict";
  if (status === 413) return "PayloadTooLarge";
  if (status === 429) return "TooManyRequests";
  if (status >= 400 && status < 500) return "BadRequest";
  return "Internal";
}

/** Reads `{error:{code,message,field?,current?}}` from a failed response; tolerates any other body. */
export async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const code = typeof error?.code === "string" && knownCodes.has(error.code) ? (error.code as ApiErrorCode) : codeForStatus(response.status);
  const message = typeof error?.message === "string" ? error.message : response.statusText || `HTTP ${response.status}`;
  const field = typeof error?.field === "string" ? error.field : undefined;
  return new ApiRequestError(response.status, code, message, field, error?.current);
}
