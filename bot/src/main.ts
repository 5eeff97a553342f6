import type { Server } from "node:http";
import path from "node:path";
import { createApp } from "./api/app";
import { connectTeams, createBot } from "./bot";
import { startJobs } from "./jobs";
import { createAuthenticate, createDevIssuer, devSignInRoutes, signInConfigRoutes, signInOriginOf } from "./auth";
import { loadConfig, ConfigError, type Config } from "./config";
import { createCore } from "./core";
import { systemClock, type Clock } from "./domain/clock";
import { localDate } from "./domain/dates";
import { demoTeam } from "./demo/demo-team";
import { seedDemoTeam } from "./demo/seed";
import { createLogger } from "./logger";
import { policyFor } from "./storage/request-policy";
import { createStorage } from "./storage/table-service";

// Wiring only: build the parts, start the server, stop gracefully.

/** Creating tables and seeding at start may take this long per storage call. */
const SETUP_TIMEOUT_MS = 30_000;

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** false: no due-item poller (tests that drive jobs themselves, the bench). */
  jobs?: false;
}

/** Longer than any client or front end keeps an idle connection (see where it is set). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = createLogger(config.LOG_LEVEL);
  const storageOptions = {
    ...(config.STORAGE_CONNECTION_STRING ? { connectionString: config.STORAGE_CONNECTION_STRING } : {}),
    ...(config.STORAGE_TABLE_ENDPOINT ? { tableEndpoint: config.STORAGE_TABLE_ENDPOINT } : {}),
    tablePrefix: config.TABLE_PREFIX,
  };
  const storage = createStorage({ ...storageOptions, requestPolicy: policyFor(config.STORAGE_TIMEOUT_MS) });
  const clock = options.clock ?? systemClock;
  // Start-up work is not interactive (nobody waits on it, and Azurite or a cold account may be slow
  // to answer at first): its own generous budget, not the one a person at the board gets.
  const setupStorage = createStorage({
    ...storageOptions,
    requestPolicy: policyFor(Math.max(config.STORAGE_TIMEOUT_MS, SETUP_TIMEOUT_MS)),
  });
  await setupStorage.ensureTables();

  // The Teams connection first (it gives the core its delivery and roster ports), then the core,
  // built once, then the three edges that get it: the bot, the HTTP API and the due-item poller.
  const teams = connectTeams({
    credentials: {
      botType: config.BOT_TYPE,
      ...(config.BOT_ID ? { botId: config.BOT_ID } : {}),
      ...(config.BOT_PASSWORD ? { botPassword: config.BOT_PASSWORD } : {}),
      ...(config.BOT_TENANT_ID ? { botTenantId: config.BOT_TENANT_ID } : {}),
    },
    conversations: storage.conversations,
    sentCards: storage.sentCards,
    now: () => clock().getTime(),
    cardsReachPeople: Boolean(config.BOT_ID),
    ...(config.TEAMS_APP_ID ? { teamsAppId: config.TEAMS_APP_ID } : {}),
    publicUrl: config.PUBLIC_URL,
    log,
  });
  const core = createCore({
    storage,
    clock,
    timeZone: config.TIME_ZONE,
    settings: {
      morningBriefAt: config.MORNING_BRIEF_AT,
      boardCreation: {
        creatorTenantIds: config.BOARD_CREATOR_TENANT_IDS,
        defaults: { timeZone: config.TIME_ZONE, morningBriefAt: config.MORNING_BRIEF_AT },
      },
      maxPendingJoinRequestsPerTenant: config.PENDING_JOIN_REQUESTS_PER_TENANT,
    },
    delivery: teams.deliveryFor,
    roster: teams.roster,
    log,
  });
  // Only the Agents Playground talks to a bot without credentials, and it has no real tenant.
  const bot = createBot(core, teams, { allowAnyTenant: !config.BOT_ID && config.NODE_ENV !== "production" });

  if (config.SEED_DEMO_DATA) {
    const now = clock();
    const outcome = await seedDemoTeam(
      setupStorage,
      demoTeam({
        today: localDate(now, config.TIME_ZONE),
        now: now.toISOString(),
        // Local bot trials in the Agents Playground (no bot credentials) get a member for its fixed user.
        withAgentsPlaygroundUser: config.NODE_ENV === "development" && !config.BOT_ID,
      }),
    );
    log.info({ outcome }, "demo data");
  }

  // Development keeps the sign-in key under .data/ (a restart keeps people signed in); tests keep it in memory unless told.
  const devKeyFile =
    config.DEV_ISSUER_KEY_FILE ??
    (config.NODE_ENV === "development" ? path.resolve(__dirname, "../../.data/dev-issuer-key.json") : undefined);
  const devIssuer = config.DEV_SIGN_IN ? await createDevIssuer(config, devKeyFile ? { keyFile: devKeyFile } : {}) : undefined;
  const authenticate = createAuthenticate(config, {
    isTenantAllowed: core.isTenantAllowed,
    ...(devIssuer ? { devIssuer, devAnyTenant: !config.SEED_DEMO_DATA } : {}),
  });

  const { app, watcher } = createApp({
    core,
    authenticate,
    log,
    publicUrl: config.PUBLIC_URL,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    rateLimit: { windowMs: 60_000, limit: config.API_REQUESTS_PER_MINUTE },
    signInConfigRateLimit: { windowMs: 60_000, limit: config.SIGN_IN_CONFIG_REQUESTS_PER_MINUTE },
    tabDistDir: config.TAB_DIST_DIR ?? path.resolve(__dirname, "../../tab/dist"),
    ...(config.FIXTURES_DIR ? { fixturesDir: config.FIXTURES_DIR } : {}),
    botEndpoint: bot.endpoint,
    unauthenticatedRoutes: [
      { path: "/", handler: signInConfigRoutes(config) },
      // Without the demo team (SEED_DEMO_DATA off) anyone may pick a tenant and object id, so the first run can be tried locally.
      ...(devIssuer
        ? [{ path: "/", handler: devSignInRoutes(devIssuer, core.signInablePeople, { anyIdentity: !config.SEED_DEMO_DATA }) }]
        : []),
    ],
    ...(signInOriginOf(config) ? { signInOrigin: signInOriginOf(config)! } : {}),
    joinRequestRateLimits: {
      perAddress: { windowMs: 3_600_000, limit: config.JOIN_REQUESTS_PER_HOUR_PER_ADDRESS },
      perTenant: { windowMs: 3_600_000, limit: config.JOIN_REQUESTS_PER_HOUR_PER_TENANT },
    },
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.PORT, "0.0.0.0", () => resolve(s));
  });
  // The server must outlive its clients' idle keep-alive sockets: if it closes one just as a client
  // reuses it, that request dies with ECONNRESET. Node closes after 5 s, undici (fetch) keeps sockets
  // 4 s and front ends such as Azure's keep theirs longer, so the client side always closes first.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log.info({ port }, "FACT Board server listening");
  const jobs = options.jobs === false ? undefined : startJobs({ core, pollSeconds: config.JOBS_POLL_SECONDS, log });

  return {
    port,
    // Graceful: stop accepting, let in-flight requests finish, close idle keep-alive and live streams.
    stop: () =>
      new Promise<void>((resolve, reject) => {
        watcher.shutdown();
        // A keep-alive connection goes idle once its last response is sent: close those as they appear,
        // and after 10 s whatever is still open.
        const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), 10_000);
        server.close((err) => {
          clearInterval(closeIdle);
          clearTimeout(deadline);
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      }).then(async () => {
        await jobs?.stop();
        await bot.idle();
      }),
  };
}

if (require.main === module) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  startServer(config).then(
    (server) => {
      const shutdown = () => {
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGTERM", shutdown);
      process.once("SIGINT", shutdown);
      // A promise nobody awaited, or a throw outside any request: the process state is unknown.
      // Log what kind of error it was (never its message: it may carry names or codes), then stop
      // the way SIGTERM does, with a failing exit code so the host restarts the instance.
      const fatal = (kind: string) => (e: unknown) => {
        console.error(JSON.stringify({ level: "fatal", kind, error: e instanceof Error ? e.name : typeof e }));
        server.stop().finally(() => process.exit(1));
      };
      process.once("unhandledRejection", fatal("unhandledRejection"));
      process.once("uncaughtException", fatal("uncaughtException"));
    },
    (e: unknown) => {
      console.error(`FACT Board could not start: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
