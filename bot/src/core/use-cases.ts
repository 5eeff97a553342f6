import type { CreateBoardBody, EditBoardSettingsBody, ExportFormat, JoinRequestBody } from "@fact-board/contract";
import type { Actor, BoardId, Caller } from "../domain/types";
import { answerCover, cancelAbsence, registerAbsence, registerAbsenceOnce } from "../use-cases/absences";
import { resolveActor } from "../use-cases/actor";
import { readAdminAudit } from "../use-cases/admin-audit";
import { exportAuditLog, readAuditLog } from "../use-cases/audit-log";
import { addOrganisation, createBoard, editBoardSettings, editOrganisation, readAdminOverview } from "../use-cases/board-setup";
import { readCheckIn } from "../use-cases/check-ins";
import { remindAboutConsentLater } from "../use-cases/consent-reminders";
import { declineOrWithdrawConsent, readConsents, recordConsent } from "../use-cases/consents";
import type { UseCaseDeps } from "../use-cases/deps";
import { addAction, editEntry, markEntryReviewed, putOnBoard, setActionDone, takeOffBoard } from "../use-cases/entries";
import { decideJoinRequest, requestToJoin } from "../use-cases/join-requests";
import {
  exportLogReview,
  logExtractCsv,
  markLogReviewItem,
  nameLogReviewers,
  readLogExtract,
  readLogReview,
  readLogReviewers,
} from "../use-cases/log-review";
import { viewInbox } from "../use-cases/inbox";
import { readMe } from "../use-cases/me";
import { listMeetings } from "../use-cases/meetings";
import { addMember, editMember, leaveBoard, readRoster, type TeamRoster } from "../use-cases/members";
import { readOverview } from "../use-cases/overview";
import { editParticipant } from "../use-cases/participant-admin";
import { importParticipants } from "../use-cases/participant-import";
import { readParticipant, setParticipantPlans } from "../use-cases/participant-plans";
import { createParticipant, listParticipants, readHistory } from "../use-cases/participants";
import { readBoard } from "../use-cases/read-board";
import { readWorkingPattern, setWorkingPattern } from "../use-cases/working-pattern";
import { leaveTeam } from "../use-cases/retention";
import { searchParticipantsToSignal } from "../use-cases/signal-search";
import { answerSignal, loadSignal, putSignalledParticipantOnBoard, raiseSignal, raiseSignalOnce } from "../use-cases/signals";
import { writeSinceLast } from "../use-cases/since-last";
import { raiseForToday } from "../use-cases/raise-today";
import { readContacts, setContact } from "../use-cases/contacts";
import { readTodaysDecisions } from "../use-cases/todays-decisions";
import { readWorkPhone, setWorkPhone } from "../use-cases/work-phone";
import { addIntervention, editInterventionOf, endInterventionOf } from "../use-cases/interventions";
import { setParticipantGoal } from "../use-cases/participant-goal";
import { exportStatistics } from "../use-cases/statistics";
import { exportFollowUp, readFollowUp } from "../use-cases/follow-up";
import {
  editStudy,
  enrolInStudy,
  listStudies,
  readParticipantStudies,
  recordResearchConsent,
  registerStudy,
  withdrawFromStudy,
} from "../use-cases/studies";
import { exportStudy } from "../use-cases/study-export";
import { joinWalkthrough, readWalkthrough, reportWalkthroughEvent, startOrJoinWalkthrough } from "../use-cases/walkthroughs";
import type { CoreSettings } from "./ports";

// What people do and read, named in their words, bound once to the core's dependencies: the same
// commands and queries for the tab's API and the bot's cards. Each use-case keeps its
// (deps, actor, …) shape; here it loses the deps.

type UseCase = (deps: UseCaseDeps, ...args: never[]) => unknown;
type Bound<F> = F extends (deps: UseCaseDeps, ...args: infer A) => infer R ? (...args: A) => R : never;

function bindAll<T extends Record<string, UseCase>>(deps: UseCaseDeps, useCases: T): { [K in keyof T]: Bound<T[K]> } {
  return Object.fromEntries(Object.entries(useCases).map(([name, useCase]) => [name, (...args: never[]) => useCase(deps, ...args)])) as {
    [K in keyof T]: Bound<T[K]>;
  };
}

