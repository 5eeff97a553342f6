import type { Actor, Member } from "../domain/types";
import { type FaultPlan, InjectedFault, withFaults } from "../storage/fault-injection";
import { boardEntryKeys, historyKeys } from "../storage/board-entry-entity";
import { closedBoardEntryMapping } from "../storage/board-entry-entity";
import type { Storage } from "../storage";
import { storageOver } from "../storage/table-service";
import type { TableService } from "../storage/table-clients";
import {
  aBoard,
  aMember,
  anAbsence,
  anEntry,
  anOrganisation,
  aParticipant,
  closedFrom,
  createTestStorageWithTables,
} from "../storage/test-support";
import { answerCover, COVER_DUE_KIND } from "./absences";
import { recordConsent } from "./consents";
import type { UseCaseDeps } from "./deps";
import { addAction, putOnBoard, takeOffBoard } from "./entries";
import { SIGNAL_DUE_KIND, raiseSignal } from "./signals";
import { silentNotifier } from "./notification";
import { readHistory } from "./participants";
import { repairBoard } from "./repair";
import { reportWalkthroughEvent, startOrJoinWalkthrough } from "./walkthroughs";

/** The injected fault itself, or the access-log refusal that carries it (an audit write failed). */
function injectedFaultIn(e: unknown): boolean {
  return e instanceof InjectedFault || (e instanceof Error && e.cause instanceof InjectedFault);
}

// Nothing half-done after a crash (issue 14). Every multi-step write is interrupted before each of
// its storage writes in turn (an injected failure stands in for the process dying there); then we
// look at what a reader sees, retry the same request, and check the end state is whole.

const NOW = new Date("2026-03-04T08:00:00.000Z");
const TODAY = "2026-03-04";

let storage: Storage;
let service: TableService;
let plan: FaultPlan;
let n = 0;
const deps = (): UseCaseDeps => ({
  storage,
  clock: () => NOW,
  timeZone: "Europe/Stockholm",
  newId: () => `id${++n}x${Date.now().toString(36)}`,
  notifier: silentNotifier,
});

beforeAll(async () => {
  const made = await createTestStorageWithTables();
  const faulty = withFaults(made.service);
  service = made.service;
  plan = faulty.plan;
  storage = storageOver(faulty.service);
});

afterEach(() => plan.arm(undefined));

interface Board {
  boardId: string;
  participantId: string;
  coordinator: Member;
  substitutes: Member[];
  actor: Actor;
}

async function aBoardWithAParticipant(): Promise<Board> {
  const board = aBoard();
  await storage.boards.create(board);
  await storage.organisations.create(anOrganisation(board.id, { id: "org-region" }));
  await storage.organisations.create(
    anOrganisation(board.id, { id: "org-kommun", tenantId: "tenant-kommun", kind: "municipalSocialServices" }),
  );
  const coordinator = aMember(board.id, { organisationId: "org-region", role: "coordinator" });
  const substitutes = [
    aMember(board.id, { organisationId: "org-region", role: "staff" }),
    aMember(board.id, { organisationId: "org-region", role: "staff" }),
  ];
  for (const m of [coordinator, ...substitutes]) await storage.members.create(m);
  const participant = aParticipant(board.id, { caseManagerId: coordinator.id });
  await storage.participants.create(participant);
  return { boardId: board.id, participantId: participant.id, coordinator, substitutes, actor: { member: coordinator, channel: "tab" } };
}

/**
 * Runs `act` once cleanly to count its writes, then for every write k: a fresh board, a failure
 * injected before write k, `half` to look at what is left, a retry of the very same request, and
 * `whole` on the end state.
 */
async function interruptedAtEveryWrite<T>(
  prepare: () => Promise<Board & T>,
  act: (b: Board & T) => Promise<unknown>,
  checks: { half: (b: Board & T, step: number) => Promise<void>; whole: (b: Board & T) => Promise<void> },
): Promise<number> {
  const clean = await prepare();
  plan.arm(undefined);
  await act(clean);
  const writes = plan.writes;
  await checks.whole(clean);
  expect(writes).toBeGreaterThan(1);
  for (let step = 1; step <= writes; step++) {
    const b = await prepare();
    plan.arm(step);
    await expect(
      act(b).then(
        () => undefined,
        (e: unknown) => injectedFaultIn(e),
      ),
    ).resolves.toBe(true);
    plan.arm(undefined);
    await checks.half(b, step);
    await act(b);
    await checks.whole(b);
  }
  return writes;
}

const version = (boardId: string) => storage.boardVersions.current(boardId);

