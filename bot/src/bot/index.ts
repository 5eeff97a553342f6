import type { LinkTargets } from "@fact-board/contract";
import express, { type RequestHandler } from "express";
import type { CloudAdapter } from "botbuilder";
import type { Core, ConversationReferenceRepository, DeliveryPort, SentCardRepository, TeamRoster } from "../core";
import { type BotCredentials, adapterTransport, createAdapter } from "./adapter";
import { FactBotHandler } from "./activity-handler";
import { TableConversationReferenceStore } from "./conversation-reference-store";
import { createPersonalChats } from "./personal-chats";
import { ProactiveSender, type SenderLog, type SenderOptions, type Transport } from "./proactive-sender";
import { type Cards, cardsOf } from "./render-card";
import { createTeamRoster } from "./team-roster";
import { teamsDelivery } from "./teams-delivery";

// The Teams edge, in two steps around the core (main.ts): first the connection to Teams (the
// adapter, the proactive sender, where the bot can write to), which gives the core its delivery and
// roster ports; then the bot itself (the /api/messages endpoint), which gets the core.

export { commandTitles } from "./commands";

/** As config.ts defaults PUBLIC_URL. */
const DEFAULT_PUBLIC_URL = "http://localhost:3978";

export interface TeamsOptions {
  credentials: BotCredentials;
  /** The bot's two tables, kept in storage like every other (main.ts hands them over). */
  conversations: ConversationReferenceRepository;
  sentCards: SentCardRepository;
  now: () => number;
  /** False when no Teams app exists (local demo without an Entra bot): the tab is then the only channel. */
  cardsReachPeople?: boolean;
  /** Manifest app id, for deep links in cards (the tab's entity id comes from boardTabEntityId). */
  teamsAppId?: string;
  /** The server's public address (PUBLIC_URL): cards link to the tab there outside Teams. */
  publicUrl?: string;
  log?: SenderLog;
  /** Tests may replace how proactive cards reach Teams; by default the CloudAdapter. */
  transport?: Transport;
  senderConcurrency?: number;
  /** Tests: how the sender waits between attempts (never a real timer there), and how many it makes. */
  senderTiming?: Pick<SenderOptions, "sleep" | "maxAttempts" | "random">;
}

export interface Teams {
  adapter: CloudAdapter;
  credentials: BotCredentials;
  references: TableConversationReferenceStore;
  sender: ProactiveSender;
  teamsAppId: string;
  /** Where the cards' links point. */
  links: LinkTargets;
  /** The core's roster port: the Teams team's people, read by the bot installed in the team. */
  roster: TeamRoster;
  /** The core's delivery port: cards to Teams, each rendered from the core's answer. */
  deliveryFor(core: Core): DeliveryPort;
  log?: SenderLog;
}

export function connectTeams(o: TeamsOptions): Teams {
  const references = new TableConversationReferenceStore(o.conversations);
  const adapter = createAdapter(o.credentials, (e) => o.log?.error({ error: e instanceof Error ? e.name : "unknown" }, "bot turn failed"));
  const sender = new ProactiveSender({
    transport: o.transport ?? adapterTransport(adapter, o.credentials.botId),
    sentCards: o.sentCards,
    onGone: async (target) => {
      await references.remove(target.key, target.reference);
    },
    ...(o.senderConcurrency ? { concurrency: o.senderConcurrency } : {}),
    ...o.senderTiming,
    now: o.now,
    ...(o.log ? { log: o.log } : {}),
  });
  const teamsAppId = o.teamsAppId ?? o.credentials.botId ?? "";
  const links: LinkTargets = { teamsAppId, publicUrl: o.publicUrl ?? DEFAULT_PUBLIC_URL };
  return {
    adapter,
    credentials: o.credentials,
    references,
    sender,
    teamsAppId,
    links,
    roster: createTeamRoster({ adapter, botId: o.credentials.botId ?? "", references }),
    deliveryFor: (core) =>
      teamsDelivery({
        core,
        references,
        sentCards: o.sentCards,
        sender,
        links,
        cardsReachPeople: o.cardsReachPeople ?? true,
        ...(o.log ? { log: o.log } : {}),
      }),
    ...(o.log ? { log: o.log } : {}),
  };
}

export interface Bot {
  /** POST /api/messages. */
  endpoint: RequestHandler;
  /** Where the bot can write to (tests look; the language a person chose is kept there). */
  references: TableConversationReferenceStore;
  /** The core's answers as cards. */
  cards: Cards;
  /** Waits for work that outlives a turn (opening personal chats for a team), then for the core's notifications and their cards. */
  idle(): Promise<void>;
}

export function createBot(core: Core, teams: Teams, options: { allowAnyTenant?: boolean } = {}): Bot {
  const cards = cardsOf(core, teams.links);
  const background = new Set<Promise<unknown>>();
  const handler = new FactBotHandler({
    cards,
    references: teams.references,
    personalChats: createPersonalChats({
      core,
      adapter: teams.adapter,
      botId: teams.credentials.botId ?? "",
      references: teams.references,
      ...(teams.log ? { log: teams.log } : {}),
    }),
    background: (task) => {
      background.add(task);
      void task.finally(() => background.delete(task));
    },
    isTenantAllowed: core.isTenantAllowed,
    // Local development with the Agents Playground only.
    allowAnyTenant: options.allowAnyTenant ?? false,
    ...(teams.log ? { log: teams.log } : {}),
  });
  const json = express.json({ limit: "256kb" });
  const endpoint: RequestHandler = (req, res, next) => {
    const process = () => teams.adapter.process(req, res, (context) => handler.run(context)).catch(next);
    // A body that is not JSON, or not an activity, is the sender's mistake: 400 with JSON, never a 500 page.
    const refuse = () => void res.status(400).json({ error: { code: "BadRequest", message: "The body is not a Bot Framework activity." } });
    const processIfActivity = () => {
      const body: unknown = req.body;
      if (typeof body !== "object" || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== "string")
        refuse();
      else void process();
    };
    if (req.body === undefined) json(req, res, (err?: unknown) => (err ? refuse() : processIfActivity()));
    else processIfActivity();
  };
  return {
    endpoint,
    references: teams.references,
    cards,
    idle: async () => {
      while (background.size > 0) await Promise.all([...background]);
      await core.idle();
    },
  };
}
