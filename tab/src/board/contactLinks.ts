import type { ContactView } from "@fact-board/contract";

// Links of a contact: a click-to-call number and, for a board member, a Teams chat.

/** "070-123 45 67" → "tel:0701234567"; "+46 70 …" keeps its plus (RFC 3966 allows no spaces). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * A Teams chat with a member, by the deep link Teams documents: `…/l/chat/0/0?users=<UPN>`. The
 * server learns a member's user principal name when they sign in; a member who has not signed in
 * yet has none, and then there is no chat link rather than one that opens nobody (an object id in
 * the "8:orgid:" form is not something the documented link accepts).
 */
export function teamsChatHref(contact: Pick<ContactView, "chatUser">): string | undefined {
  const upn = contact.chatUser?.trim();
  return upn ? `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}` : undefined;
}
