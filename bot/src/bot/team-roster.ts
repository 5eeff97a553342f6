import { TeamsInfo, type CloudAdapter, type ConversationReference, type TeamsChannelAccount } from "botbuilder";
import { type TeamRoster, safeKey } from "../core";
import type { TableConversationReferenceStore } from "./conversation-reference-store";

// The Teams team's roster, read by the bot installed in the team with the Bot Framework's paged
// members call (GET /v3/conversations/{id}/pagedmembers): object id, tenant, name, guest or not.
// The team is the one of the board's morning-brief channel, or a channel the bot was installed in for the board.

const PAGE_SIZE = 500;

/** Everyone in the team of a conversation the bot is in, page by page. */
export async function readTeamMembers(
  adapter: CloudAdapter,
  botId: string,
  reference: Partial<ConversationReference>,
): Promise<TeamsChannelAccount[]> {
  const people: TeamsChannelAccount[] = [];
  await adapter.continueConversationAsync(botId, reference, async (ctx) => {
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(ctx, PAGE_SIZE, token);
      people.push(...page.members);
      token = page.continuationToken || undefined;
    } while (token);
  });
  return people;
}

export function createTeamRoster(parts: { adapter: CloudAdapter; botId: string; references: TableConversationReferenceStore }): TeamRoster {
  return {
    async membersOf(boardId, channelId) {
      const target =
        (channelId ? await parts.references.get("channel", safeKey(channelId)) : undefined) ??
        (await parts.references.channelsOf(boardId))[0];
      if (!target) return undefined;
      const people = await readTeamMembers(parts.adapter, parts.botId, target.reference);
      return people
        .filter((p) => p.aadObjectId && p.tenantId)
        .map((p) => ({
          tenantId: p.tenantId!.toLowerCase(),
          objectId: p.aadObjectId!.toLowerCase(),
          displayName: p.name ?? "",
          guest: p.userRole === "guest",
        }));
    },
  };
}
