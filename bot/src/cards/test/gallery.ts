import { type OpenItem, itemDeepLink } from "@fact-board/contract";
import type { AdaptiveCard, Locale } from "../card-kit";
import { buildAbsenceCard } from "../absence-card";
import { buildAbsenceFormCard } from "../absence-form-card";
import { buildCheckInSummaryCard } from "../check-in-summary-card";
import { buildConsentCard } from "../consent-card";
import { buildCoverCard } from "../cover-card";
import { buildSignalCard } from "../signal-card";
import { buildHelpCard } from "../help-card";
import { buildFollowWalkthroughCard } from "../follow-walkthrough-card";
import { buildManagerAlertCard } from "../manager-alert-card";
import { boardTabDeepLink, buildMorningBriefCard } from "../morning-brief-card";
import { buildMyParticipantsCard } from "../my-participants-card";
import { buildPlansCard } from "../plans-card";
import { buildNotLoggedCard } from "../not-logged-card";
import { buildSignalFormCard } from "../signal-form-card";
import { buildSignalNoticeCard } from "../signal-notice-card";
import { buildWelcomeCard } from "../welcome-card";
import { buildLanguageCard } from "../language-card";
import { buildBoardChoiceCard } from "../board-choice-card";
import { t } from "../strings";

// Every card the bot sends, each in its most crowded state (every button the viewer could be
// given, long names, a notice on top): what the 450 px browser test renders.

const link = boardTabDeepLink("11111111-2222-3333-4444-555555555555", "board-b", "FACT-tavla", "19:abc@thread.tacv2");
const users = ["8:orgid:u1"];
const targets = { teamsAppId: "11111111-2222-3333-4444-555555555555", publicUrl: "https://fact.example" };
const board = { id: "b", name: "FACT-tavla", channelId: "19:abc@thread.tacv2" };
/** "Öppna i FACT-tavlan" for one item of board b. */
export const galleryLink = (item?: OpenItem): string => itemDeepLink(targets, board, item);

