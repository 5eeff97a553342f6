import { randomBytes } from "node:crypto";
import { Role } from "@fact-board/contract";
import { z } from "zod";
import type { AdminAuditEvent, AdminAuditWhat, BoardId } from "../domain/types";
import { type Mapping, boardPartition, entity, jsonColumn, parseStored, storedInstant, toJson } from "./entity-support";

// AdminAudit: PartitionKey boardId, RowKey `${invertedTime}_${random}`: newest first, append-only.
// Admin changes are few (tens a week), so one partition per board stays small.

const TIME_CEILING = 8_640_000_000_000_000;
const inverted = (ms: number): string => String(TIME_CEILING - ms).padStart(16, "0");

export const adminAuditKeys = (e: AdminAuditEvent) => ({
  partitionKey: boardPartition(e.boardId),
  rowKey: `${inverted(Date.parse(e.at))}_${randomBytes(6).toString("hex")}`,
});

const What: z.ZodType<AdminAuditWhat> = z.enum([
  "boardCreated",
  "boardSettingsChanged",
  "organisationAdded",
  "organisationChanged",
  "memberAdded",
  "memberChanged",
  "memberLeft",
  "joinRequested",
  "joinApproved",
  "joinDeclined",
  "participantRegistered",
  "participantChanged",
  "participantsImported",
  "participantImported",
  "roleGrantRefused",
  "leadOrganisationChanged",
  "boardAboutChanged",
  "studyRegistered",
  "studyChanged",
  "researchConsentRecorded",
  "participantEnrolled",
  "participantWithdrawnFromStudy",
  "studyExported",
  "studyExportRefused",
]);

const AdminAuditEntity = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  at: storedInstant,
  actorMemberId: z.string(),
  actorName: z.string(),
  actorOrganisationId: z.string(),
  actorRole: Role,
  what: What,
  subjectKind: z.enum(["board", "organisation", "member", "participant", "study"]),
  subjectId: z.string(),
  subjectName: z.string().optional(),
  fields: jsonColumn(z.array(z.string())).optional(),
  detail: z.string().optional(),
});

export const adminAuditMapping: Mapping<AdminAuditEvent> = {
  table: "AdminAudit",
  what: "Admin audit event",
  toEntity: (e) =>
    entity(adminAuditKeys(e), {
      at: e.at,
      actorMemberId: e.actor.memberId,
      actorName: e.actor.displayName,
      actorOrganisationId: e.actor.organisationId,
      actorRole: e.actor.role,
      what: e.what,
      subjectKind: e.subject.kind,
      subjectId: e.subject.id,
      subjectName: e.subject.name,
      fields: e.fields ? toJson(e.fields, "Fields") : undefined,
      detail: e.detail,
    }),
  fromEntity: (raw) => {
    const e = parseStored(AdminAuditEntity, "AdminAudit", raw);
    return {
      boardId: e.partitionKey as BoardId,
      at: e.at,
      actor: { memberId: e.actorMemberId, displayName: e.actorName, organisationId: e.actorOrganisationId, role: e.actorRole },
      what: e.what,
      subject: { kind: e.subjectKind, id: e.subjectId, ...(e.subjectName ? { name: e.subjectName } : {}) },
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.detail ? { detail: e.detail } : {}),
      etag: e.etag,
    };
  },
};
