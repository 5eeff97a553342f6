import { z } from "zod";
import {
  AbsenceReason,
  BoardReason,
  CalendarDate,
  ETag,
  FreeText,
  Id,
  MemberId,
  PlanStatus,
  Priority,
  ShortText,
  SignalKind,
  Urgency,
} from "@fact-board/contract";

// The Action.Execute verbs and the `data` each carries. Cards put ids in `data`; Teams merges the
// card's input values into it. All of it is untrusted: the bot parses it with these schemas and
// then looks up the actor and the thing in storage. Nothing here says who the clicker is. What a
// person types is ShortText or FreeText (never a personal identity number), like the API's bodies.

const refs = {
  consent: z.object({ card: z.literal("consent"), boardId: Id, participantId: Id, disclosingOrganisationId: Id }),
  signal: z.object({ card: z.literal("signal"), boardId: Id, signalId: Id, audience: z.enum(["personal", "channel"]) }),
  cover: z.object({ card: z.literal("cover"), boardId: Id, absenceId: Id }),
  coverAlert: z.object({ card: z.literal("coverAlert"), boardId: Id, absenceId: Id }),
  absence: z.object({ card: z.literal("absence"), boardId: Id, absenceId: Id }),
  signalAlert: z.object({ card: z.literal("signalAlert"), boardId: Id, signalId: Id }),
  morningBrief: z.object({ card: z.literal("morningBrief"), boardId: Id, meetingId: Id.optional() }),
  help: z.object({ card: z.literal("help") }),
  absenceForm: z.object({ card: z.literal("absenceForm"), boardId: Id }),
  signalForm: z.object({ card: z.literal("signalForm"), boardId: Id }),
  myParticipants: z.object({ card: z.literal("myParticipants"), boardId: Id }),
  participantPlans: z.object({ card: z.literal("participantPlans"), boardId: Id, participantId: Id }),
};

/** Which card a refresh or an action is about: enough ids to rebuild it from storage. */
export const CardRef = z.discriminatedUnion("card", [
  refs.consent,
  refs.signal,
  refs.cover,
  refs.coverAlert,
  refs.absence,
  refs.signalAlert,
  refs.morningBrief,
  refs.help,
  refs.absenceForm,
  refs.signalForm,
  refs.myParticipants,
  refs.participantPlans,
]);
export type CardRef = z.infer<typeof CardRef>;
export type CardKind = CardRef["card"];
export type RefOf<K extends CardKind> = Extract<CardRef, { card: K }>;

const refOf = <K extends keyof typeof refs>(kind: K): (typeof refs)[K] => refs[kind];

/** Input.ChoiceSet with isMultiSelect sends "a,b,c": ids, not text. */
export const IdList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  )
  .pipe(z.array(Id).max(10));
/** Input.Toggle sends "true"/"false". */
const toggle = z.enum(["true", "false"]).transform((v) => v === "true");
const emptyAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Input.Date sends "" when left empty. */
const optionalDate = z.preprocess(emptyAsUndefined, CalendarDate.optional());
const optionalText = (max: number) =>
  FreeText(max)
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

