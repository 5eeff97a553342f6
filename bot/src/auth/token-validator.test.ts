import { loadJose } from "./jose";
import { createEntraTokenValidator, type TokenValidator } from "./token-validator";
import { Unauthenticated, type UnauthenticatedReason } from "./unauthenticated";
import {
  APP_ID_URI,
  CLIENT_ID,
  OBJECT_ID,
  OTHER_TENANT,
  TENANT,
  UPN,
  type JwksServer,
  type SigningKey,
  entraClaims,
  makeSigningKey,
  nowSeconds,
  signToken,
  startJwksServer,
  v1Issuer,
  v2Issuer,
} from "./test-support";

let keyA: SigningKey;
let keyB: SigningKey;
let stranger: SigningKey;
let jwks: JwksServer;
let allowedTenants: Set<string>;
let validator: TokenValidator;

beforeAll(async () => {
  [keyA, keyB, stranger] = await Promise.all([makeSigningKey("key-a"), makeSigningKey("key-b"), makeSigningKey("key-x")]);
});

beforeEach(async () => {
  jwks = await startJwksServer([keyA]);
  allowedTenants = new Set([TENANT]);
  validator = createEntraTokenValidator({
    clientId: CLIENT_ID,
    appIdUri: APP_ID_URI,
    isTenantAllowed: (tid) => allowedTenants.has(tid),
    // No cooldown, so a rotation is picked up at once in the tests; jose's 30 s default holds in production.
    keys: { jwksUrl: jwks.url, cooldownMs: 0 },
  });
});

afterEach(() => jwks.close());

async function expectRejected(token: string, reason: UnauthenticatedReason) {
  const error = await validator.validate(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Unauthenticated);
  expect(error).toMatchObject({ code: "Unauthenticated", reason });
  // The message is for people: it never echoes the token or its claims.
  expect((error as Error).message).not.toMatch(/tid|oid|partner|key-|RS256|[0-9a-f]{8}-/i);
}

