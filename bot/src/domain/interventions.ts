import type { InterventionKind } from "@fact-board/contract";
import { assertMayChange } from "./authorship";
import { Invalid, InvalidTransition } from "./errors";
import type { BoardId, CalendarDate, Instant, MemberId, OrganisationId, ParticipantId } from "./types";
import type { ParticipantVisibility } from "./visibility";

// Ongoing support (Pågående insatser, issue 26): per participant, each organisation keeps a short
// list of its own interventions — a kind from the shared vocabulary, a short label and a start
// date. Ending one moves it to the history. Each is its keeping organisation's own item: only it
// edits or ends it, and others read it only under that organisation's consent.

export const INTERVENTION_LABEL_MAX = 60;
/** A short list: more than this per organisation and participant is no longer an overview. */
export const MAX_ONGOING_PER_ORGANISATION = 12;

export interface Intervention {
  boardId: BoardId;
  participantId: ParticipantId;
  id: string;
  organisationId: OrganisationId;
  kind: InterventionKind;
  label?: string;
  startedOn?: CalendarDate;
  endedOn?: CalendarDate;
  writtenBy: MemberId;
  writtenAt: Instant;
}

export const isOngoing = (i: Pick<Intervention, "endedOn">): boolean => i.endedOn === undefined;

/** Ongoing on `day`: started by then (or no start given) and not ended before it. */
export const ongoingOn = (i: Pick<Intervention, "startedOn" | "endedOn" | "writtenAt">, day: CalendarDate): boolean =>
  (i.startedOn ?? i.writtenAt.slice(0, 10)) <= day && (i.endedOn === undefined || i.endedOn > day);

/** The interventions the viewer's organisation may read: ongoing first, then by organisation, kind and start. */
export function readableInterventions<I extends Pick<Intervention, "organisationId" | "kind" | "startedOn" | "endedOn" | "id">>(
  visibility: Pick<ParticipantVisibility, "readable">,
  interventions: readonly I[],
): I[] {
  return interventions
    .filter((i) => visibility.readable.has(i.organisationId))
    .sort(
      (a, b) =>
        Number(!isOngoing(a)) - Number(!isOngoing(b)) ||
        (b.endedOn ?? "").localeCompare(a.endedOn ?? "") ||
        a.organisationId.localeCompare(b.organisationId) ||
        a.kind.localeCompare(b.kind) ||
        (a.startedOn ?? "").localeCompare(b.startedOn ?? "") ||
        a.id.localeCompare(b.id),
    );
}

function assertDates(startedOn: CalendarDate | undefined, endedOn: CalendarDate | undefined, today: CalendarDate): void {
  if (endedOn !== undefined && endedOn > today) throw new Invalid("An intervention cannot end after today: end it on the day it ends.");
  if (startedOn !== undefined && endedOn !== undefined && endedOn < startedOn)
    throw new Invalid("An intervention cannot end before it started.");
}

/** A new intervention of the actor's organisation (always its own item). */
export function startIntervention(
  input: {
    boardId: BoardId;
    participantId: ParticipantId;
    id: string;
    organisationId: OrganisationId;
    kind: InterventionKind;
    label?: string;
    startedOn?: CalendarDate;
    by: MemberId;
  },
  ongoing: readonly Pick<Intervention, "organisationId" | "endedOn">[],
  now: Instant,
): Intervention {
  const own = ongoing.filter((i) => i.organisationId === input.organisationId && isOngoing(i));
  if (own.length >= MAX_ONGOING_PER_ORGANISATION)
    throw new Invalid(`At most ${MAX_ONGOING_PER_ORGANISATION} ongoing interventions per organisation: end the ones that are over.`);
  const label = input.label?.trim();
  return {
    boardId: input.boardId,
    participantId: input.participantId,
    id: input.id,
    organisationId: input.organisationId,
    kind: input.kind,
    ...(label ? { label } : {}),
    ...(input.startedOn ? { startedOn: input.startedOn } : {}),
    writtenBy: input.by,
    writtenAt: now,
  };
}

/** The keeping organisation's change to its own ongoing intervention; null clears the label or the start date. */
export function editIntervention(
  existing: Intervention,
  by: { id: MemberId; organisationId: OrganisationId },
  change: { kind?: InterventionKind; label?: string | null; startedOn?: CalendarDate | null },
  now: Instant,
): Intervention {
  assertMayChange("intervention.change", by.organisationId, existing.organisationId);
  if (!isOngoing(existing)) throw new InvalidTransition("intervention", "ended", "change");
  const { label: _label, startedOn: _startedOn, ...rest } = existing;
  const label = change.label === undefined ? existing.label : (change.label?.trim() ?? undefined);
  const startedOn = change.startedOn === undefined ? existing.startedOn : (change.startedOn ?? undefined);
  return {
    ...rest,
    kind: change.kind ?? existing.kind,
    ...(label ? { label } : {}),
    ...(startedOn ? { startedOn } : {}),
    writtenBy: by.id,
    writtenAt: now,
  };
}

/** Ending it moves it to the history (from then on it is read only). */
export function endIntervention(
  existing: Intervention,
  by: { id: MemberId; organisationId: OrganisationId },
  endedOn: CalendarDate,
  today: CalendarDate,
  now: Instant,
): Intervention {
  assertMayChange("intervention.change", by.organisationId, existing.organisationId);
  if (!isOngoing(existing)) throw new InvalidTransition("intervention", "ended", "end");
  assertDates(existing.startedOn, endedOn, today);
  return { ...existing, endedOn, writtenBy: by.id, writtenAt: now };
}
