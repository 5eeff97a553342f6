// A real OpenID Connect provider on 127.0.0.1 standing in for Microsoft Entra ID in the browser
// sign-in tests (oidc-provider, the certified Node implementation). It runs in its own process
// because oidc-provider is ES modules only and Jest runs CommonJS.
//
// It issues what Entra issues for the tab: RS256 JWT access tokens for the API (audience = the
// client id) with `tid`, `oid` and `scp: access_as_user`, through authorization code + PKCE for a
// public client. MSAL insists on an https authority, so it serves https with a throwaway self-signed
// certificate (the test browser ignores certificate errors); the same provider also answers plain
// http on a second port, which is where the server under test fetches the key set.
//
// Input (environment): OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_SCOPE (the API scope as MSAL asks for
// it), OIDC_ACCOUNTS (JSON: { "<login>": { "tid": "...", "oid": "..." } }).
// Output: one JSON line on stdout, { issuer, jwksUrl }; it runs until killed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import Provider from "oidc-provider";

const clientId = process.env.OIDC_CLIENT_ID;
const redirectUri = process.env.OIDC_REDIRECT_URI;
const apiScope = process.env.OIDC_SCOPE;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? "{}");

const dir = mkdtempSync(path.join(tmpdir(), "oidc-"));
execFileSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    path.join(dir, "key.pem"),
    "-out",
    path.join(dir, "cert.pem"),
    "-days",
    "1",
    "-subj",
    "/CN=127.0.0.1",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
  ],
  { stdio: "ignore" },
);
const tls = { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
rmSync(dir, { recursive: true, force: true });

let handler = (_req, res) => res.writeHead(503).end();
const secure = https.createServer(tls, (req, res) => handler(req, res));
const plain = http.createServer((req, res) => handler(req, res));
await Promise.all([new Promise((r) => secure.listen(0, "127.0.0.1", r)), new Promise((r) => plain.listen(0, "127.0.0.1", r))]);
const issuer = `https://127.0.0.1:${secure.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: "none",
      application_type: "web",
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [redirectUri],
      response_types: ["code"],
      grant_types: ["authorization_code", "refresh_token"],
    },
  ],
  cookies: { keys: ["fact-board-test-only"] },
  claims: { openid: ["sub", "tid", "oid"] },
  // The tab calls the token endpoint from its own origin, as a single-page app does with Entra.
  clientBasedCORS: () => true,
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => "urn:fact-board:api",
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: apiScope, audience: clientId, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
    },
  },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: () => ({ sub: id, tid: account.tid, oid: account.oid }) };
  },
  // Entra's access tokens name the tenant, the person and the delegated scope; so do these.
  async extraTokenClaims(_ctx, token) {
    const account = accounts[token.accountId];
    return token.kind === "AccessToken" && account ? { tid: account.tid, oid: account.oid, scp: "access_as_user", ver: "2.0" } : undefined;
  },
});
provider.on("server_error", (_ctx, err) => console.error("oidc-provider:", err));
const callback = provider.callback();
handler = (req, res) => callback(req, res);

process.stdout.write(`${JSON.stringify({ issuer, jwksUrl: `http://127.0.0.1:${plain.address().port}/jwks` })}\n`);
process.on("SIGTERM", () => process.exit(0));
