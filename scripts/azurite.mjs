// Starts Azurite's table service (the real Table API, from npm) as a child process.
// Used by `npm start` (persisted under .data/), by the tests and by the bench (in memory, free port).
import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const ACCOUNT = "devstoreaccount1";
// Azurite's published development key: not a secret.
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function connectionStringFor(port) {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

/** A port given explicitly must be free: otherwise waiting for it would find whoever holds it and take that for Azurite. */
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", (e) =>
      reject(
        new Error(
          e.code === "EADDRINUSE"
            ? `Port ${port} on 127.0.0.1 is already in use (another Azurite, or another npm start?): stop that, or choose another port (AZURITE_TABLE_PORT).`
            : `Azurite cannot listen on port ${port}: ${e.message}`,
        ),
      ),
    );
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve()));
  });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Azurite did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Keeps the last `limit` characters a stream wrote (Azurite's stderr), so a long run holds no more. */
function tailOf(stream, limit = 4000) {
  let text = "";
  stream.on("data", (d) => {
    text = (text + d).slice(-limit);
  });
  return () => text.trim().split("\n").slice(-20).join("\n");
}

/** One line (and the tail of its stderr) saying how Azurite ended: for the person at `npm start`, or a test run's log. */
export function describeAzuriteExit({ port, code, signal, stderr }) {
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  const said = stderr ? `Its last words on stderr:\n${stderr}` : "It wrote nothing to stderr.";
  return `Azurite (the local Table storage on port ${port}) stopped unexpectedly (${how}). ${said}`;
}

/**
 * @param {{ port?: number, location?: string, onExit?: (exit: { port: number, code: number | null, signal: string | null, stderr: string }) => void }} options
 *   location: persist there; omitted: in memory. onExit: called when Azurite ends without stop() (default: logs describeAzuriteExit to stderr).
 * @returns {Promise<{ port: number, pid: number, connectionString: string, stop: () => Promise<void> }>}
 */
export async function startAzurite(options = {}) {
  if (options.port) await assertPortFree(options.port);
  const port = options.port ?? (await freePort());
  const bin = path.join(path.dirname(require.resolve("azurite/package.json")), "dist/src/table/main.js");
  const args = ["--tableHost", "127.0.0.1", "--tablePort", String(port), "--disableTelemetry", "--silent", "--skipApiVersionCheck"];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push("--location", options.location);
  } else {
    args.push("--inMemoryPersistence");
  }
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const stderr = tailOf(child.stderr);
  let stopping = false;
  let started = false;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  // Ended before stop() was asked for: say so with its exit and last words (stderr is read to its end first).
  child.once("close", (code, signal) => {
    if (stopping || !started) return;
    const exit = { port, code, signal, stderr: stderr() };
    if (options.onExit) options.onExit(exit);
    else console.error(describeAzuriteExit(exit));
  });
  try {
    await Promise.race([
      waitForPort(port, options.startTimeoutMs ?? 15000),
      exited.then(({ code, signal }) => {
        throw new Error(`Azurite could not start on port ${port} (${signal ? `killed by ${signal}` : `exit code ${code}`}): ${stderr()}`);
      }),
    ]);
  } catch (e) {
    child.kill();
    throw e;
  }
  started = true;
  return {
    port,
    pid: child.pid,
    connectionString: connectionStringFor(port),
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
