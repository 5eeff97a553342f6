import { spawnSync } from "node:child_process";
import path from "node:path";
import {
  chromiumFacts,
  chromiumPath,
  chromiumPlan,
  chromiumProblem,
  DEFAULT_CHROMIUM_PATH,
  ensureChromium,
  launchChromium,
  type ChromiumFacts,
} from "../../scripts/chromium.cjs";

// `npm test` on a fresh Debian machine: the browser tests find Chromium, or install Debian's package
// themselves (as root, with apt-get), or fail with one sentence saying what to do. The machine's own
// Chromium is never touched here: a missing one is a path that does not exist, or stated facts.

const SCRIPT = path.resolve(__dirname, "../../scripts/chromium.cjs");
const MISSING = "/nonexistent/chromium";
const freshDebianAsRoot: ChromiumFacts = {
  path: DEFAULT_CHROMIUM_PATH,
  executable: false,
  isDefaultPath: true,
  isRoot: true,
  hasAptGet: true,
};

describe("what the tests do about Chromium", () => {
  it("use the one that is there", () => {
    expect(chromiumPlan({ ...freshDebianAsRoot, executable: true })).toEqual({ action: "use" });
  });

  it("install Debian's package, without recommends, on a fresh Debian machine run as root", () => {
    const plan = chromiumPlan(freshDebianAsRoot);
    expect(plan.action).toBe("install");
    const lines = plan.action === "install" ? plan.commands.map(([command, args]) => [command, ...args].join(" ")) : [];
    expect(lines[0]).toMatch(/^apt-get update/);
    expect(lines[1]).toMatch(/^apt-get install -y .*--no-install-recommends.* chromium$/);
  });

  it("tell a person who is not root to run the install as root, or to point CHROMIUM_PATH at a Chromium", () => {
    const plan = chromiumPlan({ ...freshDebianAsRoot, isRoot: false });
    expect(plan).toEqual({ action: "tell", message: expect.stringContaining("as root") });
    const message = plan.action === "tell" ? plan.message : "";
    expect(message).toContain("apt-get update && apt-get install -y --no-install-recommends chromium");
    expect(message).toContain("CHROMIUM_PATH");
  });

  it("tell a machine without apt-get to install Chromium its own way and set CHROMIUM_PATH", () => {
    const plan = chromiumPlan({ ...freshDebianAsRoot, hasAptGet: false });
    expect(plan).toEqual({ action: "tell", message: expect.stringMatching(/no apt-get.*package manager.*CHROMIUM_PATH/) });
  });

  it("never install for a CHROMIUM_PATH that does not exist (Debian's package would not put it there): name the path", () => {
    const plan = chromiumPlan({ ...freshDebianAsRoot, path: MISSING, isDefaultPath: false });
    expect(plan).toEqual({ action: "tell", message: expect.stringContaining(`CHROMIUM_PATH is ${MISSING}`) });
  });
});

