import { DEFAULT_STORAGE_TIMEOUT_MS } from "../../bot/src/config";
import { api, demoPerson, DEMO_BOARD_ID, signIn, startApp, type RunningApp } from "../support/app";
import { type StorageLink, storageLink } from "../support/storage-link";

// Storage going away under a running server: the server reaches the Jest run's Azurite through a
// TCP link that the test cuts (connections reset, the port closed) and restores on the same port.
// The bounds are loose on purpose (the shared machine varies); the bench reports the real figures.

const BOARD = `/api/boards/${DEMO_BOARD_ID}`;
let link: StorageLink;
let app: RunningApp;
let token: string;

/** Setup on a loaded machine may meet the production budget too: try a few times. */
async function eventually<T>(work: () => Promise<T>, ok: (t: T) => boolean = () => true): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await work();
      if (ok(result) || attempt >= 10) return result;
    } catch (e) {
      if (attempt >= 10) throw e;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  const connectionString = process.env.FACT_TEST_STORAGE_CONNECTION!;
  const target = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)![1]);
  link = await storageLink(target);
  app = await startApp({
    connectionString: connectionString.replace(`127.0.0.1:${target}`, `127.0.0.1:${link.port}`),
    env: { STORAGE_TIMEOUT_MS: String(DEFAULT_STORAGE_TIMEOUT_MS) },
  });
  token = await eventually(() => signIn(app.baseUrl, demoPerson("region", 1)));
}, 60_000);

afterAll(async () => {
  await app?.stop().catch(() => undefined);
  await link?.cut();
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

it("answers 503 StorageUnavailable with Retry-After fast while storage is down, and recovers without a restart", async () => {
  const before = await eventually(
    () => api<{ rows: Array<{ entry: { participantId: string; etag: string; priority: string } }> }>(app.baseUrl, token, "GET", BOARD),
    (r) => r.status === 200,
  );
  expect(before.status).toBe(200);
  const entry = before.body.rows[0]!.entry;

  await link.cut();

  const read = await timed(() => api<{ error: { code: string } }>(app.baseUrl, token, "GET", BOARD));
  expect(read.result.status).toBe(503);
  expect(read.result.body.error.code).toBe("StorageUnavailable");
  expect(Number(read.result.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(read.ms).toBeLessThan(2500);

  const write = await timed(() =>
    api(app.baseUrl, token, "PATCH", `${BOARD}/entries/${entry.participantId}`, {
      etag: entry.etag,
      priority: entry.priority === "high" ? "medium" : "high",
    }),
  );
  expect(write.result.status).toBe(503);
  expect(write.ms).toBeLessThan(2500);

  const ready = await timed(() => fetch(`${app.baseUrl}/readyz`));
  expect(ready.result.status).toBe(503);
  expect(ready.ms).toBeLessThan(1000);
  expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);

  await link.restore();

  // Back by itself, no restart (polled: the first answers after a restore may still be slow here).
  expect(
    (
      await eventually(
        () => fetch(`${app.baseUrl}/readyz`),
        (r) => r.status === 200,
      )
    ).status,
  ).toBe(200);
  const after = await eventually(
    () => api<{ rows: Array<{ entry: { participantId: string; etag: string } }> }>(app.baseUrl, token, "GET", BOARD),
    (r) => r.status === 200,
  );
  expect(after.status).toBe(200);
  // The write that met the outage did not happen, not even half: the entry is as it was.
  expect(after.body.rows.find((r) => r.entry.participantId === entry.participantId)?.entry.etag).toBe(entry.etag);
}, 60_000);

it("answers 503 within the budget when storage accepts connections but never answers", async () => {
  link.stall();
  try {
    const read = await timed(() => api<{ error: { code: string } }>(app.baseUrl, token, "GET", BOARD));
    expect([read.result.status, read.result.body.error.code]).toEqual([503, "StorageUnavailable"]);
    expect(read.ms).toBeLessThan(2500);
    const ready = await timed(() => fetch(`${app.baseUrl}/readyz`));
    expect(ready.result.status).toBe(503);
    expect(ready.ms).toBeLessThan(1000);
  } finally {
    await link.restore();
  }
  expect(
    (
      await eventually(
        () => api(app.baseUrl, token, "GET", BOARD),
        (r) => r.status === 200,
      )
    ).status,
  ).toBe(200);
}, 60_000);
