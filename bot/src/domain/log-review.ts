import type { LogReviewRule, LogReviewStatus } from "@fact-board/contract";
import { isWorkingDay } from "./dates";
import { Forbidden, Invalid } from "./errors";
import type { AuditEvent, BoardId, CalendarDate, Instant, MemberId, OrganisationId, ParticipantId, Versioned } from "./types";
import { memberIdOf } from "./types";

// Log review (loggkontroll, PDL 4 kap. 3 §, HSLF-FS 2016:40 4 kap. 9–9 a §§, IMY's guidance on
// systematic log follow-up): each organisation reviews a documented sample of its own members'
// access records every period (a calendar month). The sample is drawn by fixed rules — systematic
// ones that find the accesses most worth a look, plus a random share — with a seed made of the
// board, the organisation and the period, so the same log gives the same sample: anyone can redraw
// it and check it. A reviewer marks each record in order or to follow up, with a note; nobody
// marks their own access.

export type SampleRule = LogReviewRule;
export type ReviewStatus = LogReviewStatus;

export interface LogReviewItem {
  /** Stable id of the access record: a hash of its first time, person, kind, participant and channel. */
  id: string;
  record: AuditEvent;
  rules: SampleRule[];
  mark?: { status: ReviewStatus; note?: string; by: MemberId; at: Instant };
}

export interface LogReview extends Versioned {
  boardId: BoardId;
  organisationId: OrganisationId;
  /** YYYY-MM */
  period: string;
  seed: string;
  drawnAt: Instant;
  drawnBy: MemberId;
  /** How many of the organisation's records the period held, and how the sample was drawn. */
  population: number;
  items: LogReviewItem[];
}

export interface LogReviewers extends Versioned {
  boardId: BoardId;
  organisationId: OrganisationId;
  memberIds: MemberId[];
  updatedBy: MemberId;
  updatedAt: Instant;
}

/** The rules' settings, written down in docs/privacy.md#log-review-loggkontroll-and-the-log-extract so the method is documented. */
export const SAMPLE_RULES = {
  /** Local hours counted as meeting and working time on working days: 07:00 to 17:59. */
  workingHours: { from: 7, toExclusive: 18 },
  /** More views than this by one member on one local day are "unusually many". */
  manyReadsPerDay: 100,
  /** At most this many records from the systematic rules (a seeded choice when more match). */
  maxSystematic: 30,
  /** This share of the remaining records, at least `minRandom`, drawn at random. */
  randomShare: 0.05,
  minRandom: 3,
} as const;

export interface SampleContext {
  boardId: BoardId;
  organisationId: OrganisationId;
  period: string;
  timeZone: string;
  /** The participant's case manager (now). */
  caseManagerOf: (participantId: ParticipantId) => MemberId | undefined;
  /** Whether the participant was on the board on that local date: board participants are the whole team's shared work. */
  wasOnBoardOn: (participantId: ParticipantId, date: CalendarDate) => boolean;
}

/** FNV-1a, 32 bits: a stable, dependency-free hash for ids and seeds (not for secrets). */
function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function recordId(e: AuditEvent): string {
  const text = [e.at, e.actor.tenantId, e.actor.objectId, e.actor.organisationId, e.what, e.participantId, e.channel, e.outcome].join("|");
  return `${fnv1a(text).toString(16).padStart(8, "0")}${fnv1a(text, 0x01234567).toString(16).padStart(8, "0")}`;
}

/** mulberry32: a small seeded generator, so a period's random share is the same every time it is drawn. */
export function seededRandom(seed: string): () => number {
  let a = fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const sampleSeed = (boardId: BoardId, organisationId: OrganisationId, period: string): string =>
  `${boardId}/${organisationId}/${period}`;

// A log has thousands of records: one formatter per time zone, not one per record.
const formatters = new Map<string, { hour: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      hour: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }),
      date: new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}
const localHour = (at: Instant, timeZone: string): number => Number(formatterFor(timeZone).hour.format(new Date(at)));
const localDate = (instant: Date, timeZone: string): CalendarDate => formatterFor(timeZone).date.format(instant);
const workingDays = new Map<CalendarDate, boolean>();
function isWorkingDayCached(date: CalendarDate): boolean {
  let w = workingDays.get(date);
  if (w === undefined) workingDays.set(date, (w = isWorkingDay(date)));
  return w;
}

