import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import prettier from "eslint-config-prettier";

// SDKs stay at the edges: the domain imports no SDK, HTTP or storage; botbuilder and teamsfx
// (end-of-life upstream) only in bot/src/bot so that moving to the Agents SDK touches one folder.
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
];

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
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: sdkAndIo, message: "The domain is plain TypeScript: no SDK, HTTP or storage imports." }] },
      ],
    },
  },
  {
    files: ["bot/src/**/*.ts"],
    ignores: ["bot/src/bot/**", "bot/src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["botbuilder*", "botframework-*", "@microsoft/teamsfx"],
              message: "Bot Framework SDK imports belong in bot/src/bot (the edge folder).",
            },
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
