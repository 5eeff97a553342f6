// The identity seam's public face: what main.ts and the API import.
export { createAuthenticate, type Authenticate, type AuthenticateDeps, type RequestWithHeaders } from "./authenticate";
export { createDevIssuer, DevSignInRefused, type DevIssuer, type DevSignIn } from "./dev-issuer";
export { devSignInRoutes, type DevPerson, type ListDevPeople } from "./dev-sign-in-routes";
export { createEntraTokenValidator, createTokenValidator, type IsTenantAllowed, type TokenValidator } from "./token-validator";
export { Unauthenticated, isUnauthenticated, type UnauthenticatedReason } from "./unauthenticated";
export { signInConfigOf, signInConfigRoutes, signInOriginOf } from "./sign-in-config-routes";
