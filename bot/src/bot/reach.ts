import { type CloudAdapter, type ConversationReference, type TeamsChannelAccount } from "botbuilder";
import { readTeamMembers } from "./team-roster";
import type { Storage } from "../storage/table-service";
import type { StoredReference, TableConversationReferenceStore } from "./conversation-reference-store";

// Reaching people who never opened the bot. A bot installed in a team may start a 1:1 chat with
// any member of that team (connector createConversation with the member's id and tenant), so when
// the app is in the board's team, every board member on the team's roster gets a personal chat
// reference before the first card is due. People outside the team (a partner's guest not added to
// it) still need to open the bot once, or a Graph proactive install (see docs/bot.md).

export interface ReachLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface Reach {
  /** The team channel the bot can read the roster through for a board, if it is installed there. */
  teamChannelOf(boardId: string): Promise<StoredReference | undefined>;
  /** Opens a personal chat with each board member on the team's roster who has none yet. */
  openPersonalChats(boardId: string): Promise<{ opened: number; alreadyReachable: number; notOnBoard: number }>;
}

export function createReach(parts: {
  adapter: CloudAdapter;
  botId: string;
  references: TableConversationReferenceStore;
  storage: Pick<Storage, "boards" | "members">;
  log?: ReachLog;
}): Reach {
  const teamChannelOf = async (boardId: string) => {
    const board = await parts.storage.boards.get(boardId);
    const channelId = board?.settings?.briefChannelId;
    const linked = await parts.references.channelsOf(boardId);
    return linked.find((r) => r.reference.conversation?.id === channelId) ?? linked.find((r) => r.kind === "channel");
  };
  return {
    teamChannelOf,
    async openPersonalChats(boardId) {
      const out = { opened: 0, alreadyReachable: 0, notOnBoard: 0 };
      const channel = await teamChannelOf(boardId);
      const serviceUrl = channel?.reference.serviceUrl;
      if (!channel || !serviceUrl) return out;
      const people = await readTeamMembers(parts.adapter, parts.botId, channel.reference);
      for (const person of people) {
        if (!person.aadObjectId || !person.tenantId) continue;
        const identity = { tenantId: person.tenantId.toLowerCase(), objectId: person.aadObjectId.toLowerCase() };
        const member = await parts.storage.members.findBySignIn(boardId, identity);
        if (!member) {
          out.notOnBoard++;
          continue;
        }
        const existing = await parts.references.personal(member.id);
        if (existing) {
          out.alreadyReachable++;
          continue;
        }
        try {
          const reference = await createPersonalChat(
            parts.adapter,
            parts.botId,
            serviceUrl,
            channel.reference,
            person,
            member.tenantId,
            member.objectId,
          );
          const boardIds = await parts.storage.members.boardsOf(member.id);
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
