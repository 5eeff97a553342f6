import type { CreateParticipantBody, ParticipantHistory, ParticipantList, ParticipantView } from "@fact-board/contract";
import { standInFor } from "../domain/cover";
import { z } from "zod";
import { AlreadyExists, Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Participant, ParticipantId } from "../domain/types";
import { CASE_MANAGER_MAY_NOT_SEE, groupConsentsByParticipant, mayBeCaseManager, visibilityFor } from "../domain/visibility";
import { assertRegistrable } from "../domain/participant-registration";
import { NO_PLANS, setPlans } from "../domain/plans";
import { recordAdminChange } from "./admin-audit";
import { visibleNotes } from "./since-last";
import { visibleInterventions } from "./interventions";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { participantRecordRights, planRights } from "../domain/viewer-rights";
import { loadVisibleParticipant } from "./participant-access";
import { relationOf } from "./relation";
import { toClosedEntryView, toEntryView, toSignalView, toParticipantView } from "./view-mappers";

export const MAX_PARTICIPANTS_LISTED = 50;

/**
 * Participants the viewer may see, for the "put on the board" picker and "Mina deltagare".
 * Masked participants are not listed (only counted), and only what is listed is logged.
 */
export async function listParticipants(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  query: { q?: string; mine?: boolean; offBoardOnly?: boolean; cursor?: string },
): Promise<ParticipantList> {
  const after = query.cursor ? decodeParticipantCursor(query.cursor) : undefined;
  assertAllowed(actor.member, "board.read");
  const today = todayOf(deps);
  const snapshot = await deps.storage.loadBoardSnapshot(boardId, today);
  if (!snapshot.board) throw new NotFound("The board");
  const consents = groupConsentsByParticipant(snapshot.consents);
  const onBoard = new Set(snapshot.entries.map((e) => e.participantId));
  const q = query.q?.trim().toUpperCase();
  const shown: Participant[] = [];
  const views: ParticipantView[] = [];
  let hiddenCount = 0;
  let more = false;
  for (const p of [...snapshot.participants].sort(byCodeThenId)) {
    if (p.leftTeamOn || p.erasedAt) continue;
    // "Mina deltagare": my own, and those of colleagues I cover for today.
    if (
      query.mine &&
      p.caseManagerId !== actor.member.id &&
      standInFor(p.caseManagerId, snapshot.currentAbsences, today, { participantId: p.id, consents: consents.get(p.id) ?? [] }) !==
        actor.member.id
    )
      continue;
    if (query.offBoardOnly && onBoard.has(p.id)) continue;
    const pc = consents.get(p.id) ?? [];
    const visibility = visibilityFor(p, pc, actor.member.organisationId, today);
    if (!visibility) {
      hiddenCount++;
      continue;
    }
    if (q && !p.code.toUpperCase().includes(q) && !p.initials.toUpperCase().replace(/\./g, "").includes(q.replace(/\./g, ""))) continue;
    // Earlier pages: counted as hidden above when they are, so hiddenCount is the same on every page.
    if (after && byCodeThenId(p, after) <= 0) continue;
    if (views.length >= MAX_PARTICIPANTS_LISTED) {
      more = true;
      continue;
    }
    shown.push(p);
    const relation = relationOf(actor, p, snapshot.currentAbsences, pc, today);
    const view = toParticipantView(visibility, pc, snapshot.currentAbsences, onBoard.has(p.id), today);
    views.push({
      ...view,
      plans: { ...view.plans, may: { set: planRights(actor.member, relation, p) } },
      mayEditRecord: participantRecordRights(actor.member, relation, p),
    });
  }
  await recordAccess(deps, actor, "viewedDetails", shown);
  const last = shown[shown.length - 1];
  return { participants: views, hiddenCount, ...(more && last ? { cursor: encodeParticipantCursor(last) } : {}) };
}

