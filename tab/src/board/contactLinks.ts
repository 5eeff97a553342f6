import type { ContactView } from "@fact-board/contract";

// Links of a contact: a click-to-call number and, for a board member, a Teams chat.

/** "070-123 45 67" → "tel:0701234567"; "+46 70 …" keeps its plus (RFC 3966 allows no spaces). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * A Teams chat with a member. The board holds people by tenant and object id, never by e-mail or
 * user principal name (partners' people are known by ids only), so the chat names the member by
 * their Entra object id in the form Teams itself uses for people ("8:orgid:<object id>").
 */
export function teamsChatHref(contact: Pick<ContactView, "teamsUser">): string | undefined {
  return contact.teamsUser
    ? `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`8:orgid:${contact.teamsUser}`)}`
    : undefined;
}
