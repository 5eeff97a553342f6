// The local Azurite (`npm start`, the test run, the bench) is a child process: when it ends without
// being asked to, whoever started it hears how it ended and what it last wrote.

type Exit = { port: number; code: number | null; signal: string | null; stderr: string };
type Running = { port: number; pid: number; stop(): Promise<void> };
let azuriteScript: {
  startAzurite(options?: { port?: number; onExit?: (exit: Exit) => void }): Promise<Running>;
  describeAzuriteExit(exit: Exit): string;
};
beforeAll(async () => {
  azuriteScript = await import("../../scripts/azurite.mjs");
});
const startAzurite = (options?: { port?: number; onExit?: (exit: Exit) => void }) => azuriteScript.startAzurite(options);
const describeAzuriteExit = (exit: Exit) => azuriteScript.describeAzuriteExit(exit);

it("reports an Azurite that died, with the signal, instead of going quiet", async () => {
  let reported: (exit: Exit) => void = () => undefined;
  const ended = new Promise<Exit>((resolve) => (reported = resolve));
  const azurite = await startAzurite({ onExit: (exit) => reported(exit) });
  process.kill(azurite.pid, "SIGKILL");
  const exit = await ended;
  expect(exit).toEqual({ port: azurite.port, code: null, signal: "SIGKILL", stderr: "" });
  expect(describeAzuriteExit(exit)).toBe(
    `Azurite (the local Table storage on port ${azurite.port}) stopped unexpectedly (killed by SIGKILL). It wrote nothing to stderr.`,
  );
  await azurite.stop();
});

it("says nothing when it is stopped on purpose", async () => {
  const exits: Exit[] = [];
  const azurite = await startAzurite({ onExit: (exit) => exits.push(exit) });
  await azurite.stop();
  // The close event comes after exit: give it a turn to show up if it were reported.
  await new Promise((r) => setTimeout(r, 100));
  expect(exits).toEqual([]);
});

it("names the exit code and the tail of its stderr", () => {
  const stderr = "Error: EACCES: permission denied, open '.data/azurite/__azurite_db_table__.json'\n    at Object.openSync";
  expect(describeAzuriteExit({ port: 10002, code: 1, signal: null, stderr })).toBe(
    `Azurite (the local Table storage on port 10002) stopped unexpectedly (exit code 1). Its last words on stderr:\n${stderr}`,
  );
});

it("refuses a port another process holds, instead of taking that process for Azurite", async () => {
  const first = await startAzurite();
  try {
    await expect(startAzurite({ port: first.port })).rejects.toThrow(`Port ${first.port} on 127.0.0.1 is already in use`);
  } finally {
    await first.stop();
  }
});
