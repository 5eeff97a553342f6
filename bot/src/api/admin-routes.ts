import {
  AddMemberBody,
  CreateBoardBody,
  DecideJoinRequestBody,
  EditBoardSettingsBody,
  EditMemberBody,
  EditOrganisationBody,
  EditParticipantBody,
  JoinRequestBody,
  LeaveBoardBody,
  OrganisationBody,
  SetWorkingPatternBody,
} from "@fact-board/contract";
import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { Core } from "../core";
import type { Actor } from "../domain/types";
import { callerOf, requestKeyOf } from "./board-routes";
import { perAddressRateLimit, perTenantRateLimit, type RateLimitOptions } from "./security";
import { parse, pathId } from "./validate";

// Setting up and running a board (the tab's "Inställningar"): the same thin routes as board-routes.ts.
// Personal identity numbers are refused by the bodies' schemas (every text is ShortText/FreeText).

const MemberIdPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9.-]+$/, "a member id");
const ImportQuery = z.strictObject({ dryRun: z.enum(["true", "false"]).optional() });
const AuditQuery = z.strictObject({ cursor: z.string().max(2000).optional() });

/** Abuse limits on asking to join, per client address and per tenant (the cap on pending requests is the core's). */
export interface JoinRequestRateLimits {
  perAddress: RateLimitOptions;
  perTenant: RateLimitOptions;
}

const HOUR = 3_600_000;
export const DEFAULT_JOIN_REQUEST_LIMITS: JoinRequestRateLimits = {
  perAddress: { windowMs: HOUR, limit: 10 },
  perTenant: { windowMs: HOUR, limit: 50 },
};

export function adminRoutes(core: Core, joinRequests: JoinRequestRateLimits = DEFAULT_JOIN_REQUEST_LIMITS): Router {
  const r = Router();
  const actorFor = async (req: Request, res: Response): Promise<{ actor: Actor; boardId: string }> => {
    const boardId = pathId(req.params.boardId, "boardId");
    return { actor: await core.actorFor(callerOf(res), boardId, req.get("x-fact-client") === "tab" ? "tab" : "api"), boardId };
  };

  r.post("/api/boards", async (req, res) => {
    const body = parse(CreateBoardBody, req.body);
    res.status(201).json(await core.createBoard(callerOf(res), body, requestKeyOf(req)));
  });

  // Anyone of an allowed tenant may ask, so asking is throttled per address and per tenant (429).
  const joinRateLimits = [perAddressRateLimit(joinRequests.perAddress), perTenantRateLimit(joinRequests.perTenant)];
  r.post("/api/boards/:boardId/join-requests", ...joinRateLimits, async (req, res) => {
    const body = parse(JoinRequestBody, req.body);
    res.status(202).json(await core.requestToJoin(callerOf(res), pathId(req.params.boardId, "boardId"), body));
  });

  r.get("/api/boards/:boardId/admin", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readAdminOverview(actor, boardId));
  });

  r.patch("/api/boards/:boardId/settings", async (req, res) => {
    const body = parse(EditBoardSettingsBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editBoardSettings(actor, boardId, body));
  });

  r.post("/api/boards/:boardId/organisations", async (req, res) => {
    const body = parse(OrganisationBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.addOrganisation(actor, boardId, body, requestKeyOf(req)));
  });

  r.patch("/api/boards/:boardId/organisations/:organisationId", async (req, res) => {
    const body = parse(EditOrganisationBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editOrganisation(actor, boardId, pathId(req.params.organisationId, "organisationId"), body));
  });

  r.get("/api/boards/:boardId/roster", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readRoster(actor, boardId));
  });

  r.post("/api/boards/:boardId/members", async (req, res) => {
    const body = parse(AddMemberBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await core.addMember(actor, boardId, body));
  });

  r.patch("/api/boards/:boardId/members/:memberId", async (req, res) => {
    const body = parse(EditMemberBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editMember(actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.get("/api/boards/:boardId/members/:memberId/working-pattern", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readWorkingPattern(actor, boardId, parse(MemberIdPath, req.params.memberId)));
  });

  r.put("/api/boards/:boardId/members/:memberId/working-pattern", async (req, res) => {
    const body = parse(SetWorkingPatternBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.setWorkingPattern(actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.post("/api/boards/:boardId/members/:memberId/leave", async (req, res) => {
    const body = parse(LeaveBoardBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.leaveBoard(actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.post("/api/boards/:boardId/join-requests/:memberId/decide", async (req, res) => {
    const body = parse(DecideJoinRequestBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.decideJoinRequest(actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.patch("/api/boards/:boardId/participants/:participantId", async (req, res) => {
    const body = parse(EditParticipantBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.editParticipant(actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  // A caseload file is larger than the JSON body limit: CSV only, up to 1 MB (about 20,000 lines), as
  // bytes: UTF-8 or the Windows-1252 Swedish Excel writes (the use-case decodes it).
  r.post("/api/boards/:boardId/participants/import", express.raw({ type: "text/csv", limit: "1mb" }), async (req, res) => {
    const query = parse(ImportQuery, req.query);
    if (!Buffer.isBuffer(req.body)) throw new Invalid("Send the file as text/csv.");
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.importParticipants(actor, boardId, req.body, { dryRun: query.dryRun === "true" }));
  });

  r.get("/api/boards/:boardId/admin-audit", async (req, res) => {
    const query = parse(AuditQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await core.readAdminAudit(actor, boardId, query.cursor));
  });

  return r;
}
