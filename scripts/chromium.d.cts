import type { Browser } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH: string;
export const INSTALL_COMMANDS: Array<[string, string[]]>;
export const CHROMIUM_ARGS: string[];

export interface ChromiumFacts {
  path: string;
  executable: boolean;
  isDefaultPath: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}
export type ChromiumPlan =
  { action: "use" } | { action: "install"; commands: Array<[string, string[]]> } | { action: "tell"; message: string };
export type EnsureResult = { ok: true; path: string; installed?: boolean; dryRun?: boolean } | { ok: false; message: string };

export function chromiumPath(env?: NodeJS.ProcessEnv): string;
export function chromiumFacts(env?: NodeJS.ProcessEnv): ChromiumFacts;
export function chromiumPlan(facts: ChromiumFacts): ChromiumPlan;
export function chromiumProblem(env?: NodeJS.ProcessEnv): string | undefined;
export function ensureChromium(options?: {
  env?: NodeJS.ProcessEnv;
  dryRun?: boolean;
  log?: (line: string) => void;
  facts?: ChromiumFacts;
  run?: (
    command: string,
    args: string[],
    options: object,
  ) => { status: number | null; signal?: NodeJS.Signals | null; stderr?: unknown; error?: Error };
  isThere?: (file: string) => boolean;
}): EnsureResult;
export function launchChromium(options?: { env?: NodeJS.ProcessEnv; args?: string[] }): Promise<Browser>;
