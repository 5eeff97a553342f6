import { createAuthenticate, type Authenticate } from "./authenticate";
import { createDevIssuer, type DevIssuer } from "./dev-issuer";
import { loadJose } from "./jose";
import {
  APP_ID_URI,
  CLIENT_ID,
  OBJECT_ID,
  TENANT,
  UPN,
  type JwksServer,
  type SigningKey,
  entraClaims,
  makeSigningKey,
  signToken,
  startJwksServer,
} from "./test-support";

const entraConfig = {
  ENTRA_CLIENT_ID: CLIENT_ID,
  ENTRA_APP_ID_URI: APP_ID_URI,
  DEV_SIGN_IN: false,
  NODE_ENV: "test",
} as const;
const devConfig = { ...entraConfig, DEV_SIGN_IN: true, NODE_ENV: "development" } as const;
const isTenantAllowed = (tid: string) => tid === TENANT;
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

let entraKey: SigningKey;
let jwks: JwksServer;
let devIssuer: DevIssuer;

beforeAll(async () => {
  entraKey = await makeSigningKey("entra-1");
  jwks = await startJwksServer([entraKey]);
  devIssuer = await createDevIssuer({ NODE_ENV: "development", DEV_SIGN_IN: true, PUBLIC_URL: "http://localhost:3978" });
});

afterAll(() => jwks.close());

const withEntraOnly = (): Authenticate => createAuthenticate(entraConfig, { isTenantAllowed, entraKeys: { jwksUrl: jwks.url } });
const withDevSignIn = (config: Parameters<typeof createAuthenticate>[0] = devConfig): Authenticate =>
  createAuthenticate(config, { isTenantAllowed, devIssuer, entraKeys: { jwksUrl: jwks.url } });

describe("authenticate", () => {
  it("returns the caller of a valid Teams SSO token", async () => {
    const token = await signToken(entraKey, entraClaims());
    await expect(withEntraOnly()(bearer(token))).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID, upn: UPN });
  });

  it("reads the Authorization header whatever its case", async () => {
    const token = await signToken(entraKey, entraClaims());
    await expect(withEntraOnly()({ headers: { Authorization: `bearer ${token}` } })).resolves.toMatchObject({
      tenantId: TENANT,
    });
  });

  it.each([
    ["no Authorization header", {}],
    ["an empty one", { authorization: "" }],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["Bearer without a token", { authorization: "Bearer " }],
    ["two Authorization values", { authorization: ["Bearer a.b.c", "Bearer d.e.f"] }],
  ])("rejects a request with %s", async (_what, headers) => {
    await expect(withEntraOnly()({ headers })).rejects.toMatchObject({ code: "Unauthenticated", reason: "missing" });
  });

  it("rejects a bearer value that is not a JWT", async () => {
    await expect(withDevSignIn()(bearer("garbage"))).rejects.toMatchObject({ code: "Unauthenticated", reason: "malformed" });
  });

  it("accepts dev sign-in tokens when the development sign-in runs, and Entra tokens beside them", async () => {
    const authenticate = withDevSignIn();
    const { token } = await devIssuer.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    await expect(authenticate(bearer(token))).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID });
    await expect(authenticate(bearer(await signToken(entraKey, entraClaims())))).resolves.toEqual({
      tenantId: TENANT,
      objectId: OBJECT_ID,
      upn: UPN,
    });
  });

  it("lets the development sign-in on an empty store in from any tenant, and Entra's tokens still only from allowed ones (issue 24)", async () => {
    const OTHER_TENANT = "99999999-9999-4999-8999-999999999999";
    const anyTenant = createAuthenticate(devConfig, { isTenantAllowed, devIssuer, devAnyTenant: true, entraKeys: { jwksUrl: jwks.url } });
    const { token } = await devIssuer.signIn({ tenantId: OTHER_TENANT, objectId: OBJECT_ID });
    await expect(anyTenant(bearer(token))).resolves.toEqual({ tenantId: OTHER_TENANT, objectId: OBJECT_ID });
    // Without it (the demo team): refused, as before.
    await expect(withDevSignIn()(bearer(token))).rejects.toMatchObject({ code: "Unauthenticated", reason: "tenant-not-allowed" });
    const entraFromElsewhere = await signToken(entraKey, { ...entraClaims(), tid: OTHER_TENANT });
    await expect(anyTenant(bearer(entraFromElsewhere))).rejects.toMatchObject({ code: "Unauthenticated" });
  });

  it("rejects dev sign-in tokens when the development sign-in is off", async () => {
    const { token } = await devIssuer.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    await expect(withEntraOnly()(bearer(token))).rejects.toMatchObject({ code: "Unauthenticated" });
  });

  it("does not trust a token that merely claims the dev issuer", async () => {
    const forged = await signToken(entraKey, { ...entraClaims(), iss: devIssuer.issuer, aud: devIssuer.audience });
    await expect(withDevSignIn()(bearer(forged))).rejects.toMatchObject({ code: "Unauthenticated", reason: "unknown-key" });
    // Same key id as the dev key, other key: the signature check fails.
    const jose = await loadJose();
    const { privateKey } = await jose.generateKeyPair("RS256");
    const sameKid = await new jose.SignJWT({ ...entraClaims(), iss: devIssuer.issuer, aud: devIssuer.audience })
      .setProtectedHeader({ alg: "RS256", kid: devIssuer.jwks.keys[0]!.kid! })
      .sign(privateKey);
    await expect(withDevSignIn()(bearer(sameKid))).rejects.toMatchObject({ reason: "signature" });
  });

  it("rejects every non-dev token when Entra is not configured", async () => {
    const authenticate = createAuthenticate(
      { ...devConfig, ENTRA_CLIENT_ID: undefined, ENTRA_APP_ID_URI: undefined },
      { isTenantAllowed, devIssuer },
    );
    await expect(authenticate(bearer(await signToken(entraKey, entraClaims())))).rejects.toMatchObject({
      reason: "not-configured",
    });
    const { token } = await devIssuer.signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    await expect(authenticate(bearer(token))).resolves.toEqual({ tenantId: TENANT, objectId: OBJECT_ID });
  });

  it("refuses to be built with a dev issuer in production or with the dev sign-in off", () => {
    expect(() => withDevSignIn({ ...devConfig, NODE_ENV: "production" })).toThrow(/production/);
    expect(() => withDevSignIn({ ...devConfig, DEV_SIGN_IN: false })).toThrow(/off/);
  });
});

