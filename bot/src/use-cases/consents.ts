import type { ConsentView, RecordConsentBody } from "@fact-board/contract";
import { RecordConsentBody as RecordConsentSchema } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import { assertRecordableConsent } from "../domain/consent";
import { Conflict, Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, Consent, OrganisationId, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { consentViewsFor, toConsentView } from "./view-mappers";

function consentFrom(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
  body: ReturnType<typeof RecordConsentSchema.parse>,
): Consent {
  return {
    boardId,
    participantId,
    disclosingOrganisationId,
    receivingOrganisationIds: [...new Set(body.receivingOrganisationIds)],
    basis: body.basis,
    status: body.status,
    recordedBy: actor.member.id,
    recordedAt: nowOf(deps),
    ...(body.legalReference ? { legalReference: body.legalReference } : {}),
    ...(body.givenOn ? { givenOn: body.givenOn } : {}),
    ...(body.validUntil ? { validUntil: body.validUntil } : {}),
    ...(body.status === "withdrawn" ? { withdrawnOn: body.withdrawnOn ?? todayOf(deps) } : {}),
  };
}

/** The stored consent says exactly what this request would record, by the same person (only the time differs). */
function isSameRecord(stored: Consent, next: Consent): boolean {
  const strip = ({ etag: _etag, recordedAt: _at, ...rest }: Consent) => JSON.stringify(rest, Object.keys(rest).sort());
  return strip(stored) === strip(next);
}

export async function readConsents(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ConsentView[]> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  await recordAccess(deps, actor, "viewedDetails", [ctx.participant]);
  return consentViewsFor(ctx.participant, ctx.consents, todayOf(deps));
}

/**
 * Records the disclosing organisation's consent (or its legal basis). Only that organisation's
 * own members may record it; visibility for the named receivers follows on the next read.
 */
export async function recordConsent(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
  input: RecordConsentBody,
): Promise<ConsentView> {
  const body = RecordConsentSchema.parse(input);
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  // A consent is the disclosing organisation's own record: nobody records it in another's name.
  assertMayChange("consent.record", actor.member.organisationId, disclosingOrganisationId);
  assertAllowed(actor.member, "consent.record", { ...ctx.relation, ownOrganisation: true });
  if (!ctx.participant.organisationIds.includes(disclosingOrganisationId)) throw new NotFound("The organisation");
  const organisations = new Set((await deps.storage.organisations.listForBoard(boardId)).map((o) => o.id));
  const unknown = body.receivingOrganisationIds.find((id) => !organisations.has(id));
  if (unknown) throw new Invalid("A receiving organisation is not part of this board.");

  const existing = ctx.consents.find((c) => c.disclosingOrganisationId === disclosingOrganisationId);
  const consent = consentFrom(deps, actor, boardId, participantId, disclosingOrganisationId, body);
  if (existing && isSameRecord(existing, consent)) {
    // A retry whose first attempt was saved (its answer, version bump or card was lost): finish it.
    await deps.storage.boardVersions.bump(boardId);
    await deps.notifier.notify({ type: "consentChanged", boardId, participantId, disclosingOrganisationId });
    return toConsentView(existing, participantId, disclosingOrganisationId, todayOf(deps));
  }
  if (existing && body.etag === undefined)
    throw new Conflict("The consent", toConsentView(existing, participantId, disclosingOrganisationId, todayOf(deps)));
  assertRecordableConsent(consent);
  await recordAccess(deps, actor, "consentRecorded", [ctx.participant]);
  let saved: Consent;
  try {
    saved = await deps.storage.consents.save(consent, body.etag === undefined ? {} : { expectedEtag: body.etag });
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.consents.get(boardId, participantId, disclosingOrganisationId);
      throw new Conflict("The consent", current && toConsentView(current, participantId, disclosingOrganisationId, todayOf(deps)));
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  await deps.notifier.notify({ type: "consentChanged", boardId, participantId, disclosingOrganisationId });
  return toConsentView(saved, participantId, disclosingOrganisationId, todayOf(deps));
}

/**
 * Declining or withdrawing from a consent card, which names no receivers: those of the stored
 * consent, else every other organisation involved.
 */
export async function declineOrWithdrawConsent(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
  body: { status: "declined" | "withdrawn"; etag?: string; withdrawnOn?: string; receivingOrganisationIds?: string[] },
): Promise<ConsentView> {
  const { receivingOrganisationIds, ...rest } = body;
  const receivers = receivingOrganisationIds ?? (await receiversByDefault(deps, boardId, participantId, disclosingOrganisationId));
  return recordConsent(deps, actor, boardId, participantId, disclosingOrganisationId, { ...rest, receivingOrganisationIds: receivers });
}

async function receiversByDefault(deps: UseCaseDeps, boardId: BoardId, participantId: ParticipantId, disclosing: OrganisationId) {
  const [participant, consent] = await Promise.all([
    deps.storage.participants.get(boardId, participantId),
    deps.storage.consents.get(boardId, participantId, disclosing),
  ]);
  if (consent && consent.receivingOrganisationIds.length > 0) return consent.receivingOrganisationIds;
  return (participant?.organisationIds ?? []).filter((id) => id !== disclosing);
}
