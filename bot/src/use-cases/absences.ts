import type { AbsenceView, AnswerCoverBody, RegisterAbsenceBody } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import {
  absentDuring,
  askedSubstitute,
  coverAcross,
  registerAbsence as registerAbsenceRule,
  transitionCover,
  type CalendarOfMember,
  type CoverEvent,
} from "../domain/cover";
import { Conflict, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Absence, Actor, BoardId, Member } from "../domain/types";
import { calendarFor } from "../domain/working-patterns";
import { calendarOf, nowOf, todayOf, type UseCaseDeps } from "./deps";
import { onceForRepeatedClicks } from "./repeated-clicks";
import { createOnce, type Earlier } from "./request-keys";
import { toAbsenceView } from "./view-mappers";

export const COVER_DUE_KIND = "coverTimeout";

export async function scheduleCoverTimeout(deps: Pick<UseCaseDeps, "storage">, absence: Absence): Promise<void> {
  if (absence.cover.state !== "requesting" || !absence.cover.answerBy) return;
  await deps.storage.dueItems.schedule({
    kind: COVER_DUE_KIND,
    // One due item per ask: a timeout for substitute #1 never fires for substitute #2.
    id: `${absence.boardId}.${absence.id}.${absence.cover.askedIndex}`,
    dueAt: absence.cover.answerBy,
    payload: { boardId: absence.boardId, absenceId: absence.id, askedIndex: absence.cover.askedIndex },
  });
}

async function announce(deps: UseCaseDeps, absence: Absence): Promise<void> {
  const asked = askedSubstitute(absence.cover);
  if (asked) await deps.notifier.notify({ type: "coverRequested", boardId: absence.boardId, absenceId: absence.id, substituteId: asked });
  else await deps.notifier.notify({ type: "coverSettled", boardId: absence.boardId, absenceId: absence.id });
}

/** Each member's working pattern, for the time a cover request waits for its answer. */
function calendarsOf(deps: UseCaseDeps, members: readonly Member[]): CalendarOfMember {
  const board = calendarOf(deps);
  const byId = new Map(members.map((m) => [m.id, m]));
  return (id) => calendarFor(byId.get(id), board);
}

/** One's own absence, or a colleague's of the same organisation: cover is per organisation because consent is. */
function assertMayRegisterFor(actor: Actor, memberId: string, organisationId: string): void {
  if (memberId === actor.member.id) return assertAllowed(actor.member, "absence.registerOwn");
  assertMayChange("absence.forColleague", actor.member.organisationId, organisationId);
  assertAllowed(actor.member, "absence.registerForOther", { ownOrganisation: true });
}

/**
 * Registers an absence once: concurrent or repeated submits of the same absence (the same form
 * again by its key, or the same person and period from another form) make one absence and one
 * cover request, and each is answered with it. See request-keys.ts.
 */
export async function registerAbsence(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: RegisterAbsenceBody,
  requestKey?: string,
): Promise<AbsenceView> {
  const memberId = body.memberId ?? actor.member.id;
  const member = memberId === actor.member.id ? actor.member : await deps.storage.members.get(boardId, memberId);
  if (!member) throw new NotFound("The member");
  assertMayRegisterFor(actor, member.id, member.organisationId);
  return createOnce(deps, {
    boardId,
    keys: [requestKey && `absence.request.${actor.member.id}.${requestKey}`, `absence.period.${member.id}.${body.from}.${body.to}`],
    make: (id) => makeAbsence(deps, actor, boardId, member, id, body),
    earlier: async (id): Promise<Earlier<AbsenceView>> => {
      const made = await deps.storage.absences.get(boardId, id);
      if (!made) return undefined;
      return made.cover.state === "cancelled" ? "noLongerCounts" : { made: toAbsenceView(made) };
    },
  });
}

async function makeAbsence(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  member: Member,
  id: string,
  body: RegisterAbsenceBody,
): Promise<AbsenceView> {
  const today = todayOf(deps);
  const [members, absences] = await Promise.all([
    deps.storage.members.listForBoard(boardId),
    deps.storage.absences.listCurrent(boardId, today),
  ]);
  const absence = registerAbsenceRule(
    { id, member, from: body.from, to: body.to, reason: body.reason, registeredBy: actor.member },
    members,
    absences,
    today,
    nowOf(deps),
    calendarsOf(deps, members),
  );
  const saved = await deps.storage.absences.create(absence);
  await scheduleCoverTimeout(deps, saved);
  await deps.storage.boardVersions.bump(boardId);
  await announce(deps, saved);
  return toAbsenceView(saved);
}

