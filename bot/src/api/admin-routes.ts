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
} from "@fact-board/contract";
import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import { Invalid } from "../domain/errors";
import type { Actor } from "../domain/types";
import { resolveActor } from "../use-cases/actor";
import { readAdminAudit } from "../use-cases/admin-audit";
import {
  addOrganisation,
  createBoard,
  editBoardSettings,
  editOrganisation,
  readAdminOverview,
  type BoardCreation,
} from "../use-cases/board-setup";
import type { UseCaseDeps } from "../use-cases/deps";
import { decideJoinRequest, requestToJoin, type JoinRequestLimits } from "../use-cases/join-requests";
import { addMember, editMember, leaveBoard, readRoster, type TeamRoster } from "../use-cases/members";
import { editParticipant } from "../use-cases/participant-admin";
import { importParticipants } from "../use-cases/participant-import";
import { callerOf } from "./board-routes";
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

export interface AdminRouteParts {
  creation: BoardCreation;
  roster: TeamRoster;
  /** Abuse limits on asking to join: per client address and per tenant (rate), and pending requests per tenant (cap). */
  joinRequests?: JoinRequestLimits & { perAddress: RateLimitOptions; perTenant: RateLimitOptions };
}

const HOUR = 3_600_000;
export const DEFAULT_JOIN_REQUEST_LIMITS: NonNullable<AdminRouteParts["joinRequests"]> = {
  perAddress: { windowMs: HOUR, limit: 10 },
  perTenant: { windowMs: HOUR, limit: 50 },
  maxPendingPerTenant: 20,
};

export function adminRoutes(deps: UseCaseDeps, parts: AdminRouteParts): Router {
  const r = Router();
  const defaults = parts.creation.defaults;
  const actorFor = async (req: Request, res: Response): Promise<{ actor: Actor; boardId: string }> => {
    const boardId = pathId(req.params.boardId, "boardId");
    return { actor: await resolveActor(deps, callerOf(res), boardId, req.get("x-fact-client") === "tab" ? "tab" : "api"), boardId };
  };

  r.post("/api/boards", async (req, res) => {
    const body = parse(CreateBoardBody, req.body);
    res.status(201).json(await createBoard(deps, parts.creation, callerOf(res), body));
  });

  const joinLimits = parts.joinRequests ?? DEFAULT_JOIN_REQUEST_LIMITS;
  // Anyone of an allowed tenant may ask, so asking is throttled per address and per tenant (429).
  const joinRateLimits = [perAddressRateLimit(joinLimits.perAddress), perTenantRateLimit(joinLimits.perTenant)];
  r.post("/api/boards/:boardId/join-requests", ...joinRateLimits, async (req, res) => {
    const body = parse(JoinRequestBody, req.body);
    res.status(202).json(await requestToJoin(deps, callerOf(res), pathId(req.params.boardId, "boardId"), body, joinLimits));
  });

  r.get("/api/boards/:boardId/admin", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await readAdminOverview(deps, defaults, actor, boardId));
  });

  r.patch("/api/boards/:boardId/settings", async (req, res) => {
    const body = parse(EditBoardSettingsBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await editBoardSettings(deps, defaults, actor, boardId, body));
  });

  r.post("/api/boards/:boardId/organisations", async (req, res) => {
    const body = parse(OrganisationBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await addOrganisation(deps, actor, boardId, body));
  });

  r.patch("/api/boards/:boardId/organisations/:organisationId", async (req, res) => {
    const body = parse(EditOrganisationBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await editOrganisation(deps, actor, boardId, pathId(req.params.organisationId, "organisationId"), body));
  });

  r.get("/api/boards/:boardId/roster", async (req, res) => {
    const { actor, boardId } = await actorFor(req, res);
    res.json(await readRoster(deps, parts.roster, actor, boardId));
  });

  r.post("/api/boards/:boardId/members", async (req, res) => {
    const body = parse(AddMemberBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.status(201).json(await addMember(deps, actor, boardId, body));
  });

  r.patch("/api/boards/:boardId/members/:memberId", async (req, res) => {
    const body = parse(EditMemberBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await editMember(deps, actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.post("/api/boards/:boardId/members/:memberId/leave", async (req, res) => {
    const body = parse(LeaveBoardBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await leaveBoard(deps, actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.post("/api/boards/:boardId/join-requests/:memberId/decide", async (req, res) => {
    const body = parse(DecideJoinRequestBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await decideJoinRequest(deps, actor, boardId, parse(MemberIdPath, req.params.memberId), body));
  });

  r.patch("/api/boards/:boardId/participants/:participantId", async (req, res) => {
    const body = parse(EditParticipantBody, req.body);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await editParticipant(deps, actor, boardId, pathId(req.params.participantId, "participantId"), body));
  });

  // A caseload file is larger than the JSON body limit: CSV only, up to 1 MB (about 20,000 lines), as
  // bytes: UTF-8 or the Windows-1252 Swedish Excel writes (the use-case decodes it).
  r.post("/api/boards/:boardId/participants/import", express.raw({ type: "text/csv", limit: "1mb" }), async (req, res) => {
    const query = parse(ImportQuery, req.query);
    if (!Buffer.isBuffer(req.body)) throw new Invalid("Send the file as text/csv.");
    const { actor, boardId } = await actorFor(req, res);
    res.json(await importParticipants(deps, actor, boardId, req.body, { dryRun: query.dryRun === "true" }));
  });

  r.get("/api/boards/:boardId/admin-audit", async (req, res) => {
    const query = parse(AuditQuery, req.query);
    const { actor, boardId } = await actorFor(req, res);
    res.json(await readAdminAudit(deps, actor, boardId, query.cursor));
  });

  return r;
}
