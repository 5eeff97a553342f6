import { RestError } from "@azure/data-tables";
import { AlreadyExists, Conflict } from "../domain/errors";
import { readOrUndefined, storageCodeOf, translate, write } from "./storage-errors";
import { createTableService } from "./table-clients";
import { createTestStorageWithTables, testStorageOptions } from "./test-support";

const restError = (statusCode: number, odataCode?: string) => {
  const e = new RestError("failed", { statusCode });
  if (odataCode) (e as RestError & { details: unknown }).details = { odataError: { code: odataCode } };
  return e;
};

describe("translating storage failures", () => {
  it("reads a missing entity as undefined", async () => {
    await expect(readOrUndefined("Board", () => Promise.reject(restError(404, "ResourceNotFound")))).resolves.toBeUndefined();
  });

  it("turns a duplicate create into AlreadyExists and a stale ETag into Conflict", () => {
    expect(translate(restError(409, "EntityAlreadyExists"), "Board")).toBeInstanceOf(AlreadyExists);
    const stale = restError(412, "UpdateConditionNotSatisfied");
    expect(stale.code).toBeUndefined();
    expect(storageCodeOf(stale)).toBe("UpdateConditionNotSatisfied");
    expect(translate(stale, "Board")).toBeInstanceOf(Conflict);
  });

  it("rethrows anything else unchanged, never swallowing it", async () => {
    const throttled = restError(503);
    await expect(readOrUndefined("Board", () => Promise.reject(throttled))).rejects.toBe(throttled);
    await expect(write("Board", () => Promise.reject(throttled))).rejects.toBe(throttled);
    const missingTable = restError(404, "TableNotFound");
    await expect(write("Board", () => Promise.reject(missingTable))).rejects.toBe(missingTable);
  });

  it("attaches what is stored now to a Conflict when asked", async () => {
    const err = await write(
      "Board",
      () => Promise.reject(restError(412)),
      async () => ({ name: "now" }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).current).toEqual({ name: "now" });
  });
});

describe("the table service", () => {
  it("is ready once its tables exist, and ensureTables can run again", async () => {
    const { service } = await createTestStorageWithTables();
    await expect(service.ping()).resolves.toBeUndefined();
    await expect(service.ensureTables()).resolves.toBeUndefined();
  });

  it("fails the readiness probe when the tables are missing", async () => {
    const service = createTableService(testStorageOptions());
    await expect(service.ping()).rejects.toMatchObject({ statusCode: 404 });
  });

  it("refuses a prefix that would make an invalid table name", () => {
    expect(() => createTableService({ ...testStorageOptions(), tablePrefix: "1abc" })).toThrow(/TABLE_PREFIX/);
  });
});
