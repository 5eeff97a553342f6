import pino from "pino";

// Structured logs without personal data: log ids of kinds and outcomes, never names, codes,
// initials, notes, tokens or query strings. Redaction is a second line of defence.
export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    // Not "*.code": error codes (e.g. TableNotFound) are what an operator needs; participant codes are never logged.
    redact: { paths: ["req.headers.authorization", "*.token", "*.note", "*.displayName", "*.initials"], censor: "[redacted]" },
  });
}
