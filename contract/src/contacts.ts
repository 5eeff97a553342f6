import { z } from "zod";
import { ETag, MemberId, ShortText, withoutIdentityNumbers } from "./common";
import { BoardReason, CalendarDate, Instant, Priority, SignalKind, TakeOffOutcome, Urgency } from "./vocabulary";

// Contacts per organisation (Kontakter, issue 26 item 3) and "Dagens beslut" (item 8).

/**
 * A work phone number as Swedes write it: "+46 70 123 45 67", "010-123 45 67", "08-123 456 78".
 * Digits, spaces and dashes, an optional leading "+", 7–15 digits. Still guarded: ten digits
 * written without any separator may be a personal identity number (identity-number.ts), so
 * "0701234567" is refused and "070-123 45 67" is not.
 */
export const WorkPhone = withoutIdentityNumbers(
  z
    .string()
    .trim()
    .max(25)
    .regex(/^\+?[0-9](?:[0-9]|[ -](?=[0-9]))*$/, "a phone number like 070-123 45 67 or +46 70 123 45 67")
    .refine((s) => {
      const digits = s.replace(/\D/g, "").length;
      return digits >= 7 && digits <= 15;
    }, "a phone number of 7 to 15 digits"),
);

/** The own member record's work phone: `null` removes it. Saved under the member record's ETag. */
export const SetWorkPhoneBody = z.strictObject({ etag: ETag, phone: WorkPhone.nullable() });
export type SetWorkPhoneBody = z.infer<typeof SetWorkPhoneBody>;

export const WorkPhoneView = z.object({ memberId: z.string(), phone: z.string().optional(), etag: z.string() });
export type WorkPhoneView = z.infer<typeof WorkPhoneView>;

export const CONTACT_NAME_MAX = 60;
export const CONTACT_ROLE_MAX = 60;

/**
 * The own organisation's contact person for a participant: a member of the board (their name,
 * work phone and Teams chat come from the member record), or someone outside the board by name and
 * role. Without `etag` a first write; with it a change of the contact the person saw.
 */
export const SetContactBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("member"), memberId: MemberId, etag: ETag.optional() }),
  z.strictObject({
    kind: z.literal("external"),
    name: ShortText(CONTACT_NAME_MAX),
    role: ShortText(CONTACT_ROLE_MAX),
    phone: WorkPhone.optional(),
    etag: ETag.optional(),
  }),
]);
export type SetContactBody = z.infer<typeof SetContactBody>;

/** Who covers a contact who is away, for this participant: a member of the board. */
export const ContactSubstitute = z.object({
  memberId: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  chatUser: z.string().optional(),
});
export type ContactSubstitute = z.infer<typeof ContactSubstitute>;

/** One organisation's contact person, shown by that organisation's consent. */
export const ContactView = z.object({
  organisationId: z.string(),
  kind: z.enum(["member", "external"]),
  /** For a member: their display name; for someone outside the board: as written. */
  name: z.string(),
  /** For someone outside the board: their role as written (socialsekreterare, boendestödjare …). */
  role: z.string().optional(),
  /**
   * For a member: their id, and the user principal name a Teams chat link names (learnt when they
   * sign in; absent until then, and then there is no chat link). Personal data: only here.
   */
  memberId: z.string().optional(),
  chatUser: z.string().optional(),
  phone: z.string().optional(),
  /** For a member: registered as away today (Frånvaro). */
  away: z.boolean().optional(),
  /** For a member away today: the substitute whose cover includes this participant (Ersättare). */
  substitute: ContactSubstitute.optional(),
  writtenBy: z.string(),
  writtenAt: Instant,
  /** Only on the viewer's own organisation's contact: what a change sends back. */
  etag: z.string().optional(),
});
export type ContactView = z.infer<typeof ContactView>;

export const ContactsResponse = z.object({
  participantId: z.string(),
  /** Each organisation the viewer may read, at most one contact each, ordered by organisation id. */
  contacts: z.array(ContactView),
  /** Whether the viewer may set their own organisation's contact (the permission matrix). */
  mayWrite: z.boolean(),
});
export type ContactsResponse = z.infer<typeof ContactsResponse>;

/** One line of "Dagens beslut": something the viewer's organisation wrote today about a participant. */
export const DecisionLine = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("action"), what: z.string(), responsibleId: z.string(), byWhen: CalendarDate, done: z.boolean() }),
  z.object({ kind: z.literal("sinceLast"), text: z.string() }),
  z.object({ kind: z.literal("putOn"), reason: BoardReason, reasonNote: z.string().optional(), priority: Priority }),
  z.object({ kind: z.literal("takenOff"), outcome: TakeOffOutcome, note: z.string().optional() }),
  z.object({ kind: z.literal("priority"), priority: Priority }),
  z.object({
    kind: z.literal("signal"),
    signalKind: SignalKind,
    toOrganisationId: z.string(),
    urgency: Urgency,
    note: z.string().optional(),
  }),
]);
export type DecisionLine = z.infer<typeof DecisionLine>;

export const TodaysDecisions = z.object({
  date: CalendarDate,
  organisationId: z.string(),
  participants: z.array(z.object({ participantId: z.string(), code: z.string(), lines: z.array(DecisionLine) })),
});
export type TodaysDecisions = z.infer<typeof TodaysDecisions>;
