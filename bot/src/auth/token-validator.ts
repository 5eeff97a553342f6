import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from "jose" with { "resolution-mode": "import" };
import type { Caller } from "../domain/types";
import { upnOfClaims } from "../domain/upn";
import { loadJose, type Jose } from "./jose";
import { isStorageUnavailable } from "../storage/storage-errors";
import { Unauthenticated, type UnauthenticatedReason } from "./unauthenticated";

// Validates a bearer token and turns it into a Caller: the tenant id and object id of the person,
// and the user principal name a Teams chat link names (domain/upn.ts); nothing else (no display
// name: partners from other tenants are known by ids, their names are the board's own records).
// jose does the JWT work; this file only says which keys, issuers, audiences and claims count.

/** Where the signing keys come from: a JWKS URL (fetched, cached, refetched on an unknown kid) or a JWKS held in memory. */
export type KeySource =
  | {
      jwksUrl: string;
      /** Least time between two fetches, also when an unknown kid asks for one. jose's default is 30 s. */
      cooldownMs?: number;
      /** How long fetched keys are trusted before they are fetched again. jose's default is 10 min. */
      cacheMaxAgeMs?: number;
      timeoutMs?: number;
    }
  | { jwks: JSONWebKeySet };

export type IsTenantAllowed = (tenantId: string) => boolean | Promise<boolean>;

export interface TokenValidatorOptions {
  keys: KeySource;
  /** The issuers a token of tenant `tenantId` may carry; checked after the signature, against the token's own tid. */
  issuersFor: (tenantId: string) => readonly string[];
  audiences: readonly string[];
  /** The boards' allow-list of partner tenants. */
  isTenantAllowed: IsTenantAllowed;
  /** A delegated scope the token must carry in `scp`; keeps app-only tokens (no user behind them) out. */
  requiredScope?: string;
  clockToleranceSeconds?: number;
  now?: () => Date;
}

export interface TokenValidator {
  /** Resolves to the caller, or rejects with Unauthenticated: never with anything else. */
  validate(token: string): Promise<Caller>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (value: unknown): value is string => typeof value === "string" && GUID.test(value);

/** Only RS256: Entra signs with it, so does the dev issuer; "none", HS256 and everything else are refused before any key is used. */
const ALGORITHMS = ["RS256"];
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

type GetKey = JWTVerifyGetKey;

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const now = options.now ?? (() => new Date());
  let ready: Promise<{ jose: Jose; getKey: GetKey }> | undefined;
  const init = () => (ready ??= loadJose().then((jose) => ({ jose, getKey: keySetOf(jose, options.keys) })));

  async function validate(token: string): Promise<Caller> {
    const { jose, getKey } = await init();
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, getKey, {
        algorithms: ALGORITHMS,
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
        currentDate: now(),
        requiredClaims: ["iss", "aud", "exp"],
      }));
    } catch (e) {
      throw toUnauthenticated(e);
    }

    const { tid, oid, iss, scp } = payload as JWTPayload & { tid?: unknown; oid?: unknown; scp?: unknown };
    if (!isGuid(tid) || !isGuid(oid)) throw new Unauthenticated("claims");
    // Multi-tenant: any tenant's Entra signs with the same keys, so the issuer must be the token's own tenant.
    if (typeof iss !== "string" || !options.issuersFor(tid).includes(iss)) throw new Unauthenticated("issuer");
    if (options.requiredScope !== undefined) {
      const scopes = typeof scp === "string" ? scp.split(" ") : [];
      if (!scopes.includes(options.requiredScope)) throw new Unauthenticated("claims");
    }
    let allowed: boolean;
    try {
      allowed = await options.isTenantAllowed(tid.toLowerCase());
    } catch (e) {
      // Storage unavailable: refused too, but as what it is (503, try again), not as a sign-out (401).
      if (isStorageUnavailable(e)) throw e;
      // The allow-list could not be read: refuse rather than let an unknown tenant through.
      allowed = false;
    }
    if (!allowed) throw new Unauthenticated("tenant-not-allowed");

    const upn = upnOfClaims(payload as { upn?: unknown; preferred_username?: unknown });
    return { tenantId: tid.toLowerCase(), objectId: oid.toLowerCase(), ...(upn ? { upn } : {}) };
  }

  return {
    validate: async (token) => {
      try {
        return await validate(token);
      } catch (e) {
        throw e instanceof Unauthenticated || isStorageUnavailable(e) ? e : toUnauthenticated(e);
      }
    },
  };
}

