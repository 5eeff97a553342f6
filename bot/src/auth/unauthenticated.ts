// The one error the identity seam throws. Its message is safe to show anyone; `reason` is for logs
// (it names the check that failed, never the token or its claims) and tests.

export type UnauthenticatedReason =
  | "missing" // no Authorization: Bearer header
  | "malformed" // not a compact JWS, or claims that are not JSON
  | "algorithm" // anything but RS256, including alg "none" and HS256
  | "signature"
  | "unknown-key" // no key in the JWKS has the token's kid, even after a refetch
  | "keys-unavailable" // the JWKS could not be fetched
  | "issuer"
  | "audience"
  | "expired"
  | "not-yet-valid"
  | "claims" // tid/oid missing or not GUIDs, scope missing, other claim checks
  | "tenant-not-allowed"
  | "not-configured"; // no validator for this kind of token (e.g. Entra settings missing in development)

export class Unauthenticated extends Error {
  readonly code = "Unauthenticated" as const;
  constructor(readonly reason: UnauthenticatedReason) {
    super("You are not signed in, or your sign-in has expired. Sign in again to continue.");
    this.name = "Unauthenticated";
  }
}

export const isUnauthenticated = (e: unknown): e is Unauthenticated => e instanceof Unauthenticated;
