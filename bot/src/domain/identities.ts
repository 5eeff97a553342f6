import { Invalid } from "./errors";
import { identityKeyOf, type Board, type Identity, type Member } from "./types";

// A person may reach the board with more than one identity: their home tenant (in a shared
// channel, or signing in outside Teams) and a guest account in the hosting tenant (B2B). Both are
// the same member, of the same organisation, seeing what that organisation may see.

/** Every identity the member signs in with: the primary one (the member id) first. */
export function signInIdentitiesOf(member: Member): Identity[] {
  return [{ tenantId: member.tenantId, objectId: member.objectId }, ...(member.identities ?? [])];
}

export function isSignInOf(member: Member, identity: Identity): boolean {
  const key = identityKeyOf(identity);
  return signInIdentitiesOf(member).some((i) => identityKeyOf(i) === key);
}

/**
 * The member with one more sign-in identity. Its tenant must be one the board lets in (a tenant
 * outside the allow-list could never sign in anyway); adding one it has already changes nothing.
 */
export function addIdentity(member: Member, board: Board, identity: Identity): Member {
  const tenantId = identity.tenantId.toLowerCase();
  const objectId = identity.objectId.toLowerCase();
  if (!board.allowedTenantIds.some((t) => t.toLowerCase() === tenantId)) {
    throw new Invalid("The identity's tenant is not one of the board's partner tenants.");
  }
  if (isSignInOf(member, { tenantId, objectId })) return member;
  return { ...member, identities: [...(member.identities ?? []), { tenantId, objectId }] };
}
