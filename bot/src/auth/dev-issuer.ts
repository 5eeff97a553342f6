import type { JSONWebKeySet } from "jose" with { "resolution-mode": "import" };
import type { Config } from "../config";
import type { Caller } from "../domain/types";
import { loadJose } from "./jose";
import { TEAMS_SSO_SCOPE, type IsTenantAllowed, type TokenValidator, createTokenValidator } from "./token-validator";

// The development sign-in: a token issuer inside the server, so that without a Microsoft 365 tenant
// the API still runs the very same validator (signature, RS256, issuer, audience, expiry, tid/oid,
// scope, tenant allow-list) that Entra tokens go through. Its key pair is made at start and lives
// only in memory: a restart signs everyone out, and nothing secret is ever written anywhere.
//
// Its tokens look like Entra v2 tokens (tid, oid, scp) but carry their own issuer,
// `${PUBLIC_URL}/dev-issuer`, so they can never be mistaken for, or accepted as, Entra tokens.

export const DEV_AUDIENCE = "api://fact-board/dev-sign-in";
const DEFAULT_LIFETIME_SECONDS = 8 * 60 * 60;

export interface DevSignIn {
  token: string;
  /** ISO instant. */
  expiresAt: string;
}

export interface DevIssuer {
  readonly issuer: string;
  readonly audience: string;
  /** The public key only. */
  readonly jwks: JSONWebKeySet;
  signIn(caller: Caller): Promise<DevSignIn>;
  /** The shared validator, pointed at this issuer's keys. */
  createValidator(isTenantAllowed: IsTenantAllowed): TokenValidator;
}

export class DevSignInRefused extends Error {
  override readonly name = "DevSignInRefused";
}

export interface DevIssuerOptions {
  lifetimeSeconds?: number;
  now?: () => Date;
}

export async function createDevIssuer(
  config: Pick<Config, "NODE_ENV" | "DEV_SIGN_IN" | "PUBLIC_URL">,
  options: DevIssuerOptions = {},
): Promise<DevIssuer> {
  // Checked here as well as in loadConfig: this function must be impossible to misuse.
  if (config.NODE_ENV === "production") {
    throw new DevSignInRefused("The development sign-in is refused when NODE_ENV=production.");
  }
  if (!config.DEV_SIGN_IN) {
    throw new DevSignInRefused("The development sign-in is off; set DEV_SIGN_IN=true to use it.");
  }

  const now = options.now ?? (() => new Date());
  const lifetimeSeconds = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const issuer = `${config.PUBLIC_URL.replace(/\/+$/, "")}/dev-issuer`;

  const jose = await loadJose();
  const { privateKey, publicKey } = await jose.generateKeyPair("RS256");
  const publicJwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: "RS256", use: "sig" }] };

  return {
    issuer,
    audience: DEV_AUDIENCE,
    jwks,
    async signIn({ tenantId, objectId }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + lifetimeSeconds;
      const token = await new jose.SignJWT({ tid: tenantId, oid: objectId, scp: TEAMS_SSO_SCOPE, ver: "2.0" })
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid })
        .setIssuer(issuer)
        .setAudience(DEV_AUDIENCE)
        .setSubject(objectId)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
    },
    createValidator(isTenantAllowed) {
      return createTokenValidator({
        keys: { jwks },
        issuersFor: () => [issuer],
        audiences: [DEV_AUDIENCE],
        isTenantAllowed,
        requiredScope: TEAMS_SSO_SCOPE,
        ...(options.now && { now: options.now }),
      });
    },
  };
}
