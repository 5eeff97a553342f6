import { COVER_DUE_KIND } from "../use-cases/absences";
import { SIGNAL_DUE_KIND } from "../use-cases/signals";
import { createTestStorage } from "../storage/test-support";
import { demoTeam } from "./demo-team";
import { seedDemoTeam } from "./seed";

// The demo must behave like the real thing: what the seed creates reminds and times out.
it("schedules the due items of the open signals and the cover request it seeds", async () => {
  const storage = await createTestStorage();
  const team = demoTeam({ today: "2026-03-04", now: "2026-03-04T08:00:00.000Z" });
  expect(await seedDemoTeam(storage, team)).toBe("seeded");
  const due = await storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 1000);
  const open = team.signals.filter((e) => e.state === "open");
  expect(open.length).toBeGreaterThan(0);
  expect(
    due
      .filter((d) => d.kind === SIGNAL_DUE_KIND)
      .map((d) => d.payload["signalId"])
      .sort(),
  ).toEqual(open.map((e) => e.id).sort());
  const requesting = team.absences.filter((a) => a.cover.state === "requesting");
  expect(requesting.length).toBeGreaterThan(0);
  expect(due.filter((d) => d.kind === COVER_DUE_KIND).map((d) => d.payload["absenceId"])).toEqual(requesting.map((a) => a.id));
});
