import {
  type ExportFormat,
  type LogExtract,
  type LogReviewersView,
  type LogReviewView,
  type MarkLogReviewItemBody,
  type NameLogReviewersBody,
  svWords,
} from "@fact-board/contract";
import { Conflict, Invalid, NotFound } from "../domain/errors";
import { isOnBoardOn } from "../domain/fidelity";
import { type LogReview, type LogReviewers, assertPeriod, drawSample, markItem, sampleSeed } from "../domain/log-review";
import { assertAllowed } from "../domain/permissions";
import { mayReviewLog } from "../domain/viewer-rights";
import { type Actor, type AuditEvent, type BoardId, type OrganisationId, memberIdOf } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { MASKED_CODE } from "./audit-log";
import { AccessNotLogged, recordAccess } from "./audit";
import { type CsvColumn, type CsvOptions, csvStart, csvTable } from "./csv";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";

// Loggkontroll as a documented review: the organisation names its reviewers; a reviewer opens the
// period's sample (drawn once, by the rules in domain/log-review.ts, and stored), marks each record,
// and the review is kept and exported. The participant's log extract (PDL 8 kap. 5 §) lists which
// organisation accessed their details and when.

const toReviewersView = (
  actor: Actor,
  organisationId: OrganisationId,
  stored: (LogReviewers & { etag: string }) | undefined,
): LogReviewersView => ({
  organisationId,
  memberIds: stored?.memberIds ?? [],
  ...(stored ? { etag: stored.etag } : {}),
  mayReview: mayReviewLog(actor.member, organisationId, stored?.memberIds ?? []),
});

/** Who the organisation has named, for the managers who name them (and whether the viewer is one). */
export async function readLogReviewers(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  organisationId: OrganisationId,
): Promise<LogReviewersView> {
  assertAllowed(actor.member, "logReview.appoint", { ownOrganisation: organisationId === actor.member.organisationId });
  return toReviewersView(actor, organisationId, await deps.storage.logReviews.getReviewers(boardId, organisationId));
}

export async function nameLogReviewers(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  organisationId: OrganisationId,
  body: NameLogReviewersBody,
): Promise<LogReviewersView> {
  assertAllowed(actor.member, "logReview.appoint", { ownOrganisation: organisationId === actor.member.organisationId });
  const members = await deps.storage.members.listForBoard(boardId);
  body.memberIds.forEach((id, i) => {
    if (!members.some((m) => m.id === id && m.organisationId === organisationId))
      throw new Invalid(`memberIds.${i}: not a member of this organisation.`);
  });
  try {
    const saved = await deps.storage.logReviews.saveReviewers(
      { boardId, organisationId, memberIds: [...new Set(body.memberIds)], updatedBy: actor.member.id, updatedAt: nowOf(deps) },
      body.etag ? { expectedEtag: body.etag } : {},
    );
    return toReviewersView(actor, organisationId, saved);
  } catch (e) {
    // The conflict carries what is stored now in the shape the caller reads, for its conflict dialog.
    if (e instanceof Conflict && e.current)
      throw new Conflict(e.what, toReviewersView(actor, organisationId, e.current as LogReviewers & { etag: string }));
    throw e;
  }
}

