// `npm start`: Azurite (persisted under .data/azurite), the server (bot + API + built tab) with the
// development sign-in and the fictitious demo team. One line, everything local.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeAzuriteExit, startAzurite } from "./azurite.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const port = Number(process.env.PORT ?? 3978);
const azuritePort = Number(process.env.AZURITE_TABLE_PORT ?? 10002);
let server;
let azurite;
let stopping = false;
/** Stops the server, then Azurite (if it still runs), and ends with `code`. */
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await server?.stop().catch(() => undefined);
  await azurite?.stop().catch(() => undefined);
  process.exit(code);
};
try {
  azurite = await startAzurite({
    port: azuritePort,
    location: path.join(root, ".data/azurite"),
    // Without its storage the board cannot work: say how Azurite ended and stop, rather than answer 503s forever.
    onExit: (exit) => {
      console.error(
        `\n${describeAzuriteExit(exit)}\nFACT Board stops now (its data is kept in .data/azurite); start it again with npm start.`,
      );
      azurite = undefined;
      void stop(1);
    },
  });
} catch (e) {
  console.error(`FACT Board could not start its local storage: ${e.message}`);
  process.exit(1);
}

const { loadConfig } = require(path.join(root, "bot/dist/config.js"));
const { startServer } = require(path.join(root, "bot/dist/main.js"));
const config = loadConfig({
  NODE_ENV: "development",
  PORT: String(port),
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  STORAGE_CONNECTION_STRING: azurite.connectionString,
  DEV_SIGN_IN: "true",
  SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? "true",
  // Locally the fictitious region tenant hosts: sign in with it to try creating a board on an empty store.
  BOARD_CREATOR_TENANT_IDS: process.env.BOARD_CREATOR_TENANT_IDS ?? "00000000-0000-4000-8000-000000000001",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  TAB_DIST_DIR: path.join(root, "tab/dist"),
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("BOT_") || k === "TIME_ZONE" || k === "MORNING_BRIEF_AT")),
});
try {
  server = await startServer(config);
} catch (e) {
  console.error(`FACT Board could not start: ${e.message}`);
  await stop(1);
}

console.log(`
FACT Board is running (fictitious demo data, development sign-in):
  Board (tab, plain browser):   http://localhost:${server.port}/tab/
  Meeting side panel / stage:   http://localhost:${server.port}/tab/?view=sidePanel  |  ?view=stage
  Bot endpoint:                 http://localhost:${server.port}/api/messages  (try it: npx agentsplayground -e http://127.0.0.1:${server.port}/api/messages -c msteams)
  API health:                   http://localhost:${server.port}/readyz
  Azurite tables:               http://127.0.0.1:${azurite.port}/devstoreaccount1  (data in .data/azurite)
Stop with Ctrl+C.`);

process.once("SIGINT", () => stop(0));
process.once("SIGTERM", () => stop(0));
