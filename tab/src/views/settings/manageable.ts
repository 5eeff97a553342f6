import type { GrantChoice, Role } from "@fact-board/contract";
import type { AdminState } from "./useAdmin";

// Where the viewer may place people and with which roles: the server's answer (`grantable` of
// GET …/admin, `may` on each member and join request), never worked out here from the viewer's role.

/** The organisations among `choices`, with the roles the viewer may grant in each. */
export function useGrantChoices(admin: AdminState, choices: readonly GrantChoice[] | undefined) {
  const organisations = (admin.overview?.organisations ?? []).filter((o) => choices?.some((c) => c.organisationId === o.id));
  const rolesIn = (organisationId: string): Role[] => choices?.find((c) => c.organisationId === organisationId)?.roles ?? [];
  return { organisations, rolesIn };
}
