import type { WalkthroughMoveView, WalkthroughView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { RaisedParticipant } from "../domain/raise-today";
import type { SinceLastNote } from "../domain/since-last";
import type { Intervention } from "../domain/interventions";
import type { ParticipantContact } from "../domain/contacts";
import type { Absence, Actor, BoardEntry, BoardId, CalendarDate, Consent, Member, OrganisationId, Participant } from "../domain/types";
import { rowRights, supportRights } from "../domain/viewer-rights";
import { visibilityFor } from "../domain/visibility";
import { meetingOfTheDay } from "../domain/meeting-schedule";
import { currentParticipantId, isPresenterPresent, type Walkthrough } from "../domain/walkthrough";
import type { BoardSnapshot, Stored } from "../storage";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { relationOf } from "./relation";
import { readableRaises } from "./raise-today";
import { visibleNotes } from "./since-last";
import { visibleInterventions } from "./interventions";
import { visibleContacts } from "./contacts";
import { toEntryView, toParticipantView } from "./view-mappers";

// Following the presenter: what an attendee reads on a move (the walkthrough's position and the
// current participant as their organisation may see them, contacts included, one access-log record), and the
// presenting stage's heartbeat that tells attendees when the presenter has gone.

/** The board data the current participant's view is built from. */
export interface CurrentSources {
  participants: readonly Participant[];
  consents: readonly Consent[];
  entries: readonly BoardEntry[];
  absences: readonly Absence[];
  /** The board's lead organisation, which steers every entry (issue 24). */
  lead?: OrganisationId;
  /** The board's since-yesterday notes from the last meeting day on (the current participant's are shown). */
  sinceLastNotes: readonly Stored<SinceLastNote>[];
  /** The walkthrough day's raises (Ta upp idag): a raised participant is shown with the reasons the viewer may read. */
  raises: readonly RaisedParticipant[];
  /** The board's ongoing interventions (the current participant's are shown). */
  interventions: readonly Stored<Intervention>[];
  /** The board's members: whose organisation the case manager is (the goal's writer), and who a member contact is. */
  members: readonly Member[];
  /** The contacts of the board, or of the current participant (Kontakter): the current participant's are shown. */
  contacts: readonly Stored<ParticipantContact>[];
}

/**
 * The current participant for this viewer: details only when their organisation may see them
 * (and then one access-log record), the position only otherwise. The one place both the full
 * walkthrough and the move view decide it.
 */
export async function currentFor(
  deps: UseCaseDeps,
  actor: Actor,
  w: Walkthrough,
  sources: CurrentSources,
): Promise<WalkthroughView["current"]> {
  const currentId = currentParticipantId(w);
  if (currentId === undefined) return undefined;
  const today = todayOf(deps);
  const at = { index: w.currentIndex, since: w.currentSince };
  const participant = sources.participants.find((p) => p.id === currentId);
  const consents = sources.consents.filter((c) => c.participantId === currentId);
  const visibility = participant && visibilityFor(participant, consents, actor.member.organisationId, today);
  if (!visibility) return { ...at, shown: "hidden" };
  const entry = sources.entries.find((e) => e.participantId === currentId);
  const entryView = entry && toEntryView(visibility, entry, today);
  if (!entry || !entryView) {
    const raises = sources.raises.filter((r) => r.participantId === currentId && r.on === w.date);
    if (entry || raises.length === 0) return { ...at, shown: "offBoard", participantId: currentId };
    const p = visibility.participant;
    const raised = { participant: { id: p.id, code: p.code, initials: p.initials }, reasons: readableRaises(visibility, raises) };
    await recordAccess(deps, actor, "viewedDetails", [p]);
    return { ...at, shown: "raised", participantId: currentId, raised };
  }
  const viewer = { member: actor.member, relation: relationOf(actor, visibility.participant, sources.absences, consents, today) };
  const row = {
    participant: toParticipantView(visibility, consents, sources.absences, true, today, viewer),
    entry: entryView,
    may: {
      ...rowRights(actor.member, viewer.relation, visibility.participant, entry, sources.lead),
      ...supportRights(
        actor.member,
        viewer.relation,
        sources.members.find((m) => m.id === visibility.participant.caseManagerId)?.organisationId,
      ),
    },
    sinceLast: visibleNotes(
      visibility,
      sources.sinceLastNotes.filter((n) => n.participantId === currentId),
    ),
    interventions: visibleInterventions(visibility, sources.interventions),
  };
  const contacts = visibleContacts(visibility, sources.contacts, {
    members: new Map(sources.members.map((m) => [m.id, m])),
    absences: sources.absences,
    consents,
    today,
  });
  // One record for the participant shown, its contacts included (the stage asks for nothing more).
  await recordAccess(deps, actor, "viewedDetails", [visibility.participant]);
  return { ...at, shown: "details", participantId: currentId, row, contacts };
}

/** The board's data as of a version, with its since-yesterday notes from the last meeting day (a note bumps the board version). */
export type MoveSnapshot = BoardSnapshot & {
  sinceLastNotes: ReadonlyArray<Stored<SinceLastNote>>;
  raises: readonly RaisedParticipant[];
  /** The board's ongoing interventions (a change bumps the board version too). */
  interventions: ReadonlyArray<Stored<Intervention>>;
  /** The board's contacts (Kontakter; a change bumps the board version too). */
  contacts: ReadonlyArray<Stored<ParticipantContact>>;
};

/** What the move view reads as of a version (the core keeps one per version and instance). */
export interface VersionedReads {
  snapshotAt(boardId: BoardId, version: number): Promise<MoveSnapshot>;
  walkthroughAt(boardId: BoardId, date: CalendarDate, meetingId: string, version: number): Promise<Stored<Walkthrough> | undefined>;
}

/**
 * What an attendee reads when the presenter moves: the live state (one point read), then the
 * walkthrough and the board's data as of the versions it names — the walkthrough read once per
 * version on this instance, the board's data once per board version (a move changes none of it).
 * No board read, and one access-log record: the participant now shown.
 */
export async function readWalkthroughMove(
  deps: UseCaseDeps,
  reads: VersionedReads,
  actor: Actor,
  boardId: BoardId,
  named: string | undefined,
): Promise<WalkthroughMoveView> {
  assertAllowed(actor.member, "board.read");
  // The versions first: what is read (or kept) after them is at least as new as they say.
  const live = await deps.storage.boardVersions.live(boardId);
  const today = todayOf(deps);
  const snapshot = await reads.snapshotAt(boardId, live.version);
  if (!snapshot.board) throw new NotFound("The board");
  // No meeting named: the one the other walkthrough routes mean (today's scheduled one).
  const meetingId = named ?? meetingOfTheDay(snapshot.board, today).id;
  const w = await (live.walkthrough?.meetingId === meetingId
    ? reads.walkthroughAt(boardId, today, meetingId, live.walkthrough.version)
    : deps.storage.walkthroughs.get(boardId, today, meetingId));
  if (!w) throw new NotFound("Today's walkthrough");
  const current = await currentFor(deps, actor, w, {
    participants: snapshot.participants,
    consents: snapshot.consents,
    entries: snapshot.entries,
    absences: snapshot.currentAbsences,
    lead: snapshot.board?.leadOrganisationId,
    sinceLastNotes: snapshot.sinceLastNotes,
    raises: snapshot.raises,
    interventions: snapshot.interventions,
    members: snapshot.members,
    contacts: snapshot.contacts,
  });
  return {
    meetingId: w.meetingId,
    version: live.walkthrough?.meetingId === w.meetingId ? live.walkthrough.version : 0,
    presenterId: w.presenterId,
    isPresenter: w.presenterId === actor.member.id,
    presenterPresent: isPresenterPresent(w, live.presenter, nowOf(deps)),
    ...(w.endedAt ? { endedAt: w.endedAt } : {}),
    ...(current ? { current } : {}),
  };
}

/**
 * The presenting stage's heartbeat. Only the presenter's beat counts (anyone else's is answered
 * and ignored); it is written to the board's live entity, so every instance can tell its
 * attendees when the beats stop.
 */
export async function beatPresenterStage(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  named: string | undefined,
): Promise<{ presenting: boolean }> {
  assertAllowed(actor.member, "board.read");
  const board = await deps.storage.boards.get(boardId);
  if (!board) throw new NotFound("The board");
  const meetingId = named ?? meetingOfTheDay(board, todayOf(deps)).id;
  const w = await deps.storage.walkthroughs.get(boardId, todayOf(deps), meetingId);
  if (!w) throw new NotFound("Today's walkthrough");
  const presenting = w.presenterId === actor.member.id && !w.endedAt;
  if (presenting) await deps.storage.boardVersions.markPresenter(boardId, { meetingId, memberId: actor.member.id, seenAt: nowOf(deps) });
  return { presenting };
}
