import { assertLeadOrganisation, boardModelOf, gettingStarted, nextAbout, showsFidelity } from "./board-profile";
import { Invalid } from "./errors";
import type { Consent, Member, Organisation, Participant } from "./types";

// What a board says about itself (issue 24).

const member = (id: string, leftAt?: string): Member => ({
  id,
  boardId: "b",
  tenantId: "t",
  objectId: id,
  displayName: id,
  organisationId: "region",
  role: "admin",
  substituteIds: [],
  ...(leftAt ? { leftAt } : {}),
});
const organisation = (id: string): Organisation => ({ id, boardId: "b", name: id, kind: "other", tenantId: id, retentionDays: 1 });

describe("the board's model", () => {
  it("is FACT for a board from before it could say, and only FACT shows fidelity figures", () => {
    expect(boardModelOf({})).toBe("fact");
    expect(
      boardModelOf({
        settings: {
          timeZone: "Europe/Stockholm",
          morningBriefAt: "07:45",
          botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
          model: "enhancedCollaboration",
        },
      }),
    ).toBe("enhancedCollaboration");
    expect(showsFidelity("fact")).toBe(true);
    expect(showsFidelity("enhancedCollaboration")).toBe(false);
    expect(showsFidelity("otherCollaboration")).toBe(false);
  });

  it("has a lead organisation that is one of its own", () => {
    expect(() => assertLeadOrganisation("region", [organisation("region")])).not.toThrow();
    expect(() => assertLeadOrganisation("elsewhere", [organisation("region")])).toThrow(Invalid);
  });
});

describe("Om tavlan", () => {
  const admin = member("t.admin");
  it("is versioned: each changed text or link is a new version, the same again is not", () => {
    const v1 = nextAbout(undefined, { text: "Rutin", link: "https://intranat.example/rutin" }, admin, "2026-03-01T08:00:00.000Z");
    expect(v1).toEqual({
      text: "Rutin",
      link: "https://intranat.example/rutin",
      version: 1,
      updatedAt: "2026-03-01T08:00:00.000Z",
      updatedBy: "t.admin",
    });
    expect(nextAbout(v1, { text: "Rutin", link: "https://intranat.example/rutin" }, admin, "2026-03-02T08:00:00.000Z")).toBe(v1);
    expect(nextAbout(v1, { text: "Ny rutin" }, admin, "2026-03-02T08:00:00.000Z")).toMatchObject({ text: "Ny rutin", version: 2 });
    expect(nextAbout(v1, null, admin, "2026-03-02T08:00:00.000Z")).toBeUndefined();
  });
});

describe("Kom igång", () => {
  const board = { settings: undefined };
  const empty = { board, organisations: [organisation("region")], members: [member("t.admin")], participants: [], consents: [] };

  it("has nothing ticked off on a board just created", () => {
    expect(gettingStarted(empty)).toEqual({ organisations: false, members: false, participants: false, meetings: false, consents: false });
  });

  it("ticks each step off as it is done", () => {
    const participant = { leftTeamOn: undefined } as unknown as Participant;
    expect(
      gettingStarted({
        board: {
          settings: {
            timeZone: "Europe/Stockholm",
            morningBriefAt: "07:45",
            botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
            meetings: [{ id: "m", name: "Morgonmöte", days: "workingDays", time: "08:30", organisationIds: ["region"] }],
          },
        },
        organisations: [organisation("region"), organisation("kommun")],
        members: [member("t.admin"), member("t.rita")],
        participants: [participant],
        consents: [{} as Consent],
      }),
    ).toEqual({ organisations: true, members: true, participants: true, meetings: true, consents: true });
  });

  it("does not count a member who left, nor participants who left", () => {
    expect(
      gettingStarted({
        ...empty,
        members: [member("t.admin"), member("t.gone", "2026-01-01T00:00:00.000Z")],
        participants: [{ leftTeamOn: "2026-01-01" } as Participant],
      }),
    ).toMatchObject({ members: false, participants: false });
  });
});
