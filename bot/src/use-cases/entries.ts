import { assertMayChange } from "../domain/authorship";
import type {
  AddActionBody,
  ClosedEntryView,
  EditEntryBody,
  EntryView,
  PutOnBoardBody,
  ReviewBody,
  SetActionDoneBody,
  TakeOffBody,
} from "@fact-board/contract";
import * as board from "../domain/board";
import { Conflict, NotFound } from "../domain/errors";
import { assertAllowed, type Permission } from "../domain/permissions";
import type { Actor, BoardEntry, BoardId, OrganisationId, ParticipantId } from "../domain/types";
import type { WalkthroughFact } from "../domain/walkthrough";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant, type ParticipantContext } from "./participant-access";
import { toClosedEntryView, toEntryView } from "./view-mappers";
import { countInRunningWalkthroughs } from "./walkthrough-counts";

// Putting on, editing, reviewing and taking off board entries: load -> rule -> save with the
// entry's ETag -> audit -> count it in a running walkthrough -> bump the board version (live
// viewers refetch) -> respond. A retry that finds its first attempt landed counts and bumps again:
// counting is a set union, so it counts once, and the bump may be what the first attempt lost.

/** Counts what a change did in the board's running walkthroughs, then tells live viewers (once for both). */
async function countAndAnnounce(
  deps: UseCaseDeps,
  boardId: BoardId,
  participant: ParticipantContext["participant"],
  fact?: WalkthroughFact,
) {
  if (fact) await countInRunningWalkthroughs(deps, boardId, participant, fact);
  await deps.storage.boardVersions.bump(boardId);
}

async function loadEntry(deps: UseCaseDeps, actor: Actor, boardId: BoardId, participantId: ParticipantId, permission: Permission) {
  const [ctx, entry] = await Promise.all([
    loadVisibleParticipant(deps, actor, boardId, participantId),
    deps.storage.entries.getCurrent(boardId, participantId),
  ]);
  const today = todayOf(deps);
  if (!entry || !toEntryView(ctx.visibility, entry, today)) throw new NotFound("The board entry");
  assertAllowed(actor.member, permission, ctx.relation);
  return { ctx, entry, today };
}

/** The board's lead organisation (huvudman), which steers every entry as its own item. */
async function leadOf(deps: UseCaseDeps, boardId: BoardId): Promise<OrganisationId | undefined> {
  return (await deps.storage.boards.get(boardId))?.leadOrganisationId;
}

/**
 * Steering another organisation's entry: the authorship rule has let only the lead organisation
 * through (the domain function refuses anyone else with what to do instead); the permission
 * matrix's `entry.steer` says which of its people may.
 */
function assertSteers(actor: Actor, ctx: ParticipantContext, entry: Pick<BoardEntry, "writtenBy">): void {
  if (entry.writtenBy !== actor.member.organisationId)
    assertAllowed(actor.member, "entry.steer", { ...ctx.relation, leadOrganisation: true });
}

function viewOf(ctx: ParticipantContext, entry: BoardEntry, deps: UseCaseDeps): EntryView {
  // An entry the actor could load is readable by them, so the view exists.
  return toEntryView(ctx.visibility, entry, todayOf(deps))!;
}

/** Saves an edited entry under the ETag the person saw; a stale one gets a Conflict carrying the current entry. */
async function saveEdited(
  deps: UseCaseDeps,
  actor: Actor,
  ctx: ParticipantContext,
  edited: BoardEntry,
  expectedEtag: string,
  fact?: WalkthroughFact,
): Promise<EntryView> {
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  let saved: BoardEntry;
  try {
    saved = await deps.storage.entries.update(edited, { expectedEtag });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.entries.getCurrent(edited.boardId, edited.participantId);
      throw new Conflict("The board entry", current && toEntryView(ctx.visibility, current, todayOf(deps)));
    }
    throw e;
  }
  await countAndAnnounce(deps, edited.boardId, ctx.participant, fact);
  return viewOf(ctx, saved, deps);
}

function assertFresh(entry: BoardEntry, expectedEtag: string, ctx: ParticipantContext, deps: UseCaseDeps): void {
  // Cheap early answer; the conditional write below is what actually guarantees it.
  if (entry.etag !== expectedEtag) throw new Conflict("The board entry", viewOf(ctx, entry, deps));
}