export function cardGallery(locale: Locale): Array<[string, AdaptiveCard]> {
  const signal = {
    boardId: "b",
    signal: {
      id: "e",
      etag: "x",
      kind: "morePsychiatricSupport" as const,
      urgency: "today" as const,
      state: "open" as const,
      proposeBoard: true,
      raisedAt: "2026-03-02 08:10",
      answerBy: "2026-03-02 12:10",
      overdue: true,
      note: "Uteblev från besök två gånger i rad",
    },
    participant: { id: "p", code: "HBG-017", initials: "A.B.", onBoard: false },
    fromOrganisation: "Beroendemottagningen Helsingborg",
    toOrganisation: "Socialtjänsten Norrby kommun",
    viewer: { acknowledge: true, resolve: true, decline: true, putOnBoard: true },
    today: "2026-03-02",
    defaultNextEvaluationOn: "2026-03-09",
    message: "Kortet var inaktuellt; så här ser det ut nu.",
    refreshUserIds: users,
    openInBoard: galleryLink({ item: "signal", signalId: "e" }),
  };
  const consent = {
    boardId: "b",
    participant: { id: "p", code: "HBG-017", initials: "A.B." },
    disclosingOrganisation: { id: "o1", name: "Socialtjänsten Norrby kommun" },
    receivingOrganisations: [
      { id: "o2", name: "Allmänpsykiatrin Helsingborg", selected: true },
      { id: "o3", name: "Vård- och omsorgsförvaltningen", selected: false },
    ],
    status: "given" as const,
    givenOn: "2025-03-01",
    validUntil: "2026-03-20",
    daysUntilExpiry: 18,
    etag: "e",
    canRecord: true,
    today: "2026-03-02",
    defaultValidUntil: "2027-03-02",
    refreshUserIds: users,
    openInBoard: galleryLink({ item: "consent", participantId: "p", organisationId: "o1" }),
  };
  return [
    ["signal, every right", buildSignalCard(signal, locale)],
    ["consent given, every action", buildConsentCard(consent, locale)],
    ["consent missing", buildConsentCard({ ...consent, status: "notAsked" }, locale)],
    [
      "cover request to the substitute",
      buildCoverCard(
        {
          boardId: "b",
          absence: { id: "a", etag: "e", from: "2026-03-02", to: "2026-03-06", state: "requesting" },
          absentMemberName: "Karin Lindqvist-Andersson",
          askedSubstituteName: "Omar Said",
          coveredByName: "Omar Said",
          viewerIsAsked: true,
          viewerIsCovering: false,
          openInBoard: galleryLink({ item: "cover", absenceId: "a" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "manager alert, absence without cover",
      buildManagerAlertCard(
        {
          kind: "coverWithoutSubstitute",
          boardId: "b",
          absence: { id: "a", from: "2026-03-02", to: "2026-03-03", state: "uncovered" },
          absentMemberName: "Karin Lindqvist-Andersson",
          openInBoard: galleryLink({ item: "absence", absenceId: "a" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "manager alert, unanswered signal",
      buildManagerAlertCard(
        {
          kind: "unansweredSignal",
          boardId: "b",
          signal: {
            id: "e",
            kind: "moreMunicipalSupport",
            urgency: "thisWeek",
            state: "open",
            raisedAt: "2026-03-02 08:00",
            answerBy: "2026-03-05 08:00",
          },
          participantCode: "HBG-017",
          fromOrganisation: "Psykiatrin",
          toOrganisation: "Socialtjänsten",
          stage: "manager",
          openInBoard: galleryLink({ item: "signal", signalId: "e" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "morning brief",
      buildMorningBriefCard(
        {
          boardId: "b",
          boardName: "FACT Helsingborg",
          date: "2026-03-02",
          counts: { onBoard: 24, newSinceYesterday: 2, evaluationsDue: 3, openSignals: 1, consentProblems: 4, absencesWithoutCover: 1 },
          boardDeepLink: link,
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "check-in summary",
      buildCheckInSummaryCard(
        {
          boardName: "FACT Helsingborg",
          date: "2026-03-02",
          counts: { reviewed: 9, total: 12, putOn: 1, takenOff: 2, actionsAgreed: 5, notReached: 3 },
          boardDeepLink: link,
        },
        locale,
      ),
    ],
    [
      "follow the walkthrough, in the meeting chat",
      buildFollowWalkthroughCard(
        {
          boardName: "FACT Helsingborg",
          meetingName: "Morgonmöte med Norrby kommun",
          date: "2026-03-02",
          followUrl: "https://fact.example/tab/?board=b&view=stage&meeting=m1",
        },
        locale,
      ),
    ],
    ["help with a board", buildHelpCard({ boardId: "b", notUnderstood: true, openInBoard: galleryLink(), refreshUserIds: users }, locale)],
    [
      "absence form",
      buildAbsenceFormCard(
        { boardId: "b", today: "2026-03-02", openInBoard: galleryLink({ item: "absenceForm" }), refreshUserIds: users },
        locale,
      ),
    ],
    [
      "signal form",
      buildSignalFormCard(
        {
          boardId: "b",
          participants: [{ id: "p", code: "HBG-017", initials: "A.B." }],
          organisations: [{ id: "o", name: "Socialtjänsten Norrby kommun" }],
          requestId: "r",
          openInBoard: galleryLink({ item: "signalForm" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "my participants",
      buildMyParticipantsCard(
        {
          boardId: "b",
          board: { name: "FACT Nordstad", model: "fact", onBoard: 12, caseload: 200 },
          participants: Array.from({ length: 5 }, (_, i) => ({
            id: `p${i}`,
            code: "HBG-017",
            initials: "A.B.",
            onBoard: true,
            plans: {
              crisisPlan: "notSet" as const,
              earlySignsPlan: "yes" as const,
              sip: { held: "yes" as const, heldOn: "2026-01-02", nextFollowUpOn: "2026-02-02", followUpOverdue: true },
              may: { set: true },
            },
            consentProblem: true,
            consents: [{ organisation: "Socialtjänsten", status: "withdrawn" as const }],
          })),
          hiddenCount: 2,
          openInBoard: galleryLink({ item: "myParticipants" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "participant plans",
      buildPlansCard(
        {
          boardId: "b",
          participantId: "p1",
          code: "HBG-017",
          plans: {
            crisisPlan: "yes",
            earlySignsPlan: "notSet",
            sip: { held: "yes", heldOn: "2026-01-02", nextFollowUpOn: "2026-02-02", convenedBy: "o", followUpOverdue: true },
            may: { set: true },
          },
          organisations: [{ id: "o", name: "Socialtjänsten Norrby kommun" }],
          etag: "W/1",
          aboutUrl: link,
          openInBoard: galleryLink({ item: "participant", participantId: "p1" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "signal notice in a channel",
      buildSignalNoticeCard(
        { boardId: "b", signalId: "e", toOrganisation: "Norrby kommun", state: "open", boardUrl: link, refreshUserIds: users },
        locale,
      ),
    ],
    [
      "access log not written",
      buildNotLoggedCard({ ref: { card: "signal", boardId: "b", signalId: "e", audience: "personal" }, refreshUserIds: users }, locale),
    ],
    [
      "absence, followed by its person",
      buildAbsenceCard(
        {
          boardId: "b",
          absence: { id: "a", etag: "e", from: "2026-03-02", to: "2026-03-06", state: "covered" },
          coveredByName: "Omar Said-Lindqvist",
          canCancel: true,
          message: "Frånvaron är registrerad.",
          openInBoard: galleryLink({ item: "absence", absenceId: "a" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "absence, followed by the manager",
      buildAbsenceCard(
        {
          boardId: "b",
          absence: { id: "a", etag: "e", from: "2026-03-02", to: "2026-03-06", state: "requesting" },
          absentMemberName: "Karin Lindqvist-Andersson",
          askedSubstituteName: "Omar Said",
          canCancel: true,
          openInBoard: galleryLink({ item: "absence", absenceId: "a" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "manager alert with cancel",
      buildManagerAlertCard(
        {
          kind: "coverWithoutSubstitute",
          boardId: "b",
          absence: { id: "a", from: "2026-03-02", to: "2026-03-03", state: "uncovered", etag: "e" },
          canCancel: true,
          absentMemberName: "Karin Lindqvist-Andersson",
          openInBoard: galleryLink({ item: "absence", absenceId: "a" }),
          refreshUserIds: users,
        },
        locale,
      ),
    ],
    [
      "board choice",
      buildBoardChoiceCard(
        "signalForm",
        [
          { id: "b1", name: "FACT Helsingborg allmänpsykiatri" },
          { id: "b2", name: "FACT Landskrona beroende" },
        ],
        locale,
        itemDeepLink(targets, undefined, { item: "signalForm" }),
      ),
    ],
    ["language choice", buildLanguageCard(locale, t(locale).languageChosen)],
    ["welcome, personal", buildWelcomeCard("personal", locale)],
    ["welcome, team", buildWelcomeCard("team", locale)],
    ["welcome, group chat", buildWelcomeCard("groupChat", locale)],
  ];
}