/** The rules one record meets (before the random share). */
export function systematicRules(e: AuditEvent, ctx: SampleContext, readsPerMemberDay: ReadonlyMap<string, number>): SampleRule[] {
  const rules: SampleRule[] = [];
  const date = localDate(new Date(e.at), ctx.timeZone);
  const outside = (at: Instant) => {
    const hour = localHour(at, ctx.timeZone);
    return (
      !isWorkingDayCached(localDate(new Date(at), ctx.timeZone)) ||
      hour < SAMPLE_RULES.workingHours.from ||
      hour >= SAMPLE_RULES.workingHours.toExclusive
    );
  };
  if (outside(e.at) || (e.lastAt !== undefined && outside(e.lastAt))) rules.push("outsideMeetingTimes");
  const member = memberIdOf(e.actor.tenantId, e.actor.objectId);
  if (ctx.caseManagerOf(e.participantId) !== member && !ctx.wasOnBoardOn(e.participantId, date)) rules.push("noRelation");
  if ((readsPerMemberDay.get(`${member}|${date}`) ?? 0) > SAMPLE_RULES.manyReadsPerDay) rules.push("manyReads");
  return rules;
}

const isView = (e: AuditEvent) => e.what === "viewedDetails" || e.what === "viewedHistory";

/**
 * The period's sample of the organisation's own members' access records: every record meeting a
 * systematic rule (up to `maxSystematic`, chosen by the seed when more do), then a seeded random
 * share of the rest. Records without a participant (a statistics export) are not accesses to review.
 */
export function drawSample(events: readonly AuditEvent[], ctx: SampleContext): { population: number; items: LogReviewItem[] } {
  const own = events
    .filter((e) => e.actor.organisationId === ctx.organisationId && e.participantId !== "" && e.at.slice(0, 7) === ctx.period)
    .map((e) => ({ id: recordId(e), record: e }))
    // Storage order must not matter: sort by id, then every draw from the seed is the same.
    .sort((a, b) => a.id.localeCompare(b.id));
  const reads = new Map<string, number>();
  for (const { record: e } of own) {
    if (!isView(e)) continue;
    const key = `${memberIdOf(e.actor.tenantId, e.actor.objectId)}|${localDate(new Date(e.at), ctx.timeZone)}`;
    reads.set(key, (reads.get(key) ?? 0) + (e.count ?? 1));
  }
  const random = seededRandom(sampleSeed(ctx.boardId, ctx.organisationId, ctx.period));
  const withRules = own.map((r) => ({ ...r, rules: systematicRules(r.record, ctx, reads) }));
  const systematic = shuffled(
    withRules.filter((r) => r.rules.length > 0),
    random,
  ).slice(0, SAMPLE_RULES.maxSystematic);
  const chosen = new Set(systematic.map((r) => r.id));
  const rest = withRules.filter((r) => !chosen.has(r.id));
  const randomCount = Math.min(rest.length, Math.max(SAMPLE_RULES.minRandom, Math.ceil(rest.length * SAMPLE_RULES.randomShare)));
  const randomPicks = shuffled(rest, random)
    .slice(0, randomCount)
    .map((r) => ({ ...r, rules: ["random" as SampleRule] }));
  const items = [...systematic, ...randomPicks].sort((a, b) => a.record.at.localeCompare(b.record.at) || a.id.localeCompare(b.id));
  return { population: own.length, items };
}

/** Marks one item; a reviewer never marks their own access (nobody reviews themselves). */
export function markItem(
  review: LogReview,
  itemId: string,
  mark: { status: ReviewStatus; note?: string },
  by: { memberId: MemberId; at: Instant },
): LogReview {
  const item = review.items.find((i) => i.id === itemId);
  if (!item) throw new Invalid("itemId: not a record of this review.");
  if (memberIdOf(item.record.actor.tenantId, item.record.actor.objectId) === by.memberId) {
    throw new Forbidden("A reviewer does not review their own access: another named reviewer marks it.");
  }
  if (mark.status === "followUp" && !mark.note?.trim()) throw new Invalid("note: say what is to be followed up.");
  const marked = { status: mark.status, ...(mark.note?.trim() ? { note: mark.note.trim() } : {}), by: by.memberId, at: by.at };
  return { ...review, items: review.items.map((i) => (i.id === itemId ? { ...i, mark: marked } : i)) };
}

/** A period is a calendar month that has begun. */
export function assertPeriod(period: string, today: CalendarDate): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new Invalid("period: YYYY-MM.");
  if (period > today.slice(0, 7)) throw new Invalid("period: a month that has begun.");
}
