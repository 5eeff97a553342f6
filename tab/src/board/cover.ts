import type { AbsenceView, BoardView, ParticipantView } from "@fact-board/contract";
import type { TFunction } from "i18next";
import { memberName } from "./model";

/**
 * Whether a participant's case manager is away today and who covers. While substitutes are being
 * asked nobody covers yet, but "no substitute" would be wrong: that is only the case once everyone
 * declined or nobody was left to ask.
 */
export type CaseManagerCover =
  | { state: "present"; caseManagerId: string; contactId: string }
  | { state: "requesting"; caseManagerId: string; contactId: string; askedSubstituteId?: string }
  | { state: "covered"; caseManagerId: string; contactId: string; substituteId: string }
  | { state: "uncovered"; caseManagerId: string; contactId: string };

/** The one reading of the board's absences that the side panel, the stage and the channel tab all show. */
export function caseManagerCover(board: Pick<BoardView, "absences" | "today">, participant: ParticipantView): CaseManagerCover {
  const caseManagerId = participant.caseManagerId;
  if (!participant.caseManagerAbsent) return { state: "present", caseManagerId, contactId: caseManagerId };
  const absence = board.absences.find(
    (a) => a.memberId === caseManagerId && a.coverState !== "cancelled" && a.from <= board.today && board.today <= a.to,
  );
  const substituteId = participant.caseManagerStandInId ?? (absence?.coverState === "covered" ? absence.coveredBy : undefined);
  if (substituteId) return { state: "covered", caseManagerId, contactId: substituteId, substituteId };
  if (absence?.coverState === "requesting") {
    return {
      state: "requesting",
      caseManagerId,
      contactId: caseManagerId,
      ...(absence.askedSubstituteId ? { askedSubstituteId: absence.askedSubstituteId } : {}),
    };
  }
  return { state: "uncovered", caseManagerId, contactId: caseManagerId };
}

/** One absence read the same way: who covers, who is being asked, or nobody (the absent member stays the contact). */
export function absenceCover(absence: Pick<AbsenceView, "memberId" | "coverState" | "coveredBy" | "askedSubstituteId">): CaseManagerCover {
  const caseManagerId = absence.memberId;
  if (absence.coverState === "covered" && absence.coveredBy)
    return { state: "covered", caseManagerId, contactId: absence.coveredBy, substituteId: absence.coveredBy };
  if (absence.coverState === "requesting") {
    return {
      state: "requesting",
      caseManagerId,
      contactId: caseManagerId,
      ...(absence.askedSubstituteId ? { askedSubstituteId: absence.askedSubstituteId } : {}),
    };
  }
  return { state: "uncovered", caseManagerId, contactId: caseManagerId };
}

/** "Ersättare: Cecilia", "Ersättare tillfrågas" or "Ingen ersättare"; nothing while the case manager is at work. */
export function coverText(t: TFunction, board: Pick<BoardView, "members">, cover: CaseManagerCover): string | undefined {
  switch (cover.state) {
    case "present":
      return undefined;
    case "covered":
      return t("badge.standIn", { name: memberName(board, cover.substituteId) });
    case "requesting":
      return t("badge.substituteAsked");
    case "uncovered":
      return t("badge.noStandIn");
  }
}
