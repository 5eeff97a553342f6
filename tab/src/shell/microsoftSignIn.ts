import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from "@azure/msal-browser";
import type { SignInConfig } from "@fact-board/contract";

// The sign-in outside Teams: MSAL, authorization code + PKCE with full-page redirects, against the
// multi-tenant authority, for the same `access_as_user` scope as Teams SSO, so the server validates
// the token exactly like a Teams one (and a partner signs in with their own organisation's account).
// Loaded with a dynamic import only on this path: neither Teams nor the demo downloads MSAL.

export type MicrosoftSettings = NonNullable<SignInConfig["microsoft"]>;

export interface MicrosoftSignIn {
  /** Who is signed in (after a redirect back, or from the session cache); undefined: nobody. */
  readonly account: AccountInfo | undefined;
  signIn(): Promise<void>;
  getToken(): Promise<string>;
  signOut(): Promise<void>;
}

export async function startMicrosoftSignIn(settings: MicrosoftSettings, origin = window.location.origin): Promise<MicrosoftSignIn> {
  const pca = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      knownAuthorities: settings.knownAuthorities,
      // One redirect URI for every surface and query: MSAL brings the person back to the page they started on.
      redirectUri: `${origin}/tab/`,
      postLogoutRedirectUri: `${origin}/tab/`,
    },
    // Per browser tab, like the development sign-in: closing the tab forgets the tokens.
    cache: { cacheLocation: "sessionStorage" },
    system: { protocolMode: settings.protocolMode as never },
  });
  await pca.initialize();
  const redirected = await pca.handleRedirectPromise();
  const account = redirected?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  if (account) pca.setActiveAccount(account);
  const scopes = settings.scopes;
  return {
    account,
    // Entra: let people on a shared computer pick their own account. (Plain OIDC providers, as in the tests, may not know the value.)
    signIn: () => pca.loginRedirect({ scopes, ...(settings.protocolMode === "AAD" ? { prompt: "select_account" } : {}) }),
    async getToken() {
      const active = pca.getActiveAccount();
      if (!active) throw new Error("signed out");
      try {
        return (await pca.acquireTokenSilent({ scopes, account: active })).accessToken;
      } catch (e) {
        if (e instanceof InteractionRequiredAuthError) await pca.acquireTokenRedirect({ scopes, account: active });
        throw e;
      }
    },
    signOut: () => {
      const active = pca.getActiveAccount();
      // id_token_hint: the provider then knows whose session ends and may return to the tab (OIDC RP-initiated logout).
      return pca.logoutRedirect({ account: active ?? null, ...(active?.idToken ? { idTokenHint: active.idToken } : {}) });
    },
  };
}

/** In Teams' sign-in popup (`?signIn=popup`): sign in (and consent) with MSAL, then hand back to Teams. */
export async function signInForTeamsPopup(settings: MicrosoftSettings, done: () => void): Promise<void> {
  const signIn = await startMicrosoftSignIn(settings);
  if (signIn.account) done();
  else await signIn.signIn();
}
