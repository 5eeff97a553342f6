import type {
  AdminOverview,
  BoardAdminView,
  CreateBoardBody,
  EditBoardSettingsBody,
  EditOrganisationBody,
  MeResponse,
  OrganisationAdminView,
  OrganisationBody,
} from "@fact-board/contract";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import { boardAdminRights, grantChoices, joinRequestRights, memberRights } from "../domain/viewer-rights";
import { allowedTenantsOf, organisationsNamedBy, tenantsOf } from "../domain/membership";
import { assertAllowed } from "../domain/permissions";
import {
  memberIdOf,
  type Actor,
  type Board,
  type BoardAbout,
  type BoardId,
  type BoardSettings,
  type Caller,
  type FollowUpTarget,
  type RecurringMeeting,
  type Member,
  type Organisation,
} from "../domain/types";
import { changedFields, recordAdminChange } from "./admin-audit";
import { assertLeadOrganisation, boardModelOf, nextAbout } from "../domain/board-profile";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { createOnce } from "./request-keys";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { readMe } from "./me";
import { toJoinRequestView } from "./join-requests";
import { toMemberAdminView } from "./members";

// Creating a board and keeping its setup: settings and partner organisations. Admins only; the
// board's allowed tenants follow from its organisations' tenants (one source, no separate list).

export interface BoardDefaults {
  timeZone: string;
  morningBriefAt: string;
}

/** Who may create a board at all: people signed in from one of the hosting tenants (BOARD_CREATOR_TENANT_IDS). */
export interface BoardCreation {
  creatorTenantIds: readonly string[];
  defaults: BoardDefaults;
}

export const settingsOf = (board: Board, defaults: BoardDefaults): BoardSettings =>
  board.settings ?? {
    timeZone: defaults.timeZone,
    morningBriefAt: defaults.morningBriefAt,
    botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
  };

function assertCodePattern(pattern: string | undefined): void {
  if (pattern === undefined) return;
  try {
    new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new Invalid("Not a valid code scheme.", "codePattern");
  }
}

/** First run: the person who adds the tab and has no board creates one and becomes its first admin. */
export async function createBoard(
  deps: UseCaseDeps,
  creation: BoardCreation,
  caller: Caller,
  body: CreateBoardBody,
  requestKey?: string,
): Promise<MeResponse> {
  if (!creation.creatorTenantIds.some((t) => t.toLowerCase() === caller.tenantId.toLowerCase()))
    throw new Forbidden("Only people of the hosting organisation may create a board.");
  assertCodePattern(body.codePattern);
  // "Skapa tavla" pressed twice (or sent again after a lost answer) makes one board. There is no
  // board yet to keep the key under: it is kept under the creator's own name.
  await createOnce(deps, {
    boardId: `new-board.${memberIdOf(caller.tenantId, caller.objectId)}`,
    keys: [requestKey && `board.request.${requestKey}`],
    make: (boardId) => makeBoard(deps, creation, caller, body, boardId),
    earlier: async (boardId) => ((await deps.storage.boards.get(boardId)) ? { made: undefined } : undefined),
  });
  return readMe(deps, caller, creation.creatorTenantIds);
}

async function makeBoard(
  deps: UseCaseDeps,
  creation: BoardCreation,
  caller: Caller,
  body: CreateBoardBody,
  boardId: BoardId,
): Promise<void> {
  const now = nowOf(deps);
  const organisation: Organisation = {
    id: deps.newId(),
    boardId,
    name: body.organisation.name,
    kind: body.organisation.kind,
    tenantId: caller.tenantId.toLowerCase(),
    retentionDays: body.organisation.retentionDays,
  };
  const admin: Member = {
    id: memberIdOf(caller.tenantId, caller.objectId),
    boardId,
    tenantId: caller.tenantId,
    objectId: caller.objectId,
    displayName: body.displayName,
    organisationId: organisation.id,
    role: "admin",
    substituteIds: [],
  };
  const board: Board = {
    id: boardId,
    name: body.name,
    // The creator's organisation hosts the FACT team: it steers the board until an admin says otherwise.
    leadOrganisationId: organisation.id,
    allowedTenantIds: allowedTenantsOf([organisation]),
    createdAt: now,
    settings: {
      model: body.model ?? "fact",
      timeZone: body.timeZone ?? creation.defaults.timeZone,
      morningBriefAt: body.morningBriefAt ?? creation.defaults.morningBriefAt,
      ...(body.briefChannelId ? { briefChannelId: body.briefChannelId } : {}),
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
      ...(body.codePattern ? { codePattern: body.codePattern } : {}),
    },
  };
  await deps.storage.organisations.create(organisation);
  await deps.storage.members.create(admin);
  await recordAdminChange(deps, admin, boardId, { what: "boardCreated", subject: { kind: "board", id: boardId, name: board.name } });
  // The board row last: a board without its admin could never be opened.
  await deps.storage.boards.create(board);
  await deps.storage.boardVersions.bump(boardId);
}