export function useCasesOf(deps: UseCaseDeps, settings: CoreSettings, roster: TeamRoster) {
  const { boardCreation } = settings;
  return {
    ...bindAll(deps, {
      // Who is asking: a member of the board (NotFound for anyone else, as for a board that does not exist).
      actorFor: resolveActor,
      // Att göra: what waits for this person or their organisation (and where undeliverable cards land).
      viewInbox,
      // The board and its participants.
      readBoard,
      listMeetings,
      readOverview,
      listParticipants,
      createParticipant,
      readHistory,
      readParticipant,
      setParticipantPlans,
      leaveTeam,
      putOnBoard,
      editEntry,
      addAction,
      setActionDone,
      markEntryReviewed,
      takeOffBoard,
      writeSinceLast,
      raiseForToday,
      // Kontakter and the own work phone; Dagens beslut.
      readContacts,
      setContact,
      readWorkPhone,
      setWorkPhone,
      readTodaysDecisions,
      // Pågående insatser and Deltagarens mål (issue 26).
      addIntervention,
      editIntervention: editInterventionOf,
      endIntervention: endInterventionOf,
      setParticipantGoal,
      // Consent.
      readConsents,
      recordConsent,
      declineOrWithdrawConsent,
      remindAboutConsentLater,
      // Signals.
      searchParticipantsToSignal,
      raiseSignal,
      raiseSignalOnce,
      answerSignal,
      putSignalledParticipantOnBoard,
      // Absences and cover.
      registerAbsence,
      registerAbsenceOnce,
      answerCover,
      cancelAbsence,
      // Working patterns (weekdays and hours).
      readWorkingPattern,
      setWorkingPattern,
      // The check-in.
      readCheckIn,
      readWalkthrough,
      startOrJoinWalkthrough,
      joinWalkthrough,
      reportWalkthroughEvent,
      // The access log, its review, and the statistics.
      readAuditLog,
      exportAuditLog,
      readLogReviewers,
      nameLogReviewers,
      readLogReview,
      exportLogReview,
      markLogReviewItem,
      readLogExtract,
      exportStatistics,
      readFollowUp,
      exportFollowUp,
      // Setting up and running a board.
      addOrganisation,
      editOrganisation,
      addMember,
      editMember,
      leaveBoard,
      decideJoinRequest,
      editParticipant,
      importParticipants,
      readAdminAudit,
      // Research studies: registration, research consent and enrolment, the data managers' export.
      listStudies,
      registerStudy,
      editStudy,
      readParticipantStudies,
      recordResearchConsent,
      enrolInStudy,
      withdrawFromStudy,
      exportStudy,
    }),
    viewSignal: async (actor: Actor, boardId: BoardId, signalId: string) => (await loadSignal(deps, actor, boardId, signalId)).view,
    exportLogExtract: async (
      actor: Actor,
      boardId: BoardId,
      participantId: string,
      organisationId: string | undefined,
      format: ExportFormat,
    ) => logExtractCsv(await readLogExtract(deps, actor, boardId, participantId, organisationId), { format, timeZone: deps.timeZone }),
    createBoard: (caller: Caller, body: CreateBoardBody, requestKey?: string) => createBoard(deps, boardCreation, caller, body, requestKey),
    requestToJoin: (caller: Caller, boardId: BoardId, body: JoinRequestBody) =>
      requestToJoin(deps, caller, boardId, body, { maxPendingPerTenant: settings.maxPendingJoinRequestsPerTenant }),
    readAdminOverview: (actor: Actor, boardId: BoardId) => readAdminOverview(deps, boardCreation.defaults, actor, boardId),
    editBoardSettings: (actor: Actor, boardId: BoardId, body: EditBoardSettingsBody) =>
      editBoardSettings(deps, boardCreation.defaults, actor, boardId, body),
    // Whether someone may create a board is said with who they are (the hosting tenants, BOARD_CREATOR_TENANT_IDS).
    readMe: (caller: Caller) => readMe(deps, caller, boardCreation.creatorTenantIds),
    readRoster: (actor: Actor, boardId: BoardId) => readRoster(deps, roster, actor, boardId),
  };
}

export type CoreUseCases = ReturnType<typeof useCasesOf>;