describe("taking someone off the board, interrupted at every step", () => {
  it("is never both current and closed, and the retry completes it (audit, claim, history, delete, version)", async () => {
    const writes = await interruptedAtEveryWrite(
      async () => {
        const b = await aBoardWithAParticipant();
        await storage.entries.create(anEntry(b.boardId, b.participantId, { writtenBy: "org-region", putOnBy: b.coordinator.id }));
        const entry = (await storage.entries.getCurrent(b.boardId, b.participantId))!;
        return { ...b, etag: entry.etag, entryId: entry.id, before: await version(b.boardId) };
      },
      (b) => takeOffBoard(deps(), b.actor, b.boardId, b.participantId, { etag: b.etag, outcome: "stable" }),
      {
        half: async (b) => {
          const { current, closed } = await storage.entries.settle(b.boardId, b.participantId);
          expect(current !== undefined && closed.some((c) => c.id === current.id)).toBe(false);
          expect(closed.filter((c) => c.id === b.entryId).length).toBeLessThanOrEqual(1);
        },
        whole: async (b) => {
          expect(await storage.entries.getCurrent(b.boardId, b.participantId)).toBeUndefined();
          expect((await storage.entries.history(b.boardId, b.participantId)).map((c) => c.id)).toEqual([b.entryId]);
          expect(await version(b.boardId)).toBeGreaterThan(b.before);
        },
      },
    );
    expect(writes).toBe(5);
  });

  it("completes a move that stopped after the history write when someone opens the history, so it is shown once, as closed", async () => {
    const b = await aBoardWithAParticipant();
    await storage.entries.create(anEntry(b.boardId, b.participantId, { writtenBy: "org-region" }));
    const entry = (await storage.entries.getCurrent(b.boardId, b.participantId))!;
    plan.arm(4); // audit, claim, history: the delete of the current row never happens
    await expect(takeOffBoard(deps(), b.actor, b.boardId, b.participantId, { etag: entry.etag, outcome: "stable" })).rejects.toBeInstanceOf(
      InjectedFault,
    );
    plan.arm(undefined);
    // The raw row is still there…
    const k = boardEntryKeys(b.boardId, b.participantId);
    await expect(service.tables.boardEntries.getEntity(k.partitionKey, k.rowKey)).resolves.toBeDefined();
    // …but the history view completes the move instead of showing it as current and closed.
    const history = await readHistory(deps(), b.actor, b.boardId, b.participantId);
    expect(history.current).toBeUndefined();
    expect(history.closed.map((c) => c.id)).toEqual([entry.id]);
    await expect(service.tables.boardEntries.getEntity(k.partitionKey, k.rowKey)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("withdraws the history row of a take-off that lost to an edit and stopped before withdrawing it (the hourly sweep)", async () => {
    const b = await aBoardWithAParticipant();
    await storage.entries.create(anEntry(b.boardId, b.participantId, { writtenBy: "org-region" }));
    const entry = (await storage.entries.getCurrent(b.boardId, b.participantId))!;
    // The closer claimed and wrote history, an editor saved over the claim, the closer died.
    const k = boardEntryKeys(b.boardId, b.participantId);
    const closed = closedFrom(entry, { takenOffOn: TODAY });
    const { etag: claimed } = await service.tables.boardEntries.updateEntity(
      { ...k, closingTo: historyKeys(closed).rowKey, closingFrom: entry.etag },
      "Merge",
      { etag: entry.etag },
    );
    await service.tables.entryHistory.upsertEntity(closedBoardEntryMapping.toEntity(closed), "Replace");
    await storage.entries.update({ ...entry, priority: "low" }, { expectedEtag: claimed! });
    const before = await version(b.boardId);

    expect(await repairBoard(deps(), b.boardId)).toBe(1);
    expect((await storage.entries.getCurrent(b.boardId, b.participantId))?.priority).toBe("low");
    expect(await storage.entries.history(b.boardId, b.participantId)).toEqual([]);
    expect(await version(b.boardId)).toBeGreaterThan(before);
    expect(await repairBoard(deps(), b.boardId)).toBe(0);
  });

  it("lets a retry with the same version resume a take-off interrupted right after its claim", async () => {
    const b = await aBoardWithAParticipant();
    await storage.entries.create(anEntry(b.boardId, b.participantId, { writtenBy: "org-region" }));
    const entry = (await storage.entries.getCurrent(b.boardId, b.participantId))!;
    plan.arm(3); // audit, claim: the history write never happens
    await expect(
      takeOffBoard(deps(), b.actor, b.boardId, b.participantId, { etag: entry.etag, outcome: "transferred" }),
    ).rejects.toBeInstanceOf(InjectedFault);
    plan.arm(undefined);
    // Still on the board, unchanged, for everyone else.
    expect((await storage.entries.getCurrent(b.boardId, b.participantId))?.id).toBe(entry.id);
    const closed = await takeOffBoard(deps(), b.actor, b.boardId, b.participantId, { etag: entry.etag, outcome: "transferred" });
    expect(closed.outcome).toBe("transferred");
  });
});

describe("putting someone on the board, interrupted at every step", () => {
  it("leaves either nothing or the entry, and the retry answers with the one entry (audit, create, version)", async () => {
    await interruptedAtEveryWrite(
      async () => {
        const b = await aBoardWithAParticipant();
        return { ...b, before: await version(b.boardId) };
      },
      (b) =>
        putOnBoard(deps(), b.actor, b.boardId, {
          participantId: b.participantId,
          reason: "crisis",
          priority: "high",
          nextEvaluationOn: "2026-03-11",
        }),
      {
        half: async (b) => {
          const entries = await storage.entries.listCurrent(b.boardId);
          expect(entries.length).toBeLessThanOrEqual(1);
        },
        whole: async (b) => {
          expect((await storage.entries.listCurrent(b.boardId)).map((e) => e.participantId)).toEqual([b.participantId]);
          expect(await version(b.boardId)).toBeGreaterThan(b.before);
        },
      },
    );
  });
});

describe("recording a consent, interrupted at every step", () => {
  it("saves it once, and the retry finishes the version bump (audit, consent, version)", async () => {
    await interruptedAtEveryWrite(
      async () => {
        const b = await aBoardWithAParticipant();
        return { ...b, before: await version(b.boardId) };
      },
      (b) =>
        recordConsent(deps(), b.actor, b.boardId, b.participantId, "org-region", {
          status: "given",
          receivingOrganisationIds: ["org-kommun"],
          givenOn: "2026-03-01",
          validUntil: "2027-03-01",
        }),
      {
        half: async (b) => {
          expect((await storage.consents.listForParticipant(b.boardId, b.participantId)).length).toBeLessThanOrEqual(1);
        },
        whole: async (b) => {
          const consents = await storage.consents.listForParticipant(b.boardId, b.participantId);
          expect(consents.map((c) => [c.disclosingOrganisationId, c.status])).toEqual([["org-region", "given"]]);
          expect(await version(b.boardId)).toBeGreaterThan(b.before);
          const logged = await storage.audit.listForParticipant(b.boardId, b.participantId, { fromMonth: "2026-03", toMonth: "2026-03" });
          expect(logged.some((e) => e.what === "consentRecorded")).toBe(true);
        },
      },
    );
  });
});

/** A board whose participant is on it, with today's walkthrough running. */
async function aRunningWalkthrough() {
  const b = await aBoardWithAParticipant();
  await storage.entries.create(anEntry(b.boardId, b.participantId));
  await startOrJoinWalkthrough(deps(), b.actor, b.boardId);
  const etag = (await storage.entries.getCurrent(b.boardId, b.participantId))!.etag!;
  return { ...b, etag, before: await version(b.boardId) };
}

const agreeAnAction = (b: Board & { etag: string; before: number }) =>
  addAction(deps(), b.actor, b.boardId, b.participantId, {
    etag: b.etag,
    id: "agreedaction1",
    what: "Ringa boendestödet",
    responsibleId: b.coordinator.id,
    byWhen: TODAY,
  });

describe("an action agreed during a walkthrough, interrupted at every step", () => {
  it("is counted once, and the retry finishes what was left (entry, walkthrough's count, version)", async () => {
    await interruptedAtEveryWrite(aRunningWalkthrough, agreeAnAction, {
      half: async (b) => {
        // Counted only once the action is there: never an action counted that the entry lacks.
        const [entry, w] = await Promise.all([
          storage.entries.getCurrent(b.boardId, b.participantId),
          storage.walkthroughs.get(b.boardId, TODAY, "all"),
        ]);
        const counted = w!.agreedActionIds.length > 0;
        expect(counted && !entry!.actions.some((a) => a.id === "agreedaction1")).toBe(false);
      },
      whole: async (b) => {
        const entry = await storage.entries.getCurrent(b.boardId, b.participantId);
        expect(entry!.actions.filter((a) => a.id === "agreedaction1")).toHaveLength(1);
        expect((await storage.walkthroughs.get(b.boardId, TODAY, "all"))!.agreedActionIds).toEqual(["agreedaction1"]);
        expect(await version(b.boardId)).toBeGreaterThan(b.before);
      },
    });
  });
});

describe("recording the check-in, interrupted at every step", () => {
  it("keeps the one check-in of the meeting, and the retry of the walkthrough's end finishes it (walkthrough, check-in, version)", async () => {
    await interruptedAtEveryWrite(
      async () => {
        const b = await aRunningWalkthrough();
        await agreeAnAction(b);
        return { ...b, before: await version(b.boardId) };
      },
      (b) => reportWalkthroughEvent(deps(), b.actor, b.boardId, { type: "end" }),
      {
        half: async () => undefined,
        whole: async (b) => {
          expect(await storage.checkIns.get(b.boardId, TODAY, "all")).toMatchObject({ meetingId: "all", actionsAgreed: 1 });
          expect(await version(b.boardId)).toBeGreaterThan(b.before);
        },
      },
    );
  });
});

describe("a cover request moving on, interrupted at every step", () => {
  const timeoutsFor = async (boardId: string, absenceId: string, askedIndex: number) =>
    (await storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 1000)).filter(
      (d) => d.kind === COVER_DUE_KIND && d.id === `${boardId}.${absenceId}.${askedIndex}`,
    );

  it("always ends with the next substitute asked and their timeout scheduled (absence, timeout, version)", async () => {
    await interruptedAtEveryWrite(
      async () => {
        const b = await aBoardWithAParticipant();
        const absence = anAbsence(b.boardId, b.coordinator.id, {
          from: TODAY,
          to: "2026-03-06",
          cover: {
            state: "requesting",
            candidateIds: b.substitutes.map((s) => s.id),
            askedIndex: 0,
            askedAt: NOW.toISOString(),
            answerBy: "2026-03-04T10:00:00.000Z",
            declinedBy: [],
            managerAlerted: false,
          },
        });
        const saved = await storage.absences.create(absence);
        return { ...b, absenceId: saved.id, etag: saved.etag!, before: await version(b.boardId) };
      },
      (b) =>
        answerCover(deps(), { member: b.substitutes[0]!, channel: "tab" }, b.boardId, b.absenceId, { etag: b.etag, answer: "decline" }),
      {
        half: async (b) => {
          // Whatever was left, the sweep gives a waiting request its timeout.
          await repairBoard(deps(), b.boardId);
          const absence = (await storage.absences.get(b.boardId, b.absenceId))!;
          expect(await timeoutsFor(b.boardId, b.absenceId, absence.cover.askedIndex)).toHaveLength(1);
        },
        whole: async (b) => {
          const absence = (await storage.absences.get(b.boardId, b.absenceId))!;
          expect([absence.cover.state, absence.cover.askedIndex]).toEqual(["requesting", 1]);
          expect(await timeoutsFor(b.boardId, b.absenceId, 1)).toHaveLength(1);
          expect(await version(b.boardId)).toBeGreaterThan(b.before);
        },
      },
    );
  });
});

describe("raising a signal, interrupted at every step", () => {
  it("always ends with the signal raised once and its follow-up scheduled (audit, signal, follow-up, version)", async () => {
    const followUps = async (boardId: string) =>
      (await storage.dueItems.listDue("2099-01-01T00:00:00.000Z", 1000)).filter(
        (d) => d.kind === SIGNAL_DUE_KIND && d.payload["boardId"] === boardId,
      );
    const b = await aBoardWithAParticipant();
    // The receiving organisation may read what the region writes: a consent from the region.
    await storage.consents.save({
      boardId: b.boardId,
      participantId: b.participantId,
      disclosingOrganisationId: "org-region",
      receivingOrganisationIds: ["org-kommun"],
      basis: "consent",
      status: "given",
      givenOn: "2026-03-01",
      validUntil: "2027-03-01",
      recordedBy: b.coordinator.id,
      recordedAt: NOW.toISOString(),
    });
    for (let step = 1; ; step++) {
      plan.arm(step);
      const raised = raiseSignal(deps(), b.actor, b.boardId, {
        participantId: b.participantId,
        toOrganisationId: "org-kommun",
        kind: "concern",
        urgency: "today",
        note: "Orolig",
        proposeBoard: false,
      });
      const failed = await raised.then(
        () => false,
        (e: unknown) => {
          if (!injectedFaultIn(e)) throw e;
          return true;
        },
      );
      plan.arm(undefined);
      await repairBoard(deps(), b.boardId);
      const open = await storage.signals.listOpen(b.boardId);
      // Every open signal has its follow-up, whatever step the raise stopped at.
      expect((await followUps(b.boardId)).map((d) => d.payload["signalId"]).sort()).toEqual(open.map((e) => e.id).sort());
      if (!failed) {
        // It got through at last: it had writes to interrupt, and the signal is there.
        expect(step).toBeGreaterThan(3);
        expect(open.length).toBeGreaterThanOrEqual(1);
        break;
      }
    }
  });
});
