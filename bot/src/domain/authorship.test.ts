import { assertMayChange, authorshipTable, mayChange, type Change } from "./authorship";
import {
  addAction,
  closeOnLeavingTeam,
  editEntry,
  hasReviewedOn,
  lastReviewReadable,
  markReviewed,
  outcomeWriterOf,
  priorityWriterOf,
  putOnBoard,
  removeAction,
  setActionDone,
  takeOffBoard,
} from "./board";
import { addDays } from "./dates";
import { Forbidden, NotYourOrganisationsText } from "./errors";
import type { BoardEntry, Member, Participant } from "./types";

// Who wrote it is who owns it: the table, and the board rules that follow it. No storage.

const REGION = "org-region";
const NORTH = "org-north";
const TODAY = "2026-03-10";
const NOW = "2026-03-10T07:45:00.000Z";

const member = (id: string, organisationId: string): Member => ({
  id,
  boardId: "b",
  tenantId: id.split(".")[0]!,
  objectId: id.split(".")[1]!,
  displayName: id,
  organisationId,
  role: "coordinator",
  substituteIds: [],
});
const regionCoordinator = member("t-region.rc", REGION);
const northCoordinator = member("t-north.nc", NORTH);

const participant: Participant = {
  id: "p1",
  boardId: "b",
  code: "HBG-017",
  initials: "A.B.",
  caseManagerId: regionCoordinator.id,
  writtenBy: REGION,
  organisationIds: [REGION, NORTH],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: false,
  createdAt: "2026-01-05T08:00:00.000Z",
};

/** The region's entry with one region action on it. */
function regionsEntry(): BoardEntry {
  const { entry } = putOnBoard(
    participant,
    undefined,
    regionCoordinator,
    { entryId: "e1", reason: "crisis", reasonNote: "Sover dåligt", priority: "high", nextEvaluationOn: addDays(TODAY, 7) },
    TODAY,
    NOW,
  );
  return addAction(entry, regionCoordinator, { id: "a1", what: "Hembesök", responsibleId: northCoordinator.id, byWhen: TODAY }, NOW);
}

