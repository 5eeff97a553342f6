import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import prettier from "eslint-config-prettier";

// Dependencies point inward. The domain imports no SDK, HTTP or storage. The application core
// (bot/src/core, over use-cases and storage) is built once in main.ts and handed to three thin
// edges — the HTTP API (api/), the bot (bot/) and the due-item poller (jobs/) — which reach storage
// and the use-cases only through it, and not each other. botbuilder and teamsfx (end-of-life
// upstream) only in the Teams adapter files, so that moving to the Teams SDK touches those alone.
const sdkAndIo = [
  "botbuilder*",
  "botframework-*",
  "@microsoft/teamsfx",
  "@microsoft/teams-js",
  "@azure/*",
  "express",
  "express-*",
  "http",
  "https",
  "node:http",
  "node:https",
  "node:fs",
  "fs",
  "pino",
  "../storage/*",
  "../api/*",
  "../bot/*",
  "../jobs/*",
  "../use-cases/*",
  "../core",
  "../core/*",
];

const TEAMS_SDK = ["botbuilder*", "botframework-*", "@microsoft/teamsfx"];
/** The only files that speak the Bot Framework SDK (listed in docs/architecture.md and docs/bot.md). */
const TEAMS_ADAPTER_FILES = [
  "bot/src/bot/adapter.ts",
  "bot/src/bot/activity-handler.ts",
  "bot/src/bot/conversation-reference-store.ts",
  "bot/src/bot/personal-chats.ts",
  "bot/src/bot/team-roster.ts",
  "bot/src/bot/index.ts",
];
const TESTS = ["bot/src/**/*.test.ts"];
const teamsSdk = {
  group: TEAMS_SDK,
  message: "Bot Framework SDK imports belong in the Teams adapter files of bot/src/bot (eslint.config.mjs TEAMS_ADAPTER_FILES).",
};
/** Another folder of bot/src, as a sibling folder imports it. */
const folders = (...names) => names.flatMap((n) => [`../${n}`, `../${n}/*`]);
const fence = (message, ...names) => ({ group: folders(...names), message });
const toCore = "Edges get the application core (bot/src/core), never storage or the use-cases themselves.";
const restrictImports = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
/** An edge (api/, bot/, jobs/): the core and the domain, not storage or the use-cases, not the other edges. */
const edge = (folder, message, others) => ({
  files: [`bot/src/${folder}/**/*.ts`],
  ignores: [...TESTS, ...TEAMS_ADAPTER_FILES],
  rules: restrictImports(teamsSdk, fence(toCore, "storage", "use-cases"), fence(message, ...others)),
});

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.tsbuild/**",
      ".data/**",
      "test-artifacts/**",
      "devTools/**",
      "appPackage/build/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    files: ["bot/src/domain/**/*.ts"],
    rules: restrictImports({ group: sdkAndIo, message: "The domain is plain TypeScript: no SDK, HTTP or storage imports." }),
  },
  {
    files: ["bot/src/**/*.ts"],
    ignores: ["bot/src/domain/**", ...TEAMS_ADAPTER_FILES],
    rules: restrictImports(teamsSdk),
  },
  edge("api", "The HTTP API does not import the bot or the jobs.", ["bot", "jobs"]),
  edge("bot", "The bot does not import the HTTP API or the jobs.", ["api", "jobs"]),
  {
    files: TEAMS_ADAPTER_FILES,
    rules: restrictImports(
      fence(toCore, "storage", "use-cases"),
      fence("The bot does not import the HTTP API or the jobs.", "api", "jobs"),
    ),
  },
  edge("jobs", "The poller does not import the HTTP API or the bot.", ["api", "bot"]),
  {
    // Tests may drive several edges at once, but set the scene through bot/src/test-support.
    files: ["bot/src/api/**/*.test.ts", "bot/src/bot/**/*.test.ts", "bot/src/jobs/**/*.test.ts"],
    rules: restrictImports(teamsSdk, fence("The edges' tests seed and wire through bot/src/test-support, not storage.", "storage")),
  },
  {
    files: ["bot/src/core/**/*.ts", "bot/src/use-cases/**/*.ts", "bot/src/storage/**/*.ts"],
    ignores: TESTS,
    rules: restrictImports(teamsSdk, fence("The core knows no edge: the edges get the core.", "api", "bot", "jobs")),
  },
  {
    // A card's data is the core's answer (a type) and how it is shown; nothing else of the server.
    files: ["bot/src/cards/**/*.ts"],
    ignores: TESTS,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            teamsSdk,
            fence("Cards only shape an answer into an Adaptive Card.", "storage", "use-cases", "api", "bot", "jobs"),
            { ...fence("Cards take the core's answer types, nothing else of the core.", "core"), allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ["tab/src/**/*.{ts,tsx}", "tests/browser/**/*.ts", "tests/fixtures/**/*.js", "tests/support/teams-host.cjs"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Shared by the TypeScript tests (CommonJS) and the ES-module scripts: CommonJS on purpose.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.{mjs,cjs}", "tests/**/*.{mjs,cjs}", "jest.config.js", "*.config.*"],
    rules: { "no-console": "off" },
  },
);