export const VERBS = {
  refresh: CardRef,
  "consent.given": refOf("consent").extend({
    etag: ETag.optional(),
    givenOn: CalendarDate,
    validUntil: CalendarDate,
    receivingOrganisationIds: IdList,
  }),
  "consent.declined": refOf("consent").extend({ etag: ETag.optional(), receivingOrganisationIds: IdList.optional() }),
  "consent.withdrawn": refOf("consent").extend({
    etag: ETag.optional(),
    withdrawnOn: CalendarDate,
    receivingOrganisationIds: IdList.optional(),
  }),
  "consent.remindLater": refOf("consent").extend({ days: z.coerce.number().int().min(1).max(30) }),
  "signal.acknowledge": refOf("signal").extend({ etag: ETag }),
  "signal.resolve": refOf("signal").extend({ etag: ETag }),
  "signal.decline": refOf("signal").extend({ etag: ETag, declineReason: ShortText(200) }),
  "signal.putOnBoard": refOf("signal").extend({
    participantId: Id,
    reason: BoardReason,
    priority: Priority,
    nextEvaluationOn: CalendarDate,
  }),
  "cover.accept": refOf("cover").extend({ etag: ETag }),
  "cover.decline": refOf("cover").extend({ etag: ETag }),
  /** From the absent person's card, or their manager's alert: cancelling twice is one cancel. */
  "absence.cancel": z.discriminatedUnion("card", [refOf("absence").extend({ etag: ETag }), refOf("coverAlert").extend({ etag: ETag })]),
  "absence.register": refOf("absenceForm").extend({
    from: CalendarDate,
    to: CalendarDate,
    reason: AbsenceReason,
    memberId: MemberId.optional(),
    /** Chosen when the form is built (forms posted before it existed carry none). */
    requestId: Id.optional(),
  }),
  "signal.raise": refOf("signalForm").extend({
    participantId: Id,
    toOrganisationId: Id,
    kind: SignalKind,
    urgency: Urgency,
    note: optionalText(300),
    proposeBoard: toggle.optional().default(false),
    /** Chosen when the form is built, so a double click raises one signal. */
    requestId: Id,
  }),
  "open.help": refOf("help"),
  /** Stored for the person; every card from then on is in that language. */
  "language.choose": refOf("help").extend({ language: z.enum(["sv", "en"]) }),
  "open.absenceForm": refOf("absenceForm"),
  "open.signalForm": refOf("signalForm"),
  "open.myParticipants": refOf("myParticipants"),
  "open.participantPlans": refOf("participantPlans"),
  /** The plans form: every input is sent; an empty date or convener says none. */
  "plans.set": refOf("participantPlans").extend({
    etag: ETag,
    crisisPlan: PlanStatus,
    earlySignsPlan: PlanStatus,
    sipHeld: PlanStatus,
    sipHeldOn: optionalDate,
    sipNextFollowUpOn: optionalDate,
    sipConvenedBy: z.preprocess(emptyAsUndefined, Id.optional()),
  }),
} as const;

/** The signal form's typeahead (`application/search` invoke): what was typed and which page of matches. */
export const SignalSearchQuery = z.object({
  queryText: z
    .string()
    .max(200)
    .optional()
    .transform((q) => (q ?? "").slice(0, 50)),
  queryOptions: z
    .object({ skip: z.coerce.number().int().min(0).max(10_000).optional(), top: z.coerce.number().int().min(1).max(100).optional() })
    .optional(),
});

export type Verb = keyof typeof VERBS;
export type VerbData<V extends Verb> = z.output<(typeof VERBS)[V]>;

export const isVerb = (v: unknown): v is Verb => typeof v === "string" && Object.prototype.hasOwnProperty.call(VERBS, v);

/**
 * Cards posted in Teams before signals were called signals still carry the old names: verbs
 * `escalation.*`, `card: "escalation"` and `escalationId` in their data (refresh included). Their
 * buttons keep working: these are read as today's names before the data is parsed.
 */
export const OLDER_VERBS: Readonly<Record<string, Verb>> = {
  "escalation.acknowledge": "signal.acknowledge",
  "escalation.resolve": "signal.resolve",
  "escalation.decline": "signal.decline",
  "escalation.putOnBoard": "signal.putOnBoard",
};

export function withTodaysNames(verb: unknown, data: unknown): { verb: unknown; data: unknown } {
  const today = typeof verb === "string" && Object.prototype.hasOwnProperty.call(OLDER_VERBS, verb) ? OLDER_VERBS[verb] : verb;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { verb: today, data };
  const { escalationId, ...rest } = data as Record<string, unknown>;
  return {
    verb: today,
    data: {
      ...rest,
      ...(rest["card"] === "escalation" ? { card: "signal" } : {}),
      ...(escalationId !== undefined && rest["signalId"] === undefined ? { signalId: escalationId } : {}),
    },
  };
}

/** Data for a button: the card reference plus extra ids (inputs are added by Teams). */
export const verbData = (ref: CardRef, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...ref, ...extra });
