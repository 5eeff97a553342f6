import type { Config } from "../config";
import type { Caller } from "../domain/types";
import type { DevIssuer } from "./dev-issuer";
import { loadJose } from "./jose";
import { type IsTenantAllowed, type KeySource, type TokenValidator, createEntraTokenValidator } from "./token-validator";
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
  /** Tests point Entra validation at a local JWKS. */
  entraKeys?: KeySource;
  now?: () => Date;
}

export function createAuthenticate(
  config: Pick<Config, "ENTRA_CLIENT_ID" | "ENTRA_APP_ID_URI" | "DEV_SIGN_IN" | "NODE_ENV">,
  deps: AuthenticateDeps,
): Authenticate {
  if (deps.devIssuer && (config.NODE_ENV === "production" || !config.DEV_SIGN_IN)) {
    throw new Error("A development issuer was passed while the development sign-in is off or NODE_ENV=production.");
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
  const devValidator = dev?.createValidator(deps.isTenantAllowed);

  return async (req) => {
    const token = bearerTokenOf(req.headers);
    // The unverified `iss` only chooses which validator runs; each one verifies the signature
    // against its own keys, so a forged `iss` gains nothing but a rejection.
    const validator = dev && devValidator && (await unverifiedIssuerOf(token)) === dev.issuer ? devValidator : entra;
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
