import http from "node:http";
import { BOARD, startWorld, type World } from "./world";

// Running it for real: /healthz says the process is up, /readyz that storage answers; stopping
// (SIGTERM) lets requests already in flight finish and ends live streams instead of waiting on them.

let w: World;
beforeEach(async () => {
  w = await startWorld();
}, 180_000);
afterEach(async () => {
  await w?.stop().catch(() => undefined);
});

it("answers /healthz and /readyz without a sign-in, and /readyz 503 when storage is not usable", async () => {
  expect(await (await fetch(`${w.app.baseUrl}/healthz`)).json()).toEqual({ status: "ok" });
  const ready = await fetch(`${w.app.baseUrl}/readyz`);
  expect([ready.status, await ready.json()]).toEqual([200, { status: "ready" }]);
  await w.tables.tables.boardVersions.deleteTable();
  const notReady = await fetch(`${w.app.baseUrl}/readyz`);
  expect([notReady.status, await notReady.json()]).toEqual([503, { status: "storage unreachable" }]);
});

it("finishes a request already in flight when it is stopped, then takes no new ones", async () => {
  const token = await w.token(w.member("coordinator"));
  const { port } = new URL(w.app.baseUrl);
  // Starting today's walkthrough: a write with a body (a check-in is only recorded by a walkthrough now).
  const body = JSON.stringify({});
  // Send the headers and half the body, stop the server, then send the rest.
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `${BOARD}/walkthrough`,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 1));
    setTimeout(() => {
      stopped = w.app.stop();
      setTimeout(() => req.end(body.slice(1)), 100);
    }, 100);
  });
  let stopped: Promise<void> | undefined;
  const res = await answered;
  expect(res.status).toBe(200);
  const { walkthrough } = JSON.parse(res.body) as { walkthrough: { date: string; meetingId: string } };
  await stopped;
  await expect(fetch(`${w.app.baseUrl}/healthz`)).rejects.toThrow();
  // What it answered was stored.
  expect(await w.app.storage.walkthroughs.get("demo-fact-exempelstad", walkthrough.date, walkthrough.meetingId)).toBeDefined();
});

it("ends open live streams when it stops, rather than waiting for them", async () => {
  const token = await w.token(w.member("coordinator"));
  const stream = await fetch(`${w.app.baseUrl}${BOARD}/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  // Read until the first version event: the stream is fully open.
  let opened = "";
  while (!opened.includes("event: version")) opened += new TextDecoder().decode((await reader.read()).value);
  expect(opened).toContain("retry:");
  await w.app.stop();
  // The server ended the stream properly (done); one cut off at the end of the grace period would
  // make the read fail with "terminated" instead.
  let chunk = await reader.read();
  while (!chunk.done) chunk = await reader.read();
  expect(chunk.done).toBe(true);
});
