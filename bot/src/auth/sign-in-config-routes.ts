import type { SignInConfig } from "@fact-board/contract";
import express, { type Router } from "express";
import type { Config } from "../config";
import { TEAMS_SSO_SCOPE } from "./token-validator";

// What the tab needs to sign people in outside Teams, served before authentication: the Entra
// app's client id, the multi-tenant authority and the API's scope. None of it is secret (it is in
// every sign-in URL anyway). The tokens this sign-in gets are the same v2 access tokens for the
// same scope as Teams SSO, so they go through the same validator and tenant allow-list.

type SignInSettings = Pick<Config, "ENTRA_CLIENT_ID" | "ENTRA_APP_ID_URI" | "SIGN_IN_AUTHORITY" | "TEST_OIDC_ISSUER" | "DEV_SIGN_IN">;

export function signInConfigOf(config: SignInSettings): SignInConfig {
  const { ENTRA_CLIENT_ID: clientId, ENTRA_APP_ID_URI: appIdUri } = config;
  if (!clientId || !appIdUri) return { devSignIn: config.DEV_SIGN_IN };
  // In tests a local OpenID provider stands in for Entra (see authenticate.ts); MSAL then speaks plain OIDC to it.
  const authority = config.TEST_OIDC_ISSUER ?? config.SIGN_IN_AUTHORITY;
  return {
    devSignIn: config.DEV_SIGN_IN,
    microsoft: {
      clientId,
      authority,
      scopes: [`${appIdUri}/${TEAMS_SSO_SCOPE}`],
      knownAuthorities: [new URL(authority).host],
      protocolMode: config.TEST_OIDC_ISSUER ? "OIDC" : "AAD",
    },
  };
}

/** The origin the browser talks to for the sign-in (token endpoint, discovery): the CSP's connect-src needs it. */
export const signInOriginOf = (config: SignInSettings): string | undefined => {
  const microsoft = signInConfigOf(config).microsoft;
  return microsoft && new URL(microsoft.authority).origin;
};

export function signInConfigRoutes(config: SignInSettings): Router {
  const body = signInConfigOf(config);
  const router = express.Router();
  router.get("/api/sign-in/config", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.json(body);
  });
  return router;
}
