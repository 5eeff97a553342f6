import type { Storage } from "../storage/table-service";
import { scheduleCoverTimeout } from "../use-cases/absences";
import { scheduleSignalFollowUp } from "../use-cases/signals";
import type { DemoTeam } from "./demo-team";

/** Runs `work` over `items`, at most `limit` at a time: fast against Azurite without flooding it. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Writes the demo team on an empty store. Creates are idempotent, so a seed interrupted halfway
 * simply completes on the next start.
 */
export async function seedDemoTeam(storage: Storage, team: DemoTeam): Promise<"seeded" | "already there"> {
  const existing = await storage.boards.get(team.board.id);
  if (existing) return "already there";
  await inParallel(team.organisations, 8, (o) => storage.organisations.create(o));
  await inParallel(team.members, 8, (m) => storage.members.create(m));
  await inParallel(team.participants, 16, (p) => storage.participants.create(p));
  await inParallel(team.consents, 16, (c) => storage.consents.save(c));
  await inParallel(team.entries, 16, (e) => storage.entries.create(e));
  await inParallel(team.signals, 8, (e) => storage.signals.create(e));
  await inParallel(team.absences, 8, (a) => storage.absences.create(a));
  await inParallel(team.checkIns, 8, (c) => storage.checkIns.save(c));
  await inParallel(team.sinceLastNotes, 8, (n) => storage.sinceLast.create(n));
  await inParallel(team.contacts, 16, (c) => storage.contacts.create(c));
  await inParallel(team.interventions, 8, (i) => storage.interventions.create(i));
  // What the seed creates gets the due items the use-cases would have scheduled: open signals
  // remind and alert, a cover request times out to the next substitute.
  await inParallel(
    team.signals.filter((e) => e.state === "open"),
    8,
    (e) => scheduleSignalFollowUp({ storage }, e),
  );
  await inParallel(team.absences, 8, (a) => scheduleCoverTimeout({ storage }, a));
  // The board row last: its presence means "seeded".
  await storage.boards.create(team.board);
  return "seeded";
}
