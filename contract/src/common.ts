import { z } from "zod";
import { PERSONAL_IDENTITY_NUMBER, PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "./identity-number";

// Values every part of the contract uses.
// Ids travel in paths and keys: letters, digits, dot, dash, underscore only.
export const Id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash, underscore");
/**
 * Sent once per form with a create (the `Idempotency-Key` header): the same key again, even
 * concurrently, is answered with what the first request made.
 */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, dash, underscore");
/** Compared with what is stored, never stored or shown: not free text. */
export const ETag = z.string().min(1).max(200);
/** A member's id (`tenantId.objectId`): refers to a member, never typed by a person. */
export const MemberId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, "a member id");
/** A Teams chat or channel id ("19:…@thread.…"), as Teams gives it. */
export const TeamsConversationId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^19:[A-Za-z0-9_.@:-]+$/, "a Teams chat or channel id");

/** Refuses anything that looks like a personal identity number, with a stable code (identity-number.ts). */
export const withoutIdentityNumbers = <S extends z.ZodString>(text: S): S =>
  text.refine((t) => !looksLikePersonalIdentityNumber(t), {
    message: PERSONAL_IDENTITY_NUMBER_REFUSED,
    params: { reason: PERSONAL_IDENTITY_NUMBER },
  });
/**
 * Every field a person types text into is one of these two, so a new field is guarded by
 * construction (tests/identity-numbers/schemas.test.ts walks every request and card schema to check):
 * `ShortText` is trimmed and required, `FreeText` may be empty.
 */
export const ShortText = (max: number) => withoutIdentityNumbers(z.string().trim().min(1).max(max));
export const FreeText = (max: number) => withoutIdentityNumbers(z.string().max(max));

export const ParticipantCode = z
  .string()
  .trim()
  .regex(/^[A-ZÅÄÖ]{2,4}-\d{3,4}$/, "a pseudonymous code like HBG-017 (never a personal identity number)");
export const Initials = z
  .string()
  .trim()
  .regex(/^[A-ZÅÄÖ]{1,3}(\.?[A-ZÅÄÖ]){0,2}\.?$/, "initials like A.B.");

export { boardTabEntityId } from "./tab-entity";