describe("ensuring Chromium", () => {
  const never = () => {
    throw new Error("nothing may run");
  };

  it("is one check and nothing run when it is there", () => {
    const result = ensureChromium({ facts: { ...freshDebianAsRoot, executable: true }, run: never, log: never });
    expect(result).toEqual({ ok: true, path: DEFAULT_CHROMIUM_PATH });
  });

  it("in a dry run says what it would run, and runs nothing", () => {
    const said: string[] = [];
    const result = ensureChromium({ facts: freshDebianAsRoot, dryRun: true, run: never, log: (l) => said.push(l) });
    expect(result).toEqual({ ok: true, path: DEFAULT_CHROMIUM_PATH, dryRun: true });
    expect(said).toEqual([
      expect.stringMatching(/^would run: apt-get update/),
      expect.stringMatching(/^would run: apt-get install -y .*--no-install-recommends.* chromium$/),
    ]);
  });

  it("runs apt-get update, then the install, non-interactively, and finds Chromium afterwards", () => {
    const ran: Array<{ line: string; frontend: unknown }> = [];
    const result = ensureChromium({
      facts: freshDebianAsRoot,
      log: () => undefined,
      run: (command, args, options) => {
        ran.push({ line: [command, ...args].join(" "), frontend: (options as { env: NodeJS.ProcessEnv }).env.DEBIAN_FRONTEND });
        return { status: 0 };
      },
      isThere: (file) => file === DEFAULT_CHROMIUM_PATH,
    });
    expect(result).toEqual({ ok: true, path: DEFAULT_CHROMIUM_PATH, installed: true });
    expect(ran.map((r) => r.line.split(" ").slice(0, 2).join(" "))).toEqual(["apt-get update", "apt-get install"]);
    expect(ran.every((r) => r.frontend === "noninteractive")).toBe(true);
  });

  it("says what failed and what to run when apt-get fails (no network, a broken mirror)", () => {
    const result = ensureChromium({
      facts: freshDebianAsRoot,
      log: () => undefined,
      run: () => ({ status: 100, stderr: "E: Unable to locate package chromium" }),
      isThere: () => false,
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("E: Unable to locate package chromium") });
    expect(result.ok ? "" : result.message).toMatch(/apt-get update .* ended with 100/);
    expect(result.ok ? "" : result.message).toContain("Run as root: apt-get update && apt-get install -y --no-install-recommends chromium");
  });

  it("does not claim success when the package installed but the executable is not where it should be", () => {
    const result = ensureChromium({ facts: freshDebianAsRoot, log: () => undefined, run: () => ({ status: 0 }), isThere: () => false });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("CHROMIUM_PATH") });
  });

  it("does not install for a CHROMIUM_PATH that does not exist on this machine", () => {
    const env = { ...process.env, CHROMIUM_PATH: MISSING };
    expect(chromiumPath(env)).toBe(MISSING);
    expect(chromiumFacts(env)).toMatchObject({ path: MISSING, executable: false, isDefaultPath: false });
    expect(ensureChromium({ env, run: never, log: never })).toEqual({ ok: false, message: expect.stringContaining(MISSING) });
  });
});

describe("a browser test where Chromium is missing", () => {
  it("fails at launch with the plain sentence, not a launch error", async () => {
    const env = { ...process.env, CHROMIUM_PATH: MISSING, FACT_CHROMIUM_PROBLEM: "" };
    expect(chromiumProblem(env)).toContain(`CHROMIUM_PATH is ${MISSING}`);
    await expect(launchChromium({ env })).rejects.toThrow(`The browser tests need Chromium: CHROMIUM_PATH is ${MISSING}`);
  });

  it("fails with what Jest's global setup found (e.g. an install that failed)", async () => {
    const env = { ...process.env, FACT_CHROMIUM_PROBLEM: "Installing Chromium failed: no network" };
    await expect(launchChromium({ env })).rejects.toThrow("Installing Chromium failed: no network");
  });
});

describe("node scripts/chromium.cjs", () => {
  it("exits 1 with the sentence when Chromium cannot be had, 0 when it is there", () => {
    const missing = spawnSync(process.execPath, [SCRIPT, "--dry-run"], {
      env: { ...process.env, CHROMIUM_PATH: MISSING },
      encoding: "utf8",
    });
    expect([missing.status, missing.stderr.trim()]).toEqual([1, expect.stringContaining(`CHROMIUM_PATH is ${MISSING}`)]);
    // This machine's Chromium (the browser tests need it anyway): the dry run finds it and changes nothing.
    const present = spawnSync(process.execPath, [SCRIPT, "--dry-run"], { env: { ...process.env, CHROMIUM_PATH: "" }, encoding: "utf8" });
    expect([present.status, present.stderr.trim()]).toEqual([0, `Chromium: ${DEFAULT_CHROMIUM_PATH}`]);
  });
});
