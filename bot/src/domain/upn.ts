// The user principal name of a signed-in person, as Kontakter's Teams chat link needs it
// (https://teams.microsoft.com/l/chat/0/0?users=<UPN> is the documented deep link; Teams' own
// "8:orgid:<object id>" is not). Entra puts it in `upn` (v1 tokens, members) or
// `preferred_username` (v2 tokens, and a guest's home address). It is personal data: it is kept on
// the member record for the contacts view only, never logged, sent to a channel or exported.

const MAX_UPN_LENGTH = 256;
// name@domain.tld, no spaces: a claim that is not shaped like that names nobody a chat can reach.
const UPN_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a claim's value can be a user principal name. */
export const isUpn = (value: unknown): value is string =>
  typeof value === "string" && value.length <= MAX_UPN_LENGTH && UPN_SHAPE.test(value);

/** The UPN a validated token carries: `upn` first, else `preferred_username`; undefined when neither is one. */
export function upnOfClaims(claims: { upn?: unknown; preferred_username?: unknown }): string | undefined {
  const value = [claims.upn, claims.preferred_username].map((v) => (typeof v === "string" ? v.trim() : v)).find(isUpn);
  return value;
}

/** The member record with the UPN of this sign-in, or undefined when it already holds it (nothing to write). */
export function withSignInUpn<M extends { upn?: string }>(member: M, upn: string | undefined): M | undefined {
  if (upn === undefined || member.upn === upn) return undefined;
  return { ...member, upn };
}
