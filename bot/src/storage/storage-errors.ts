import { AlreadyExists, Conflict } from "../domain/errors";

// The one place where Table Storage failures become domain errors:
//   404 on a read          -> undefined
//   404 on a guarded write -> Conflict (the thing was deleted since it was read)
//   409                    -> AlreadyExists
//   412                    -> Conflict (stale ETag)
//   anything else          -> rethrown unchanged, never swallowed.

interface StorageFailure {
  statusCode?: number;
  code?: string;
  details?: { odataError?: { code?: string } };
}

export const statusOf = (e: unknown): number | undefined =>
  typeof e === "object" && e !== null ? (e as StorageFailure).statusCode : undefined;

export const isStatus = (e: unknown, status: number): boolean => statusOf(e) === status;

/** The service's error code; a stale ETag puts it in details.odataError.code and leaves `code` undefined. */
export const storageCodeOf = (e: unknown): string | undefined => {
  if (typeof e !== "object" || e === null) return undefined;
  const f = e as StorageFailure;
  return f.code ?? f.details?.odataError?.code;
};

/** A stored entity that no longer matches its schema: a bug or a manual edit, never a user error. */
export class StoredEntityInvalid extends Error {
  constructor(
    readonly table: string,
    readonly partitionKey: string,
    readonly rowKey: string,
    detail: string,
  ) {
    super(`Stored entity ${table}(${partitionKey}, ${rowKey}) is invalid: ${detail}`);
  }
}

/** Point reads: 404 becomes undefined, everything else is translated. */
export async function readOrUndefined<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (isStatus(e, 404)) return undefined;
    throw translate(e, what);
  }
}

/**
 * Writes: translates the failure and throws it. `current` is read only when a Conflict is
 * raised, so the caller can show what is stored now.
 */
export async function write<T>(what: string, op: () => Promise<T>, current?: () => Promise<unknown>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    const translated = translate(e, what);
    if (translated instanceof Conflict && current) throw new Conflict(what, await current());
    throw translated;
  }
}

/** Maps a storage failure to the error to throw; unknown failures come back as they are. */
export function translate(e: unknown, what: string): unknown {
  switch (statusOf(e)) {
    case 404:
      // A missing table is a deployment fault, not a concurrent delete.
      return storageCodeOf(e) === "TableNotFound" ? e : new Conflict(what);
    case 409:
      return new AlreadyExists(what);
    case 412:
      return new Conflict(what);
    default:
      return e;
  }
}

// Storage that cannot be reached (refused, reset, timed out, our own budget spent) or that says
// it is overloaded (5xx) is not a bug of ours: the API answers 503 StorageUnavailable with
// Retry-After, and the tab retries by itself.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "REQUEST_SEND_ERROR",
]);

export function isStorageUnavailable(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  if ((e as { name?: string }).name === "AbortError" || (e as { name?: string }).name === "TimeoutError") return true;
  const status = statusOf(e);
  if (status === undefined) return UNREACHABLE_CODES.has((e as StorageFailure).code ?? "");
  return status === 408 || status === 500 || status === 502 || status === 503 || status === 504;
}
