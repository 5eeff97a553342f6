import type { TeamRoster } from "../use-cases/members";
import { createTeamRoster } from "./team-roster";
import express, { type RequestHandler } from "express";
import type { CloudAdapter } from "botbuilder";
import type { Clock } from "../domain/clock";
import type { Storage } from "../storage";
import { newId as defaultNewId, type UseCaseDeps } from "../use-cases/deps";
import { type BotCredentials, adapterTransport, createAdapter } from "./adapter";
import { FactBotHandler } from "./activity-handler";
import { type BotTableOptions, type BotTables, createBotTables } from "./bot-tables";
import type { CardViewDeps } from "./card-views";
import { TableConversationReferenceStore } from "./conversation-reference-store";
import { BotNotifier } from "./notifier";
import { ProactiveSender, type SenderLog, type SenderOptions, type Transport } from "./proactive-sender";
import { type SentCardRepository, sentCardRepository } from "../storage/sent-card-repository";
import { createReach, type Reach } from "./reach";

export { commandTitles } from "./commands";
export { CONSENT_REMINDER_KIND } from "./card-actions";
export { DeliveryPending, NOTIFICATION_KIND, cardKeyOf, type DeliveryResult } from "./notifier";

export interface BotDeps {
  storage: Storage;
  clock: Clock;
  timeZone: string;
  newId?: () => string;
  /** The bot's own tables (conversation references, sent cards), same account as storage. */
  tables: BotTableOptions | BotTables;
  credentials: BotCredentials;
  /** Local development with the Agents Playground only. */
  allowAnyTenant?: boolean;
  /** False when no Teams app exists (local demo without an Entra bot): the tab is then the only channel (see NotifierDeps). */
  cardsReachPeople?: boolean;
  /** Defaults to the union of all boards' allowedTenantIds (re-read at most once a minute). */
  isTenantAllowed?: (tenantId: string) => Promise<boolean>;
  /** Manifest app id, for deep links in cards (the tab's entity id comes from boardTabEntityId). */
  teamsAppId?: string;
  log?: SenderLog;
  /** Tests may replace how proactive cards reach Teams; by default the CloudAdapter. */
  transport?: Transport;
  senderConcurrency?: number;
  /** Tests: how the sender waits between attempts (never a real timer there), and how many it makes. */
  senderTiming?: Pick<SenderOptions, "sleep" | "maxAttempts" | "random">;
}

export interface Bot {
  /** POST /api/messages. */
  endpoint: RequestHandler;
  /** Give this to the API's use-cases too, so changes made in the tab reach Teams. */
  notifier: BotNotifier;
  useCaseDeps: UseCaseDeps;
  views: CardViewDeps;
  sender: ProactiveSender;
  references: TableConversationReferenceStore;
  sentCards: SentCardRepository;
  adapter: CloudAdapter;
  /** The Teams team's roster, for adding members. */
  roster: TeamRoster;
  /** Personal chats opened from the team's roster. */
  reach: Reach;
  ensureTables(): Promise<void>;
  /** Waits for queued notifications and sends. */
  idle(): Promise<void>;
}

function tenantAllowList(storage: Storage, clock: Clock): (tenantId: string) => Promise<boolean> {
  let cached: { at: number; tenants: Set<string> } | undefined;
  return async (tenantId) => {
    const now = clock().getTime();
    if (!cached || now - cached.at > 60_000) {
      const boards = await storage.boards.list();
      cached = { at: now, tenants: new Set(boards.flatMap((b) => b.allowedTenantIds)) };
    }
    return cached.tenants.has(tenantId);
  };
}

export function createBot(deps: BotDeps): Bot {
  const tables = "conversationReferences" in deps.tables ? deps.tables : createBotTables(deps.tables);
  const references = new TableConversationReferenceStore(tables.conversationReferences);
  const sentCards = sentCardRepository(tables.sentCards);
  const adapter = createAdapter(deps.credentials, (e) =>
    deps.log?.error({ error: e instanceof Error ? e.name : "unknown" }, "bot turn failed"),
  );
  const sender = new ProactiveSender({
    transport: deps.transport ?? adapterTransport(adapter, deps.credentials.botId),
    sentCards,
    onGone: async (target) => {
      await references.remove(target.key, target.reference);
    },
    ...(deps.senderConcurrency ? { concurrency: deps.senderConcurrency } : {}),
    ...deps.senderTiming,
    now: () => deps.clock().getTime(),
    ...(deps.log ? { log: deps.log } : {}),
  });
  const useCaseDeps: UseCaseDeps = {
    storage: deps.storage,
    clock: deps.clock,
    timeZone: deps.timeZone,
    newId: deps.newId ?? defaultNewId,
    notifier: { notify: (n) => notifier.notify(n) },
  };
  const views: CardViewDeps = { useCases: useCaseDeps, teamsAppId: deps.teamsAppId ?? deps.credentials.botId ?? "" };
  const notifier = new BotNotifier({
    views,
    references,
    sentCards,
    sender,
    cardsReachPeople: deps.cardsReachPeople ?? true,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const reach = createReach({
    adapter,
    botId: deps.credentials.botId ?? "",
    references,
    storage: deps.storage,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const background = new Set<Promise<unknown>>();
  const handler = new FactBotHandler({
    views,
    references,
    reach,
    background: (task) => {
      background.add(task);
      void task.finally(() => background.delete(task));
    },
    isTenantAllowed: deps.isTenantAllowed ?? tenantAllowList(deps.storage, deps.clock),
    allowAnyTenant: deps.allowAnyTenant ?? false,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const json = express.json({ limit: "256kb" });
  const endpoint: RequestHandler = (req, res, next) => {
    const process = () => adapter.process(req, res, (context) => handler.run(context)).catch(next);
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
    notifier,
    useCaseDeps,
    views,
    sender,
    references,
    sentCards,
    adapter,
    roster: createTeamRoster({ adapter, botId: deps.credentials.botId ?? "", references, storage: deps.storage }),
    ensureTables: () => tables.ensureTables(),
    reach,
    idle: async () => {
      while (background.size > 0) await Promise.all([...background]);
      await notifier.idle();
    },
  };
}

/** The express handler for POST /api/messages. */
export function createBotEndpoint(deps: BotDeps): RequestHandler {
  return createBot(deps).endpoint;
}
