// Starts the tests' stand-in for Microsoft Entra ID (tests/support/oidc-provider.mjs) in a child
// process and reads where it listens.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export interface TestOidcProvider {
  issuer: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

export interface TestOidcOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  /** Login name → the tenant and object id its tokens carry. */
  accounts: Record<string, { tid: string; oid: string }>;
}

export async function startTestOidcProvider(options: TestOidcOptions): Promise<TestOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.resolve(__dirname, "oidc-provider.mjs")], {
    env: {
      ...process.env,
      OIDC_CLIENT_ID: options.clientId,
      OIDC_REDIRECT_URI: options.redirectUri,
      OIDC_SCOPE: options.scope,
      OIDC_ACCOUNTS: JSON.stringify(options.accounts),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const started = await new Promise<{ issuer: string; jwksUrl: string }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(JSON.parse(line) as { issuer: string; jwksUrl: string });
    });
    child.once("exit", (code) => reject(new Error(`the test OpenID provider exited (${code}): ${errors}`)));
  });
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A port free right now, for a server whose URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