/** Moves a cover request on by one event, saved under the ETag it was read at. Shared by answers and timeouts. */
export async function applyCoverEvent(deps: UseCaseDeps, absence: Absence, event: CoverEvent, expectedEtag: string): Promise<Absence> {
  const [current, members] = await Promise.all([
    deps.storage.absences.listCurrent(absence.boardId, todayOf(deps)),
    deps.storage.members.listForBoard(absence.boardId),
  ]);
  const unavailable = absentDuring(
    current.filter((a) => a.id !== absence.id),
    absence,
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  const substitute = event.type === "accept" ? byId.get(event.by) : undefined;
  const across = substitute && coverAcross(absence, substitute, byId.get(absence.memberId), members, unavailable);
  const withAcross: CoverEvent = event.type === "accept" && across ? { ...event, across } : event;
  const next = transitionCover(absence, withAcross, unavailable, calendarsOf(deps, members));
  const saved = await deps.storage.absences.update(next, { expectedEtag });
  await scheduleCoverTimeout(deps, saved);
  await deps.storage.boardVersions.bump(absence.boardId);
  await announce(deps, saved);
  return saved;
}

/** "Jag täcker" / "Kan inte" from the substitute being asked. */
export async function answerCover(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  absenceId: string,
  body: AnswerCoverBody,
): Promise<AbsenceView> {
  const absence = await deps.storage.absences.get(boardId, absenceId);
  if (!absence) throw new NotFound("The cover request");
  const asked = askedSubstitute(absence.cover);
  // Double click on "Jag täcker", or a retry whose first attempt was saved: answer with the settled
  // state, after finishing what the first attempt may not have got to (next timeout, version bump).
  const repeated =
    (body.answer === "accept" && absence.cover.coveredBy === actor.member.id) ||
    (body.answer === "decline" && absence.cover.declinedBy.includes(actor.member.id));
  if (repeated) {
    await scheduleCoverTimeout(deps, absence);
    await deps.storage.boardVersions.bump(boardId);
    return toAbsenceView(absence);
  }
  // The substitute asked answers, of whichever organisation an admin paired them from.
  if (asked !== actor.member.id) assertMayChange("cover.answer", actor.member.organisationId, absence.organisationId);
  assertAllowed(actor.member, "cover.answer", { askedSubstitute: asked === actor.member.id });
  if (absence.etag !== body.etag) throw new Conflict("The cover request", toAbsenceView(absence));
  const at = nowOf(deps);
  const event: CoverEvent =
    body.answer === "accept" ? { type: "accept", by: actor.member.id, at } : { type: "decline", by: actor.member.id, at };
  try {
    return toAbsenceView(await applyCoverEvent(deps, absence, event, body.etag));
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.absences.get(boardId, absenceId);
      throw new Conflict("The cover request", current && toAbsenceView(current));
    }
    throw e;
  }
}

export async function cancelAbsence(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  absenceId: string,
  etag: string,
): Promise<AbsenceView> {
  const absence = await deps.storage.absences.get(boardId, absenceId);
  if (!absence) throw new NotFound("The absence");
  assertMayRegisterFor(actor, absence.memberId, absence.organisationId);
  if (absence.cover.state === "cancelled") return toAbsenceView(absence);
  return toAbsenceView(await applyCoverEvent(deps, absence, { type: "cancel", at: nowOf(deps) }, etag));
}

/**
 * From the absence form in Teams: the same absence registered again by the same person (a double
 * click) is the one already registered, not an error.
 */
export async function registerAbsenceOnce(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: RegisterAbsenceBody,
  requestKey?: string,
): Promise<{ absenceId: string }> {
  return onceForRepeatedClicks(
    async () => ({ absenceId: (await registerAbsence(deps, actor, boardId, body, requestKey)).id }),
    "Invalid",
    async () => {
      const same = (await deps.storage.absences.listForMember(boardId, body.memberId ?? actor.member.id)).find(
        (a) => a.from === body.from && a.to === body.to && a.registeredBy === actor.member.id && a.cover.state !== "cancelled",
      );
      return same && { absenceId: same.id };
    },
  );
}
