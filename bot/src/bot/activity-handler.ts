import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type SearchInvokeResponse,
  type SearchInvokeValue,
  CardFactory,
  type ChannelAccount,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from "botbuilder";
import {
  type BoardForm,
  type InstallScope,
  type Locale,
  SignalSearchQuery,
  VERBS,
  buildBoardChoiceCard,
  boardOfParticipantDataset,
  buildLanguageCard,
  buildWelcomeCard,
  participantChoiceTitle,
  t,
} from "../cards";
import { isDomainError } from "../domain/errors";
import type { Caller } from "../domain/types";
import { memberIdOf } from "../domain/types";
import { handleCardAction } from "./card-actions";
import { parseCommand } from "./commands";
import { type TableConversationReferenceStore, kindOf } from "./conversation-reference-store";
import type { PersonalChats } from "./personal-chats";
import { type Cards, formLink } from "./render-card";

// The Teams edge: who may talk to the bot, installs and uninstalls, commands, card actions.

export interface HandlerDeps {
  cards: Cards;
  references: TableConversationReferenceStore;
  personalChats: PersonalChats;
  /** Work that outlives the turn (opening personal chats for a whole team); idle() waits for it. */
  background(task: Promise<unknown>): void;
  /** Tenants whose members may use the bot: the union of the boards' allowedTenantIds. */
  isTenantAllowed(tenantId: string): Promise<boolean>;
  /** Local development with the Agents Playground only: accept any tenant and channel. */
  allowAnyTenant: boolean;
  log?: { warn(obj: Record<string, unknown>, msg: string): void; error(obj: Record<string, unknown>, msg: string): void };
}

export const localeOf = (activity: { locale?: string }): Locale => (activity.locale?.toLowerCase().startsWith("en") ? "en" : "sv");

