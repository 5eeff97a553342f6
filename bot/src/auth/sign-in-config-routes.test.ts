import { signInConfigOf, signInOriginOf } from "./sign-in-config-routes";

const entra = {
  ENTRA_CLIENT_ID: "6b1c2f0e-4f6d-4c39-9d5c-1f0a3b7e9a11",
  ENTRA_APP_ID_URI: "api://board.example.se/6b1c2f0e-4f6d-4c39-9d5c-1f0a3b7e9a11",
  SIGN_IN_AUTHORITY: "https://login.microsoftonline.com/organizations",
  TEST_OIDC_ISSUER: undefined,
  DEV_SIGN_IN: false,
};

describe("the sign-in outside Teams, as the tab is told it", () => {
  it("is Entra's multi-tenant authority with the API's access_as_user scope in production", () => {
    expect(signInConfigOf(entra)).toEqual({
      devSignIn: false,
      microsoft: {
        clientId: entra.ENTRA_CLIENT_ID,
        authority: "https://login.microsoftonline.com/organizations",
        scopes: [`${entra.ENTRA_APP_ID_URI}/access_as_user`],
        knownAuthorities: ["login.microsoftonline.com"],
        protocolMode: "AAD",
      },
    });
    expect(signInOriginOf(entra)).toBe("https://login.microsoftonline.com");
  });

  it("is the development sign-in alone where no Entra app is configured", () => {
    expect(signInConfigOf({ ...entra, ENTRA_CLIENT_ID: undefined, DEV_SIGN_IN: true })).toEqual({ devSignIn: true });
    expect(signInOriginOf({ ...entra, ENTRA_APP_ID_URI: undefined })).toBeUndefined();
  });

  it("points at the tests' OpenID provider, in OIDC mode, only when one is configured", () => {
    const config = signInConfigOf({ ...entra, TEST_OIDC_ISSUER: "https://127.0.0.1:4443/oidc" });
    expect(config.microsoft).toMatchObject({
      authority: "https://127.0.0.1:4443/oidc",
      knownAuthorities: ["127.0.0.1:4443"],
      protocolMode: "OIDC",
    });
  });
});
