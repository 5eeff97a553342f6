/** One Jest run for the whole repo: domain unit tests, storage/API/bot tests on Azurite, browser tests in Chromium. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j|mj)sx?$": swc },
  // jose ships ESM only; let swc turn it into CommonJS for Jest.
  transformIgnorePatterns: ["/node_modules/(?!(jose)/)"],
  moduleNameMapper: {
    "^@fact-board/contract$": "<rootDir>/contract/src/index.ts",
    "^@fact-board/contract/words/(\\w+)$": "<rootDir>/contract/src/words/$1.ts",
    "^@fact-board/contract/tab-entity$": "<rootDir>/contract/src/tab-entity.ts",
    "^@fact-board/contract/deep-link$": "<rootDir>/contract/src/deep-link.ts",
  },
  testMatch: ["<rootDir>/{bot,contract,tab,tests}/**/*.test.{ts,tsx}"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/.tsbuild/"],
  globalSetup: "<rootDir>/tests/support/global-setup.mjs",
  globalTeardown: "<rootDir>/tests/support/global-teardown.mjs",
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  maxWorkers: 2,
  // A guard against a test that hangs, not a speed goal (speed is `npm run bench`'s): generous, so a
  // test that is merely slow on a loaded 2-core machine still passes.
  testTimeout: 120_000,
};
