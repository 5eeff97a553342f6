import { type CoverSubject, standInFor } from "./cover";
import type { Absence, CalendarDate, Member, OrganisationId } from "./types";
import type { WorkingCalendar } from "./working-hours";
import { atWorkOrAll } from "./working-patterns";

// Who of an organisation receives something addressed to it (a signal, its reminder, a manager
// alert): its members with the role, each replaced by who stands in for them today, and, where the
// moment matters, only those at work now by their working pattern (nobody at work: all of them).

export interface ReceiverContext {
  members: readonly Member[];
  absences: readonly Absence[];
  today: CalendarDate;
  now: Date;
  board: WorkingCalendar;
  /** The participant it is about: a cover from another organisation stands in only under their consent. */
  about?: CoverSubject;
}

/** The organisation's members with one of the roles (its managers if it has none), as stand-ins; `atWorkNow`: those working now. */
export function receiversAmong(
  ctx: ReceiverContext,
  organisationId: OrganisationId,
  roles: ReadonlyArray<Member["role"]>,
  options: { atWorkNow?: boolean } = {},
): Member[] {
  const active = ctx.members.filter((m) => m.organisationId === organisationId && m.leftAt === undefined);
  let chosen = active.filter((m) => roles.includes(m.role));
  if (chosen.length === 0) chosen = active.filter((m) => m.role === "manager");
  const byId = new Map(ctx.members.map((m) => [m.id, m]));
  const out = new Map<string, Member>();
  for (const m of chosen) {
    const stand = byId.get(standInFor(m.id, ctx.absences, ctx.today, ctx.about)) ?? m;
    out.set(stand.id, stand);
  }
  const receivers = [...out.values()];
  return options.atWorkNow ? atWorkOrAll(receivers, ctx.now, ctx.board) : receivers;
}