async function loadBoard(deps: UseCaseDeps, boardId: BoardId) {
  const board = await deps.storage.boards.get(boardId);
  if (!board) throw new NotFound("The board");
  return board;
}

export const toBoardAdminView = (board: Board & { etag: string }, defaults: BoardDefaults): BoardAdminView => {
  const s = settingsOf(board, defaults);
  return {
    id: board.id,
    name: board.name,
    allowedTenantIds: board.allowedTenantIds,
    settings: {
      timeZone: s.timeZone,
      morningBriefAt: s.morningBriefAt,
      botPosts: s.botPosts,
      ...(s.briefChannelId ? { briefChannelId: s.briefChannelId } : {}),
      ...(s.codePattern ? { codePattern: s.codePattern } : {}),
      meetings: s.meetings ?? [],
      followUpTargets: s.followUpTargets ?? [],
    },
    model: boardModelOf(board),
    ...(board.leadOrganisationId ? { leadOrganisationId: board.leadOrganisationId } : {}),
    ...(s.about ? { about: toAboutView(s.about) } : {}),
    etag: board.etag,
  };
};

export const toAboutView = (a: BoardAbout) => ({
  text: a.text,
  ...(a.link ? { link: a.link } : {}),
  version: a.version,
  updatedAt: a.updatedAt,
});

export async function editBoardSettings(
  deps: UseCaseDeps,
  defaults: BoardDefaults,
  actor: Actor,
  boardId: BoardId,
  body: EditBoardSettingsBody,
): Promise<BoardAdminView> {
  assertAllowed(actor.member, "board.configure");
  const board = await loadBoard(deps, boardId);
  if (body.codePattern) assertCodePattern(body.codePattern);
  if (body.meetings) await assertMeetingOrganisations(deps, boardId, body.meetings);
  if (body.followUpTargets) await assertTargetOrganisations(deps, boardId, body.followUpTargets);
  const organisations = body.leadOrganisationId ? await deps.storage.organisations.listForBoard(boardId) : [];
  if (body.leadOrganisationId) assertLeadOrganisation(body.leadOrganisationId, organisations);
  const before = settingsOf(board, defaults);
  const { briefChannelId: _b, codePattern: _c, meetings: _m, about: _a, followUpTargets: _t, ...kept } = before;
  const followUpTargets = body.followUpTargets ?? before.followUpTargets ?? [];
  const about = body.about === undefined ? before.about : nextAbout(before.about, body.about, actor.member, nowOf(deps));
  const meetings = body.meetings ?? before.meetings ?? [];
  const briefChannelId = body.briefChannelId === null ? undefined : (body.briefChannelId ?? before.briefChannelId);
  const codePattern = body.codePattern === null ? undefined : (body.codePattern ?? before.codePattern);
  const settings: BoardSettings = {
    ...kept,
    ...(body.timeZone ? { timeZone: body.timeZone } : {}),
    ...(body.morningBriefAt ? { morningBriefAt: body.morningBriefAt } : {}),
    ...(body.botPosts ? { botPosts: body.botPosts } : {}),
    ...(briefChannelId ? { briefChannelId } : {}),
    ...(codePattern ? { codePattern } : {}),
    ...(meetings.length > 0 ? { meetings } : {}),
    ...(body.model ? { model: body.model } : {}),
    ...(about ? { about } : {}),
    ...(followUpTargets.length > 0 ? { followUpTargets } : {}),
  };
  const leadOrganisationId = body.leadOrganisationId ?? board.leadOrganisationId;
  const next: Board = { ...board, name: body.name ?? board.name, ...(leadOrganisationId ? { leadOrganisationId } : {}), settings };
  const fields = [
    ...(next.name !== board.name ? ["name"] : []),
    ...changedFields(before, settings, [
      "timeZone",
      "morningBriefAt",
      "briefChannelId",
      "botPosts",
      "codePattern",
      "meetings",
      "model",
      "followUpTargets",
    ]),
  ];
  // Written before the change: the board's own settings, then who steers it, then each version of "Om tavlan" in full.
  if (fields.length > 0)
    await recordAdminChange(deps, actor.member, boardId, {
      what: "boardSettingsChanged",
      subject: { kind: "board", id: boardId, name: next.name },
      fields,
    });
  if (next.leadOrganisationId !== board.leadOrganisationId)
    await recordAdminChange(deps, actor.member, boardId, {
      what: "leadOrganisationChanged",
      subject: {
        kind: "organisation",
        id: next.leadOrganisationId!,
        name: organisations.find((o) => o.id === next.leadOrganisationId)?.name ?? "",
      },
      fields: ["leadOrganisationId"],
      detail: `${board.leadOrganisationId ?? "—"} → ${next.leadOrganisationId}`,
    });
  if (about !== before.about)
    await recordAdminChange(deps, actor.member, boardId, {
      what: "boardAboutChanged",
      subject: { kind: "board", id: boardId, name: next.name },
      fields: ["about"],
      detail: about ? aboutVersionText(about) : "removed",
    });
  const saved = await deps.storage.boards.update(next, { expectedEtag: body.etag });
  await deps.storage.boardVersions.bump(boardId);
  return toBoardAdminView(saved, defaults);
}

