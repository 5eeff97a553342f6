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

/**
 * @param {{ port?: number, location?: string }} options  location: persist there; omitted: in memory.
 * @returns {Promise<{ port: number, connectionString: string, stop: () => Promise<void> }>}
 */
export async function startAzurite(options = {}) {
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
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await Promise.race([
      waitForPort(port, 15000),
      exited.then((code) => {
        throw new Error(`Azurite exited (${code}): ${stderr.trim()}`);
      }),
    ]);
  } catch (e) {
    child.kill();
    throw e;
  }
  return {
    port,
    pid: child.pid,
    connectionString: connectionStringFor(port),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
