import type { Member, Organisation } from "../domain/types";
import type { Storage } from "../storage";
import { aBoard, aConsent, aMember, aParticipant, anOrganisation } from "../storage/test-support";

// The smallest FACT team most bot and job tests need: a board two organisations share, each in
// its own tenant, and participants of both whose details the region lets the municipality read.

export const REGION_TENANT = "tenant-region";
export const KOMMUN_TENANT = "tenant-kommun";

export interface TwoOrganisations {
  boardId: string;
  region: Organisation;
  kommun: Organisation;
  /** A member of one of the two, in its tenant. */
  member(of: Organisation, o?: Partial<Member>): Promise<Member>;
  /** A participant of both, written by the region, whose consent lets the municipality read until `validUntil`. */
  sharedParticipant(o: { code: string; initials?: string; caseManagerId: string; validUntil?: string }): Promise<string>;
}

export async function twoOrganisations(storage: Storage): Promise<TwoOrganisations> {
  const boardId = (await storage.boards.create(aBoard({ allowedTenantIds: [REGION_TENANT, KOMMUN_TENANT] }))).id;
  const region = await storage.organisations.create(
    anOrganisation(boardId, { id: `orgr${boardId}`, name: "Psykiatrin", tenantId: REGION_TENANT }),
  );
  const kommun = await storage.organisations.create(
    anOrganisation(boardId, { id: `orgk${boardId}`, name: "Socialtjänsten", tenantId: KOMMUN_TENANT }),
  );
  return {
    boardId,
    region,
    kommun,
    member: (of, o = {}) => storage.members.create(aMember(boardId, { tenantId: of.tenantId, organisationId: of.id, ...o })),
    async sharedParticipant({ validUntil = "2026-12-31", ...o }) {
      const p = await storage.participants.create(
        aParticipant(boardId, { ...o, writtenBy: region.id, organisationIds: [region.id, kommun.id] }),
      );
      await storage.consents.save(
        aConsent(boardId, p.id, {
          disclosingOrganisationId: region.id,
          receivingOrganisationIds: [kommun.id],
          status: "given",
          givenOn: "2025-06-01",
          validUntil,
        }),
      );
      return p.id;
    },
  };
}