/** One version of "Om tavlan" as the admin audit keeps it: the version, the text and the link (routine text, never about a participant). */
export const aboutVersionText = (a: BoardAbout): string => `version ${a.version}: ${a.text}${a.link ? ` (${a.link})` : ""}`;

/** A target is set for one of the board's own organisations. */
async function assertTargetOrganisations(deps: UseCaseDeps, boardId: BoardId, targets: readonly FollowUpTarget[]): Promise<void> {
  const known = new Set((await deps.storage.organisations.listForBoard(boardId)).map((o) => o.id));
  const at = targets.findIndex((t) => !known.has(t.organisationId));
  if (at >= 0)
    throw new Invalid(`followUpTargets.${at}.organisationId: not an organisation of this board.`, `followUpTargets.${at}.organisationId`);
}

/** A meeting takes part with the board's own partner organisations only. */
async function assertMeetingOrganisations(deps: UseCaseDeps, boardId: BoardId, meetings: readonly RecurringMeeting[]): Promise<void> {
  const known = new Set((await deps.storage.organisations.listForBoard(boardId)).map((o) => o.id));
  meetings.forEach((m, i) => {
    const at = m.organisationIds.findIndex((o) => !known.has(o));
    if (at >= 0)
      throw new Invalid(`meetings.${i}.organisationIds.${at}: not an organisation of this board.`, `meetings.${i}.organisationIds.${at}`);
  });
}

export const toOrganisationAdminView = (o: Organisation & { etag: string }): OrganisationAdminView => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  tenantIds: tenantsOf(o),
  retentionDays: o.retentionDays,
  etag: o.etag,
});

/** The board lets in exactly its organisations' tenants: recomputed after every organisation change. */
async function syncAllowedTenants(deps: UseCaseDeps, boardId: BoardId): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const [board, organisations] = await Promise.all([loadBoard(deps, boardId), deps.storage.organisations.listForBoard(boardId)]);
    const allowedTenantIds = allowedTenantsOf(organisations);
    if (JSON.stringify(allowedTenantIds) === JSON.stringify(board.allowedTenantIds)) return;
    try {
      await deps.storage.boards.update({ ...board, allowedTenantIds }, { expectedEtag: board.etag });
      return;
    } catch (e) {
      // Someone changed the settings meanwhile: read again and recompute (the list is derived, so this is safe).
      if (attempt >= 5 || (e as { code?: string }).code !== "Conflict") throw e;
    }
  }
}

const organisationFrom = (id: string, boardId: BoardId, body: OrganisationBody): Organisation => {
  const [tenantId, ...more] = body.tenantIds.map((t) => t.toLowerCase());
  return {
    id,
    boardId,
    name: body.name,
    kind: body.kind,
    tenantId: tenantId!,
    ...(more.length ? { additionalTenantIds: more } : {}),
    retentionDays: body.retentionDays,
  };
};

