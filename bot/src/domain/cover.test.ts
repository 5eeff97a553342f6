import { CoverState } from "@fact-board/contract";
import {
  COVER_ANSWER_HOURS,
  absentDuring,
  askedSubstitute,
  canApplyCoverEvent,
  isAbsentOn,
  registerAbsence,
  standInFor,
  transitionCover,
  type CoverEvent,
  type RegisterAbsence,
} from "./cover";
import { Forbidden, Invalid, InvalidTransition } from "./errors";
import type { Absence, Member } from "./types";

const PSYCHIATRY = "org-psychiatry";
const SOCIAL_SERVICES = "org-social-services";
const TODAY = "2026-03-10";
const NOW = "2026-03-10T07:00:00.000Z";
const LATER = "2026-03-10T09:30:00.000Z";

function member(name: string, organisationId: string, substituteIds: string[] = []): Member {
  return {
    id: `tenant.${name}`,
    boardId: "board-1",
    tenantId: "tenant",
    objectId: name,
    displayName: name,
    organisationId,
    role: "staff",
    substituteIds,
  };
}

const bertil = member("bertil", PSYCHIATRY);
const cecilia = member("cecilia", PSYCHIATRY);
const erik = member("erik", PSYCHIATRY);
const socialWorker = member("sara", SOCIAL_SERVICES);
// Anna's substitutes in order, all of her own organisation (Sara of social services is paired with her in the cross-organisation tests).
const anna = member("anna", PSYCHIATRY, [bertil.id, cecilia.id, erik.id]);
const manager = { ...member("maria", PSYCHIATRY), role: "manager" as const };
const members = [anna, bertil, cecilia, erik, socialWorker, manager];

function annaAway(overrides: Partial<RegisterAbsence> = {}): RegisterAbsence {
  return { id: "abs-anna", member: anna, from: "2026-03-11", to: "2026-03-13", reason: "sick", registeredBy: anna, ...overrides };
}

/** An absence already registered (and not cancelled) for someone. */
function existingAbsence(who: Member, from: string, to: string, state: Absence["cover"]["state"] = "uncovered"): Absence {
  return {
    id: `abs-${who.objectId}-${from}`,
    boardId: "board-1",
    memberId: who.id,
    organisationId: who.organisationId,
    from,
    to,
    reason: "vacation",
    registeredBy: who.id,
    registeredAt: "2026-03-01T08:00:00.000Z",
    cover: { state, candidateIds: [], askedIndex: 0, declinedBy: [], managerAlerted: false },
  };
}

const noOneAway = new Set<string>();

