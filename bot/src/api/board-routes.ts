import {
  AddActionBody,
  AnswerCoverBody,
  AnswerSignalBody,
  CalendarDate,
  CancelAbsenceBody,
  CreateParticipantBody,
  EditEntryBody,
  IdempotencyKey,
  ExportFormat,
  FollowUpQuery,
  StatisticsPeriod,
  MarkLogReviewItemBody,
  NameLogReviewersBody,
  PutOnBoardBody,
  RaiseSignalBody,
  MeetingQuery,
  RecordConsentBody,
  RegisterAbsenceBody,
  ReviewBody,
  SetActionDoneBody,
  SetPlansBody,
  TakeOffBody,
  JoinWalkthroughBody,
  PresenterHeartbeatBody,
  LeaveTeamBody,
  WalkthroughEventBody,
  WriteSinceLastBody,
  RaiseTodayBody,
  SetContactBody,
  SetWorkPhoneBody,
  AddInterventionBody,
  EditInterventionBody,
  EndInterventionBody,
  SetGoalBody,
} from "@fact-board/contract";
import { Router, type Request, type Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { Core } from "../core";
import type { Actor, Caller } from "../domain/types";
import { parse, pathId, pathParam } from "./validate";

// Thin routes: parse (schemas) -> resolve the caller as a member of the board -> use-case -> respond.
// Authorisation and consent are decided inside the use-cases, the same for API and card actions.

const ParticipantQuery = z.strictObject({
  q: z.string().max(40).optional(),
  mine: z.enum(["true", "false"]).optional(),
  offBoard: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(400).optional(),
});
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
const AuditQuery = z.strictObject({
  participantId: z.string().max(80).optional(),
  memberId: z.string().max(200).optional(),
  fromMonth: Month.optional(),
  toMonth: Month.optional(),
  cursor: z.string().max(2000).optional(),
});
/** Every CSV export: `?format=excel` for Swedish Excel, the comma form (`csv`) without it. */
const ExportQuery = z.strictObject({ format: ExportFormat.optional() });
const AuditCsvQuery = AuditQuery.extend(ExportQuery.shape);
const ExtractQuery = z.strictObject({ organisationId: z.string().max(80).optional() });
const ExtractCsvQuery = ExtractQuery.extend(ExportQuery.shape);
const StatisticsQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(60).optional(),
  format: ExportFormat.optional(),
  /** Counted per month (the default), quarter or year: longer periods lift a small board's cells above the suppression threshold. */
  period: StatisticsPeriod.optional(),
});

const FollowUpCsvQuery = FollowUpQuery.extend(ExportQuery.shape);

const OLDER_SIGNAL_PATH = /^(\/api\/boards\/[^/?]+)\/escalations(?=[/?]|$)/;

/** A create's `Idempotency-Key` (request-keys.ts), when the client sent one. */
export const requestKeyOf = (req: Request): string | undefined => parse(IdempotencyKey.optional(), req.get("idempotency-key"));

export const callerOf = (res: Response): Caller => res.locals.caller as Caller;

/**
 * A CSV export, streamed as its chunks come: a failure mid-way ends the connection, so a cut file
 * never looks whole. The use-case has checked and logged the export before the first chunk.
 */
export async function sendCsv(res: Response, fileName: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  res.type("text/csv; charset=utf-8").attachment(fileName);
  await pipeline(Readable.from(chunks), res);
}

/** Requests from the tab say so, for the access log's "through what". */
const channelOf = (req: Request) => (req.get("x-fact-client") === "tab" ? ("tab" as const) : ("api" as const));

