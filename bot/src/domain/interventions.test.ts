import { AddInterventionBody, EditInterventionBody } from "@fact-board/contract";
import { authorshipTable } from "./authorship";
import { InvalidTransition, Invalid, NotYourOrganisationsText } from "./errors";
import {
  MAX_ONGOING_PER_ORGANISATION,
  editIntervention,
  endIntervention,
  ongoingOn,
  readableInterventions,
  startIntervention,
  type Intervention,
} from "./interventions";
import { isAllowed } from "./permissions";
import { kindCounts, statisticsRows, cellId } from "./statistics";
import { CARE, MUNICIPALITY, REGION, aSharedParticipant, givenConsent } from "../test-support/authored-items";
import type { Consent } from "./types";
import { supportRights } from "./viewer-rights";
import { visibilityFor } from "./visibility";

const TODAY = "2026-03-10";
const NOW = "2026-03-10T08:00:00.000Z";

const participant = aSharedParticipant();

const consent = (from: string, to: string[]): Consent => givenConsent(from, to);

const start = (organisationId: string, kind: Intervention["kind"], id = `${organisationId}-${kind}`) =>
  startIntervention(
    {
      boardId: "b1",
      participantId: "p1",
      id,
      organisationId,
      kind,
      label: "  två gånger i veckan ",
      startedOn: "2026-02-01",
      by: `m-${organisationId}`,
    },
    [],
    NOW,
  );