function keySetOf(jose: Jose, keys: KeySource): GetKey {
  if ("jwks" in keys) return jose.createLocalJWKSet(keys.jwks);
  return jose.createRemoteJWKSet(new URL(keys.jwksUrl), {
    ...(keys.cooldownMs !== undefined && { cooldownDuration: keys.cooldownMs }),
    ...(keys.cacheMaxAgeMs !== undefined && { cacheMaxAge: keys.cacheMaxAgeMs }),
    ...(keys.timeoutMs !== undefined && { timeoutDuration: keys.timeoutMs }),
  });
}

/** jose's errors carry stable codes; they are read by code so no jose class has to be loaded to compare. */
function toUnauthenticated(e: unknown): Unauthenticated {
  const { code, claim } = (e ?? {}) as { code?: unknown; claim?: unknown };
  return new Unauthenticated(reasonOf(code, claim));
}

function reasonOf(code: unknown, claim: unknown): UnauthenticatedReason {
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "expired";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "nbf") return "not-yet-valid";
      if (claim === "aud") return "audience";
      if (claim === "iss") return "issuer";
      return "claims";
    case "ERR_JOSE_ALG_NOT_ALLOWED":
    case "ERR_JOSE_NOT_SUPPORTED":
      return "algorithm";
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "signature";
    case "ERR_JWKS_NO_MATCHING_KEY":
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
      return "unknown-key";
    case "ERR_JWKS_TIMEOUT":
    case "ERR_JWKS_INVALID":
      return "keys-unavailable";
    case "ERR_JWT_INVALID":
    case "ERR_JWS_INVALID":
      return "malformed";
    default:
      // A failed JWKS fetch surfaces as a plain fetch/TypeError or a JOSEError without a known code.
      return "keys-unavailable";
  }
}

// ---- Microsoft Entra ID ----

/** Signing keys of every Entra tenant (v1 and v2 tokens share them). */
export const ENTRA_JWKS_URL = "https://login.microsoftonline.com/common/discovery/v2.0/keys";

/** The v1 (sts.windows.net) and v2 (login.microsoftonline.com/…/v2.0) issuer of one tenant. */
export const entraIssuersFor = (tenantId: string): string[] => [
  `https://sts.windows.net/${tenantId}/`,
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
];

/** The scope the tab's SSO token is requested for (Expose an API in the app registration). */
export const TEAMS_SSO_SCOPE = "access_as_user";

export interface EntraValidatorOptions {
  clientId: string;
  /** api://<host>/<client id>: v1 tokens carry it as audience, v2 tokens carry the client id. */
  appIdUri?: string;
  isTenantAllowed: IsTenantAllowed;
  /** Tests point this at a local JWKS; in Azure leave it to the default. */
  keys?: KeySource;
  now?: () => Date;
}

export function createEntraTokenValidator(options: EntraValidatorOptions): TokenValidator {
  return createTokenValidator({
    keys: options.keys ?? { jwksUrl: ENTRA_JWKS_URL },
    issuersFor: entraIssuersFor,
    audiences: options.appIdUri ? [options.clientId, options.appIdUri] : [options.clientId],
    isTenantAllowed: options.isTenantAllowed,
    requiredScope: TEAMS_SSO_SCOPE,
    ...(options.now && { now: options.now }),
  });
}