describe("registering an absence and asking for cover", () => {
  it("asks the first substitute, with an answer deadline", () => {
    const absence = registerAbsence(annaAway(), members, [], TODAY, NOW);
    expect(absence.cover.state).toBe("requesting");
    expect(askedSubstitute(absence.cover)).toBe(bertil.id);
    expect(absence.cover.askedAt).toBe(NOW);
    expect(absence.cover.answerBy).toBe(new Date(Date.parse(NOW) + COVER_ANSWER_HOURS * 3_600_000).toISOString());
  });

  it("asks a substitute from another organisation an admin paired, in their order (consent then decides what they cover)", () => {
    const paired = { ...anna, substituteIds: [socialWorker.id, bertil.id] };
    const absence = registerAbsence(annaAway({ member: paired }), members, [], TODAY, NOW);
    expect(absence.cover.candidateIds).toEqual([socialWorker.id, bertil.id]);
    expect(askedSubstitute(absence.cover)).toBe(socialWorker.id);
  });

  it("never asks someone who has left the board", () => {
    const gone = { ...cecilia, leftAt: "2026-03-01T08:00:00.000Z" };
    const absence = registerAbsence(annaAway(), [anna, bertil, gone, erik], [], TODAY, NOW);
    expect(absence.cover.candidateIds).toEqual([bertil.id, erik.id]);
  });

  it("skips a substitute who is away on overlapping dates", () => {
    const bertilAway = existingAbsence(bertil, "2026-03-13", "2026-03-20");
    expect(askedSubstitute(registerAbsence(annaAway(), members, [bertilAway], TODAY, NOW).cover)).toBe(cecilia.id);
  });

  it("asks a substitute whose own absence ends before this one starts", () => {
    const bertilAwayEarlier = existingAbsence(bertil, "2026-03-05", "2026-03-10");
    expect(askedSubstitute(registerAbsence(annaAway(), members, [bertilAwayEarlier], TODAY, NOW).cover)).toBe(bertil.id);
  });

  it("asks a substitute whose own absence was cancelled", () => {
    const cancelled = existingAbsence(bertil, "2026-03-11", "2026-03-11", "cancelled");
    expect(askedSubstitute(registerAbsence(annaAway(), members, [cancelled], TODAY, NOW).cover)).toBe(bertil.id);
  });

  it("is uncovered at once when every substitute is away", () => {
    const away = [bertil, cecilia, erik].map((m) => existingAbsence(m, "2026-03-01", "2026-03-31"));
    const absence = registerAbsence(annaAway(), members, away, TODAY, NOW);
    expect(absence.cover.state).toBe("uncovered");
    expect(askedSubstitute(absence.cover)).toBeUndefined();
    expect(absence.cover).not.toHaveProperty("answerBy");
  });

  it("is uncovered at once for a member without substitutes", () => {
    expect(registerAbsence(annaAway({ member: bertil, registeredBy: bertil }), members, [], TODAY, NOW).cover.state).toBe("uncovered");
  });

  it("refuses an absence overlapping one the same member already has", () => {
    const already = existingAbsence(anna, "2026-03-13", "2026-03-15");
    expect(() => registerAbsence(annaAway(), members, [already], TODAY, NOW)).toThrow(Invalid);
  });

  it("accepts an absence right after one the same member already has", () => {
    const already = existingAbsence(anna, "2026-03-09", "2026-03-10");
    expect(() => registerAbsence(annaAway(), members, [already], TODAY, NOW)).not.toThrow();
  });

  it("accepts an absence over the days of a cancelled one", () => {
    const cancelled = existingAbsence(anna, "2026-03-11", "2026-03-13", "cancelled");
    expect(() => registerAbsence(annaAway(), members, [cancelled], TODAY, NOW)).not.toThrow();
  });

  it("refuses an absence that ends before it starts", () => {
    expect(() => registerAbsence(annaAway({ from: "2026-03-13", to: "2026-03-11" }), members, [], TODAY, NOW)).toThrow(Invalid);
  });

  it("refuses an absence that is already over", () => {
    expect(() => registerAbsence(annaAway({ from: "2026-03-02", to: "2026-03-09" }), members, [], TODAY, NOW)).toThrow(Invalid);
  });

  it("never asks the absent member to cover for themself", () => {
    const selfListed = { ...anna, substituteIds: [anna.id, bertil.id] };
    expect(registerAbsence(annaAway({ member: selfListed }), members, [], TODAY, NOW).cover.candidateIds).toEqual([bertil.id]);
  });
});

describe("answering a cover request", () => {
  const requested = () => registerAbsence(annaAway(), members, [], TODAY, NOW);

  it("is covered by the asked substitute when they accept", () => {
    const covered = transitionCover(requested(), { type: "accept", by: bertil.id, at: LATER }, noOneAway);
    expect(covered.cover.state).toBe("covered");
    expect(covered.cover.coveredBy).toBe(bertil.id);
    expect(covered.cover).not.toHaveProperty("answerBy");
  });

  it.each(["accept", "decline"] as const)("forbids anyone but the asked substitute to %s", (type) => {
    for (const by of [cecilia.id, anna.id, manager.id, socialWorker.id]) {
      expect(() => transitionCover(requested(), { type, by, at: LATER }, noOneAway)).toThrow(Forbidden);
    }
  });

  it("asks the next substitute when the asked one declines", () => {
    const next = transitionCover(requested(), { type: "decline", by: bertil.id, at: LATER }, noOneAway);
    expect(next.cover.state).toBe("requesting");
    expect(askedSubstitute(next.cover)).toBe(cecilia.id);
    expect(next.cover.declinedBy).toEqual([bertil.id]);
    expect(next.cover.askedAt).toBe(LATER);
  });

  it("asks the next substitute when the asked one does not answer in time", () => {
    const next = transitionCover(requested(), { type: "timeout", at: LATER }, noOneAway);
    expect(askedSubstitute(next.cover)).toBe(cecilia.id);
    expect(next.cover.declinedBy).toEqual([]);
  });

  it("skips a next substitute who has since become absent", () => {
    const next = transitionCover(requested(), { type: "decline", by: bertil.id, at: LATER }, new Set([cecilia.id]));
    expect(askedSubstitute(next.cover)).toBe(erik.id);
  });

  it("lets the substitute asked later accept, but no longer the first one", () => {
    const next = transitionCover(requested(), { type: "timeout", at: LATER }, noOneAway);
    expect(() => transitionCover(next, { type: "accept", by: bertil.id, at: LATER }, noOneAway)).toThrow(Forbidden);
    expect(transitionCover(next, { type: "accept", by: cecilia.id, at: LATER }, noOneAway).cover.coveredBy).toBe(cecilia.id);
  });

  it("is uncovered when nobody is left to ask, so the manager can be alerted", () => {
    let absence = requested();
    absence = transitionCover(absence, { type: "decline", by: bertil.id, at: LATER }, noOneAway);
    absence = transitionCover(absence, { type: "timeout", at: LATER }, noOneAway);
    absence = transitionCover(absence, { type: "decline", by: erik.id, at: LATER }, noOneAway);
    expect(absence.cover.state).toBe("uncovered");
    expect(absence.cover.declinedBy).toEqual([bertil.id, erik.id]);
    expect(askedSubstitute(absence.cover)).toBeUndefined();
    expect(absence.cover.managerAlerted).toBe(false);

    const alerted = transitionCover(absence, { type: "managerAlerted", at: LATER }, noOneAway);
    expect(alerted.cover).toMatchObject({ state: "uncovered", managerAlerted: true });
  });
});

