import express from "express";
import type { AddressInfo } from "node:net";
import type http from "node:http";
import { type Core, type DeliveryPort, createCore } from "../core";
import type { Member } from "../domain/types";
import type { Storage } from "../storage";
import type { TableService } from "../storage/table-clients";
import { createTestStorageWithTables } from "../storage/test-support";
import { type Bot, type Teams, connectTeams, createBot } from "../bot";
import { type Connector, startConnector } from "./teams-connector";

// The real bot (CloudAdapter, handler) and the real core (use-cases, recipients, due items) wired
// as main.ts wires them, behind an express app, over Azurite, with the Teams connector replaced by
// a local recorder at the activities' serviceUrl.

export interface Harness {
  bot: Bot;
  core: Core;
  teams: Teams;
  /** The delivery port the core sends through (the bot's, over the real adapter). */
  delivery: DeliveryPort;
  /** For seeding and looking: tests read storage; the bot and the jobs never do. */
  storage: Storage;
  /** The raw tables under storage, for tests that must break one (the access log). */
  tables: TableService;
  connector: Connector;
  url: string;
  now: { value: Date };
  /** Every wait the proactive sender asked for, in ms (it never really waits in tests). */
  sleeps: number[];
  close(): Promise<void>;
}

export async function startHarness(options: { allowAnyTenant?: boolean } = {}): Promise<Harness> {
  const { storage, service } = await createTestStorageWithTables();
  const now = { value: new Date("2026-03-02T08:00:00.000Z") };
  let id = 0;
  const sleeps: number[] = [];
  const teams = connectTeams({
    credentials: { botType: "MultiTenant" },
    conversations: storage.conversations,
    sentCards: storage.sentCards,
    now: () => now.value.getTime(),
    teamsAppId: "11111111-2222-3333-4444-555555555555",
    publicUrl: "https://fact.example",
    senderTiming: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
  let delivery: DeliveryPort | undefined;
  const core = createCore({
    storage,
    clock: () => now.value,
    timeZone: "Europe/Stockholm",
    newId: () => `id${++id}x${Math.random().toString(36).slice(2, 8)}`,
    settings: { morningBriefAt: "07:45" },
    delivery: (c) => (delivery = teams.deliveryFor(c)),
    roster: teams.roster,
  });
  const bot = createBot(core, teams, { allowAnyTenant: options.allowAnyTenant ?? false });
  const connector = await startConnector();
  const app = express();
  app.post("/api/messages", bot.endpoint);
  const server: http.Server = await new Promise((r) => {
    const s = app.listen(0, "127.0.0.1", () => r(s));
  });
  // As in main.ts: the server outlives the client's idle keep-alive sockets, so a reused socket is
  // never closed under a request (ECONNRESET on a loaded machine).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  return {
    bot,
    core,
    teams,
    delivery: delivery!,
    storage,
    tables: service,
    connector,
    url: `http://127.0.0.1:${port}/api/messages`,
    now,
    sleeps,
    async close() {
      await bot.idle();
      await new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      });
      await connector.close();
    },
  };
}

export interface Person {
  tenantId: string;
  objectId: string;
  name?: string;
}

/** A member as the person Teams says is talking. */
export const personOf = (m: Pick<Member, "tenantId" | "objectId">): Person => ({ tenantId: m.tenantId, objectId: m.objectId });
/** The id of a member's personal chat with the bot, as activity() names it. */
export const personalChatOf = (m: Pick<Member, "objectId">): string => `a:personal-${m.objectId}`;

let seq = 0;

export function activity(h: Harness, who: Person, extra: Record<string, unknown>, conversation?: { id: string; conversationType: string }) {
  return {
    id: `in-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: h.connector.url,
    from: { id: `29:${who.objectId}`, aadObjectId: who.objectId, name: who.name ?? "Someone" },
    recipient: { id: "28:fact-bot", name: "FACT" },
    conversation: { ...(conversation ?? { id: `a:personal-${who.objectId}`, conversationType: "personal" }), tenantId: who.tenantId },
    channelData: { tenant: { id: who.tenantId } },
    locale: "sv-SE",
    ...extra,
  };
}

export async function post(h: Harness, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(h.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export const say = (h: Harness, who: Person, text: string) => post(h, activity(h, who, { type: "message", text }));

export const install = (h: Harness, who: Person, conversation?: { id: string; conversationType: string }) =>
  post(h, activity(h, who, { type: "installationUpdate", action: "add" }, conversation));

export async function click(h: Harness, who: Person, verb: string, data: Record<string, unknown>, locale = "sv-SE") {
  const res = await post(
    h,
    activity(h, who, { type: "invoke", name: "adaptiveCard/action", locale, value: { action: { type: "Action.Execute", verb, data } } }),
  );
  const body = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
  return { status: res.status, statusCode: body?.statusCode, type: body?.type, card: body?.value };
}

/** Every Action.Execute in a card, with its verb and data. */
export function actions(card: unknown): Array<{ verb: string; data: Record<string, unknown>; title: string }> {
  const out: Array<{ verb: string; data: Record<string, unknown>; title: string }> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Record<string, unknown>;
      if (o["type"] === "Action.Execute" && o["verb"] !== "refresh")
        out.push({ verb: String(o["verb"]), data: o["data"] as Record<string, unknown>, title: String(o["title"]) });
      Object.entries(o).forEach(([k, v]) => k !== "refresh" && walk(v));
    }
  };
  walk(card);
  return out;
}

export const action = (card: unknown, verb: string) => {
  const a = actions(card).find((x) => x.verb === verb);
  if (!a)
    throw new Error(
      `no ${verb} button on the card: ${actions(card)
        .map((x) => x.verb)
        .join(", ")}`,
    );
  return a;
};

export const textOf = (card: unknown): string => JSON.stringify(card);
