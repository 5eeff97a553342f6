import { TABLES } from "./table-clients";

/** Every table the app uses (before TABLE_PREFIX). infra/ must create exactly these. */
export const tableNames: readonly string[] = Object.values(TABLES);
