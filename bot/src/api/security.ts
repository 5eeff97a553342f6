import type { RequestHandler } from "express";
import helmet from "helmet";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Caller } from "../domain/types";
import { HttpError } from "./errors";

// The tab runs inside Teams and Microsoft 365 frames only; scripts come from our own origin only
// (no inline scripts). Fluent UI (Griffel) inserts its styles at run time, hence style 'unsafe-inline'.
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://teams.microsoft.us",
  "https://teams.cloud.microsoft",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
];

/**
 * The one file teams-js fetches: Microsoft's list of valid Teams host domains (it falls back to a
 * built-in list when blocked, with two console errors on every load). Allowed as this exact URL,
 * not the whole CDN.
 */
export const TEAMS_JS_VALID_DOMAINS_URL = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";

export interface SecurityHeaderOptions {
  /** The sign-in authority's origin outside Teams (MSAL calls its token endpoint and may renew in a hidden frame). */
  signInOrigin?: string;
}

export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const signIn = options.signInOrigin ? [options.signInOrigin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", TEAMS_JS_VALID_DOMAINS_URL, ...signIn],
        frameSrc: ["'self'", ...signIn],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: TEAMS_FRAME_ANCESTORS,
      },
    },
    // X-Frame-Options cannot express an allow-list; frame-ancestors above does the job.
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}

/**
 * CORS limited to the app's own origin: no Access-Control-Allow-Origin is ever sent, and a
 * cross-origin request to the API is refused before it does anything.
 */
export function sameOriginOnly(publicUrl: string): RequestHandler {
  const own = new URL(publicUrl).origin;
  return (req, _res, next) => {
    const origin = req.get("origin");
    if (origin && origin !== own && hostOf(origin) !== req.get("host")) {
      next(new HttpError(403, "Forbidden", "Cross-origin requests are not allowed."));
      return;
    }
    next();
  };
}

/** The origin's host, or undefined for an opaque origin ("null" from sandboxed frames and files) or garbage. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

export interface RateLimitOptions {
  windowMs: number;
  limit: number;
}

const tooManyRequests: RequestHandler = (_req, res) => {
  res.status(429).json({ error: { code: "TooManyRequests", message: "Too many requests. Wait a moment and try again." } });
};

/** Per-person limit (by tenant + object id), so one client cannot exhaust the service. */
export function perCallerRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    ...options,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (_req, res) => {
      const caller = res.locals.caller as Caller | undefined;
      return caller ? `${caller.tenantId}.${caller.objectId}` : "anonymous";
    },
    handler: tooManyRequests,
  });
}

/**
 * Per-address limit for what runs before anyone is known: requests whose authentication failed
 * and the development routes. There is no person to count by, so the client address it is (behind
 * App Service only with TRUST_PROXY_HOPS set, or every client shares the front end's address).
 */
export function perAddressRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    ...options,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (req) => `address:${ipKeyGenerator(withoutPort(req.ip ?? "unknown"))}`,
    handler: tooManyRequests,
  });
}

/** Per-tenant limit (the caller's tenant, from their token): all of one organisation's people together. */
export function perTenantRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    ...options,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: (_req, res) => {
      const caller = res.locals.caller as Caller | undefined;
      return caller ? `tenant:${caller.tenantId.toLowerCase()}` : "anonymous";
    },
    handler: tooManyRequests,
  });
}

/**
 * App Service's front end writes X-Forwarded-For as "address:port"; with the port in the key every
 * connection would count apart. IPv6 keys are grouped per /56 by ipKeyGenerator.
 */
function withoutPort(address: string): string {
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (v4) return v4[1]!;
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(address);
  return v6 ? v6[1]! : address;
}

/** API answers carry participant details: no browser, proxy or Teams webview may keep a copy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
