import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler } from "express";
import { isDomainError } from "../domain/errors";
import { createDevIssuer, type DevIssuer } from "./dev-issuer";
import { devSignInRoutes, type DevPerson } from "./dev-sign-in-routes";
import { OBJECT_ID, TENANT } from "./test-support";

const people: DevPerson[] = [
  { tenantId: TENANT, objectId: OBJECT_ID, displayName: "Anna Samordnare", organisationName: "Psykiatri Nordväst", role: "coordinator" },
  {
    tenantId: "7c6b5a49-3827-4a16-9f05-e4d3c2b1a0f9",
    objectId: "1d2c3b4a-5968-4776-8594-a3b2c1d0e9f8",
    displayName: "Bo Handläggare",
    organisationName: "Socialförvaltningen",
    role: "staff",
  },
];

// Stands in for the API's one error handler, which maps codes to statuses.
const statusOf: Record<string, number> = { Invalid: 400, NotFound: 404 };
const errors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (isDomainError(err)) res.status(statusOf[err.code] ?? 500).json({ code: err.code, message: err.message });
  else res.status(500).json({ code: "Internal" });
};

let devIssuer: DevIssuer;
let server: Server;
let base: string;

beforeAll(async () => {
  devIssuer = await createDevIssuer({ NODE_ENV: "development", DEV_SIGN_IN: true, PUBLIC_URL: "http://localhost:3978" });
  const app = express();
  app.use(devSignInRoutes(devIssuer, async () => people));
  app.use(errors);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const signIn = (body: unknown) =>
  fetch(`${base}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the development sign-in routes", () => {
  it("list the demo people one may sign in as", async () => {
    const res = await fetch(`${base}/api/dev/people`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ people });
  });

  it("sign a demo person in with a token the validator accepts", async () => {
    const res = await signIn({ tenantId: TENANT, objectId: OBJECT_ID });
    expect(res.status).toBe(200);
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    // The demo person's invented principal name rides along, as Entra's preferred_username would.
    await expect(devIssuer.createValidator(() => true).validate(token)).resolves.toEqual({
      tenantId: TENANT,
      objectId: OBJECT_ID,
      upn: "anna.samordnare@fact-demo.example",
    });
  });

  it("refuse a body with unknown fields", async () => {
    const res = await signIn({ tenantId: TENANT, objectId: OBJECT_ID, role: "admin" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "Invalid" });
  });

  it("refuse ids that are not GUIDs, or are missing", async () => {
    expect((await signIn({ tenantId: "contoso", objectId: OBJECT_ID })).status).toBe(400);
    expect((await signIn({ tenantId: TENANT })).status).toBe(400);
    expect((await signIn("tenantId")).status).toBe(400);
    const notJson = await fetch(`${base}/api/dev/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{tenantId:",
    });
    expect(notJson.status).toBe(400);
  });

  it("refuse to sign in someone who is not a demo person", async () => {
    const res = await signIn({ tenantId: TENANT, objectId: "99999999-8888-4777-8666-555555555555" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NotFound" });
  });
});