export function boardRoutes(core: Core): Router {
  const r = Router();
  const actorFor = async (req: Request, res: Response): Promise<{ actor: Actor; boardId: string }> => {
    const boardId = pathId(req.params.boardId, "boardId");
    return { actor: await core.actorFor(callerOf(res), boardId, channelOf(req)), boardId };
  };

  // A tab loaded before signals were called signals still asks for `…/escalations…`: the signal routes answer it.
  r.use((req, _res, next) => {
    req.url = req.url.replace(OLDER_SIGNAL_PATH, "$1/signals");
    next();
  });

  r.get("/api/me", async (_req, res) => {
    res.json(await core.readMe(callerOf(res)));
  });

  r.get("/api/boards/:boardId", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readBoard(actor, boardId));
  });

  r.get("/api/boards/:boardId/meetings", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.listMeetings(actor, boardId));
  });

  r.get("/api/boards/:boardId/overview", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readOverview(actor, boardId));
  });

  r.get("/api/boards/:boardId/participants", async (req, res) => {
    const query = parse(ParticipantQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(
      await core.listParticipants(actor, boardId, {
        ...(query.q ? { q: query.q } : {}),
        mine: query.mine === "true",
        offBoardOnly: query.offBoard === "true",
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
  });

  r.post("/api/boards/:boardId/participants", async (req, res) => {
    const body = parse(CreateParticipantBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.createParticipant(actor, boardId, body));
  });

  r.get("/api/boards/:boardId/participants/:participantId/history", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readHistory(actor, boardId, pathId(req.params.participantId, "participantId")));
  });

  r.get("/api/boards/:boardId/participants/:participantId/consents", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json({ consents: await core.readConsents(actor, boardId, pathId(req.params.participantId, "participantId")) });
  });

  r.put("/api/boards/:boardId/participants/:participantId/consents/:organisationId", async (req, res) => {
    const body = parse(RecordConsentBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(
      await core.recordConsent(
        actor,
        boardId,
        pathId(req.params.participantId, "participantId"),
        pathId(req.params.organisationId, "organisationId"),
        body,
      ),
    );
  });

  r.put("/api/boards/:boardId/participants/:participantId/plans", async (req, res) => {
    const body = parse(SetPlansBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.setParticipantPlans(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.post("/api/boards/:boardId/participants/:participantId/leave", async (req, res) => {
    parse(LeaveTeamBody, req.body ?? {});
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.leaveTeam(actor, boardId, pathId(req.params.participantId, "participantId")));
  });

  r.post("/api/boards/:boardId/entries", async (req, res) => {
    const body = parse(PutOnBoardBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.putOnBoard(actor, boardId, body));
  });

  r.patch("/api/boards/:boardId/entries/:participantId", async (req, res) => {
    const body = parse(EditEntryBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editEntry(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.post("/api/boards/:boardId/entries/:participantId/actions", async (req, res) => {
    const body = parse(AddActionBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.addAction(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.patch("/api/boards/:boardId/entries/:participantId/actions/:actionId", async (req, res) => {
    const body = parse(SetActionDoneBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(
      await core.setActionDone(
        actor,
        boardId,
        pathId(req.params.participantId, "participantId"),
        pathId(req.params.actionId, "actionId"),
        body,
      ),
    );
  });

  r.post("/api/boards/:boardId/entries/:participantId/review", async (req, res) => {
    const body = parse(ReviewBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.markEntryReviewed(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.put("/api/boards/:boardId/entries/:participantId/since-last", async (req, res) => {
    const body = parse(WriteSinceLastBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.writeSinceLast(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.post("/api/boards/:boardId/participants/:participantId/raise-today", async (req, res) => {
    const body = parse(RaiseTodayBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    const { raised, created } = await core.raiseForToday(actor, boardId, pathId(req.params.participantId, "participantId"), body);
    res.status(created ? 201 : 200).json(raised);
  });

  r.get("/api/boards/:boardId/participants/:participantId/contacts", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readContacts(actor, boardId, pathId(req.params.participantId, "participantId")));
  });

  r.put("/api/boards/:boardId/participants/:participantId/contacts", async (req, res) => {
    const body = parse(SetContactBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.setContact(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.get("/api/boards/:boardId/me/work-phone", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readWorkPhone(actor, boardId));
  });

  r.put("/api/boards/:boardId/me/work-phone", async (req, res) => {
    const body = parse(SetWorkPhoneBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.setWorkPhone(actor, boardId, body));
  });

  r.get("/api/boards/:boardId/todays-decisions", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readTodaysDecisions(actor, boardId));
  });

  // Pågående insatser (issue 26): the own organisation's ongoing interventions.
  r.post("/api/boards/:boardId/participants/:participantId/interventions", async (req, res) => {
    const body = parse(AddInterventionBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.addIntervention(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.put("/api/boards/:boardId/participants/:participantId/interventions/:interventionId", async (req, res) => {
    const body = parse(EditInterventionBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    const [participantId, interventionId] = [
      pathId(req.params.participantId, "participantId"),
      pathId(req.params.interventionId, "interventionId"),
    ];
    res.json(await core.editIntervention(actor, boardId, participantId, interventionId, body));
  });

  r.post("/api/boards/:boardId/participants/:participantId/interventions/:interventionId/end", async (req, res) => {
    const body = parse(EndInterventionBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    const [participantId, interventionId] = [
      pathId(req.params.participantId, "participantId"),
      pathId(req.params.interventionId, "interventionId"),
    ];
    res.json(await core.endIntervention(actor, boardId, participantId, interventionId, body));
  });

  // Deltagarens mål (issue 26): the case manager's organisation writes it.
  r.put("/api/boards/:boardId/participants/:participantId/goal", async (req, res) => {
    const body = parse(SetGoalBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.setParticipantGoal(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.post("/api/boards/:boardId/entries/:participantId/take-off", async (req, res) => {
    const body = parse(TakeOffBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.takeOffBoard(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  r.get("/api/boards/:boardId/inbox", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.viewInbox(actor, boardId));
  });

  r.post("/api/boards/:boardId/signals", async (req, res) => {
    const body = parse(RaiseSignalBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.raiseSignal(actor, boardId, body, requestKeyOf(req)));
  });

  r.get("/api/boards/:boardId/signals/:signalId", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.viewSignal(actor, boardId, pathId(req.params.signalId, "signalId")));
  });

  r.post("/api/boards/:boardId/signals/:signalId/answer", async (req, res) => {
    const body = parse(AnswerSignalBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.answerSignal(actor, boardId, pathId(req.params.signalId, "signalId"), body));
  });

  r.post("/api/boards/:boardId/absences", async (req, res) => {
    const body = parse(RegisterAbsenceBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.registerAbsence(actor, boardId, body, requestKeyOf(req)));
  });

  r.post("/api/boards/:boardId/absences/:absenceId/cover", async (req, res) => {
    const body = parse(AnswerCoverBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.answerCover(actor, boardId, pathId(req.params.absenceId, "absenceId"), body));
  });

  r.post("/api/boards/:boardId/absences/:absenceId/cancel", async (req, res) => {
    const body = parse(CancelAbsenceBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.cancelAbsence(actor, boardId, pathId(req.params.absenceId, "absenceId"), body.etag));
  });

  // Check-ins are recorded only by the walkthrough (its "end" event); this reads one occurrence's.
  r.get("/api/boards/:boardId/check-ins/:date", async (req, res) => {
    const date = pathParam(CalendarDate, req.params.date, "date");
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readCheckIn(actor, boardId, date, meeting));
  });

  // `?meeting=<id>` names the recurring meeting (a tab linked to a meeting); without it, the meeting on now.
  r.get("/api/boards/:boardId/walkthrough", async (req, res) => {
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    const walkthrough = await core.readWalkthrough(actor, boardId, meeting);
    res.json(walkthrough ? { walkthrough } : {});
  });

  r.post("/api/boards/:boardId/walkthrough", async (req, res) => {
    const { teamsChatId } = parse(JoinWalkthroughBody, req.body ?? {});
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json({ walkthrough: await core.startOrJoinWalkthrough(actor, boardId, meeting, teamsChatId) });
  });

  r.post("/api/boards/:boardId/walkthrough/join", async (req, res) => {
    const { teamsChatId } = parse(JoinWalkthroughBody, req.body ?? {});
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json({ walkthrough: await core.joinWalkthrough(actor, boardId, meeting, teamsChatId) });
  });

  // Following a move: the position and the current participant only (the live event names the meeting).
  r.get("/api/boards/:boardId/walkthrough/current", async (req, res) => {
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readWalkthroughMove(actor, boardId, meeting));
  });

  // The presenting stage's heartbeat, every few seconds while it presents.
  r.post("/api/boards/:boardId/walkthrough/presence", async (req, res) => {
    parse(PresenterHeartbeatBody, req.body ?? {});
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.beatPresenterStage(actor, boardId, meeting));
  });

  r.post("/api/boards/:boardId/walkthrough/events", async (req, res) => {
    const body = parse(WalkthroughEventBody, req.body);
    const { meeting } = parse(MeetingQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json({ walkthrough: await core.reportWalkthroughEvent(actor, boardId, body, meeting) });
  });

  r.get("/api/boards/:boardId/audit", async (req, res) => {
    const query = parse(AuditQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readAuditLog(actor, boardId, query));
  });

  r.get("/api/boards/:boardId/audit.csv", async (req, res) => {
    const { cursor: _cursor, format, ...query } = parse(AuditCsvQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    await sendCsv(res, "loggkontroll.csv", await core.exportAuditLog(actor, boardId, query, format));
  });

  r.get("/api/boards/:boardId/log-reviewers/:organisationId", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readLogReviewers(actor, boardId, pathId(req.params.organisationId, "organisationId")));
  });

  r.put("/api/boards/:boardId/log-reviewers/:organisationId", async (req, res) => {
    const body = parse(NameLogReviewersBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.nameLogReviewers(actor, boardId, pathId(req.params.organisationId, "organisationId"), body));
  });

  r.get("/api/boards/:boardId/log-reviews/:period", async (req, res) => {
    const period = pathParam(Month, req.params.period, "period");
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readLogReview(actor, boardId, period));
  });

  r.get("/api/boards/:boardId/log-reviews/:period/report.csv", async (req, res) => {
    const period = pathParam(Month, req.params.period, "period");
    const { format } = parse(ExportQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    await sendCsv(res, `loggkontroll-${period}.csv`, await core.exportLogReview(actor, boardId, period, format));
  });

  r.post("/api/boards/:boardId/log-reviews/:period/items/:itemId", async (req, res) => {
    const period = pathParam(Month, req.params.period, "period");
    const body = parse(MarkLogReviewItemBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.markLogReviewItem(actor, boardId, period, pathId(req.params.itemId, "itemId"), body));
  });

  r.get("/api/boards/:boardId/participants/:participantId/log-extract", async (req, res) => {
    const query = parse(ExtractQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readLogExtract(actor, boardId, pathId(req.params.participantId, "participantId"), query.organisationId));
  });

  r.get("/api/boards/:boardId/participants/:participantId/log-extract.csv", async (req, res) => {
    const { organisationId, format = "csv" } = parse(ExtractCsvQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    const participantId = pathId(req.params.participantId, "participantId");
    await sendCsv(res, "registerutdrag.csv", await core.exportLogExtract(actor, boardId, participantId, organisationId, format));
  });

  r.get("/api/boards/:boardId/statistics.csv", async (req, res) => {
    const query = parse(StatisticsQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    await sendCsv(res, "statistik.csv", await core.exportStatistics(actor, boardId, query.months ?? 12, query.format, query.period));
  });

  r.get("/api/boards/:boardId/follow-up", async (req, res) => {
    const { year } = parse(FollowUpQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readFollowUp(actor, boardId, year));
  });

  r.get("/api/boards/:boardId/follow-up.csv", async (req, res) => {
    const { year, format } = parse(FollowUpCsvQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    await sendCsv(res, "uppfoljning.csv", await core.exportFollowUp(actor, boardId, year, format));
  });

  return r;
}
