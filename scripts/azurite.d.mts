export interface AzuriteExit {
  port: number;
  code: number | null;
  signal: string | null;
  /** The last lines Azurite wrote to stderr. */
  stderr: string;
}
export interface RunningAzurite {
  port: number;
  pid: number;
  connectionString: string;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function connectionStringFor(port: number): string;
export function describeAzuriteExit(exit: AzuriteExit): string;
export function startAzurite(options?: {
  port?: number;
  location?: string;
  onExit?: (exit: AzuriteExit) => void;
  startTimeoutMs?: number;
}): Promise<RunningAzurite>;
