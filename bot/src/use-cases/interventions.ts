import type { AddInterventionBody, EditInterventionBody, EndInterventionBody, InterventionView } from "@fact-board/contract";
import { Conflict, NotFound } from "../domain/errors";
import { type Intervention, editIntervention, endIntervention, readableInterventions, startIntervention } from "../domain/interventions";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, OrganisationId, ParticipantId } from "../domain/types";
import type { ParticipantVisibility } from "../domain/visibility";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant, type ParticipantContext } from "./participant-access";

// Ongoing support (Pågående insatser, issue 26): each organisation keeps its own list per
// participant. Adding is always the actor's organisation's own item; a change or an ending is the
// keeping organisation's alone, under the ETag the person saw, so two coordinators editing at once
// never overwrite each other silently.

type StoredIntervention = Intervention & { etag?: string };

export function toInterventionView(i: StoredIntervention, viewer: OrganisationId): InterventionView {
  return {
    id: i.id,
    participantId: i.participantId,
    organisationId: i.organisationId,
    kind: i.kind,
    ...(i.label ? { label: i.label } : {}),
    ...(i.startedOn ? { startedOn: i.startedOn } : {}),
    ...(i.endedOn ? { endedOn: i.endedOn } : {}),
    writtenBy: i.writtenBy,
    writtenAt: i.writtenAt,
    ...(i.organisationId === viewer && i.etag ? { etag: i.etag } : {}),
  };
}

/** One participant's interventions the viewer may read (ongoing first). */
export const visibleInterventions = (visibility: ParticipantVisibility, interventions: readonly StoredIntervention[]): InterventionView[] =>
  readableInterventions(
    visibility,
    interventions.filter((i) => i.participantId === visibility.participant.id),
  ).map((i) => toInterventionView(i, visibility.viewer));

async function loadForKeeping(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ParticipantContext> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  assertAllowed(actor.member, "intervention.keep", ctx.relation);
  return ctx;
}

export async function addIntervention(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: AddInterventionBody,
): Promise<InterventionView> {
  const org = actor.member.organisationId;
  const id = body.id ?? deps.newId();
  const ctx = await loadForKeeping(deps, actor, boardId, participantId);
  const existing = await deps.storage.interventions.listForParticipant(boardId, participantId);
  // A retried request whose first attempt landed: answer with it.
  const landed = existing.find((i) => i.id === id);
  if (landed && landed.organisationId === org) return toInterventionView(landed, org);
  if (landed) throw new Conflict("The intervention");
  const intervention = startIntervention(
    {
      boardId,
      participantId,
      id,
      organisationId: org,
      kind: body.kind,
      ...(body.label !== undefined ? { label: body.label } : {}),
      ...(body.startedOn !== undefined ? { startedOn: body.startedOn } : {}),
      by: actor.member.id,
    },
    existing,
    nowOf(deps),
  );
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  const saved = await deps.storage.interventions.create(intervention);
  await deps.storage.boardVersions.bump(boardId);
  return toInterventionView(saved, org);
}

async function change(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  interventionId: string,
  etag: string,
  next: (current: Intervention) => Intervention,
): Promise<InterventionView> {
  const org = actor.member.organisationId;
  const [ctx, current] = await Promise.all([
    loadForKeeping(deps, actor, boardId, participantId),
    deps.storage.interventions.get(boardId, participantId, interventionId),
  ]);
  // Another organisation's intervention the viewer may not read does not exist for them.
  if (!current || !ctx.visibility.readable.has(current.organisationId)) throw new NotFound("The intervention");
  // The rule first (whose it is, whether it has ended): refused with what to do instead.
  const changed = next(current);
  if (current.etag !== etag) throw new Conflict("The intervention", toInterventionView(current, org));
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  let saved;
  try {
    saved = await deps.storage.interventions.save(changed, { expectedEtag: etag });
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    const fresh = await deps.storage.interventions.get(boardId, participantId, interventionId);
    throw new Conflict("The intervention", fresh && toInterventionView(fresh, org));
  }
  await deps.storage.boardVersions.bump(boardId);
  return toInterventionView(saved, org);
}

export function editInterventionOf(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  interventionId: string,
  body: EditInterventionBody,
): Promise<InterventionView> {
  const { etag, ...fields } = body;
  return change(deps, actor, boardId, participantId, interventionId, etag, (current) =>
    editIntervention(current, actor.member, fields, nowOf(deps)),
  );
}

export function endInterventionOf(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  interventionId: string,
  body: EndInterventionBody,
): Promise<InterventionView> {
  const today = todayOf(deps);
  return change(deps, actor, boardId, participantId, interventionId, body.etag, (current) =>
    endIntervention(current, actor.member, body.endedOn ?? today, today, nowOf(deps)),
  );
}