describe("the cover state machine", () => {
  const eventFor = (type: CoverEvent["type"], by: string): CoverEvent =>
    type === "accept" || type === "decline" ? { type, by, at: LATER } : { type, at: LATER };
  const allEvents: CoverEvent["type"][] = ["accept", "decline", "timeout", "cancel", "managerAlerted"];
  const legal: Record<CoverState, CoverEvent["type"][]> = {
    requesting: ["accept", "decline", "timeout", "cancel"],
    covered: ["cancel"],
    uncovered: ["cancel", "managerAlerted"],
    cancelled: [],
  };
  const cases = CoverState.options.flatMap((from) => allEvents.map((event) => ({ from, event, legal: legal[from].includes(event) })));

  function inState(state: CoverState): Absence {
    const base = registerAbsence(annaAway(), members, [], TODAY, NOW);
    return state === "requesting"
      ? base
      : { ...base, cover: { ...base.cover, state, ...(state === "covered" ? { coveredBy: bertil.id } : {}) } };
  }

  it.each(cases)("$event on a $from request is legal: $legal", ({ from, event, legal: isLegal }) => {
    expect(canApplyCoverEvent(from, event)).toBe(isLegal);
    const apply = () => transitionCover(inState(from), eventFor(event, bertil.id), noOneAway);
    if (isLegal) expect(apply).not.toThrow();
    else expect(apply).toThrow(InvalidTransition);
  });

  it.each(["requesting", "covered", "uncovered"] as const)("cancels a %s request", (from) => {
    expect(transitionCover(inState(from), { type: "cancel", at: LATER }, noOneAway).cover.state).toBe("cancelled");
  });
});

describe("who stands in for an absent member", () => {
  const covered: Absence = {
    ...existingAbsence(anna, "2026-03-11", "2026-03-13", "covered"),
    cover: { ...existingAbsence(anna, "2026-03-11", "2026-03-13").cover, state: "covered", coveredBy: bertil.id },
  };

  it("is the covering substitute on the first, middle and last day", () => {
    for (const day of ["2026-03-11", "2026-03-12", "2026-03-13"]) expect(standInFor(anna.id, [covered], day)).toBe(bertil.id);
  });

  it("is the member themself outside the absence", () => {
    expect(standInFor(anna.id, [covered], "2026-03-10")).toBe(anna.id);
    expect(standInFor(anna.id, [covered], "2026-03-14")).toBe(anna.id);
  });

  it("is the member themself while cover is still being requested or nobody covers", () => {
    const requesting = registerAbsence(annaAway(), members, [], TODAY, NOW);
    expect(standInFor(anna.id, [requesting], "2026-03-12")).toBe(anna.id);
    expect(standInFor(anna.id, [existingAbsence(anna, "2026-03-11", "2026-03-13", "uncovered")], "2026-03-12")).toBe(anna.id);
  });

  it("is the member themself once the covered absence is cancelled", () => {
    const cancelled = transitionCover(covered, { type: "cancel", at: LATER }, noOneAway);
    expect(standInFor(anna.id, [cancelled], "2026-03-12")).toBe(anna.id);
  });

  it("does not hand another member's cards to the substitute", () => {
    expect(standInFor(cecilia.id, [covered], "2026-03-12")).toBe(cecilia.id);
  });
});

describe("who is away", () => {
  it("counts a live absence on its days only", () => {
    const away = existingAbsence(bertil, "2026-03-11", "2026-03-12");
    expect(isAbsentOn(bertil.id, [away], "2026-03-11")).toBe(true);
    expect(isAbsentOn(bertil.id, [away], "2026-03-13")).toBe(false);
    expect(isAbsentOn(bertil.id, [existingAbsence(bertil, "2026-03-11", "2026-03-12", "cancelled")], "2026-03-11")).toBe(false);
  });

  it("lists members away at any time during a period", () => {
    const absences = [existingAbsence(bertil, "2026-03-01", "2026-03-11"), existingAbsence(cecilia, "2026-03-14", "2026-03-20")];
    expect(absentDuring(absences, { from: "2026-03-11", to: "2026-03-13" })).toEqual(new Set([bertil.id]));
  });
});
