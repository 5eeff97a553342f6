import { z } from "zod";

// Every setting the server reads, validated once at start. A missing or malformed setting stops
// the process with one line naming it (see loadConfig). .env.example documents each one.

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** A person waits at most about two seconds for an answer when storage is gone. */
export const DEFAULT_STORAGE_TIMEOUT_MS = 1800;

export const ConfigSchema = z
  .object({
    // Unset means production: a server someone forgot to configure must not open the development sign-in.
    NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** The public https origin of the app (tab pages, card links, CORS). */
    PUBLIC_URL: z.url().default("http://localhost:3978"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    /** Local/test: an Azurite connection string. In Azure leave it empty and set STORAGE_TABLE_ENDPOINT. */
    STORAGE_CONNECTION_STRING: optionalText,
    /** https://<account>.table.core.windows.net, used with managed identity (DefaultAzureCredential). */
    STORAGE_TABLE_ENDPOINT: z.url().optional(),
    /** Prefix on every table name, so tests and several installs can share one account. Letters and digits only. */
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9]*$/, "letters and digits only")
      .default(""),

    /** Longest a storage call may take (every try and pause), ms: past it the API answers 503 StorageUnavailable. */
    STORAGE_TIMEOUT_MS: z.coerce.number().int().min(200).max(30_000).default(DEFAULT_STORAGE_TIMEOUT_MS),

    /** Entra ID app registration that the tab's SSO token is issued for. */
    ENTRA_CLIENT_ID: optionalText,
    /** api://<host>/<client id>: the audience of the tab's SSO token besides the client id. */
    ENTRA_APP_ID_URI: optionalText,

    /** Where the plain-browser tab signs people in (MSAL, code + PKCE): multi-tenant, so partners use their own tenant. */
    SIGN_IN_AUTHORITY: z.url().default("https://login.microsoftonline.com/organizations"),
    /**
     * Tests only (NODE_ENV=test): a local OpenID Connect provider standing in for Entra. Its tokens
     * go through the same validator with this issuer and key set; production never has it.
     */
    TEST_OIDC_ISSUER: z.url().optional(),
    TEST_OIDC_JWKS_URL: z.url().optional(),

    /** Bot registration. Empty id and password only for local development with the Agents Playground. */
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
    BOT_TENANT_ID: optionalText,

    /** The Teams app id from the manifest, for deep links from cards to the board tab. Defaults to BOT_ID. */
    TEAMS_APP_ID: optionalText,

    /** The development sign-in: a local issuer so the same token validation runs without a tenant. Never in production. */
    DEV_SIGN_IN: flag,
    /** The development sign-in's key file (kept so a restart keeps people signed in). Default .data/dev-issuer-key.json. */
    DEV_ISSUER_KEY_FILE: optionalText,
    /**
     * The hosting tenant(s) whose people may create a board from the tab's configuration page
     * (comma-separated GUIDs). Empty: nobody can create one. Their people may also sign in, so the
     * first person can get started on an empty store.
     */
    BOARD_CREATOR_TENANT_IDS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "comma-separated tenant GUIDs"))),
    /** Seed the fictitious demo team when the store is empty. */
    SEED_DEMO_DATA: flag,

    /** Local time zone of the team: dates, deadlines and the morning brief follow it. */
    TIME_ZONE: z.string().default("Europe/Stockholm"),
    /** When the morning brief is posted on working days, local time HH:MM. */
    MORNING_BRIEF_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM")
      .default("07:45"),
    /** How often this instance looks for due reminders, deadlines and cover timeouts. */
    JOBS_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Where the built tab is served from. */
    TAB_DIST_DIR: optionalText,
    /**
     * Pages the browser tests and the bench need on the tab's origin (the Teams-like host, the bench's
     * floor), served at /fixtures/ from this directory (tests/fixtures). Development and test only.
     */
    FIXTURES_DIR: optionalText,
    /**
     * Reverse proxies in front of the server whose X-Forwarded-For is trusted (App Service: 1). The
     * per-address rate limits need the client's address, not the proxy's; 0 trusts none.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** API requests one signed-in person may make per minute before 429 (a live board makes a few). */
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(600),
    /** Reads of the sign-in configuration (served before anyone is known) per client address per minute. */
    SIGN_IN_CONFIG_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Join requests sent per client address per hour, and per tenant per hour (asking again counts too). */
    JOIN_REQUESTS_PER_HOUR_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
    JOIN_REQUESTS_PER_HOUR_PER_TENANT: z.coerce.number().int().min(1).max(100_000).default(50),
    /** Pending join requests one tenant may have on a board at once; more waits until an admin or manager decides some. */
    PENDING_JOIN_REQUESTS_PER_TENANT: z.coerce.number().int().min(1).max(10_000).default(20),
  })
  .superRefine((c, ctx) => {
    if (!c.STORAGE_CONNECTION_STRING && !c.STORAGE_TABLE_ENDPOINT) {
      ctx.addIssue({
        code: "custom",
        path: ["STORAGE_CONNECTION_STRING"],
        message: "set STORAGE_CONNECTION_STRING (Azurite) or STORAGE_TABLE_ENDPOINT (Azure, managed identity)",
      });
    }
    // Development and test are chosen explicitly (Jest sets test); anything else, unset included, is production.
    if (c.NODE_ENV === "production" && c.DEV_SIGN_IN) {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_SIGN_IN"],
        message: "the development sign-in needs NODE_ENV=development set explicitly (unset NODE_ENV means production)",
      });
    }
    if (c.NODE_ENV === "production" && c.FIXTURES_DIR) {
      ctx.addIssue({ code: "custom", path: ["FIXTURES_DIR"], message: "test pages are served only with NODE_ENV=development or test" });
    }
    if (c.TEST_OIDC_ISSUER && (c.NODE_ENV !== "test" || !c.TEST_OIDC_JWKS_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["TEST_OIDC_ISSUER"],
        message: "a test issuer is accepted only with NODE_ENV=test, together with TEST_OIDC_JWKS_URL",
      });
    }
    if (c.NODE_ENV === "production" && (!c.ENTRA_CLIENT_ID || !c.ENTRA_APP_ID_URI)) {
      ctx.addIssue({
        code: "custom",
        path: [c.ENTRA_CLIENT_ID ? "ENTRA_APP_ID_URI" : "ENTRA_CLIENT_ID"],
        message: "required in production for Teams SSO",
      });
    }
    if (c.NODE_ENV === "production" && !c.BOT_ID) {
      ctx.addIssue({ code: "custom", path: ["BOT_ID"], message: "required in production: the bot's Entra app id" });
    }
  });

export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws one ConfigError whose message names the first bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.join(".") || "configuration";
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}`);
}
