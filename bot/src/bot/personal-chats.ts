import { type CloudAdapter, type ConversationReference, type TeamsChannelAccount } from "botbuilder";
import type { Core } from "../core";
import { readTeamMembers } from "./team-roster";
import type { StoredReference, TableConversationReferenceStore } from "./conversation-reference-store";

// Reaching people who never opened the bot. A bot installed in a team may start a 1:1 chat with
// any member of that team (connector createConversation with the member's id and tenant), so when
// the app is in the board's team, every board member on the team's roster gets a personal chat
// reference before the first card is due. People outside the team (a partner's guest not added to
// it) still need to open the bot once, or a Graph proactive install (see docs/bot.md).

export interface PersonalChatsLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface PersonalChats {
  /** The team channel the bot can read the roster through for a board, if it is installed there. */
  teamChannelOf(boardId: string): Promise<StoredReference | undefined>;
  /** Opens a personal chat with each board member on the team's roster who has none yet. */
  openPersonalChats(boardId: string): Promise<{ opened: number; alreadyReachable: number; notOnBoard: number }>;
}

export function createPersonalChats(parts: {
  core: Core;
  adapter: CloudAdapter;
  botId: string;
  references: TableConversationReferenceStore;
  log?: PersonalChatsLog;
}): PersonalChats {
  const teamChannelOf = async (boardId: string) => {
    const [channelId, linked] = await Promise.all([parts.core.briefChannelOf(boardId), parts.references.channelsOf(boardId)]);
    return linked.find((r) => r.reference.conversation?.id === channelId) ?? linked.find((r) => r.kind === "channel");
  };
  return {
    teamChannelOf,
    async openPersonalChats(boardId) {
      const out = { opened: 0, alreadyReachable: 0, notOnBoard: 0 };
      const channel = await teamChannelOf(boardId);
      const serviceUrl = channel?.reference.serviceUrl;
      if (!channel || !serviceUrl) return out;
      const people = (await readTeamMembers(parts.adapter, parts.botId, channel.reference))
        .filter((p) => p.aadObjectId && p.tenantId)
        .map((account) => ({ tenantId: account.tenantId!.toLowerCase(), objectId: account.aadObjectId!.toLowerCase(), account }));
      const members = await parts.core.boardMembersAmong(boardId, people);
      out.notOnBoard = people.length - members.length;
      for (const { person, member, boardIds } of members) {
        if (await parts.references.personal(member.id)) {
          out.alreadyReachable++;
          continue;
        }
        try {
          const reference = await createPersonalChat(
            parts.adapter,
            parts.botId,
            serviceUrl,
            channel.reference,
            person.account,
            member.tenantId,
            member.objectId,
          );
          await parts.references.save(reference, { boardIds });
          out.opened++;
        } catch (e) {
          // One person Teams refuses (left the team meanwhile, blocked the app) must not stop the others;
          // they stay without a chat and count as not reached when a card is due.
          parts.log?.warn(
            { error: e instanceof Error ? e.name : "unknown", status: (e as { statusCode?: number }).statusCode },
            "could not open a personal chat",
          );
        }
      }
      return out;
    },
  };
}

async function createPersonalChat(
  adapter: CloudAdapter,
  botId: string,
  serviceUrl: string,
  teamReference: Partial<ConversationReference>,
  person: TeamsChannelAccount,
  memberTenantId: string,
  memberObjectId: string,
): Promise<Partial<ConversationReference>> {
  const tenantId = person.tenantId!;
  let conversationId: string | undefined;
  const bot = teamReference.bot ?? { id: `28:${botId}`, name: "" };
  await adapter.createConversationAsync(
    botId,
    "msteams",
    serviceUrl,
    // The connector factory's default scope (Bot Framework) is the one Teams expects.
    undefined as unknown as string,
    {
      isGroup: false,
      bot,
      members: [{ id: person.id, name: person.name ?? "", ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}) }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    },
    async (ctx) => {
      conversationId = ctx.activity.conversation?.id;
    },
  );
  if (!conversationId) throw new Error("Teams answered createConversation without an id.");
  // Keyed like the reference of someone who opened the chat themselves, so the notifier finds it by member id.
  return {
    channelId: "msteams",
    serviceUrl,
    bot,
    user: { id: person.id, name: person.name ?? "", aadObjectId: memberObjectId },
    conversation: { id: conversationId, conversationType: "personal", isGroup: false, tenantId: memberTenantId, name: "" },
  };
}
