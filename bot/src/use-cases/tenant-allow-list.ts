import type { DevPerson } from "../auth";
import type { Storage } from "../storage/table-service";

const CACHE_MS = 30_000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tenants whose people may sign in: the union of every board's partner tenants. Cached briefly,
 * because it is asked on every request; a board's own membership is still checked per request.
 */
export function createTenantAllowList(storage: Storage, options: { creatorTenantIds?: readonly string[] } = {}) {
  let cached: { at: number; tenants: Set<string> } | undefined;
  const creators = new Set((options.creatorTenantIds ?? []).map((t) => t.toLowerCase()));
  const tenants = async (miss = false) => {
    // A tenant not seen yet may belong to an organisation added a moment ago: read again. Only tokens
    // whose signature, audience and issuer passed get this far, so strangers cannot make it a flood.
    if (!cached || miss || Date.now() - cached.at > CACHE_MS) {
      const boards = await storage.boards.list();
      cached = { at: Date.now(), tenants: new Set(boards.flatMap((b) => b.allowedTenantIds.map((t) => t.toLowerCase()))) };
    }
    return cached.tenants;
  };
  return {
    // The hosting tenant(s) may always sign in: on an empty store that is how the first board is created.
    isTenantAllowed: async (tenantId: string) =>
      creators.has(tenantId.toLowerCase()) ||
      (await tenants()).has(tenantId.toLowerCase()) ||
      (await tenants(true)).has(tenantId.toLowerCase()),
    /** Development sign-in only: the members of every board, to pick whom to sign in as. */
    signInablePeople: async (): Promise<DevPerson[]> => {
      const boards = await storage.boards.list();
      const people: DevPerson[] = [];
      for (const b of boards) {
        const [members, organisations] = await Promise.all([storage.members.listForBoard(b.id), storage.organisations.listForBoard(b.id)]);
        const orgName = new Map(organisations.map((o) => [o.id, o.name]));
        // Only people the development sign-in can sign in (GUID-shaped ids, as Entra's).
        for (const m of members.filter((x) => GUID.test(x.tenantId) && GUID.test(x.objectId)))
          people.push({
            tenantId: m.tenantId,
            objectId: m.objectId,
            displayName: m.displayName,
            organisationName: orgName.get(m.organisationId) ?? "",
            role: m.role,
          });
      }
      return people;
    },
  };
}
