import { SetGoalBody } from "@fact-board/contract";
import { authorshipTable } from "./authorship";
import { NotYourOrganisationsText } from "./errors";
import { readableGoal, setGoal } from "./goal";
import { isAllowed } from "./permissions";
import { CARE, MUNICIPALITY, REGION, aSharedParticipant, givenConsent } from "../test-support/authored-items";
import type { Consent } from "./types";
import { supportRights } from "./viewer-rights";
import { visibilityFor } from "./visibility";

const TODAY = "2026-03-10";
const NOW = "2026-03-10T08:00:00.000Z";

const participant = aSharedParticipant({ caseManagerId: "m-municipality" });

const consent = (from: string, to: string[]): Consent => givenConsent(from, to);

describe("the participant's own goal (Deltagarens mål)", () => {
  it("is written by the case manager's organisation as its own item, trimmed, and cleared by empty text", () => {
    const withGoal = setGoal(
      participant,
      { id: "m-municipality", organisationId: MUNICIPALITY },
      MUNICIPALITY,
      "  Ha kvar lägenheten ",
      NOW,
    );
    expect(withGoal.goal).toEqual({
      text: "Ha kvar lägenheten",
      organisationId: MUNICIPALITY,
      writtenBy: "m-municipality",
      writtenAt: NOW,
    });
    // The same again: nothing to change (a retried request).
    expect(setGoal(withGoal, { id: "m-other", organisationId: MUNICIPALITY }, MUNICIPALITY, "Ha kvar lägenheten", NOW)).toBe(withGoal);
    expect(setGoal(withGoal, { id: "m-municipality", organisationId: MUNICIPALITY }, MUNICIPALITY, "  ", NOW)).not.toHaveProperty("goal");
  });

  it("refuses every other organisation, the record's writer too", () => {
    expect(() => setGoal(participant, { id: "m-region", organisationId: REGION }, MUNICIPALITY, "Mål", NOW)).toThrow(
      NotYourOrganisationsText,
    );
    expect(() => setGoal(participant, { id: "m-region", organisationId: REGION }, undefined, "Mål", NOW)).toThrow(NotYourOrganisationsText);
    expect(authorshipTable["participant.goal"]).toMatchObject({ owner: "caseManagerOrganisation", byAnother: "refused" });
    expect(isAllowed("coordinator", "participant.setGoal", { ownOrganisation: true })).toBe(true);
    expect(isAllowed("coordinator", "participant.setGoal")).toBe(false);
    expect(isAllowed("staff", "participant.setGoal", { ownOrganisation: true, caseManagerOrCover: true })).toBe(true);
    const coordinator = { id: "c", role: "coordinator", organisationId: REGION } as Parameters<typeof supportRights>[0];
    expect(supportRights(coordinator, {}, MUNICIPALITY).setGoal).toBe(false);
    expect(supportRights(coordinator, {}, REGION).setGoal).toBe(true);
  });

  it("is shown to another organisation only under its writer's consent", () => {
    const withGoal = setGoal(participant, { id: "m-municipality", organisationId: MUNICIPALITY }, MUNICIPALITY, "Börja praktik", NOW);
    const consents = [consent(REGION, [MUNICIPALITY, CARE]), consent(MUNICIPALITY, [REGION])];
    expect(readableGoal(visibilityFor(withGoal, consents, REGION, TODAY)!)?.text).toBe("Börja praktik");
    expect(readableGoal(visibilityFor(withGoal, consents, CARE, TODAY)!)).toBeUndefined();
    expect(readableGoal(visibilityFor(withGoal, consents, MUNICIPALITY, TODAY)!)?.text).toBe("Börja praktik");
  });

  it("takes at most 200 characters and refuses a personal identity number", () => {
    expect(SetGoalBody.safeParse({ etag: "e", text: "x".repeat(200) }).success).toBe(true);
    expect(SetGoalBody.safeParse({ etag: "e", text: "x".repeat(201) }).success).toBe(false);
    expect(SetGoalBody.safeParse({ etag: "e", text: "" }).success).toBe(true);
    expect(SetGoalBody.safeParse({ etag: "e", text: "Mål för 19121212-1212" }).success).toBe(false);
  });
});
