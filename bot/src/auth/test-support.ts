import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CryptoKey, JSONWebKeySet, JWK, JWTPayload } from "jose" with { "resolution-mode": "import" };
import { loadJose } from "./jose";

// Test helpers for the identity seam: RSA keys made on the spot, tokens shaped like Entra's, and a
// JWKS served over real HTTP on 127.0.0.1 so createRemoteJWKSet does its real fetching and caching.

export const CLIENT_ID = "6b1c2f0e-4f6d-4c39-9d5c-1f0a3b7e9a11";
export const APP_ID_URI = `api://board.example.se/${CLIENT_ID}`;
export const TENANT = "3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8";
export const OTHER_TENANT = "9e8d7c6b-5a49-4837-a625-1403f2e1d0c9";
export const OBJECT_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
/** The principal name an Entra token carries (preferred_username): the one claim besides the ids a caller keeps. */
export const UPN = "someone@partner.example";

export const v2Issuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;
export const v1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeSigningKey(kid: string): Promise<SigningKey> {
  const jose = await loadJose();
  const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, publicKey, publicJwk };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Claims of a Teams SSO (v2) access token for TENANT/OBJECT_ID; override any of them, `undefined` removes one. */
export function entraClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  const now = nowSeconds();
  const claims: Record<string, unknown> = {
    iss: v2Issuer(TENANT),
    aud: CLIENT_ID,
    tid: TENANT,
    oid: OBJECT_ID,
    sub: "pairwise-subject",
    scp: "access_as_user",
    ver: "2.0",
    iat: now - 10,
    nbf: now - 10,
    exp: now + 3600,
    name: "Should Never Leave The Validator",
    preferred_username: UPN,
    ...overrides,
  };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return claims;
}

/** Signs claims with RS256 under `key`; `kid` may be set to another key's id to forge a header. */
export async function signToken(key: SigningKey, claims: JWTPayload, kid: string = key.kid): Promise<string> {
  const jose = await loadJose();
  return new jose.SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(key.privateKey);
}

export interface JwksServer {
  url: string;
  /** How many times the JWKS has been fetched. */
  fetches(): number;
  publish(keys: readonly SigningKey[]): void;
  close(): Promise<void>;
}

export async function startJwksServer(keys: readonly SigningKey[]): Promise<JwksServer> {
  let jwks: JSONWebKeySet = { keys: keys.map((k) => k.publicJwk) };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== "/keys") {
      res.writeHead(404).end();
      return;
    }
    fetches += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/keys`,
    fetches: () => fetches,
    publish: (next) => {
      jwks = { keys: next.map((k) => k.publicJwk) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
