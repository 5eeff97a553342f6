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
      await context.sendActivity({
        type: "invokeResponse",
        value: {
          status: 500,
          body: { statusCode: 500, type: "application/vnd.microsoft.error", value: { code: "Internal", message: "Internal error" } },
        },
      });
    }
  };
  return adapter;
}

export const cardAttachment = (card: AdaptiveCard) => CardFactory.adaptiveCard(card);

/**
 * Proactive sends over the adapter: continueConversationAsync with the stored reference.
 *
 * Two Bot Framework behaviours are undone here, because the ProactiveSender owns retries:
 * - An error thrown inside the continuation goes to adapter.onTurnError and is swallowed there,
 *   so the send would look successful. It is caught inside and rethrown outside.
 * - The connector client's HTTP pipeline retries 429/5xx on its own (real timers, up to 4 attempts),
 *   which resends a card Teams had already posted before answering 504. Its Retry phase is removed,
 *   so each attempt is one request and the sender decides about the next.
 */
export function adapterTransport(adapter: CloudAdapter, botId: string | undefined): Transport {
  const appId = botId ?? "";
  async function within(target: StoredReference, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, target.reference, async (ctx) => {
      withoutPipelineRetries(ctx, adapter);
      try {
        await work(ctx);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
  return {
    async send(target: StoredReference, card: AdaptiveCard) {
      let activityId = "";
      await within(target, async (ctx) => {
        const res = await ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        activityId = res?.id ?? "";
      });
      return { activityId };
    },
    async update(target: StoredReference, activityId: string, card: AdaptiveCard) {
      await within(target, async (ctx) => {
        await ctx.updateActivity({ type: "message", id: activityId, attachments: [cardAttachment(card)] });
      });
    },
  };
}

interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { phase?: "Retry" }): unknown } };
}

function withoutPipelineRetries(ctx: TurnContext, adapter: CloudAdapter): void {
  const connector = ctx.turnState.get<WithPipeline | undefined>(adapter.ConnectorClientKey);
  connector?.client?.pipeline?.removePolicy({ phase: "Retry" });
}
