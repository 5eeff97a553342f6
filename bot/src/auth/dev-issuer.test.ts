import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEV_AUDIENCE, DevSignInRefused, createDevIssuer } from "./dev-issuer";
import { loadJose } from "./jose";
import { Unauthenticated } from "./unauthenticated";
import { OBJECT_ID, OTHER_TENANT, TENANT } from "./test-support";

const devConfig = { NODE_ENV: "development", DEV_SIGN_IN: true, PUBLIC_URL: "http://localhost:3978/" } as const;

describe("the development sign-in", () => {
  it("keeps its key in the key file, so a restart (or a second instance) accepts the tokens it gave", async () => {
    // Never the repository's .data: a temporary folder of its own.
    const dir = mkdtempSync(path.join(tmpdir(), "fact-dev-key-"));
    try {
      const keyFile = path.join(dir, "nested", "dev-issuer-key.json");
      const before = await createDevIssuer(devConfig, { keyFile });
      const { token } = await before.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
      const after = await createDevIssuer(devConfig, { keyFile });
      await expect(after.createValidator((tid) => tid === TENANT).validate(token)).resolves.toEqual({
        tenantId: TENANT,
        objectId: OBJECT_ID,
      });
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      // Without a key file each issuer has its own key: the other's token is refused.
      const inMemory = await createDevIssuer(devConfig);
      await expect(inMemory.createValidator((tid) => tid === TENANT).validate(token)).rejects.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("issues a token that the shared validator accepts, as the person signed in", async () => {
    const issuer = await createDevIssuer(devConfig);
    const { token, expiresAt } = await issuer.signIn({ tenantId: TENANT, objectId: OBJECT_ID });

    const caller = await issuer.createValidator((tid) => tid === TENANT).validate(token);
    expect(caller).toEqual({ tenantId: TENANT, objectId: OBJECT_ID });

    const jose = await loadJose();
    const claims = jose.decodeJwt(token);
    expect(claims.iss).toBe("http://localhost:3978/dev-issuer");
    expect(claims.aud).toBe(DEV_AUDIENCE);
    expect(jose.decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: issuer.jwks.keys[0]?.kid });
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "nbf", "oid", "scp", "sub", "tid", "ver"]);
    // Short-lived: 8 hours.
    expect(claims.exp! - claims.iat!).toBe(8 * 60 * 60);
    expect(Date.parse(expiresAt)).toBe(claims.exp! * 1000);
  });

  it("publishes only the public half of its key", async () => {
    const { jwks } = await createDevIssuer(devConfig);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    expect(jwks.keys[0]).not.toHaveProperty("p");
  });

  it("still applies the tenant allow-list", async () => {
    const issuer = await createDevIssuer(devConfig);
    const { token } = await issuer.signIn({ tenantId: OTHER_TENANT, objectId: OBJECT_ID });
    await expect(issuer.createValidator((tid) => tid === TENANT).validate(token)).rejects.toMatchObject({
      reason: "tenant-not-allowed",
    });
  });

  it("has tokens that expire after 8 hours", async () => {
    let now = new Date("2025-03-03T07:00:00Z");
    const issuer = await createDevIssuer(devConfig, { now: () => now });
    const { token } = await issuer.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    const validator = issuer.createValidator(() => true);

    now = new Date("2025-03-03T14:59:00Z");
    await expect(validator.validate(token)).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID });
    now = new Date("2025-03-03T15:02:00Z");
    await expect(validator.validate(token)).rejects.toMatchObject({ reason: "expired" });
  });

  it("does not accept tokens of another dev issuer instance (a restart signs everyone out)", async () => {
    const before = await createDevIssuer(devConfig);
    const after = await createDevIssuer(devConfig);
    const { token } = await before.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    const error = await after
      .createValidator(() => true)
      .validate(token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Unauthenticated);
    expect(error).toMatchObject({ reason: "unknown-key" });
  });

  it("is refused when NODE_ENV=production, even if enabled", async () => {
    await expect(createDevIssuer({ ...devConfig, NODE_ENV: "production" })).rejects.toThrow(DevSignInRefused);
    await expect(createDevIssuer({ ...devConfig, NODE_ENV: "production" })).rejects.toThrow(/production/);
  });

  it("is refused when not enabled", async () => {
    await expect(createDevIssuer({ ...devConfig, DEV_SIGN_IN: false })).rejects.toThrow(DevSignInRefused);
    await expect(createDevIssuer({ ...devConfig, NODE_ENV: "test", DEV_SIGN_IN: false })).rejects.toThrow(/DEV_SIGN_IN/);
  });
});
