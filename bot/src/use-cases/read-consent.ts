import type { ConsentView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { consentRights } from "../domain/viewer-rights";
import type { Actor, BoardId, OrganisationId, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { toConsentView } from "./view-mappers";

// One organisation's consent for one participant, as its card shows it: the same gate and access
// log as the tab's consent read (readConsents), plus whether this person may record it.

export interface ConsentForViewer {
  participant: { id: string; code: string; initials: string };
  disclosingOrganisation: { id: OrganisationId; name: string };
  /** The other organisations involved; `selected` when the stored consent names them (or none is stored). */
  receivingOrganisations: Array<{ id: OrganisationId; name: string; selected: boolean }>;
  consent: ConsentView;
  canRecord: boolean;
}

export async function readConsentFor(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
): Promise<ConsentForViewer> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const p = ctx.participant;
  if (!p.organisationIds.includes(disclosingOrganisationId)) throw new NotFound("The organisation");
  const organisations = await deps.storage.organisations.listForBoard(boardId);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const stored = ctx.consents.find((c) => c.disclosingOrganisationId === disclosingOrganisationId);
  const receivers = p.organisationIds.filter((id) => id !== disclosingOrganisationId);
  await recordAccess(deps, actor, "viewedDetails", [p]);
  return {
    participant: { id: p.id, code: p.code, initials: p.initials },
    disclosingOrganisation: { id: disclosingOrganisationId, name: names.get(disclosingOrganisationId) ?? "—" },
    receivingOrganisations: receivers.map((id) => ({
      id,
      name: names.get(id) ?? id,
      selected: stored ? stored.receivingOrganisationIds.includes(id) : true,
    })),
    consent: toConsentView(stored, p.id, disclosingOrganisationId, todayOf(deps)),
    canRecord: consentRights(actor.member, ctx.relation, p, disclosingOrganisationId).record,
  };
}
