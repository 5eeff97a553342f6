import { participantsInStudyOn } from "./study";

describe("in a study on a day", () => {
  const studies = [
    { id: "running", to: "2026-12-31" },
    { id: "ended", to: "2026-03-31" },
  ];
  const enrolment = (studyId: string, participantId: string, more: { studyParticipantId?: string; withdrawnOn?: string } = {}) => ({
    studyId,
    participantId,
    ...more,
  });

  it("counts those enrolled under a study id and not withdrawn, in a study that has not ended", () => {
    const enrolments = [
      enrolment("running", "enrolled", { studyParticipantId: "LU-1" }),
      enrolment("running", "consent-only"),
      enrolment("running", "withdrawn", { studyParticipantId: "LU-2", withdrawnOn: "2026-04-01" }),
      enrolment("ended", "in-ended", { studyParticipantId: "LU-3" }),
      enrolment("gone", "unknown-study", { studyParticipantId: "LU-4" }),
    ];
    expect([...participantsInStudyOn(studies, enrolments, "2026-04-10")]).toEqual(["enrolled"]);
    // On the study's last day it still runs; a withdrawal, whatever its date, ends it.
    expect([...participantsInStudyOn(studies, enrolments, "2026-03-31")].sort()).toEqual(["enrolled", "in-ended"]);
  });

  it("counts a participant in two studies once", () => {
    const enrolments = [enrolment("running", "p", { studyParticipantId: "LU-1" }), enrolment("ended", "p", { studyParticipantId: "X-1" })];
    expect(participantsInStudyOn(studies, enrolments, "2026-01-10").size).toBe(1);
  });
});
