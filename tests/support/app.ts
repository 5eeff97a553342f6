// The whole app for integration and browser tests: the real server (bot + API + built tab) on a
// free port, over the Jest run's Azurite with its own table prefix, seeded with the demo team and
// the development sign-in enabled — what `npm start` runs, minus the persisted Azurite.
import { loadConfig } from "../../bot/src/config";
import type { Clock } from "../../bot/src/domain/clock";
import { DEMO_BOARD_ID, DEMO_TENANTS } from "../../bot/src/demo/demo-team";
import { startServer } from "../../bot/src/main";
import { createStorage, type Storage } from "../../bot/src/storage";
import { policyFor } from "../../bot/src/storage/request-policy";
import path from "node:path";

export { DEMO_BOARD_ID, DEMO_TENANTS };

export const TEST_STORAGE_TIMEOUT_MS = 15_000;

export interface RunningApp {
  baseUrl: string;
  port: number;
  storage: Storage;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  seed?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
  /** Run the due-item poller too (off by default: tests drive jobs themselves). */
  jobs?: boolean;
  /** Another storage than the Jest run's Azurite (e.g. a dedicated one a test stops and starts). */
  connectionString?: string;
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const connectionString = options.connectionString ?? process.env.FACT_TEST_STORAGE_CONNECTION;
  if (!connectionString) throw new Error("FACT_TEST_STORAGE_CONNECTION is not set: run through Jest (its globalSetup starts Azurite).");
  const tablePrefix = `t${Math.random().toString(36).slice(2, 10)}`;
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    PUBLIC_URL: "http://127.0.0.1",
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
    DEV_SIGN_IN: "true",
    SEED_DEMO_DATA: options.seed === false ? "false" : "true",
    LOG_LEVEL: "silent",
    TAB_DIST_DIR: path.resolve(__dirname, "../../tab/dist"),
    // The Teams-like host and the bench's floor, on the tab's origin (tests/fixtures).
    FIXTURES_DIR: path.resolve(__dirname, "../fixtures"),
    // Generous on a shared, loaded test machine; the outage tests set the production default.
    STORAGE_TIMEOUT_MS: String(TEST_STORAGE_TIMEOUT_MS),
    ...options.env,
  });
  const server = await startServer(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.jobs ? {} : { jobs: false as const }),
  });
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    port: server.port,
    storage: createStorage({ connectionString, tablePrefix, requestPolicy: policyFor(TEST_STORAGE_TIMEOUT_MS) }),
    stop: () => server.stop(),
  };
}

/** Demo people by their place in the demo team (see bot/src/demo/demo-team.ts). */
export const demoPerson = (org: keyof typeof DEMO_TENANTS, index: number) => ({
  tenantId: DEMO_TENANTS[org],
  objectId: `00000000-0000-4000-a000-${String(index).padStart(12, "0")}`,
});

/** Signs in through the development sign-in, as the tab does outside Teams. */
export async function signIn(baseUrl: string, person: { tenantId: string; objectId: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(person),
  });
  if (!res.ok) throw new Error(`dev sign-in failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A small typed fetch for API tests: JSON in, status + JSON out. */
export async function api<T = unknown>(
  baseUrl: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON (CSV, HTML): keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