async function assertNamedReviewer(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<void> {
  const reviewers = await deps.storage.logReviews.getReviewers(boardId, actor.member.organisationId);
  assertAllowed(actor.member, "logReview.perform", { namedLogReviewer: reviewers?.memberIds.includes(actor.member.id) === true });
}

/** The period's review of the reviewer's own organisation: drawn on first opening, the same ever after. */
async function loadOrDraw(deps: UseCaseDeps, actor: Actor, boardId: BoardId, period: string): Promise<LogReview & { etag: string }> {
  const organisationId = actor.member.organisationId;
  const stored = await deps.storage.logReviews.get(boardId, organisationId, period);
  if (stored) return stored;
  const [events, participants, current, closed] = await Promise.all([
    deps.storage.audit.listForOrganisation(boardId, organisationId, { fromMonth: period, toMonth: period }),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.entries.listCurrent(boardId),
    deps.storage.entries.historyForBoard(boardId, `${period}-01`),
  ]);
  const caseManagers = new Map(participants.map((p) => [p.id, p.caseManagerId]));
  const entries = [...current, ...closed];
  const { population, items } = drawSample(events, {
    boardId,
    organisationId,
    period,
    timeZone: deps.timeZone,
    caseManagerOf: (id) => caseManagers.get(id),
    wasOnBoardOn: (id, date) => entries.some((e) => e.participantId === id && isOnBoardOn(e, date)),
  });
  const review: LogReview = {
    boardId,
    organisationId,
    period,
    seed: sampleSeed(boardId, organisationId, period),
    drawnAt: nowOf(deps),
    drawnBy: actor.member.id,
    population,
    items,
  };
  try {
    return await deps.storage.logReviews.create(review);
  } catch (e) {
    // Two reviewers opening the period at once: the first draw is the period's.
    if (e instanceof Conflict && e.current) return e.current as LogReview & { etag: string };
    throw e;
  }
}

/** The review as this reviewer may see it: codes of participants their organisation may not see now are masked; the codes shown are logged. */
async function toView(deps: UseCaseDeps, actor: Actor, review: LogReview & { etag: string }): Promise<LogReviewView> {
  const today = todayOf(deps);
  const viewerOrg = actor.member.organisationId;
  const [participants, consents] = await Promise.all([
    deps.storage.participants.listForBoard(review.boardId),
    deps.storage.consents.listForBoard(review.boardId),
  ]);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const grouped = groupConsentsByParticipant(consents);
  const shown = new Map<string, { id: string; code: string; boardId: string }>();
  const code = (e: AuditEvent) => {
    const p = byId.get(e.participantId);
    const readable =
      p && (visibilityFor(p, grouped.get(p.id) ?? [], viewerOrg, today) || (p.erasedAt && p.organisationIds.includes(viewerOrg)));
    if (!readable) return MASKED_CODE;
    shown.set(e.participantId, { id: e.participantId, code: e.participantCode, boardId: review.boardId });
    return e.participantCode;
  };
  const items = review.items.map((i) => ({
    id: i.id,
    at: i.record.at,
    lastAt: i.record.lastAt ?? i.record.at,
    count: i.record.count ?? 1,
    memberId: memberIdOf(i.record.actor.tenantId, i.record.actor.objectId),
    role: i.record.actor.role,
    what: i.record.what,
    participantCode: code(i.record),
    channel: i.record.channel,
    rules: i.rules,
    ...(i.mark ? { mark: i.mark } : {}),
    ownAccess: memberIdOf(i.record.actor.tenantId, i.record.actor.objectId) === actor.member.id,
  }));
  await recordAccess(deps, actor, "viewedHistory", [...shown.values()]);
  const { boardId: _b, items: _i, etag, ...rest } = review;
  return {
    ...rest,
    items,
    marked: items.filter((i) => i.mark).length,
    followUp: items.filter((i) => i.mark?.status === "followUp").length,
    etag,
  };
}

export async function readLogReview(deps: UseCaseDeps, actor: Actor, boardId: BoardId, period: string): Promise<LogReviewView> {
  assertPeriod(period, todayOf(deps));
  await assertNamedReviewer(deps, actor, boardId);
  return toView(deps, actor, await loadOrDraw(deps, actor, boardId, period));
}

export async function markLogReviewItem(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  period: string,
  itemId: string,
  body: MarkLogReviewItemBody,
): Promise<LogReviewView> {
  assertPeriod(period, todayOf(deps));
  await assertNamedReviewer(deps, actor, boardId);
  const review = await deps.storage.logReviews.get(boardId, actor.member.organisationId, period);
  if (!review) throw new NotFound("The log review");
  const marked = markItem(
    review,
    itemId,
    { status: body.status, ...(body.note ? { note: body.note } : {}) },
    { memberId: actor.member.id, at: nowOf(deps) },
  );
  try {
    return toView(deps, actor, await deps.storage.logReviews.update(marked, { expectedEtag: body.etag }));
  } catch (e) {
    // The stored review holds every code unmasked and the actors' ids: the conflict answers with the
    // reviewer's view of it (masked, logged) like any read, never with the stored entity.
    if (e instanceof Conflict && e.current)
      throw new Conflict(e.what, await toView(deps, actor, e.current as LogReview & { etag: string }));
    throw e;
  }
}

type ReviewItem = LogReviewView["items"][number];

const REVIEW_SUMMARY_COLUMNS: ReadonlyArray<CsvColumn<LogReviewView>> = [
  { key: "organisationId", sv: "Organisation", cell: (v) => v.organisationId },
  { key: "period", sv: "Period", cell: (v) => v.period },
  { key: "seed", sv: "Frö", cell: (v) => v.seed },
  { key: "drawnAt", sv: "Dragen", cell: (v) => v.drawnAt, excel: "instant" },
  { key: "drawnBy", sv: "Dragen av", cell: (v) => v.drawnBy },
  { key: "population", sv: "Poster under perioden", cell: (v) => v.population },
  { key: "sampled", sv: "I urvalet", cell: (v) => v.items.length },
  { key: "marked", sv: "Granskade", cell: (v) => v.marked },
  { key: "followUp", sv: "Att följa upp", cell: (v) => v.followUp },
];

const REVIEW_ITEM_COLUMNS: ReadonlyArray<CsvColumn<ReviewItem>> = [
  { key: "recordId", sv: "Post", cell: (i) => i.id },
  { key: "at", sv: "Tid", cell: (i) => i.at, excel: "instant" },
  { key: "lastAt", sv: "Senast", cell: (i) => i.lastAt, excel: "instant" },
  { key: "count", sv: "Antal", cell: (i) => i.count },
  { key: "memberId", sv: "Medlem", cell: (i) => i.memberId },
  { key: "role", sv: "Roll", cell: (i) => i.role, excel: svWords.role },
  { key: "what", sv: "Vad", cell: (i) => i.what, excel: svWords.auditWhat },
  { key: "participantCode", sv: "Deltagare", cell: (i) => i.participantCode },
  { key: "channel", sv: "Kanal", cell: (i) => i.channel, excel: svWords.auditChannel },
  { key: "rules", sv: "Varför i urvalet", cell: (i) => i.rules, excel: svWords.logReviewRule },
  { key: "status", sv: "Bedömning", cell: (i) => i.mark?.status, excel: svWords.logReviewStatus },
  { key: "note", sv: "Anteckning", cell: (i) => i.mark?.note },
  { key: "markedBy", sv: "Bedömd av", cell: (i) => i.mark?.by },
  { key: "markedAt", sv: "Bedömd", cell: (i) => i.mark?.at, excel: "instant" },
];

/** The review as a report (CSV): how it was drawn, then each record, its rules, mark, note, reviewer and time. */
export async function exportLogReview(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  period: string,
  format: ExportFormat = "csv",
): Promise<Iterable<string>> {
  assertPeriod(period, todayOf(deps));
  await assertNamedReviewer(deps, actor, boardId);
  const review = await deps.storage.logReviews.get(boardId, actor.member.organisationId, period);
  if (!review) throw new NotFound("The log review");
  const view = await toView(deps, actor, review);
  const options = { format, timeZone: deps.timeZone };
  const summary = csvTable(REVIEW_SUMMARY_COLUMNS, options);
  const items = csvTable(REVIEW_ITEM_COLUMNS, options);
  return [csvStart(options) + summary.header() + summary.rows([view]), items.header() + items.rows(view.items)];
}

const EXTRACT_MONTHS = 120;

/**
 * The participant's log extract (PDL 8 kap. 5 §): which organisation (and unit) accessed their
 * details and when — no names of individual staff. Given to managers of an organisation that may
 * see the participant (or was involved, after erasure); it is itself logged as an export.
 */
export async function readLogExtract(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: string,
  organisationId?: string,
): Promise<LogExtract> {
  assertAllowed(actor.member, "audit.read");
  const today = todayOf(deps);
  const [participant, consents, organisations] = await Promise.all([
    deps.storage.participants.get(boardId, participantId),
    deps.storage.consents.listForParticipant(boardId, participantId),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  const viewerOrg = actor.member.organisationId;
  const visible = participant && visibilityFor(participant, consents, viewerOrg, today);
  const erasedButInvolved = participant?.erasedAt !== undefined && participant.organisationIds.includes(viewerOrg);
  if (!participant || (!visible && !erasedButInvolved)) throw new NotFound("The participant");
  const toMonth = today.slice(0, 7);
  const fromIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - EXTRACT_MONTHS;
  const fromMonth = `${Math.floor(fromIndex / 12)}-${String((fromIndex % 12) + 1).padStart(2, "0")}`;
  const events = await deps.storage.audit.listForParticipant(boardId, participantId, { fromMonth, toMonth });
  const code = participant.code || events.find((e) => e.participantCode)?.participantCode || "";
  const byOrg = new Map<string, LogExtract["organisations"][number]>();
  for (const e of events) {
    if (e.outcome !== "allowed" || e.actor.organisationId === "system") continue;
    if (organisationId && e.actor.organisationId !== organisationId) continue;
    const org = organisations.find((o) => o.id === e.actor.organisationId);
    const entry = byOrg.get(e.actor.organisationId) ?? {
      organisationId: e.actor.organisationId,
      organisationName: org?.name ?? e.actor.organisationId,
      unit: org?.kind ?? "other",
      accesses: [],
    };
    entry.accesses.push({ at: e.at, lastAt: e.lastAt ?? e.at, count: e.count ?? 1, what: e.what, channel: e.channel });
    byOrg.set(e.actor.organisationId, entry);
  }
  await recordAccess(deps, actor, "exported", [{ id: participantId, code, boardId }]).catch((e: unknown) => {
    throw e instanceof AccessNotLogged ? e : new AccessNotLogged(e);
  });
  const organisationsOut = [...byOrg.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv"));
  for (const o of organisationsOut) o.accesses.sort((a, b) => a.at.localeCompare(b.at));
  return { participantCode: code, organisations: organisationsOut };
}

type ExtractAccess = {
  code: string;
  organisation: LogExtract["organisations"][number];
  access: LogExtract["organisations"][number]["accesses"][number];
};

const EXTRACT_COLUMNS: ReadonlyArray<CsvColumn<ExtractAccess>> = [
  { key: "participantCode", sv: "Deltagare", cell: (a) => a.code },
  { key: "organisation", sv: "Organisation", cell: (a) => a.organisation.organisationName },
  { key: "unit", sv: "Enhet", cell: (a) => a.organisation.unit, excel: svWords.organisationKind },
  { key: "at", sv: "Första gången", cell: (a) => a.access.at, excel: "instant" },
  { key: "lastAt", sv: "Senast", cell: (a) => a.access.lastAt, excel: "instant" },
  { key: "count", sv: "Antal", cell: (a) => a.access.count },
  { key: "what", sv: "Vad", cell: (a) => a.access.what, excel: svWords.auditWhat },
  { key: "channel", sv: "Kanal", cell: (a) => a.access.channel, excel: svWords.auditChannel },
];

/** The log extract as CSV: one line per access, per organisation. */
export function logExtractCsv(extract: LogExtract, options: CsvOptions): Iterable<string> {
  const rows = extract.organisations.flatMap((organisation) =>
    organisation.accesses.map((access) => ({ code: extract.participantCode, organisation, access })),
  );
  const table = csvTable(EXTRACT_COLUMNS, options);
  return [csvStart(options) + table.header() + table.rows(rows)];
}
