import type { TableClient } from "@azure/data-tables";
import type { TableService, Tables } from "./table-clients";

// Test support: a crash between two steps of a multi-step write, without killing a process.
// Wraps every table client of a service so that the n-th write (create, update, upsert, delete,
// transaction) across all tables throws before it reaches storage: the state left behind is
// exactly what a process dying after write n-1 leaves. Reads pass through.

const WRITES = new Set(["createEntity", "updateEntity", "upsertEntity", "deleteEntity", "submitTransaction"]);

export class InjectedFault extends Error {
  override readonly name = "InjectedFault";
  constructor(readonly step: number) {
    super(`injected fault before write ${step}`);
  }
}

export interface FaultPlan {
  /** Fail the n-th write from now (1-based); undefined: count only. */
  failAt?: number;
  /** Writes seen so far (including the one that failed). */
  readonly writes: number;
  /** Starts counting again, failing at `failAt` (or never). */
  arm(failAt?: number): void;
}

export function withFaults(service: TableService): { service: TableService; plan: FaultPlan } {
  let writes = 0;
  let failAt: number | undefined;
  const plan: FaultPlan = {
    get failAt() {
      return failAt;
    },
    get writes() {
      return writes;
    },
    arm(n) {
      writes = 0;
      failAt = n;
    },
  };
  const wrap = (client: TableClient): TableClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== "string" || !WRITES.has(prop) || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          writes++;
          if (failAt !== undefined && writes === failAt) return Promise.reject(new InjectedFault(writes));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const tables = Object.fromEntries(Object.entries(service.tables).map(([k, c]) => [k, wrap(c)])) as unknown as Tables;
  return { service: { ...service, tables }, plan };
}
