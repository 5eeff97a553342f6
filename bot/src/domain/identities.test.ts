import { Invalid } from "./errors";
import { addIdentity, isSignInOf, signInIdentitiesOf } from "./identities";
import type { Board, Member } from "./types";

const board: Board = {
  id: "b",
  name: "FACT",
  allowedTenantIds: ["tenant-region", "tenant-kommun"],
  createdAt: "2026-01-01T00:00:00Z",
};
const hugo: Member = {
  id: "tenant-kommun.oid-home",
  boardId: "b",
  tenantId: "tenant-kommun",
  objectId: "oid-home",
  displayName: "Hugo",
  organisationId: "norrby-soc",
  role: "coordinator",
  substituteIds: [],
};

describe("a member's sign-in identities", () => {
  it("are the primary identity first, then the guest account added for the hosting tenant", () => {
    const withGuest = addIdentity(hugo, board, { tenantId: "TENANT-REGION", objectId: "OID-GUEST" });
    expect(withGuest.id).toBe(hugo.id);
    expect(withGuest.organisationId).toBe("norrby-soc");
    expect(signInIdentitiesOf(withGuest)).toEqual([
      { tenantId: "tenant-kommun", objectId: "oid-home" },
      { tenantId: "tenant-region", objectId: "oid-guest" },
    ]);
    expect(isSignInOf(withGuest, { tenantId: "tenant-region", objectId: "oid-guest" })).toBe(true);
    expect(isSignInOf(hugo, { tenantId: "tenant-region", objectId: "oid-guest" })).toBe(false);
  });

  it("does not repeat an identity the member already has", () => {
    expect(addIdentity(hugo, board, { tenantId: "tenant-kommun", objectId: "oid-home" })).toBe(hugo);
  });

  it("refuses an identity from a tenant the board does not let in", () => {
    expect(() => addIdentity(hugo, board, { tenantId: "tenant-elsewhere", objectId: "x" })).toThrow(Invalid);
  });
});