describe("an Entra access token", () => {
  it("is accepted from an allowed tenant and yields only tenant id, object id and principal name, never the display name", async () => {
    const caller = await validator.validate(await signToken(keyA, entraClaims()));
    expect(caller).toEqual({ tenantId: TENANT, objectId: OBJECT_ID, upn: UPN });
  });

  it("keeps a v1 token's upn before its preferred_username, and no principal name that is not shaped like one", async () => {
    const v1 = await signToken(keyA, entraClaims({ upn: "ada@region.example", preferred_username: "other@region.example" }));
    await expect(validator.validate(v1)).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID, upn: "ada@region.example" });
    for (const odd of [undefined, "not an address", 42, `${"a".repeat(250)}@x.example`]) {
      const token = await signToken(keyA, entraClaims({ preferred_username: odd }));
      await expect(validator.validate(token)).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID });
    }
  });

  it("is accepted in v1 form: sts.windows.net issuer and the app id URI as audience", async () => {
    const token = await signToken(keyA, entraClaims({ iss: v1Issuer(TENANT), aud: APP_ID_URI, ver: "1.0" }));
    await expect(validator.validate(token)).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID, upn: UPN });
  });

  it("is accepted 30 seconds after expiry, within the 60 s clock tolerance", async () => {
    const token = await signToken(keyA, entraClaims({ exp: nowSeconds() - 30 }));
    await expect(validator.validate(token)).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID, upn: UPN });
  });

  it("is rejected when issued for another audience", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ aud: "api://someone-else/another-app" })), "audience");
  });

  it("is rejected when the issuer is not Entra", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ iss: `https://evil.example/${TENANT}/v2.0` })), "issuer");
  });

  it("is rejected when the issuer is another tenant than the token's tid", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ iss: v2Issuer(OTHER_TENANT) })), "issuer");
  });

  it("is rejected when expired beyond the clock tolerance", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ exp: nowSeconds() - 120 })), "expired");
  });

  it("is rejected when not yet valid beyond the clock tolerance", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ nbf: nowSeconds() + 120 })), "not-yet-valid");
  });

  it("is rejected without an expiry", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ exp: undefined })), "claims");
  });

  it("is rejected when signed by another key under a published key id", async () => {
    await expectRejected(await signToken(stranger, entraClaims(), keyA.kid), "signature");
  });

  it("is rejected when its payload was altered after signing", async () => {
    const [header, , signature] = (await signToken(keyA, entraClaims())).split(".");
    const forged = Buffer.from(JSON.stringify(entraClaims({ oid: "11111111-2222-4333-8444-555555555555" }))).toString("base64url");
    await expectRejected(`${header}.${forged}.${signature}`, "signature");
  });

  it("is rejected when its key id is in no published key set", async () => {
    await expectRejected(await signToken(stranger, entraClaims()), "unknown-key");
  });

  it("from a tenant outside the allow-list is rejected", async () => {
    allowedTenants = new Set([OTHER_TENANT]);
    await expectRejected(await signToken(keyA, entraClaims()), "tenant-not-allowed");
  });

  it("passes storage being unavailable on (a 503 to try again), rather than calling the caller unauthenticated", async () => {
    const unreachable = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const failing = createEntraTokenValidator({
      clientId: CLIENT_ID,
      isTenantAllowed: () => Promise.reject(unreachable),
      keys: { jwksUrl: jwks.url },
    });
    await expect(failing.validate(await signToken(keyA, entraClaims()))).rejects.toBe(unreachable);
  });

  it("is rejected when the allow-list cannot be read", async () => {
    const failing = createEntraTokenValidator({
      clientId: CLIENT_ID,
      isTenantAllowed: () => Promise.reject(new Error("storage down")),
      keys: { jwksUrl: jwks.url },
    });
    await expect(failing.validate(await signToken(keyA, entraClaims()))).rejects.toMatchObject({
      reason: "tenant-not-allowed",
    });
  });

  it("is rejected unsigned (alg none)", async () => {
    const jose = await loadJose();
    const unsigned = new jose.UnsecuredJWT(entraClaims()).encode();
    expect(unsigned.endsWith(".")).toBe(true);
    await expectRejected(unsigned, "algorithm");
  });

  it("is rejected when HMAC-signed (HS256) with the public key as the secret", async () => {
    const jose = await loadJose();
    const pem = await jose.exportSPKI(keyA.publicKey);
    for (const secret of [pem, JSON.stringify(keyA.publicJwk)]) {
      const token = await new jose.SignJWT(entraClaims())
        .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: keyA.kid })
        .sign(new TextEncoder().encode(secret));
      await expectRejected(token, "algorithm");
    }
  });

  it("is rejected without an object id", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ oid: undefined })), "claims");
  });

  it("is rejected without a tenant id, or with ids that are not GUIDs", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ tid: undefined })), "claims");
    await expectRejected(await signToken(keyA, entraClaims({ oid: "someone@partner.example" })), "claims");
  });

  it("is rejected when app-only (no delegated access_as_user scope)", async () => {
    await expectRejected(await signToken(keyA, entraClaims({ scp: undefined, roles: ["Anything"] })), "claims");
    await expectRejected(await signToken(keyA, entraClaims({ scp: "User.Read" })), "claims");
  });

  it("that is not a JWT at all is rejected as malformed", async () => {
    await expectRejected("not-a-token", "malformed");
    await expectRejected("", "malformed");
  });
});

describe("the Entra key set", () => {
  it("is fetched once and cached across validations", async () => {
    await validator.validate(await signToken(keyA, entraClaims()));
    await validator.validate(await signToken(keyA, entraClaims()));
    expect(jwks.fetches()).toBe(1);
  });

  it("is fetched again when a token names a new key id after rotation", async () => {
    await validator.validate(await signToken(keyA, entraClaims()));
    expect(jwks.fetches()).toBe(1);

    // Before the rotation is published the new key is unknown, even after a refetch.
    await expectRejected(await signToken(keyB, entraClaims()), "unknown-key");
    expect(jwks.fetches()).toBe(2);

    jwks.publish([keyA, keyB]);
    await expect(validator.validate(await signToken(keyB, entraClaims()))).resolves.toEqual({
      tenantId: TENANT,
      objectId: OBJECT_ID,
      upn: UPN,
    });
    expect(jwks.fetches()).toBe(3);
    // The old key still works from the refreshed cache without another fetch.
    await validator.validate(await signToken(keyA, entraClaims()));
    expect(jwks.fetches()).toBe(3);
  });

  it("that cannot be fetched makes every token Unauthenticated", async () => {
    const unreachable = createEntraTokenValidator({
      clientId: CLIENT_ID,
      isTenantAllowed: () => true,
      keys: { jwksUrl: "http://127.0.0.1:1/keys", timeoutMs: 2000 },
    });
    await expect(unreachable.validate(await signToken(keyA, entraClaims()))).rejects.toMatchObject({
      code: "Unauthenticated",
      reason: "keys-unavailable",
    });
  });
});
