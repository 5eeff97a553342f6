import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type TurnContext } from "botbuilder";
import type { AdaptiveCard } from "../cards/card-kit";
import type { StoredReference } from "./conversation-reference-store";
import type { Transport } from "./proactive-sender";

export interface BotCredentials {
  botId?: string;
  botPassword?: string;
  botType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  botTenantId?: string;
}

/**
 * The Bot Framework adapter. Empty credentials are only for local development with the Agents
 * Playground (it sends no auth header); config.ts refuses a missing BOT_ID in production.
 */
export function createAdapter(credentials: BotCredentials, onError: (e: unknown) => void): CloudAdapter {
  const auth = credentials.botId
    ? new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: credentials.botId,
        MicrosoftAppPassword: credentials.botPassword ?? "",
        MicrosoftAppType: credentials.botType,
        ...(credentials.botTenantId ? { MicrosoftAppTenantId: credentials.botTenantId } : {}),
      })
    : new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    onError(error);
    // An invoke still gets an answer so Teams does not wait for its timeout.
    if (context.activity.type === "invoke" && !context.responded) {
      await context.sendActivity({ type: "invokeResponse", value: { status: 500, body: { statusCode: 500, type: "application/vnd.microsoft.error", value: { code: "Internal", message: "Internal error" } } } });
    }
  };
  return adapter;
}

export const cardAttachment = (card: AdaptiveCard) => CardFactory.adaptiveCard(card);

/** Proactive sends over the adapter: continueConversationAsync with the stored reference. */
export function adapterTransport(adapter: CloudAdapter, botId: string | undefined): Transport {
  const appId = botId ?? "";
  return {
    async send(target: StoredReference, card: AdaptiveCard) {
      let activityId = "";
      await adapter.continueConversationAsync(appId, target.reference, async (ctx) => {
        const res = await ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        activityId = res?.id ?? "";
      });
      return { activityId };
    },
    async update(target: StoredReference, activityId: string, card: AdaptiveCard) {
      await adapter.continueConversationAsync(appId, target.reference, async (ctx) => {
        await ctx.updateActivity({ type: "message", id: activityId, attachments: [cardAttachment(card)] });
      });
    },
  };
}
