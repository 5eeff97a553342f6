import type { TodaysDecisions } from "@fact-board/contract";
import "../i18n/both";
import { formatsFor, i18nextFor } from "../i18n";
import { decisionsText } from "./todaysDecisionsText";

const i18n = { t: i18nextFor("sv-SE").t, formatDate: formatsFor("sv-SE").formatDate };
const board = {
  members: [{ id: "m1", displayName: "Hugo Fiktivsson", organisationId: "norrby", role: "coordinator" as const, substituteIds: [] }],
  organisations: [
    { id: "norrby", name: "Norrby kommun", kind: "municipalSocialServices" as const },
    { id: "region", name: "Psykiatrin", kind: "regionPsychiatry" as const },
  ],
} as unknown as Parameters<typeof decisionsText>[1];

describe("Dagens beslut as text to copy", () => {
  it("names the organisation and day, then each participant code with its lines in Swedish", () => {
    const decisions: TodaysDecisions = {
      date: "2026-03-10",
      organisationId: "norrby",
      participants: [
        {
          participantId: "p1",
          code: "FIK-001",
          lines: [
            { kind: "putOn", reason: "crisis", priority: "high" },
            { kind: "sinceLast", text: "Missade depåinjektionen" },
            { kind: "action", what: "Ringa boendestödet", responsibleId: "m1", byWhen: "2026-03-11", done: false },
            { kind: "signal", signalKind: "concern", toOrganisationId: "region", urgency: "today" },
          ],
        },
        { participantId: "p2", code: "FIK-002", lines: [{ kind: "takenOff", outcome: "stable", note: "Stabil" }] },
      ],
    };
    const text = decisionsText(decisions, board, i18n);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Dagens beslut för Norrby kommun, /);
    expect(text).toContain("FIK-001\n- Togs upp på tavlan: Kris, prioritet Hög");
    expect(text).toContain("- Sedan sist: Missade depåinjektionen");
    expect(text).toContain("- Åtgärd: Ringa boendestödet – ansvarig Hugo Fiktivsson");
    expect(text).toContain("- Signal till Psykiatrin: Oro (");
    expect(text).toContain("FIK-002\n- Togs bort från tavlan: ");
    expect(text).toContain("– Stabil");
  });

  it("says so on a day with nothing written", () => {
    expect(decisionsText({ date: "2026-03-10", organisationId: "norrby", participants: [] }, board, i18n)).toContain(
      "Ni har inte skrivit något på tavlan i dag.",
    );
  });
});