export function callerOf(context: TurnContext): Caller | undefined {
  const a = context.activity;
  const tenantId = (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? a.conversation?.tenantId;
  const objectId = a.from?.aadObjectId;
  return tenantId && objectId ? { tenantId, objectId } : undefined;
}

export class FactBotHandler extends TeamsActivityHandler {
  constructor(private readonly d: HandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const boardIds = await this.remember(context);
      const scope = scopeOf(context);
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(
            buildWelcomeCard(scope, scope === "personal" ? await this.localeFor(context) : localeOf(context.activity)),
          ),
        ),
      );
      // In the board's team the bot may open a 1:1 chat with each member: nobody waits for people to find the bot.
      if (scope === "team") {
        for (const boardId of boardIds) {
          this.d.background(
            this.d.personalChats
              .openPersonalChats(boardId)
              .catch((e: unknown) =>
                this.d.log?.error({ error: e instanceof Error ? e.name : "unknown" }, "opening personal chats failed"),
              ),
          );
        }
      }
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.d.references.remove("", TurnContext.getConversationReference(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (this.botIn(context, context.activity.membersAdded)) await this.remember(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (this.botIn(context, context.activity.membersRemoved))
        await this.d.references.remove("", TurnContext.getConversationReference(context.activity));
      await next();
    });
  }

  /** Refuses anything not from Teams or from a tenant no board has let in, before any handler runs. */
  override async run(context: TurnContext): Promise<void> {
    if (!this.d.allowAnyTenant) {
      const tenantId =
        callerOf(context)?.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const allowed = context.activity.channelId === "msteams" && tenantId !== undefined && (await this.d.isTenantAllowed(tenantId));
      if (!allowed) {
        this.d.log?.warn(
          { channelId: context.activity.channelId, type: context.activity.type },
          "activity refused: channel or tenant not allowed",
        );
        if (context.activity.type === "invoke") {
          await context.sendActivity({
            type: "invokeResponse",
            value: {
              status: 403,
              body: {
                statusCode: 403,
                type: "application/vnd.microsoft.error",
                value: { code: "Forbidden", message: "Tenant not allowed." },
              },
            },
          });
        }
        return;
      }
    }
    await super.run(context);
  }

  private botIn(context: TurnContext, members: ChannelAccount[] | undefined): boolean {
    return (members ?? []).some((m) => m.id === context.activity.recipient?.id);
  }

  /** Stores where the bot can write to; returns the boards the conversation is linked to. */
  private async remember(context: TurnContext): Promise<string[]> {
    const reference = TurnContext.getConversationReference(context.activity);
    const caller = callerOf(context);
    const teamId = teamIdOf(context);
    // A channel in the board's team serves the board whoever installed it, member or not.
    const teamChannels = kindOf(reference) === "channel" && teamId ? await this.d.references.channelsOfTeam(teamId) : [];
    const channelIds =
      kindOf(reference) === "channel"
        ? [teamId, reference.conversation?.id, ...teamChannels.map((c) => c.reference.conversation?.id)].filter((x): x is string => !!x)
        : [];
    const served = await this.d.cards.core.boardsServedBy(caller, channelIds);
    const boardIds = [...new Set([...served, ...teamChannels.flatMap((c) => c.boardIds)])];
    // A person's language choice outlives every refresh of their chat's reference.
    const chosenLocale =
      kindOf(reference) === "personal" && caller
        ? (await this.d.references.personal(memberIdOf(caller.tenantId, caller.objectId)))?.chosenLocale
        : undefined;
    await this.d.references.save(reference, {
      boardIds,
      ...(context.activity.locale ? { locale: context.activity.locale } : {}),
      ...(teamId ? { teamId } : {}),
      ...(chosenLocale ? { chosenLocale } : {}),
    });
    return boardIds;
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const caller = callerOf(context);
    const isPersonal = (context.activity.conversation?.conversationType ?? "personal") === "personal";
    // Keeps the personal chat's reference fresh even when the install event was missed.
    if (isPersonal) await this.remember(context);
    const parsed = parseCommand(context.activity.text);
    if (parsed?.command === "language" && isPersonal && caller) {
      const card = parsed.language ? await this.chooseLanguage(caller, parsed.language) : buildLanguageCard(await this.localeFor(context));
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return;
    }
    const member = caller ? await this.d.cards.core.firstMembership(caller) : undefined;
    const locale = await this.localeFor(context);
    const viewer = { ...(member ? { member } : {}), audience: "personal" as const, locale };
    let card;
    const form = parsed && FORMS[parsed.command];
    const boards = member && form && caller && isPersonal ? await this.d.cards.core.activeBoardsOf(caller) : [];
    if (form && boards.length > 1) {
      // On several boards: ask which, instead of quietly serving the first.
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(buildBoardChoiceCard(form, boards, locale, formLink(this.d.cards.links, form)))),
      );
      return;
    }
    if (!member || !parsed || parsed.command === "help" || parsed.command === "language" || !isPersonal) {
      card = await this.d.cards.render(
        { card: "help" },
        { ...viewer, notUnderstood: parsed === undefined && normalisedNonEmpty(context.activity.text) },
      );
    } else {
      const boardId = member.boardId;
      const ref =
        parsed.command === "myParticipants"
          ? ({ card: "myParticipants", boardId } as const)
          : parsed.command === "absence"
            ? ({ card: "absenceForm", boardId } as const)
            : ({ card: "signalForm", boardId } as const);
      try {
        card = await this.d.cards.render(ref, viewer);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        card = await this.d.cards.render({ card: "help" }, viewer);
      }
    }
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  /** One language per person: their stored choice, else the locale of their Teams client. */
  private async localeFor(context: TurnContext): Promise<Locale> {
    const caller = callerOf(context);
    const chosen = caller ? (await this.d.references.personal(memberIdOf(caller.tenantId, caller.objectId)))?.chosenLocale : undefined;
    return chosen ?? localeOf(context.activity);
  }

  /** Stores the choice, and answers in the language chosen. */
  private async chooseLanguage(caller: Caller, language: Locale) {
    await this.d.references.chooseLocale(memberIdOf(caller.tenantId, caller.objectId), language);
    const member = await this.d.cards.core.firstMembership(caller);
    return this.d.cards.render(
      { card: "help" },
      { ...(member ? { member } : {}), audience: "personal", locale: language, message: t(language).languageChosen },
    );
  }

  /** Typeahead in the signal form: the participants this person may signal about, matching what they typed. */
  protected override async onSearchInvoke(context: TurnContext, value: SearchInvokeValue): Promise<SearchInvokeResponse> {
    const caller = callerOf(context);
    const boardId = boardOfParticipantDataset(value.dataset);
    const error = (statusCode: number, code: string, message: string): SearchInvokeResponse => ({
      statusCode,
      type: "application/vnd.microsoft.error",
      value: { code, message } as never,
    });
    if (!caller) return error(401, "Unauthenticated", "No Entra user on the activity.");
    if (!boardId) return error(400, "BadRequest", "Unknown dataset.");
    // Shared conversations never list participants.
    if ((context.activity.conversation?.conversationType ?? "personal") !== "personal")
      return error(403, "Forbidden", "Personal chat only.");
    const query = SignalSearchQuery.safeParse(value);
    if (!query.success) return error(400, "BadRequest", "The search is not valid.");
    const actor = await this.d.cards.core.actorFor(caller, boardId, "bot").catch((e: unknown) => {
      if (isDomainError(e)) return undefined;
      throw e;
    });
    if (!actor) return error(403, "Forbidden", "Not a member of this board.");
    try {
      const { queryText, queryOptions } = query.data;
      const found = await this.d.cards.core.searchParticipantsToSignal(actor, boardId, queryText, {
        ...(queryOptions?.skip !== undefined ? { skip: queryOptions.skip } : {}),
        ...(queryOptions?.top !== undefined ? { top: queryOptions.top } : {}),
      });
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.search.searchResponse",
        value: { results: found.map((p) => ({ title: participantChoiceTitle(p), value: p.id })) } as never,
      };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return error(403, "Forbidden", "Not allowed.");
    }
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const caller = callerOf(context);
    if (!caller)
      return {
        statusCode: 401,
        type: "application/vnd.microsoft.error",
        value: { code: "Unauthenticated", message: "No Entra user on the activity." } as never,
      };
    // Channels, group chats and meeting chats are shared: no participant details there, even on refresh.
    const shared = (context.activity.conversation?.conversationType ?? "personal") !== "personal";
    if (value.action?.verb === "language.choose" && !shared) {
      const choice = VERBS["language.choose"].safeParse(value.action.data);
      if (!choice.success)
        return {
          statusCode: 400,
          type: "application/vnd.microsoft.error",
          value: { code: "BadRequest", message: "The card data is not valid." } as never,
        };
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: (await this.chooseLanguage(caller, choice.data.language)) as never,
      };
    }
    const result = await handleCardAction(
      this.d.cards,
      caller,
      value.action?.verb,
      value.action?.data,
      await this.localeFor(context),
      shared ? "shared" : "personal",
    );
    if ("error" in result)
      return {
        statusCode: result.error.status,
        type: "application/vnd.microsoft.error",
        value: { code: result.error.code, message: result.error.message } as never,
      };
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: result.card as never };
  }
}

const FORMS: Partial<Record<string, BoardForm>> = { absence: "absenceForm", signal: "signalForm", myParticipants: "myParticipants" };

function teamIdOf(context: TurnContext): string | undefined {
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

function scopeOf(context: TurnContext): InstallScope {
  const kind = kindOf(TurnContext.getConversationReference(context.activity));
  return kind === "channel" ? "team" : kind;
}

function normalisedNonEmpty(text: string | undefined): boolean {
  return (text ?? "").trim().length > 0;
}
