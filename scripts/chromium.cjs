// Debian's Chromium for the browser tests and the bench (playwright-core drives it; nothing is
// downloaded from anywhere but Debian): where it is, installing Debian's package when it is missing
// and this process may (root with apt-get), and otherwise saying plainly what to do.
//   node scripts/chromium.cjs            ensure it (what Jest's global setup does before the tests)
//   node scripts/chromium.cjs --dry-run  say what would be done, change nothing
// CHROMIUM_PATH points at another Chromium; only the default path is installed by itself.
// CommonJS, so that the TypeScript tests (CommonJS), Jest's global setup and the bench (ES modules) share it.
const { spawnSync } = require("node:child_process");
const { accessSync, constants } = require("node:fs");
const path = require("node:path");

const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Debian's package puts its wrapper at /usr/bin/chromium; a held dpkg lock (another install) is waited for. */
const INSTALL_COMMANDS = [
  ["apt-get", ["update", "-qq"]],
  ["apt-get", ["install", "-y", "-qq", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", "chromium"]],
];

const INSTALL_LINE = "apt-get update && apt-get install -y --no-install-recommends chromium";

/** Arguments every launch uses: headless in a container, nothing fetched in the background. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Offline, requests to Microsoft's CDN (teams-js's valid-domains list; the Agents Playground's
  // fonts and scripts) fail at once instead of waiting on a DNS that may never answer. The tests
  // that want the list answer it themselves, before any lookup.
  "--host-resolver-rules=MAP *.cdn.office.net ~NOTFOUND",
];

function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM_PATH;
}

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command, env) => (env.PATH ?? "").split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));

/** What this machine offers: the facts chromiumPlan decides on. */
function chromiumFacts(env = process.env) {
  const file = chromiumPath(env);
  return {
    path: file,
    executable: isExecutable(file),
    isDefaultPath: file === DEFAULT_CHROMIUM_PATH,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath("apt-get", env),
  };
}

/**
 * Use Chromium, install Debian's package, or tell the person what to do, decided from the facts
 * alone: `{ action: "use" }`, `{ action: "install", commands }` or `{ action: "tell", message }`.
 */
function chromiumPlan(facts) {
  if (facts.executable) return { action: "use" };
  if (!facts.isDefaultPath)
    return {
      action: "tell",
      message: `The browser tests need Chromium: CHROMIUM_PATH is ${facts.path}, which is not an executable. Point CHROMIUM_PATH at a Chromium, or unset it to use Debian's (${DEFAULT_CHROMIUM_PATH}, installed by the tests when run as root).`,
    };
  if (!facts.hasAptGet)
    return {
      action: "tell",
      message: `The browser tests need Chromium and this machine has no apt-get to install Debian's package. Install Chromium with this system's package manager and set CHROMIUM_PATH to its executable.`,
    };
  if (!facts.isRoot)
    return {
      action: "tell",
      message: `The browser tests need Chromium (${DEFAULT_CHROMIUM_PATH}) and only root can install it. Run once as root: ${INSTALL_LINE} (or with sudo), or set CHROMIUM_PATH to a Chromium you have.`,
    };
  return { action: "install", commands: INSTALL_COMMANDS };
}

/** Why Chromium cannot be launched now, in the words chromiumPlan uses; undefined when it can. */
function chromiumProblem(env = process.env) {
  const facts = chromiumFacts(env);
  if (facts.executable) return undefined;
  const plan = chromiumPlan(facts);
  return plan.action === "tell"
    ? plan.message
    : `The browser tests need Chromium (${facts.path}), which is not installed: \`npm test\` installs it as root, or run ${INSTALL_LINE}.`;
}

/**
 * Makes sure Chromium is there, installing Debian's package if that is the plan. Fast when it is
 * there (one access check). Returns `{ ok: true, path }` or `{ ok: false, message }`; never throws.
 * `facts`, `run` and `isThere` stand in for the machine in tests; `dryRun` prints the commands instead of running them.
 */
function ensureChromium({
  env = process.env,
  dryRun = false,
  log = console.error,
  facts = chromiumFacts(env),
  run = spawnSync,
  isThere = isExecutable,
} = {}) {
  const known = facts;
  const plan = chromiumPlan(known);
  if (plan.action === "use") return { ok: true, path: known.path };
  if (plan.action === "tell") return { ok: false, message: plan.message };
  if (dryRun) {
    for (const [command, args] of plan.commands) log(`would run: ${command} ${args.join(" ")}`);
    return { ok: true, path: known.path, dryRun: true };
  }
  log(`Chromium is missing: installing Debian's package for the browser tests (${INSTALL_LINE}) …`);
  for (const [command, args] of plan.commands) {
    const result = run(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      const why =
        result.error?.message ??
        String(result.stderr ?? "")
          .trim()
          .split("\n")
          .slice(-5)
          .join("\n");
      return {
        ok: false,
        message: `Installing Chromium failed (${command} ${args.join(" ")} ended with ${result.status ?? result.signal}): ${why}\nRun as root: ${INSTALL_LINE}`,
      };
    }
  }
  if (!isThere(known.path))
    return {
      ok: false,
      message: `Debian's chromium package was installed but ${known.path} is not there. Set CHROMIUM_PATH to its executable.`,
    };
  log(`Chromium installed: ${known.path}`);
  return { ok: true, path: known.path, installed: true };
}

/** Headless Chromium through playwright-core; a missing one fails with what to do, not a stack of launch errors. */
async function launchChromium({ env = process.env, args = [] } = {}) {
  const problem = env.FACT_CHROMIUM_PROBLEM || chromiumProblem(env);
  if (problem) throw new Error(problem);
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(env), headless: true, args: [...CHROMIUM_ARGS, ...args] });
}

module.exports = {
  DEFAULT_CHROMIUM_PATH,
  INSTALL_COMMANDS,
  CHROMIUM_ARGS,
  chromiumPath,
  chromiumFacts,
  chromiumPlan,
  chromiumProblem,
  ensureChromium,
  launchChromium,
};

if (require.main === module) {
  const result = ensureChromium({ dryRun: process.argv.includes("--dry-run") });
  if (result.ok) console.error(result.dryRun ? `(dry run: nothing changed)` : `Chromium: ${result.path}`);
  else console.error(result.message);
  process.exit(result.ok ? 0 : 1);
}
