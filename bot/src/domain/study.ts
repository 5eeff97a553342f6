import { Invalid } from "./errors";
import type { CalendarDate, Enrolment, Instant, Member, MemberId, ParticipantId, Study } from "./types";

// A research study on the board (issue 28): who exports it, and the order consent → enrolment →
// withdrawal. The study rests on each participant's own research consent, so nobody is enrolled
// without one, and a withdrawal ends every export of them from then on.

export const RESEARCH_CONSENT_MISSING =
  "The participant's research consent for this study is not recorded: record it (date) before enrolling them.";

/** The study's period runs forwards. */
export function assertStudyPeriod(from: CalendarDate, to: CalendarDate): void {
  if (to < from) throw new Invalid("The study's period ends before it begins.", "to");
}

/** Data managers are active members of the board. */
export function assertDataManagers(ids: readonly MemberId[], members: readonly Pick<Member, "id" | "leftAt">[]): void {
  const active = new Set(members.filter((m) => !m.leftAt).map((m) => m.id));
  const index = ids.findIndex((id) => !active.has(id));
  if (index >= 0) throw new Invalid("A data manager must be a member of the board.", `dataManagerIds.${index}`);
  if (new Set(ids).size !== ids.length) throw new Invalid("A data manager is named twice.", "dataManagerIds");
}

export const isDataManager = (study: Pick<Study, "dataManagerIds">, memberId: MemberId): boolean => study.dataManagerIds.includes(memberId);

/**
 * Enrols a participant whose research consent is recorded, under the research team's id; the id
 * may be no code of the board (the export must never carry one). Refused without the consent.
 */
export function enrol(
  enrolment: Enrolment | undefined,
  studyParticipantId: string,
  boardCodes: ReadonlySet<string>,
  by: MemberId,
  at: Instant,
): Enrolment {
  if (!enrolment) throw new Invalid(RESEARCH_CONSENT_MISSING, "researchConsent", "ResearchConsentMissing");
  if (enrolment.withdrawnOn) throw new Invalid("The participant has withdrawn from this study.", "withdrawnOn");
  if (boardCodes.has(studyParticipantId.toUpperCase()))
    throw new Invalid("The study's participant id may not be a code of the board: use the research team's own id.", "studyParticipantId");
  return { ...enrolment, studyParticipantId, enrolledAt: at, enrolledBy: by };
}

/** Withdrawal from the study; the date may not precede the research consent. */
export function withdraw(enrolment: Enrolment, withdrawnOn: CalendarDate, by: MemberId): Enrolment {
  if (enrolment.withdrawnOn) throw new Invalid("The participant has withdrawn from this study already.", "withdrawnOn");
  if (withdrawnOn < enrolment.researchConsent.givenOn)
    throw new Invalid("The withdrawal is dated before the research consent was given.", "withdrawnOn");
  return { ...enrolment, withdrawnOn, withdrawnBy: by };
}

/** Exported: enrolled under a study id and not withdrawn (a withdrawal, whatever its date, stops every later export). */
export const isExportable = <E extends Pick<Enrolment, "studyParticipantId" | "withdrawnOn">>(
  e: E,
): e is E & { studyParticipantId: string } => e.studyParticipantId !== undefined && e.withdrawnOn === undefined;

/**
 * The participants in a study on `today` (the follow-up's "in a study", issue 28): enrolled under
 * the study's own id, not withdrawn, in a study whose period has not ended. A research consent
 * alone is not an enrolment.
 */
export function participantsInStudyOn(
  studies: readonly Pick<Study, "id" | "to">[],
  enrolments: readonly Pick<Enrolment, "studyId" | "participantId" | "studyParticipantId" | "withdrawnOn">[],
  today: CalendarDate,
): Set<ParticipantId> {
  const running = new Set(studies.filter((s) => s.to >= today).map((s) => s.id));
  return new Set(enrolments.filter((e) => running.has(e.studyId) && isExportable(e)).map((e) => e.participantId));
}
