import http from "node:http";
import type { AddressInfo } from "node:net";

// Stands in for the Teams connector (the activity's serviceUrl): records what the bot sends and
// answers like the connector does. It is not a fake of storage or of the bot.

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: { type?: string; text?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }> } & Record<
    string,
    unknown
  >;
}

export interface Connector {
  url: string;
  recorded: Recorded[];
  /** Statuses to answer the next sends with, before succeeding (e.g. [429, 502]). */
  failNext(statuses: number[], retryAfterSeconds?: number): void;
  /** Like Teams under load: posts the next activity, then answers 504 as if it had not. */
  postThenTimeOut(count?: number): void;
  /** Requests that reached the connector's activities routes, including refused ones. */
  attempts: number;
  /** Cards posted (not updates of posted cards). */
  cards(conversationId?: string): Array<Record<string, unknown>>;
  /** Cards updated in place (PUT). */
  updates(conversationId?: string): Array<Record<string, unknown>>;
  /** The team's people, as GET /v3/conversations/{id}/pagedmembers answers them (pages of `pageSize`). */
  setMembers(members: TeamsMember[]): void;
  /** Personal conversations the bot created (POST /v3/conversations), with the member asked for. */
  created: Array<{ conversationId: string; memberId: string; aadObjectId?: string; tenantId?: string }>;
  /** Forgets what was recorded and any failures still queued. */
  clear(): void;
  close(): Promise<void>;
}

export interface TeamsMember {
  id: string;
  aadObjectId: string;
  tenantId: string;
  name: string;
  userRole?: "user" | "guest";
}

export async function startConnector(): Promise<Connector> {
  const recorded: Recorded[] = [];
  let failures: number[] = [];
  let retryAfter: number | undefined;
  let n = 0;
  let postThenFail = 0;
  let attempts = 0;
  let teamMembers: TeamsMember[] = [];
  const created: Connector["created"] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const paged = /\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(req.url ?? "");
      if (paged && req.method === "GET") {
        // Like Teams: pages of pageSize, an opaque continuationToken while more remain.
        const url = new URL(req.url ?? "", "http://connector");
        const size = Number(url.searchParams.get("pageSize") ?? "100") || 100;
        const from = Number(url.searchParams.get("continuationToken") ?? "0") || 0;
        const members = teamMembers.slice(from, from + size);
        const more = from + size < teamMembers.length;
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ members, ...(more ? { continuationToken: String(from + size) } : {}) }));
        return;
      }
      if (req.method === "POST" && /^\/*v3\/conversations\/?(\?.*)?$/.test(req.url ?? "")) {
        // Like Teams for a 1:1 with a member of a team the bot is in: one conversation per person,
        // the same id every time it is asked for again.
        const body = (raw ? JSON.parse(raw) : {}) as {
          members?: Array<{ id?: string; aadObjectId?: string }>;
          tenantId?: string;
          isGroup?: boolean;
        };
        const member = body.members?.[0];
        if (!member?.id || body.isGroup || body.members!.length !== 1) {
          res
            .writeHead(400, { "content-type": "application/json" })
            .end(JSON.stringify({ error: { code: "BadArgument", message: "one member" } }));
          return;
        }
        const known = teamMembers.find((t) => t.id === member.id || t.aadObjectId === member.id);
        if (!known) {
          res
            .writeHead(403, { "content-type": "application/json" })
            .end(JSON.stringify({ error: { code: "Forbidden", message: "not in a team with the bot" } }));
          return;
        }
        const conversationId = `a:personal-${known.aadObjectId}`;
        created.push({
          conversationId,
          memberId: member.id,
          ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
          ...(body.tenantId ? { tenantId: body.tenantId } : {}),
        });
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: conversationId }));
        return;
      }
      const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? "");
      if (!m) {
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
        return;
      }
      attempts++;
      const failure = failures.shift();
      if (failure) {
        res
          .writeHead(failure, {
            "content-type": "application/json",
            ...(retryAfter !== undefined ? { "retry-after": String(retryAfter) } : {}),
          })
          .end(JSON.stringify({ error: { code: "Throttled", message: "try later" } }));
        return;
      }
      const body = raw ? JSON.parse(raw) : {};
      recorded.push({
        method: req.method ?? "",
        path: req.url ?? "",
        conversationId: decodeURIComponent(m[1]!),
        ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
        body,
      });
      if (postThenFail > 0) {
        postThenFail--;
        res
          .writeHead(504, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { code: "GatewayTimeout", message: "timed out" } }));
        return;
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: m[2] && req.method === "PUT" ? decodeURIComponent(m[2]) : `act-${++n}` }));
    });
  });
  // Longer than the bot's HTTP client keeps idle sockets: a reused socket is never closed under a send.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    recorded,
    created,
    get attempts() {
      return attempts;
    },
    postThenTimeOut(count = 1) {
      postThenFail = count;
    },
    failNext(statuses, seconds) {
      failures = [...statuses];
      retryAfter = seconds;
    },
    cards(conversationId) {
      return recorded
        .filter((r) => r.method === "POST" && (!conversationId || r.conversationId === conversationId))
        .flatMap((r) =>
          (r.body.attachments ?? []).filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive").map((a) => a.content),
        );
    },
    updates(conversationId) {
      return recorded
        .filter((r) => r.method === "PUT" && (!conversationId || r.conversationId === conversationId))
        .flatMap((r) =>
          (r.body.attachments ?? []).filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive").map((a) => a.content),
        );
    },
    setMembers(members) {
      teamMembers = [...members];
    },
    clear() {
      recorded.length = 0;
      attempts = 0;
      failures = [];
      postThenFail = 0;
      created.length = 0;
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