describe("ongoing support (Pågående insatser)", () => {
  it("starts an intervention as the keeping organisation's own item, the label trimmed", () => {
    expect(start(MUNICIPALITY, "housingSupport")).toEqual({
      boardId: "b1",
      participantId: "p1",
      id: `${MUNICIPALITY}-housingSupport`,
      organisationId: MUNICIPALITY,
      kind: "housingSupport",
      label: "två gånger i veckan",
      startedOn: "2026-02-01",
      writtenBy: `m-${MUNICIPALITY}`,
      writtenAt: NOW,
    });
  });

  it("keeps the list short: a thirteenth ongoing intervention of one organisation is refused, another organisation's do not count", () => {
    const own = Array.from({ length: MAX_ONGOING_PER_ORGANISATION }, (_, i) => ({
      organisationId: MUNICIPALITY,
      ...(i === 0 ? { endedOn: "2026-03-01" } : {}),
    }));
    const input = { boardId: "b1", participantId: "p1", id: "new", organisationId: MUNICIPALITY, kind: "other" as const, by: "m" };
    // One of the twelve has ended: room for one more.
    expect(startIntervention(input, own, NOW).id).toBe("new");
    const full = own.map((i) => ({ organisationId: i.organisationId }));
    expect(() => startIntervention(input, full, NOW)).toThrow(Invalid);
    expect(startIntervention({ ...input, organisationId: REGION }, full, NOW).organisationId).toBe(REGION);
  });

  it("lets only the keeping organisation change or end it; ending moves it to the history and it cannot change after", () => {
    const boendestod = start(MUNICIPALITY, "housingSupport");
    expect(() => editIntervention(boendestod, { id: "m-r", organisationId: REGION }, { label: "annat" }, NOW)).toThrow(
      NotYourOrganisationsText,
    );
    expect(() => endIntervention(boendestod, { id: "m-r", organisationId: REGION }, TODAY, TODAY, NOW)).toThrow(NotYourOrganisationsText);
    const edited = editIntervention(
      boendestod,
      { id: "m-m2", organisationId: MUNICIPALITY },
      { label: null, startedOn: "2026-02-15" },
      NOW,
    );
    expect(edited).not.toHaveProperty("label");
    expect(edited).toMatchObject({ startedOn: "2026-02-15", writtenBy: "m-m2", kind: "housingSupport" });
    const ended = endIntervention(edited, { id: "m-m2", organisationId: MUNICIPALITY }, "2026-03-09", TODAY, NOW);
    expect(ended.endedOn).toBe("2026-03-09");
    expect(() => endIntervention(ended, { id: "m-m2", organisationId: MUNICIPALITY }, TODAY, TODAY, NOW)).toThrow(InvalidTransition);
    expect(() => editIntervention(ended, { id: "m-m2", organisationId: MUNICIPALITY }, { kind: "other" }, NOW)).toThrow(InvalidTransition);
  });

  it("refuses an end after today or before the start", () => {
    const i = start(REGION, "depotMedication");
    expect(() => endIntervention(i, { id: "m", organisationId: REGION }, "2026-03-11", TODAY, NOW)).toThrow(Invalid);
    expect(() => endIntervention(i, { id: "m", organisationId: REGION }, "2026-01-31", TODAY, NOW)).toThrow(Invalid);
  });

  it("shows each organisation only the interventions whose keeper's consent names it, ongoing first", () => {
    const list = [
      start(MUNICIPALITY, "housingSupport"),
      start(REGION, "depotMedication"),
      { ...start(REGION, "laro"), endedOn: "2026-03-01" },
      start(CARE, "other"),
    ];
    // The municipality's consent names the region only; the region's names both partners; the care has none.
    const consents = [consent(REGION, [MUNICIPALITY, CARE]), consent(MUNICIPALITY, [REGION])];
    const forRegion = visibilityFor(participant, consents, REGION, TODAY)!;
    expect(readableInterventions(forRegion, list).map((i) => `${i.organisationId}:${i.kind}`)).toEqual([
      `${MUNICIPALITY}:housingSupport`,
      `${REGION}:depotMedication`,
      `${REGION}:laro`,
    ]);
    const forCare = visibilityFor(participant, consents, CARE, TODAY)!;
    expect(readableInterventions(forCare, list).map((i) => `${i.organisationId}:${i.kind}`)).toEqual([
      `${CARE}:other`,
      `${REGION}:depotMedication`,
      `${REGION}:laro`,
    ]);
  });

  it("is the keeper's own item (authorship) and kept by leads and the case manager among staff", () => {
    expect(authorshipTable["intervention.add"]).toMatchObject({ owner: "actor", byAnother: "ownItem" });
    expect(authorshipTable["intervention.change"]).toMatchObject({ owner: "interventionKeeper", byAnother: "refused" });
    expect(isAllowed("coordinator", "intervention.keep")).toBe(true);
    expect(isAllowed("staff", "intervention.keep")).toBe(false);
    expect(isAllowed("staff", "intervention.keep", { caseManagerOrCover: true })).toBe(true);
    const staff = { id: "s", role: "staff", organisationId: MUNICIPALITY } as Parameters<typeof supportRights>[0];
    expect(supportRights(staff, {}, REGION)).toEqual({ keepInterventions: false, setGoal: false });
  });

  it("takes a kind from the shared vocabulary and a label of at most 60 characters without a personal identity number", () => {
    expect(AddInterventionBody.safeParse({ kind: "laro", label: "x".repeat(60), startedOn: "2026-01-01" }).success).toBe(true);
    expect(AddInterventionBody.safeParse({ kind: "laro", label: "x".repeat(61) }).success).toBe(false);
    expect(AddInterventionBody.safeParse({ kind: "metadon" }).success).toBe(false);
    expect(AddInterventionBody.safeParse({ kind: "other", label: "gäller 19121212-1212" }).success).toBe(false);
    expect(EditInterventionBody.safeParse({ etag: "e" }).success).toBe(false);
    expect(EditInterventionBody.safeParse({ etag: "e", label: null }).success).toBe(true);
  });

  it("counts ongoing interventions at each month's end by kind, de-identified and with small counts withheld", () => {
    expect(ongoingOn({ startedOn: "2026-02-01", writtenAt: NOW }, "2026-02-28")).toBe(true);
    expect(ongoingOn({ startedOn: "2026-02-01", endedOn: "2026-02-28", writtenAt: NOW }, "2026-02-28")).toBe(false);
    expect(ongoingOn({ writtenAt: "2026-03-02T08:00:00.000Z" }, "2026-02-28")).toBe(false);
    const organisations = [
      { id: "r1", kind: "regionPsychiatry" as const },
      { id: "r2", kind: "regionPsychiatry" as const },
      { id: "k1", kind: "municipalSocialServices" as const },
      { id: "k2", kind: "municipalSocialServices" as const },
    ];
    const many = (org: string, n: number, kind: Intervention["kind"]) =>
      Array.from({ length: n }, () => ({ organisationId: org, kind, startedOn: "2026-01-10", writtenAt: NOW }));
    const facts = {
      organisations,
      currentEntries: [],
      closedEntries: [],
      checkIns: [],
      signals: [],
      absences: [],
      interventions: [...many("k1", 4, "housingSupport"), ...many("k2", 3, "housingSupport"), ...many("r1", 2, "depotMedication")],
    };
    const raw = kindCounts(facts, ["2026-02"], TODAY);
    expect(raw.get(cellId("2026-02", "municipalSocialServices", "interventions.housingSupport"))).toBe(7);
    const rows = statisticsRows(facts, ["2026-02"], TODAY);
    const value = (kinds: string, measure: string) =>
      rows.find((r) => r.organisationKinds !== "all" && r.organisationKinds.join("+") === kinds && r.measure === measure)?.value;
    expect(value("municipalSocialServices", "interventions.housingSupport")).toBe(7);
    // Two depot medications: a small count, withheld.
    expect(value("regionPsychiatry", "interventions.depotMedication")).toBe("x");
    expect(value("regionPsychiatry", "interventions.laro")).toBe(0);
  });
});
