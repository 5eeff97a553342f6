import { WriteSinceLastBody } from "@fact-board/contract";
import { authorshipTable, mayChange } from "./authorship";
import { isAllowed } from "./permissions";
import { lastMeetingDay, readableNotes, sinceLastMeeting, writeNote, type SinceLastNote } from "./since-last";
import { CARE, MUNICIPALITY, REGION, aSharedParticipant, givenConsent } from "../test-support/authored-items";
import type { Consent } from "./types";
import { visibilityFor } from "./visibility";

// Tuesday 10 March 2026; Monday 9 March is the previous working day.
const TODAY = "2026-03-10";

const participant = aSharedParticipant();

const consent = (from: string, to: string[]): Consent => givenConsent(from, to);

const note = (organisationId: string, on: string, text = `${organisationId} ${on}`): SinceLastNote => ({
  boardId: "b1",
  participantId: "p1",
  entryId: "e1",
  on,
  organisationId,
  text,
  writtenBy: `m-${organisationId}`,
  writtenAt: `${on}T15:00:00.000Z`,
});

describe("since yesterday (Sedan sist)", () => {
  it("finds the last meeting day before today: the previous working day for a daily meeting, skipping the weekend", () => {
    expect(lastMeetingDay([{ days: "workingDays" }], TODAY)).toBe("2026-03-09");
    // Monday 9 March: the last daily meeting was Friday 6 March.
    expect(lastMeetingDay([{ days: "workingDays" }], "2026-03-09")).toBe("2026-03-06");
    // A meeting held on Thursdays only.
    expect(lastMeetingDay([{ days: ["thu"] }], TODAY)).toBe("2026-03-05");
  });

  it("looks back two weeks at most when no meeting is scheduled", () => {
    expect(lastMeetingDay([], TODAY)).toBe("2026-02-24");
  });

  it("splits the notes at the last meeting day: that day's notes count as since the last meeting", () => {
    const notes = [note(REGION, "2026-03-10"), note(REGION, "2026-03-09"), note(REGION, "2026-03-06")];
    const { recent, older } = sinceLastMeeting(notes, "2026-03-09");
    expect(recent.map((n) => n.on)).toEqual(["2026-03-10", "2026-03-09"]);
    expect(older.map((n) => n.on)).toEqual(["2026-03-06"]);
  });

  it("shows each organisation only the notes whose writers' consent names it, newest first", () => {
    const notes = [note(MUNICIPALITY, "2026-03-09"), note(REGION, "2026-03-10"), note(MUNICIPALITY, "2026-03-10")];
    // The municipality's consent names the region only; the region's names both partners.
    const consents = [consent(REGION, [MUNICIPALITY, CARE]), consent(MUNICIPALITY, [REGION])];
    const forRegion = visibilityFor(participant, consents, REGION, TODAY)!;
    expect(readableNotes(forRegion, notes).map((n) => `${n.organisationId} ${n.on}`)).toEqual([
      `${MUNICIPALITY} 2026-03-10`,
      `${REGION} 2026-03-10`,
      `${MUNICIPALITY} 2026-03-09`,
    ]);
    const forCare = visibilityFor(participant, consents, CARE, TODAY)!;
    expect(readableNotes(forCare, notes).map((n) => n.organisationId)).toEqual([REGION]);
  });

  it("edits the same note on a second write the same day, keeping its day, entry and organisation", () => {
    const first = writeNote(
      undefined,
      { boardId: "b1", participantId: "p1", entryId: "e1", organisationId: MUNICIPALITY, text: "Inlagd i natt", by: "m-a" },
      TODAY,
      "2026-03-10T07:00:00.000Z",
    );
    expect(first).toMatchObject({ on: TODAY, organisationId: MUNICIPALITY, entryId: "e1", writtenBy: "m-a" });
    const edited = writeNote(
      first,
      {
        boardId: "b1",
        participantId: "p1",
        entryId: "e2",
        organisationId: MUNICIPALITY,
        text: "Inlagd i natt, utskriven i morse",
        by: "m-b",
      },
      TODAY,
      "2026-03-10T08:00:00.000Z",
    );
    expect(edited).toEqual({ ...first, text: "Inlagd i natt, utskriven i morse", writtenBy: "m-b", writtenAt: "2026-03-10T08:00:00.000Z" });
  });

  it("is always the writer's own item, written by leads and by a staff member who is the case manager", () => {
    expect(authorshipTable["sinceLast.write"].byAnother).toBe("ownItem");
    expect(mayChange("sinceLast.write", MUNICIPALITY, REGION)).toBe(true);
    expect(isAllowed("coordinator", "sinceLast.write")).toBe(true);
    expect(isAllowed("staff", "sinceLast.write")).toBe(false);
    expect(isAllowed("staff", "sinceLast.write", { caseManagerOrCover: true })).toBe(true);
  });

  it("takes at most 300 characters and refuses a personal identity number", () => {
    expect(WriteSinceLastBody.safeParse({ text: "x".repeat(300) }).success).toBe(true);
    expect(WriteSinceLastBody.safeParse({ text: "x".repeat(301) }).success).toBe(false);
    expect(WriteSinceLastBody.safeParse({ text: "   " }).success).toBe(false);
    expect(WriteSinceLastBody.safeParse({ text: "Träffade 19121212-1212 i går" }).success).toBe(false);
  });
});