const byCodeThenId = (a: Pick<Participant, "code" | "id">, b: Pick<Participant, "code" | "id">): number =>
  a.code.localeCompare(b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The cursor of the participant list: where the last page ended, in its sort order (code, then id). Opaque to the client. */
const ParticipantCursor = z.object({ code: z.string(), id: z.string() });
const encodeParticipantCursor = (p: Pick<Participant, "code" | "id">): string =>
  Buffer.from(JSON.stringify({ code: p.code, id: p.id })).toString("base64url");
function decodeParticipantCursor(cursor: string): z.infer<typeof ParticipantCursor> {
  try {
    return ParticipantCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new Invalid("The cursor is not valid.");
  }
}

export async function createParticipant(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: CreateParticipantBody,
): Promise<ParticipantView> {
  assertAllowed(actor.member, "participant.create");
  const [caseManager, organisations, existing, board, members] = await Promise.all([
    deps.storage.members.get(boardId, body.caseManagerId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
  ]);
  if (!caseManager || caseManager.leftAt) throw new NotFound("The case manager");
  const known = new Set(organisations.map((o) => o.id));
  if (body.organisationIds.some((id) => !known.has(id))) throw new Invalid("An organisation is not part of this board.");
  // The same rules as an import: the board's code scheme, never a personal identity number.
  assertRegistrable(body, { ...(board?.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}), members, organisations });
  if (existing.some((p) => p.code === body.code)) throw new AlreadyExists("A participant with this code");
  const participant: Participant = {
    id: deps.newId(),
    boardId,
    code: body.code,
    initials: body.initials,
    caseManagerId: caseManager.id,
    writtenBy: actor.member.organisationId,
    organisationIds: [...new Set([actor.member.organisationId, ...body.organisationIds])],
    plans: NO_PLANS,
    onBoard: false,
    createdAt: nowOf(deps),
  };
  // The plans the form states (the new record is the actor's organisation's own, so it may).
  const registered = body.plans ? setPlans(participant, actor.member, body.plans, todayOf(deps), nowOf(deps)) : participant;
  // A new participant has no consents yet: only the writing organisation sees them, so the case manager is one of its own.
  if (!mayBeCaseManager(caseManager, registered, [], todayOf(deps)))
    throw new Invalid(CASE_MANAGER_MAY_NOT_SEE, "caseManagerId", "CaseManagerMayNotSee");
  await recordAccess(deps, actor, "changed", [registered]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "participantRegistered",
    subject: { kind: "participant", id: registered.id },
  });
  const saved = await deps.storage.participants.create(registered);
  await deps.storage.boardVersions.bump(boardId);
  const ctx = await loadVisibleParticipant(deps, actor, boardId, saved.id);
  return toParticipantView(ctx.visibility, ctx.consents, ctx.absences, false, todayOf(deps), {
    member: actor.member,
    relation: ctx.relation,
  });
}

/** The participant's record, current entry, closed entries and signals — each item only if its writer is readable. */
export async function readHistory(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ParticipantHistory> {
  assertAllowed(actor.member, "board.read");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const today = todayOf(deps);
  // Settled: an entry a crash left both current and closed is shown once, as it really is.
  const [{ current, closed }, signals, notes, interventions] = await Promise.all([
    deps.storage.entries.settle(boardId, participantId),
    deps.storage.signals.listForParticipant(boardId, participantId),
    deps.storage.sinceLast.listForParticipant(boardId, participantId),
    deps.storage.interventions.listForParticipant(boardId, participantId),
  ]);
  const currentView = current && toEntryView(ctx.visibility, current, today);
  const viewer = { member: actor.member, relation: ctx.relation };
  await recordAccess(deps, actor, "viewedHistory", [ctx.participant]);
  return {
    participant: toParticipantView(ctx.visibility, ctx.consents, ctx.absences, current !== undefined, today, viewer),
    ...(currentView ? { current: currentView } : {}),
    closed: closed.flatMap((c) => toClosedEntryView(ctx.visibility, c) ?? []).sort((a, b) => b.takenOffOn.localeCompare(a.takenOffOn)),
    signals: signals.flatMap((e) => toSignalView(ctx.visibility, e, deps.clock(), viewer) ?? []),
    sinceLast: visibleNotes(ctx.visibility, notes),
    interventions: visibleInterventions(ctx.visibility, interventions),
  };
}