/** The same person putting the same participant on the same day for the same reason, untouched since: a retry. */
function isRetriedPutOn(current: BoardEntry, actor: Actor, body: PutOnBoardBody, today: string): boolean {
  return (
    current.putOnBy === actor.member.id &&
    current.updatedBy === actor.member.id &&
    current.putOnOn === today &&
    current.reason === body.reason &&
    current.priority === body.priority &&
    current.nextEvaluationOn === body.nextEvaluationOn &&
    (current.reasonNote ?? "") === (body.reasonNote ?? "") &&
    current.actions.length === 0 &&
    current.reviews.length === 0
  );
}

export async function putOnBoard(deps: UseCaseDeps, actor: Actor, boardId: BoardId, body: PutOnBoardBody): Promise<EntryView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, body.participantId);
  assertAllowed(actor.member, "entry.putOn", ctx.relation);
  const current = await deps.storage.entries.getCurrent(boardId, body.participantId);
  if (current && isRetriedPutOn(current, actor, body, todayOf(deps))) {
    // The first attempt landed but its answer (or the count or version bump after it) was lost: finish it.
    await countAndAnnounce(deps, boardId, ctx.participant, {
      type: "added",
      participantId: current.participantId,
      happenedAt: current.updatedAt,
    });
    return viewOf(ctx, current, deps);
  }
  // On the board means a current entry exists; the participant row's flag is not kept in step with it.
  const { entry } = board.putOnBoard(
    { ...ctx.participant, onBoard: current !== undefined },
    current,
    actor.member,
    {
      entryId: deps.newId(),
      reason: body.reason,
      priority: body.priority,
      nextEvaluationOn: body.nextEvaluationOn,
      ...(body.reasonNote ? { reasonNote: body.reasonNote } : {}),
    },
    todayOf(deps),
    nowOf(deps),
  );
  await recordAccess(deps, actor, "putOnBoard", [ctx.participant]);
  const saved = await deps.storage.entries.create(entry);
  await countAndAnnounce(deps, boardId, ctx.participant, { type: "added", participantId: saved.participantId });
  return viewOf(ctx, saved, deps);
}

export async function editEntry(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: EditEntryBody,
): Promise<EntryView> {
  const [{ ctx, entry, today }, lead] = await Promise.all([
    loadEntry(deps, actor, boardId, participantId, "entry.edit"),
    leadOf(deps, boardId),
  ]);
  const { etag, ...edit } = body;
  // The rule first: another organisation's entry is refused, not answered with "reload and retry".
  const edited = board.editEntry(entry, actor.member, edit, today, nowOf(deps), lead);
  assertSteers(actor, ctx, entry);
  assertFresh(entry, etag, ctx, deps);
  return saveEdited(deps, actor, ctx, edited, etag);
}

export async function addAction(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: AddActionBody,
): Promise<EntryView> {
  const { ctx, entry } = await loadEntry(deps, actor, boardId, participantId, "entry.edit");
  const actionId = body.id ?? deps.newId();
  // A retried request whose first attempt landed: the action is there already; finish and answer with it.
  const landed = entry.actions.find((a) => a.id === actionId);
  if (landed) {
    await countAndAnnounce(deps, boardId, ctx.participant, { type: "actionAgreed", participantId, actionId, happenedAt: landed.createdAt });
    return viewOf(ctx, entry, deps);
  }
  assertFresh(entry, body.etag, ctx, deps);
  // Owned outside the board (the network): the member who writes it stays responsible, shown as "via".
  const responsibleId = body.external ? actor.member.id : body.responsibleId!;
  const responsible = await deps.storage.members.get(boardId, responsibleId);
  if (!responsible) throw new NotFound("The responsible member");
  const external = body.external && { role: body.external.role, ...(body.external.name ? { name: body.external.name } : {}) };
  const edited = board.addAction(
    entry,
    actor.member,
    { id: actionId, what: body.what, responsibleId, byWhen: body.byWhen, ...(external ? { external } : {}) },
    nowOf(deps),
  );
  return saveEdited(deps, actor, ctx, edited, body.etag, { type: "actionAgreed", participantId, actionId });
}

