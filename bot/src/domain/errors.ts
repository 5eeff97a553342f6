import type { RefusalReason } from "@fact-board/contract";

// Errors are values with a stable code; one place (api/errors.ts, bot card replies) maps them to
// HTTP statuses and card messages. Messages are for people and never carry personal data.

export type DomainErrorCode = "NotFound" | "Forbidden" | "Conflict" | "InvalidTransition" | "Invalid" | "AlreadyExists" | "TooManyRequests";
export type { RefusalReason };

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Which rule refused, when the tab and cards word it themselves (the message stays English). */
  readonly reason?: RefusalReason;
}

export class NotFound extends DomainError {
  readonly code = "NotFound" as const;
  constructor(readonly what: string) {
    super(`${what} was not found.`);
  }
}

export class Forbidden extends DomainError {
  readonly code = "Forbidden" as const;
  constructor(
    message = "You are not allowed to do this.",
    override readonly reason?: RefusalReason,
  ) {
    super(message);
  }
}

/**
 * A change that would put one organisation's words under another's name (authorship.ts). Still a
 * 403 Forbidden; `reason` tells the tab and cards which refusal it is, so they can say it in Swedish.
 */
export class NotYourOrganisationsText extends Forbidden {
  override readonly reason = "NotYourOrganisationsText" as const;
}

/** Someone else changed the thing since it was read; `current` is what is stored now. */
export class Conflict<T = unknown> extends DomainError {
  readonly code = "Conflict" as const;
  constructor(
    readonly what: string,
    readonly current?: T,
  ) {
    super(`${what} was changed by someone else. Reload and apply your change again.`);
  }
}

export class AlreadyExists extends DomainError {
  readonly code = "AlreadyExists" as const;
  constructor(readonly what: string) {
    super(`${what} already exists.`);
  }
}

export class InvalidTransition extends DomainError {
  readonly code = "InvalidTransition" as const;
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly event: string,
  ) {
    super(`Cannot ${event} a ${machine} that is ${from}.`);
  }
}

export class Invalid extends DomainError {
  readonly code = "Invalid" as const;
  /** The request field at fault (as "list.index" for one element of a list), when there is one. */
  constructor(
    message: string,
    readonly field?: string,
    override readonly reason?: RefusalReason,
  ) {
    super(message);
  }
}

/** A limit on how much may be pending or asked at once (e.g. join requests per tenant): try again later. */
export class TooMany extends DomainError {
  readonly code = "TooManyRequests" as const;
  constructor(
    message: string,
    override readonly reason?: RefusalReason,
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
