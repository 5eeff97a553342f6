import { ConfigError, loadConfig } from "./config";

const local = { STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" };
const azure = { ENTRA_CLIENT_ID: "client", ENTRA_APP_ID_URI: "api://factboard.example.se/client", BOT_ID: "bot" };

describe("the configuration", () => {
  it("reads an unset NODE_ENV as production: the development sign-in is refused with a line naming it", () => {
    expect(() => loadConfig({ ...local, ...azure, DEV_SIGN_IN: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...local, ...azure, DEV_SIGN_IN: "true" })).toThrow(
      /^Invalid configuration: DEV_SIGN_IN: .*NODE_ENV=development/,
    );
    expect(loadConfig({ ...local, ...azure }).NODE_ENV).toBe("production");
  });

  it("applies the production rules when NODE_ENV is unset: the Entra and bot ids are required", () => {
    expect(() => loadConfig(local)).toThrow(/^Invalid configuration: ENTRA_CLIENT_ID: required in production/);
  });

  it("allows the development sign-in only when NODE_ENV says development (or test, which Jest sets)", () => {
    expect(loadConfig({ ...local, NODE_ENV: "development", DEV_SIGN_IN: "true" }).DEV_SIGN_IN).toBe(true);
    expect(loadConfig({ ...local, NODE_ENV: "test", DEV_SIGN_IN: "true" }).DEV_SIGN_IN).toBe(true);
    expect(() => loadConfig({ ...local, ...azure, NODE_ENV: "production", DEV_SIGN_IN: "true" })).toThrow(/DEV_SIGN_IN/);
  });

  it("trusts no proxy's X-Forwarded-For unless told how many hops to trust", () => {
    expect(loadConfig({ ...local, NODE_ENV: "development" }).TRUST_PROXY_HOPS).toBe(0);
    expect(loadConfig({ ...local, NODE_ENV: "development", TRUST_PROXY_HOPS: "1" }).TRUST_PROXY_HOPS).toBe(1);
    expect(() => loadConfig({ ...local, NODE_ENV: "development", TRUST_PROXY_HOPS: "yes" })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it("serves the tests' pages (FIXTURES_DIR) in development and test, never in production", () => {
    expect(loadConfig({ ...local, NODE_ENV: "test", FIXTURES_DIR: "tests/fixtures" }).FIXTURES_DIR).toBe("tests/fixtures");
    expect(() => loadConfig({ ...local, ...azure, NODE_ENV: "production", FIXTURES_DIR: "tests/fixtures" })).toThrow(/FIXTURES_DIR/);
  });
});
