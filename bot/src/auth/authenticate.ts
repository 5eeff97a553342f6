import type { Config } from "../config";
import type { Caller } from "../domain/types";
import type { DevIssuer } from "./dev-issuer";
import { loadJose } from "./jose";
import {
  type IsTenantAllowed,
  type KeySource,
  type TokenValidator,
  TEAMS_SSO_SCOPE,
  createEntraTokenValidator,
  createTokenValidator,
} from "./token-validator";
import { Unauthenticated } from "./unauthenticated";

// THE identity seam: everything that serves the tab asks this one function who is calling.
// It knows HTTP headers only as a plain record, so it works with express, node:http or a test.

export interface RequestWithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/** Resolves to the verified caller or rejects with Unauthenticated (the API answers 401). */
export type Authenticate = (req: RequestWithHeaders) => Promise<Caller>;

export interface AuthenticateDeps {
  isTenantAllowed: IsTenantAllowed;
  /** Present only when the development sign-in runs (see createDevIssuer). */
  devIssuer?: DevIssuer;
  /**
   * The development sign-in "med valfri identitet" on an empty store (SEED_DEMO_DATA off): its
   * tokens are accepted from any tenant, so a person whose organisation is on no board yet signs in
   * and is told why they have no board, instead of being refused without a word. Entra's tokens
   * keep the allow-list; the development issuer never runs in production.
   */
  devAnyTenant?: boolean;
  /** Tests point Entra validation at a local JWKS. */
  entraKeys?: KeySource;
  now?: () => Date;
}

export function createAuthenticate(
  config: Pick<Config, "ENTRA_CLIENT_ID" | "ENTRA_APP_ID_URI" | "DEV_SIGN_IN" | "NODE_ENV" | "TEST_OIDC_ISSUER" | "TEST_OIDC_JWKS_URL">,
  deps: AuthenticateDeps,
): Authenticate {
  if (deps.devIssuer && (config.NODE_ENV === "production" || !config.DEV_SIGN_IN)) {
    throw new Error("A development issuer was passed while the development sign-in is off or NODE_ENV=production.");
  }
  if (config.TEST_OIDC_ISSUER && config.NODE_ENV !== "test") {
    throw new Error("A test OpenID issuer is accepted only with NODE_ENV=test.");
  }

  const entra: TokenValidator | undefined = config.ENTRA_CLIENT_ID
    ? createEntraTokenValidator({
        clientId: config.ENTRA_CLIENT_ID,
        ...(config.ENTRA_APP_ID_URI && { appIdUri: config.ENTRA_APP_ID_URI }),
        isTenantAllowed: deps.isTenantAllowed,
        ...(deps.entraKeys && { keys: deps.entraKeys }),
        ...(deps.now && { now: deps.now }),
      })
    : undefined;
  const dev = deps.devIssuer;
  const devValidator = dev?.createValidator(deps.devAnyTenant ? async () => true : deps.isTenantAllowed);
  // Tests only: a local OpenID provider standing in for Entra, so the browser sign-in runs its
  // whole redirect flow. Same checks as Entra's (audience, scope, tenant allow-list), its own
  // issuer and keys; without NODE_ENV=test it cannot exist (here and in loadConfig).
  const testIssuer = config.TEST_OIDC_ISSUER;
  const testValidator =
    testIssuer && config.TEST_OIDC_JWKS_URL && config.ENTRA_CLIENT_ID
      ? createTokenValidator({
          keys: { jwksUrl: config.TEST_OIDC_JWKS_URL },
          issuersFor: () => [testIssuer],
          audiences: config.ENTRA_APP_ID_URI ? [config.ENTRA_CLIENT_ID, config.ENTRA_APP_ID_URI] : [config.ENTRA_CLIENT_ID],
          isTenantAllowed: deps.isTenantAllowed,
          requiredScope: TEAMS_SSO_SCOPE,
          ...(deps.now && { now: deps.now }),
        })
      : undefined;

  return async (req) => {
    const token = bearerTokenOf(req.headers);
    // The unverified `iss` only chooses which validator runs; each one verifies the signature
    // against its own keys, so a forged `iss` gains nothing but a rejection.
    const issuer = dev || testValidator ? await unverifiedIssuerOf(token) : undefined;
    const validator =
      dev && devValidator && issuer === dev.issuer ? devValidator : testValidator && issuer === testIssuer ? testValidator : entra;
    if (!validator) throw new Unauthenticated("not-configured");
    return validator.validate(token);
  };
}

function bearerTokenOf(headers: RequestWithHeaders["headers"]): string {
  // Node lower-cases header names; other callers (tests, adapters) may not.
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "authorization");
  const value = key === undefined ? undefined : headers[key];
  if (typeof value !== "string") throw new Unauthenticated("missing");
  const match = /^Bearer +(\S+)\s*$/i.exec(value);
  if (!match?.[1]) throw new Unauthenticated("missing");
  return match[1];
}

async function unverifiedIssuerOf(token: string): Promise<string | undefined> {
  const jose = await loadJose();
  try {
    return jose.decodeJwt(token).iss;
  } catch {
    throw new Unauthenticated("malformed");
  }
}