export async function addOrganisation(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: OrganisationBody,
  requestKey?: string,
): Promise<OrganisationAdminView> {
  assertAllowed(actor.member, "organisation.manage");
  // "Lägg till" pressed twice adds one organisation.
  return createOnce(deps, {
    boardId,
    keys: [requestKey && `organisation.request.${actor.member.id}.${requestKey}`],
    make: (id) => makeOrganisation(deps, actor, boardId, body, id),
    earlier: async (id) => {
      const made = await deps.storage.organisations.get(boardId, id);
      return made && { made: toOrganisationAdminView(made) };
    },
  });
}

async function makeOrganisation(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  body: OrganisationBody,
  id: string,
): Promise<OrganisationAdminView> {
  const organisation = organisationFrom(id, boardId, body);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "organisationAdded",
    subject: { kind: "organisation", id: organisation.id, name: organisation.name },
  });
  const saved = await deps.storage.organisations.create(organisation);
  await syncAllowedTenants(deps, boardId);
  await deps.storage.boardVersions.bump(boardId);
  return toOrganisationAdminView(saved);
}

export async function editOrganisation(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  organisationId: string,
  body: EditOrganisationBody,
): Promise<OrganisationAdminView> {
  assertAllowed(actor.member, "organisation.manage");
  const current = await deps.storage.organisations.get(boardId, organisationId);
  if (!current) throw new NotFound("The organisation");
  const next = organisationFrom(current.id, boardId, {
    name: body.name ?? current.name,
    kind: body.kind ?? current.kind,
    tenantIds: body.tenantIds ?? tenantsOf(current),
    retentionDays: body.retentionDays ?? current.retentionDays,
  });
  const fields = changedFields({ ...current, tenantIds: tenantsOf(current) }, { ...next, tenantIds: tenantsOf(next) }, [
    "name",
    "kind",
    "tenantIds",
    "retentionDays",
  ]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "organisationChanged",
    subject: { kind: "organisation", id: current.id, name: next.name },
    fields,
  });
  const saved = await deps.storage.organisations.update(next, { expectedEtag: body.etag });
  await syncAllowedTenants(deps, boardId);
  await deps.storage.boardVersions.bump(boardId);
  return toOrganisationAdminView(saved);
}

/** What the "Inställningar" pages show. Any member may read it (names and organisations are on the board anyway); the rights say what they may change. */
export async function readAdminOverview(
  deps: UseCaseDeps,
  defaults: BoardDefaults,
  actor: Actor,
  boardId: BoardId,
): Promise<AdminOverview> {
  assertAllowed(actor.member, "board.read");
  const today = todayOf(deps);
  const [board, snapshot, joinRequests] = await Promise.all([
    loadBoard(deps, boardId),
    deps.storage.loadBoardSnapshot(boardId, today),
    deps.storage.joinRequests.listForBoard(boardId),
  ]);
  const { organisations, members } = snapshot;
  const consents = groupConsentsByParticipant(snapshot.consents);
  const participants = snapshot.participants.filter((p) => !p.leftTeamOn && !p.erasedAt);
  const visible = new Set(
    participants.filter((p) => visibilityFor(p, consents.get(p.id) ?? [], actor.member.organisationId, today)).map((p) => p.id),
  );
  const me = actor.member;
  return {
    board: toBoardAdminView(board, defaults),
    organisations: organisations.map((o) => toOrganisationAdminView({ ...o, etag: o.etag ?? "" })),
    members: members.map((m) => ({
      ...toMemberAdminView({ ...m, etag: m.etag ?? "" }),
      // Codes only to those who may hand them over: the caseload of a colleague is not everyone's business.
      // Codes only of participants the viewer's organisation may see; the others are counted.
      caseManagerFor: participants
        .filter((p) => p.caseManagerId === m.id && visible.has(p.id))
        .map((p) => ({ participantId: p.id, code: p.code })),
      caseManagerForHidden: participants.filter((p) => p.caseManagerId === m.id && !visible.has(p.id)).length,
      may: memberRights(me, m),
    })),
    // Only the requests the viewer may decide: an admin all, a manager those naming their own organisation.
    joinRequests: joinRequests
      .filter((r) => r.state === "pending")
      .map((r) => ({ ...toJoinRequestView(r, organisationsNamedBy(r, organisations)), may: joinRequestRights(me, r, organisations) }))
      .filter((r) => r.may.decline),
    grantable: grantChoices(me, organisations),
    may: boardAdminRights(me),
  };
}
