import { type TransactionAction, odata } from "@azure/data-tables";
import type { BoardId, Enrolment, ParticipantId, Study } from "../domain/types";
import { EntityStore, MAX_BATCH } from "./entity-store";
import { type Stored, boardPartition } from "./entity-support";
import { write } from "./storage-errors";
import { enrolmentKeys, enrolmentMapping, enrolmentPrefix, studyKeys, studyMapping } from "./study-entity";
import type { Tables } from "./table-clients";

export interface StudyRepository {
  get(boardId: BoardId, studyId: string): Promise<Stored<Study> | undefined>;
  listForBoard(boardId: BoardId): Promise<Array<Stored<Study>>>;
  create(study: Study): Promise<Stored<Study>>;
  /** A guarded Replace: Conflict when someone changed the study since it was read. */
  update(study: Study, options: { expectedEtag: string }): Promise<Stored<Study>>;
  getEnrolment(boardId: BoardId, studyId: string, participantId: ParticipantId): Promise<Stored<Enrolment> | undefined>;
  /** Every enrolment of one study (RowKey range), withdrawn ones too. */
  listEnrolments(boardId: BoardId, studyId: string): Promise<Array<Stored<Enrolment>>>;
  /** One participant's enrolments in every study of the board. */
  listForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<Array<Stored<Enrolment>>>;
  /** Without an ETag: the first record of the research consent (AlreadyExists when there is one); with one: a guarded Replace. */
  saveEnrolment(enrolment: Enrolment, options?: { expectedEtag?: string }): Promise<Stored<Enrolment>>;
  /** Erasure: removes the participant's research consents and enrolments in every study, unconditionally. */
  deleteForParticipant(boardId: BoardId, participantId: ParticipantId): Promise<void>;
}

const STUDY_ROWS = { from: "study_", to: "study`" };

export function studyRepository(tables: Tables): StudyRepository {
  const studies = new EntityStore(tables.studies, studyMapping);
  const enrolments = new EntityStore(tables.studies, enrolmentMapping);
  const listForParticipant = (boardId: BoardId, participantId: ParticipantId) =>
    enrolments.list(
      odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${"enrolment_"} and RowKey lt ${"enrolment`"} and participantId eq ${participantId}`,
    );
  return {
    get: async (boardId, studyId) => {
      const k = studyKeys(boardId, studyId);
      return studies.get(k.partitionKey, k.rowKey);
    },
    listForBoard: async (boardId) =>
      studies.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${STUDY_ROWS.from} and RowKey lt ${STUDY_ROWS.to}`),
    create: async (study) => studies.create(study),
    update: async (study, { expectedEtag }) => studies.update(study, "Replace", expectedEtag),
    getEnrolment: async (boardId, studyId, participantId) => {
      const k = enrolmentKeys(boardId, studyId, participantId);
      return enrolments.get(k.partitionKey, k.rowKey);
    },
    listEnrolments: async (boardId, studyId) => {
      const prefix = enrolmentPrefix(studyId);
      // "`" follows "_" in ASCII: the range holds exactly the keys starting with the prefix.
      const end = `${prefix.slice(0, -1)}\``;
      return enrolments.list(odata`PartitionKey eq ${boardPartition(boardId)} and RowKey ge ${prefix} and RowKey lt ${end}`);
    },
    listForParticipant,
    saveEnrolment: async (enrolment, options = {}) =>
      options.expectedEtag === undefined ? enrolments.create(enrolment) : enrolments.update(enrolment, "Replace", options.expectedEtag),
    async deleteForParticipant(boardId, participantId) {
      // One partition per board: the rows go in transactions of up to 100.
      const rows = await listForParticipant(boardId, participantId);
      for (let i = 0; i < rows.length; i += MAX_BATCH) {
        const actions = rows
          .slice(i, i + MAX_BATCH)
          .map((e): TransactionAction => ["delete", enrolmentKeys(e.boardId, e.studyId, e.participantId)]);
        await write("Enrolment", () => tables.studies.submitTransaction(actions));
      }
    },
  };
}
