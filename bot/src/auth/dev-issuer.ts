import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { JSONWebKeySet, JWK } from "jose" with { "resolution-mode": "import" };
import type { Config } from "../config";
import type { Caller } from "../domain/types";
import { loadJose } from "./jose";
import { TEAMS_SSO_SCOPE, type IsTenantAllowed, type TokenValidator, createTokenValidator } from "./token-validator";

// The development sign-in: a token issuer inside the server, so that without a Microsoft 365 tenant
// the API still runs the very same validator (signature, RS256, issuer, audience, expiry, tid/oid,
// scope, tenant allow-list) that Entra tokens go through. Its key pair is made once and, given a
// key file (development: .data/dev-issuer-key.json, git-ignored), kept there, so a restart keeps
// people signed in and two local instances accept each other's tokens. Without one (tests) it
// lives only in memory. The key signs only development tokens, which only a server with
// DEV_SIGN_IN accepts, and production refuses DEV_SIGN_IN.
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
  /** Keep the key pair here (made on first use, file mode 0600); without it the key lives in memory only. */
  keyFile?: string;
}

type Jose = Awaited<ReturnType<typeof loadJose>>;

/** Reads the key pair from the file, or makes one and writes it there. */
async function keyPair(jose: Jose, keyFile: string | undefined) {
  if (keyFile && existsSync(keyFile)) {
    const { privateJwk } = JSON.parse(await readFile(keyFile, "utf8")) as { privateJwk: JWK };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    return { privateKey: await jose.importJWK(privateJwk, "RS256"), publicJwk };
  }
  const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: Boolean(keyFile) });
  if (keyFile) {
    await mkdir(path.dirname(keyFile), { recursive: true });
    // "wx": of two instances starting together, one writes; the other reads what it wrote.
    try {
      await writeFile(keyFile, JSON.stringify({ privateJwk: await jose.exportJWK(privateKey) }), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return keyPair(jose, keyFile);
      throw e;
    }
  }
  return { privateKey, publicJwk: await jose.exportJWK(publicKey) };
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
  const { privateKey, publicJwk } = await keyPair(jose, options.keyFile);
  const kid = await jose.calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: "RS256", use: "sig" }] };

  return {
    issuer,
    audience: DEV_AUDIENCE,
    jwks,
    async signIn({ tenantId, objectId, upn }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + lifetimeSeconds;
      const claims = { tid: tenantId, oid: objectId, scp: TEAMS_SSO_SCOPE, ver: "2.0", ...(upn ? { preferred_username: upn } : {}) };
      const token = await new jose.SignJWT(claims)
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
