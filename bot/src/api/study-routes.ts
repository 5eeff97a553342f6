import {
  EditStudyBody,
  EnrolBody,
  ExportFormat,
  RecordResearchConsentBody,
  RegisterStudyBody,
  WithdrawFromStudyBody,
} from "@fact-board/contract";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Core } from "../core";
import type { Actor } from "../domain/types";
import { callerOf, sendCsv } from "./board-routes";
import { parse, pathId } from "./validate";

// A research study (issue 28): the same thin routes as board-routes.ts. Who may do what is the
// use-cases' (permissions.ts: study.manage, study.enrol, study.export).

const ExportQuery = z.strictObject({ format: ExportFormat.optional() });

export function studyRoutes(core: Core): Router {
  const r = Router();
  const actorFor = async (req: Request, res: Response): Promise<{ actor: Actor; boardId: string }> => {
    const boardId = pathId(req.params.boardId, "boardId");
    return { actor: await core.actorFor(callerOf(res), boardId, req.get("x-fact-client") === "tab" ? "tab" : "api"), boardId };
  };
  const ids = (req: Request) => ({
    studyId: pathId(req.params.studyId, "studyId"),
    participantId: pathId(req.params.participantId, "participantId"),
  });

  r.get("/api/boards/:boardId/studies", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.listStudies(actor, boardId));
  });

  r.post("/api/boards/:boardId/studies", async (req, res) => {
    const body = parse(RegisterStudyBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.registerStudy(actor, boardId, body));
  });

  r.patch("/api/boards/:boardId/studies/:studyId", async (req, res) => {
    const body = parse(EditStudyBody, req.body);
    const studyId = pathId(req.params.studyId, "studyId");
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editStudy(actor, boardId, studyId, body));
  });

  r.get("/api/boards/:boardId/participants/:participantId/studies", async (req, res) => {
    const participantId = pathId(req.params.participantId, "participantId");
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readParticipantStudies(actor, boardId, participantId));
  });

  r.put("/api/boards/:boardId/studies/:studyId/participants/:participantId/research-consent", async (req, res) => {
    const body = parse(RecordResearchConsentBody, req.body);
    const { studyId, participantId } = ids(req);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.recordResearchConsent(actor, boardId, studyId, participantId, body));
  });

  r.post("/api/boards/:boardId/studies/:studyId/participants/:participantId/enrol", async (req, res) => {
    const body = parse(EnrolBody, req.body);
    const { studyId, participantId } = ids(req);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.enrolInStudy(actor, boardId, studyId, participantId, body));
  });

  r.post("/api/boards/:boardId/studies/:studyId/participants/:participantId/withdraw", async (req, res) => {
    const body = parse(WithdrawFromStudyBody, req.body);
    const { studyId, participantId } = ids(req);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.withdrawFromStudy(actor, boardId, studyId, participantId, body));
  });

  // Streamed like every export (sendCsv); the use-case has checked and logged it before the first chunk.
  r.get("/api/boards/:boardId/studies/:studyId/export.csv", async (req, res) => {
    const query = parse(ExportQuery, req.query);
    const studyId = pathId(req.params.studyId, "studyId");
    const { actor, boardId } = await actorFor(req, res);
    await sendCsv(res, `studie-${studyId}.csv`, await core.exportStudy(actor, boardId, studyId, query.format));
  });

  return r;
}