describe("the tests' stand-in OpenID provider", () => {
  const TEST_ISSUER = "https://127.0.0.1:1/test-oidc";
  const withTestIssuer = (nodeEnv: "test" | "development" | "production" = "test") =>
    createAuthenticate(
      { ...entraConfig, NODE_ENV: nodeEnv, TEST_OIDC_ISSUER: TEST_ISSUER, TEST_OIDC_JWKS_URL: jwks.url },
      { isTenantAllowed, entraKeys: { jwksUrl: jwks.url } },
    );

  it("is trusted with NODE_ENV=test, under the same audience, scope and tenant rules as Entra", async () => {
    const authenticate = withTestIssuer();
    await expect(authenticate(bearer(await signToken(entraKey, entraClaims({ iss: TEST_ISSUER }))))).resolves.toEqual({
      tenantId: TENANT,
      objectId: OBJECT_ID,
      upn: UPN,
    });
    await expect(
      authenticate(bearer(await signToken(entraKey, entraClaims({ iss: TEST_ISSUER, scp: "User.Read" })))),
    ).rejects.toMatchObject({ reason: "claims" });
    await expect(
      authenticate(bearer(await signToken(entraKey, entraClaims({ iss: TEST_ISSUER, aud: "another-app" })))),
    ).rejects.toMatchObject({ reason: "audience" });
    await expect(
      authenticate(bearer(await signToken(entraKey, entraClaims({ iss: TEST_ISSUER, tid: "9e8d7c6b-5a49-4837-a625-1403f2e1d0c9" })))),
    ).rejects.toMatchObject({
      reason: "tenant-not-allowed",
    });
  });

  it("cannot be configured outside tests", () => {
    expect(() => withTestIssuer("production")).toThrow(/NODE_ENV=test/);
    expect(() => withTestIssuer("development")).toThrow(/NODE_ENV=test/);
  });

  it("is not trusted where it is not configured: Entra validation refuses its tokens", async () => {
    await expect(withEntraOnly()(bearer(await signToken(entraKey, entraClaims({ iss: TEST_ISSUER }))))).rejects.toMatchObject({
      reason: "issuer",
    });
  });
});