describe("the authorship table", () => {
  it("has a rule for every change people can make", () => {
    const changes: Change[] = [
      "participant.create",
      "entry.putOn",
      "entry.sharedFields",
      "entry.steer",
      "entry.takeOff",
      "participant.plans",
      "participant.leave",
      "action.add",
      "action.markDone",
      "entry.review",
      "sinceLast.write",
      "participant.raiseToday",
      "contact.write",
      "intervention.add",
      "intervention.change",
      "participant.goal",
      "signal.raise",
      "signal.answer",
      "consent.record",
      "absence.forColleague",
      "cover.answer",
    ];
    expect(Object.keys(authorshipTable).sort()).toEqual([...changes].sort());
  });

  it("lets the organisation that put the entry on the board own its shared fields", () => {
    expect(authorshipTable["entry.sharedFields"]).toMatchObject({ owner: "entryWriter", byAnother: "refused" });
    expect(authorshipTable["entry.sharedFields"].what).toMatch(/reason and reason note/);
    expect(authorshipTable["entry.steer"]).toMatchObject({ owner: "entryWriter", byAnother: "refused", byLead: "ownItem" });
    expect(authorshipTable["entry.steer"].what).toMatch(/priority and next evaluation/);
    expect(mayChange("entry.sharedFields", REGION, REGION)).toBe(true);
    expect(mayChange("entry.sharedFields", NORTH, REGION)).toBe(false);
  });

  it("lets the board's lead organisation steer and take off what another put on, and nothing else (issue 24)", () => {
    // The region is the lead: the municipality's entry.
    expect(mayChange("entry.steer", REGION, NORTH, REGION)).toBe(true);
    expect(mayChange("entry.takeOff", REGION, NORTH, REGION)).toBe(true);
    expect(mayChange("entry.sharedFields", REGION, NORTH, REGION)).toBe(false);
    // A partner is not the lead: still refused, with what to do instead.
    expect(mayChange("entry.steer", NORTH, REGION, REGION)).toBe(false);
    expect(() => assertMayChange("entry.takeOff", NORTH, REGION, REGION)).toThrow(/Raise a signal to that organisation proposing it/);
    // Only the rules that say so: the lead records no consent and answers no signal for another.
    for (const [change, rule] of Object.entries(authorshipTable) as Array<[Change, (typeof authorshipTable)[Change]]>)
      if (rule.byAnother === "refused" && rule.byLead !== "ownItem") expect(mayChange(change, REGION, NORTH, REGION)).toBe(false);
    expect(
      Object.entries(authorshipTable)
        .filter(([, r]) => r.byLead === "ownItem")
        .map(([c]) => c),
    ).toEqual(["entry.steer", "entry.takeOff"]);
  });

  it("makes a base record, an entry put on the board, an action, a review and a signal the own item of whoever writes it", () => {
    for (const change of ["participant.create", "entry.putOn", "action.add", "entry.review", "signal.raise"] as const) {
      expect(authorshipTable[change]).toMatchObject({ owner: "actor", byAnother: "ownItem" });
      expect(mayChange(change, NORTH, REGION)).toBe(true);
    }
  });

  it("refuses every other change to another organisation's thing, and says what to do instead", () => {
    for (const [change, rule] of Object.entries(authorshipTable) as Array<[Change, (typeof authorshipTable)[Change]]>) {
      if (rule.byAnother === "ownItem") continue;
      expect(rule.instead).toBeTruthy();
      expect(() => assertMayChange(change, NORTH, REGION)).toThrow(NotYourOrganisationsText);
      expect(() => assertMayChange(change, REGION, REGION)).not.toThrow();
    }
  });

  it("refuses as a Forbidden that names the rule, with no personal data in the message", () => {
    const error = (() => {
      try {
        assertMayChange("action.markDone", NORTH, REGION);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ code: "Forbidden", reason: "NotYourOrganisationsText" });
    expect((error as Error).message).toMatch(/another organisation/);
    expect((error as Error).message).not.toMatch(/org-|HBG/);
  });
});

describe("the board rules follow the table", () => {
  it("refuses the municipality's edit of the region's reason note, priority or next evaluation", () => {
    for (const edit of [
      { reasonNote: "Kommunens text" },
      { reasonNote: null },
      { priority: "low" as const },
      { nextEvaluationOn: addDays(TODAY, 2) },
      { reason: "relapseRisk" as const },
    ]) {
      expect(() => editEntry(regionsEntry(), northCoordinator, edit, TODAY, NOW)).toThrow(NotYourOrganisationsText);
    }
  });

  it("lets the region edit its own entry", () => {
    expect(editEntry(regionsEntry(), regionCoordinator, { reasonNote: "Bättre" }, TODAY, NOW).reasonNote).toBe("Bättre");
  });

  it("puts the region's participant on the board as the municipality's own entry when the municipality does it", () => {
    const { entry } = putOnBoard(
      participant,
      undefined,
      northCoordinator,
      { entryId: "e2", reason: "coordinationNeed", reasonNote: "Kommunens skäl", priority: "medium", nextEvaluationOn: TODAY },
      TODAY,
      NOW,
    );
    expect(entry.writtenBy).toBe(NORTH);
    expect(() => editEntry(entry, regionCoordinator, { reasonNote: "Regionens text" }, TODAY, NOW)).toThrow(NotYourOrganisationsText);
  });

  it("records the municipality's action as the municipality's own", () => {
    const next = addAction(
      regionsEntry(),
      northCoordinator,
      { id: "a2", what: "Ringa boendestödet", responsibleId: northCoordinator.id, byWhen: TODAY },
      NOW,
    );
    expect(next.actions.find((a) => a.id === "a2")?.writtenBy).toBe(NORTH);
    expect(next.writtenBy).toBe(REGION);
  });

  it("refuses the municipality marking the region's action done, even when a municipal member is responsible", () => {
    expect(() => setActionDone(regionsEntry(), northCoordinator, "a1", true, NOW)).toThrow(NotYourOrganisationsText);
    expect(() => removeAction(regionsEntry(), northCoordinator, "a1", NOW)).toThrow(NotYourOrganisationsText);
  });

  it("lets the municipality mark its own action on the region's entry done", () => {
    const withNorth = addAction(
      regionsEntry(),
      northCoordinator,
      { id: "a2", what: "Ringa", responsibleId: northCoordinator.id, byWhen: TODAY },
      NOW,
    );
    expect(setActionDone(withNorth, northCoordinator, "a2", true, NOW).actions.find((a) => a.id === "a2")?.done).toBe(true);
  });

  it("refuses the municipality taking the region's entry off the board", () => {
    expect(() =>
      takeOffBoard(participant, regionsEntry(), northCoordinator, { outcome: "stable", note: "Kommunens bedömning" }, TODAY, NOW),
    ).toThrow(NotYourOrganisationsText);
  });

  it("lets only the base record's writer close the entry when the participant leaves the team, with no note", () => {
    expect(() => closeOnLeavingTeam(participant, regionsEntry(), northCoordinator, TODAY, NOW)).toThrow(NotYourOrganisationsText);
    const { closed } = closeOnLeavingTeam(participant, regionsEntry(), regionCoordinator, TODAY, NOW);
    expect(closed.outcome).toBe("leftFact");
    expect(closed).not.toHaveProperty("outcomeNote");
  });
});

describe("the lead organisation steers the board (issue 24)", () => {
  const LEAD = REGION;
  /** The municipality's entry, with its own reason note. */
  const northsEntry = (): BoardEntry =>
    putOnBoard(
      participant,
      undefined,
      northCoordinator,
      { entryId: "e3", reason: "coordinationNeed", reasonNote: "Kommunens skäl", priority: "low", nextEvaluationOn: addDays(TODAY, 7) },
      TODAY,
      NOW,
    ).entry;

  it("re-prioritises the municipality's entry as the lead's own item, the reason note staying the municipality's", () => {
    const steered = editEntry(
      northsEntry(),
      regionCoordinator,
      { priority: "high", nextEvaluationOn: addDays(TODAY, 1) },
      TODAY,
      NOW,
      LEAD,
    );
    expect(steered).toMatchObject({
      writtenBy: NORTH,
      reasonNote: "Kommunens skäl",
      priority: "high",
      priorityWrittenBy: REGION,
      nextEvaluationOn: addDays(TODAY, 1),
      nextEvaluationWrittenBy: REGION,
    });
    expect(priorityWriterOf(steered)).toBe(REGION);
    // The putting-on organisation changing it back makes the value its own again.
    const back = editEntry(steered, northCoordinator, { priority: "medium" }, TODAY, NOW, LEAD);
    expect(back).not.toHaveProperty("priorityWrittenBy");
    expect(back.nextEvaluationWrittenBy).toBe(REGION);
  });

  it("refuses the lead changing the municipality's reason or reason note", () => {
    expect(() => editEntry(northsEntry(), regionCoordinator, { reasonNote: "Regionens text" }, TODAY, NOW, LEAD)).toThrow(
      NotYourOrganisationsText,
    );
    expect(() => editEntry(northsEntry(), regionCoordinator, { priority: "high", reason: "crisis" }, TODAY, NOW, LEAD)).toThrow(
      NotYourOrganisationsText,
    );
  });

  it("refuses the same change without a lead organisation on the board", () => {
    expect(() => editEntry(northsEntry(), regionCoordinator, { priority: "high" }, TODAY, NOW)).toThrow(NotYourOrganisationsText);
    expect(() => takeOffBoard(participant, northsEntry(), regionCoordinator, { outcome: "stable" }, TODAY, NOW)).toThrow(
      NotYourOrganisationsText,
    );
  });

  it("takes the municipality's entry off with the lead's own outcome and note", () => {
    const { closed } = takeOffBoard(participant, northsEntry(), regionCoordinator, { outcome: "stable", note: "Stabil" }, TODAY, NOW, LEAD);
    expect(closed).toMatchObject({ writtenBy: NORTH, reasonNote: "Kommunens skäl", takenOffByOrganisation: REGION, outcomeNote: "Stabil" });
    expect(outcomeWriterOf(closed)).toBe(REGION);
    // Its own entry taken off by the writer names no other organisation.
    const own = takeOffBoard(participant, regionsEntry(), regionCoordinator, { outcome: "stable" }, TODAY, NOW, LEAD).closed;
    expect(own).not.toHaveProperty("takenOffByOrganisation");
    expect(outcomeWriterOf(own)).toBe(REGION);
  });
});

describe("reviews are kept per organisation", () => {
  it("records the municipality's review as its own, beside the region's", () => {
    const reviewedByRegion = markReviewed(regionsEntry(), regionCoordinator, addDays(TODAY, -1), NOW);
    const both = markReviewed(reviewedByRegion, northCoordinator, TODAY, NOW);
    expect(both.reviews).toEqual([
      { organisationId: REGION, on: addDays(TODAY, -1), by: regionCoordinator.id },
      { organisationId: NORTH, on: TODAY, by: northCoordinator.id },
    ]);
  });

  it("shows a viewer only the latest review by an organisation they may read", () => {
    const both = markReviewed(markReviewed(regionsEntry(), regionCoordinator, addDays(TODAY, -1), NOW), northCoordinator, TODAY, NOW);
    expect(lastReviewReadable(both, (org) => org === REGION)).toEqual({
      organisationId: REGION,
      on: addDays(TODAY, -1),
      by: regionCoordinator.id,
    });
    expect(lastReviewReadable(both, () => true)?.organisationId).toBe(NORTH);
    expect(lastReviewReadable(both, () => false)).toBeUndefined();
  });

  it("counts reviewing twice on one day as one review per organisation", () => {
    const once = markReviewed(regionsEntry(), regionCoordinator, TODAY, NOW);
    expect(markReviewed(once, regionCoordinator, TODAY, NOW)).toBe(once);
    expect(hasReviewedOn(once, REGION, TODAY)).toBe(true);
    expect(hasReviewedOn(once, NORTH, TODAY)).toBe(false);
  });

  it("replaces an organisation's older review with its new one", () => {
    const next = markReviewed(markReviewed(regionsEntry(), regionCoordinator, addDays(TODAY, -1), NOW), regionCoordinator, TODAY, NOW);
    expect(next.reviews).toEqual([{ organisationId: REGION, on: TODAY, by: regionCoordinator.id }]);
  });
});