export async function setActionDone(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  actionId: string,
  body: SetActionDoneBody,
): Promise<EntryView> {
  const { ctx, entry } = await loadEntry(deps, actor, boardId, participantId, "entry.edit");
  const action = entry.actions.find((a) => a.id === actionId);
  if (!action || !ctx.visibility.readable.has(action.writtenBy)) throw new NotFound("The action");
  const edited = board.setActionDone(entry, actor.member, actionId, body.done, nowOf(deps));
  if (action.done === body.done) return viewOf(ctx, entry, deps);
  assertFresh(entry, body.etag, ctx, deps);
  return saveEdited(deps, actor, ctx, edited, body.etag);
}

export async function markEntryReviewed(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: ReviewBody,
): Promise<EntryView> {
  const { ctx, entry, today } = await loadEntry(deps, actor, boardId, participantId, "entry.review");
  const reviewed: WalkthroughFact = { type: "reviewed", participantId };
  // Reviewing twice the same day is one review per organisation, whoever of it clicked first; a
  // click during a walkthrough still counts the participant reviewed in it (once), as does a retry.
  if (board.hasReviewedOn(entry, actor.member.organisationId, today)) {
    await countAndAnnounce(deps, boardId, ctx.participant, reviewed);
    return viewOf(ctx, entry, deps);
  }
  assertFresh(entry, body.etag, ctx, deps);
  return saveEdited(deps, actor, ctx, board.markReviewed(entry, actor.member, today, nowOf(deps)), body.etag, reviewed);
}

/** A retried take-off whose first attempt completed (its answer or the version bump was lost): answer with what it closed. */
async function resumeTakeOff(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  etag: string,
): Promise<ClosedEntryView | undefined> {
  const closed = await deps.storage.entries.findClosedFrom(boardId, participantId, etag);
  if (!closed) return undefined;
  const [ctx, lead] = await Promise.all([loadVisibleParticipant(deps, actor, boardId, participantId), leadOf(deps, boardId)]);
  assertAllowed(actor.member, "entry.takeOff", ctx.relation);
  assertMayChange("entry.takeOff", actor.member.organisationId, closed.writtenBy, lead);
  assertSteers(actor, ctx, closed);
  await countAndAnnounce(deps, boardId, ctx.participant, { type: "removed", participantId, happenedAt: closed.updatedAt });
  return toClosedEntryView(ctx.visibility, closed);
}

export async function takeOffBoard(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: TakeOffBody,
): Promise<ClosedEntryView> {
  let loaded: Awaited<ReturnType<typeof loadEntry>>;
  let lead: OrganisationId | undefined;
  try {
    [loaded, lead] = await Promise.all([loadEntry(deps, actor, boardId, participantId, "entry.takeOff"), leadOf(deps, boardId)]);
  } catch (e) {
    const resumed = e instanceof NotFound ? await resumeTakeOff(deps, actor, boardId, participantId, body.etag) : undefined;
    if (resumed) return resumed;
    throw e;
  }
  const { ctx, entry, today } = loaded;
  const { closed } = board.takeOffBoard(
    ctx.participant,
    entry,
    actor.member,
    { outcome: body.outcome, ...(body.note ? { note: body.note } : {}) },
    today,
    nowOf(deps),
    lead,
  );
  assertSteers(actor, ctx, entry);
  // A retry of a take-off interrupted after its claim carries the version from before the claim.
  if (entry.etag !== body.etag && (await deps.storage.entries.closingFrom(boardId, participantId)) !== body.etag)
    assertFresh(entry, body.etag, ctx, deps);
  await recordAccess(deps, actor, "takenOffBoard", [ctx.participant]);
  try {
    await deps.storage.entries.close(entry, closed, { expectedEtag: body.etag });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.entries.getCurrent(boardId, participantId);
      throw new Conflict("The board entry", current && toEntryView(ctx.visibility, current, today));
    }
    throw e;
  }
  await countAndAnnounce(deps, boardId, ctx.participant, { type: "removed", participantId });
  return toClosedEntryView(ctx.visibility, closed)!;
}
