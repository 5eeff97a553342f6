import type { EditParticipantBody, ParticipantView } from "@fact-board/contract";
import { Invalid } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { assertRegistrable } from "../domain/participant-registration";
import { CASE_MANAGER_MAY_NOT_SEE, mayBeCaseManager } from "../domain/visibility";
import { relationOf } from "./relation";
import type { Actor, BoardId, Participant, ParticipantId } from "../domain/types";
import { changedFields, recordAdminChange } from "./admin-audit";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { changedPlans, setPlans } from "../domain/plans";
import { loadVisibleParticipant } from "./participant-access";
import { toParticipantView } from "./view-mappers";

/** Edits the base record or changes the case manager: the writing organisation's own record (authorship). */
export async function editParticipant(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: EditParticipantBody,
): Promise<ParticipantView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const today = todayOf(deps);
  const current = ctx.participant;
  assertAllowed(actor.member, "participant.edit", {
    ...relationOf(actor, current, ctx.absences, ctx.consents, today),
    ownOrganisation: current.writtenBy === actor.member.organisationId,
  });
  const [board, members, organisations, all] = await Promise.all([
    deps.storage.boards.get(boardId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
    body.code ? deps.storage.participants.listForBoard(boardId) : Promise.resolve([]),
  ]);
  const record: Participant = {
    ...current,
    code: body.code ?? current.code,
    initials: body.initials ?? current.initials,
    caseManagerId: body.caseManagerId ?? current.caseManagerId,
    organisationIds: body.organisationIds ? [...new Set([current.writtenBy, ...body.organisationIds])] : current.organisationIds,
  };
  // The participant form sets the plans too: the record's writer's, like the rest of it.
  const next = body.plans ? setPlans(record, actor.member, body.plans, today, nowOf(deps)) : record;
  assertRegistrable(next, { ...(board?.settings?.codePattern ? { codePattern: board.settings.codePattern } : {}), members, organisations });
  const caseManager = members.find((m) => m.id === next.caseManagerId)!;
  if (next.caseManagerId !== current.caseManagerId && !mayBeCaseManager(caseManager, next, ctx.consents, today))
    throw new Invalid(CASE_MANAGER_MAY_NOT_SEE, "caseManagerId", "CaseManagerMayNotSee");
  if (body.code && all.some((p) => p.id !== current.id && p.code === next.code))
    throw new Invalid("A participant with this code already exists.", "code");
  const fields = [
    ...changedFields(current, next, ["code", "initials", "caseManagerId", "organisationIds"]),
    ...changedPlans(current.plans, next.plans),
  ];
  await recordAccess(deps, actor, "changed", [next]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "participantChanged",
    subject: { kind: "participant", id: current.id },
    fields,
  });
  const saved = await deps.storage.participants.update(next, { expectedEtag: body.etag });
  await deps.storage.boardVersions.bump(boardId);
  const after = await loadVisibleParticipant(deps, actor, boardId, saved.id);
  return toParticipantView(after.visibility, after.consents, after.absences, current.onBoard, today, {
    member: actor.member,
    relation: after.relation,
  });
}
