import type { ApiErrorCode } from "@fact-board/contract";

/** A failed API call: the server's error code, and for a 409 the stored version as the caller may see it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "Network",
    message: string,
    readonly field?: string,
    readonly current?: unknown,
    /** Which domain rule refused a 403, when the server names one (e.g. another organisation's text). */
    readonly reason?: string,
    /** From a 503's Retry-After: when trying again is worthwhile. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** The board cannot be reached for a moment (storage down, or the server's 503): worth retrying by itself. */
  get isUnavailable(): boolean {
    return this.code === "StorageUnavailable" || this.code === "Network" || this.status === 503;
  }

  get isConflict(): boolean {
    return this.status === 409 || this.code === "Conflict";
  }
}

// The contract's codes as a value, without bringing zod into the bundle: typed as a Record over the
// contract's ApiErrorCode, so the compiler names any code added there and missing here.
const knownCodes: Record<ApiErrorCode, true> = {
  BadRequest: true,
  Unauthenticated: true,
  Forbidden: true,
  NotFound: true,
  Conflict: true,
  InvalidTransition: true,
  Invalid: true,
  AlreadyExists: true,
  TooManyRequests: true,
  PayloadTooLarge: true,
  Internal: true,
  StorageUnavailable: true,
};

const isApiErrorCode = (code: unknown): code is ApiErrorCode => typeof code === "string" && Object.hasOwn(knownCodes, code);

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return "Unauthenticated";
  if (status === 403) return "Forbidden";
  if (status === 404) return "NotFound";
  if (status === 409 || status === 412) return "Conflict";
  if (status === 413) return "PayloadTooLarge";
  if (status === 429) return "TooManyRequests";
  if (status >= 400 && status < 500) return "BadRequest";
  if (status === 503) return "StorageUnavailable";
  return "Internal";
}

/** The thrown error's own message (English, from the server or the browser): a developer's detail, never shown (see errorText.ts). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The server's words for a refused change: another organisation's text is refused by the authorship rule. */
export const isNotYourOrganisationsText = (error: unknown): boolean =>
  error instanceof ApiRequestError && error.reason === "NotYourOrganisationsText";

/** Reads `{error:{code,message,field?,current?,reason?}}` from a failed response; tolerates any other body. */
export async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const code = isApiErrorCode(error?.code) ? error.code : codeForStatus(response.status);
  const message = typeof error?.message === "string" ? error.message : response.statusText || `HTTP ${response.status}`;
  const field = typeof error?.field === "string" ? error.field : undefined;
  const reason = typeof error?.reason === "string" ? error.reason : undefined;
  const retryAfter = Number(response.headers.get("Retry-After") ?? NaN);
  return new ApiRequestError(
    response.status,
    code,
    message,
    field,
    error?.current,
    reason,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
