// Bench parts for issue 14: the audit CSV export of one member's log (time and peak memory), and
// how fast the API says "storage unavailable" (503) and /readyz says 503 when storage is gone.
import { createServer, connect } from "node:net";

/** Writes `rows` audit events of `member` spread over the last twelve months. */
async function seedAuditRows({ storage, boardId, member, participants, rows, now }) {
  const events = [];
  for (let i = 0; i < rows; i++) {
    const p = participants[i % participants.length];
    const at = new Date(now.getTime() - Math.floor((i / rows) * 360) * 86_400_000 - (i % 1000) * 1000).toISOString();
    events.push({
      boardId,
      at,
      actor: { tenantId: member.tenantId, objectId: member.objectId, organisationId: member.organisationId, role: member.role },
      what: "viewedDetails",
      participantId: p.id,
      participantCode: p.code,
      channel: "tab",
      outcome: "allowed",
    });
  }
  for (let i = 0; i < events.length; i += 2000) await storage.audit.append(events.slice(i, i + 2000));
}

/** GET the export, reading the stream as it comes (never buffered whole), sampling this process's memory. */
export async function benchAuditExport({ baseUrl, storage, team, boardId, signIn, rows = 10_000 }) {
  const member = team.members[0];
  const reviewer = team.members.find((m) => m.organisationId === member.organisationId && (m.role === "manager" || m.role === "admin"));
  await seedAuditRows({ storage, boardId, member, participants: team.participants, rows, now: new Date() });
  const token = await signIn(reviewer);
  const url = `${baseUrl}/api/boards/${encodeURIComponent(boardId)}/audit.csv?memberId=${encodeURIComponent(member.id)}`;
  const run = async () => {
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 10);
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`audit export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    return { ms, bytes, rows: lines - 1, peakRssMb: (peakRss - base.rss) / 2 ** 20, peakHeapMb: (peakHeap - base.heapUsed) / 2 ** 20 };
  };
  await run(); // warm-up
  const r = await run();
  const round = (n) => Math.round(n * 10) / 10;
  return {
    rows: r.rows,
    sizeMb: round(r.bytes / 2 ** 20),
    ms: Math.round(r.ms),
    peakRssGrowthMb: round(r.peakRssMb),
    peakHeapGrowthMb: round(r.peakHeapMb),
  };
}

/** A TCP link to storage that can be cut (refused) or stalled (accepts, never answers). */
async function storageLink(targetPort) {
  const sockets = new Set();
  let mode = "open";
  let server;
  const listen = (port) =>
    new Promise((resolve) => {
      server = createServer((client) => {
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        client.on("error", () => client.destroy());
        if (mode === "stalled") return;
        const up = connect(targetPort, "127.0.0.1");
        sockets.add(up);
        up.on("close", () => sockets.delete(up));
        up.on("error", () => up.destroy());
        client.pipe(up).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve(server.address().port));
    });
  const port = await listen(0);
  return {
    port,
    stall() {
      mode = "stalled";
      for (const s of sockets) s.resetAndDestroy();
    },
    async cut() {
      for (const s of sockets) s.resetAndDestroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A second server instance reaching storage through a link: time to 503 when storage refuses, and when it hangs. */
export async function benchOutage({ startServer, loadConfig, connectionString, tablePrefix, signIn: _unused, boardId, member, runs = 5 }) {
  const target = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)[1]);
  const link = await storageLink(target);
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    STORAGE_CONNECTION_STRING: connectionString.replace(`127.0.0.1:${target}`, `127.0.0.1:${link.port}`),
    TABLE_PREFIX: tablePrefix,
    DEV_SIGN_IN: "true",
    LOG_LEVEL: "silent",
    // The production default (STORAGE_TIMEOUT_MS unset): what a person at the board gets.
  });
  const server = await startServer(config, { jobs: false });
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const { token } = await (
      await fetch(`${base}/api/dev/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenantId: member.tenantId, objectId: member.objectId }),
      })
    ).json();
    const time = async (path, headers = {}) => {
      const times = [];
      let status;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = await fetch(`${base}${path}`, { headers });
        await res.arrayBuffer();
        status = res.status;
        times.push(performance.now() - t);
      }
      return { status, maxMs: Math.round(Math.max(...times)) };
    };
    const auth = { authorization: `Bearer ${token}` };
    link.stall();
    const hangingApi = await time(`/api/boards/${encodeURIComponent(boardId)}`, auth);
    const hangingReady = await time("/readyz");
    await link.cut();
    const refusedApi = await time(`/api/boards/${encodeURIComponent(boardId)}`, auth);
    const refusedReady = await time("/readyz");
    return {
      hanging: {
        apiStatus: hangingApi.status,
        apiMaxMs: hangingApi.maxMs,
        readyStatus: hangingReady.status,
        readyMaxMs: hangingReady.maxMs,
      },
      refused: {
        apiStatus: refusedApi.status,
        apiMaxMs: refusedApi.maxMs,
        readyStatus: refusedReady.status,
        readyMaxMs: refusedReady.maxMs,
      },
    };
  } finally {
    await server.stop().catch(() => undefined);
  }
}
