import { type AdaptiveCard, type Locale, MAX_REFRESH_USERS } from "./card-kit";
import { type ConsentCardData, buildConsentCard } from "./consent-card";
import { type SignalCardData, buildSignalCard } from "./signal-card";
import { type CoverCardData, buildCoverCard } from "./cover-card";
import { type ManagerAlertData, buildManagerAlertCard } from "./manager-alert-card";
import { boardTabDeepLink, buildMorningBriefCard } from "./morning-brief-card";
import { buildCheckInSummaryCard } from "./check-in-summary-card";
import { buildHelpCard } from "./help-card";
import { buildAbsenceFormCard } from "./absence-form-card";
import { boardOfParticipantDataset, buildSignalFormCard } from "./signal-form-card";
import { buildMyParticipantsCard } from "./my-participants-card";
import { buildPlansCard } from "./plans-card";
import { CardRef, VERBS, isVerb } from "./verbs";
import { buildSignalNoticeCard } from "./signal-notice-card";
import { buildNotLoggedCard } from "./not-logged-card";
import { t } from "./strings";
import { buildWelcomeCard } from "./welcome-card";
import { cardGallery } from "./test/gallery";
import type { ConsentStatus, CoverState, SignalState } from "@fact-board/contract";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.js");

// Element and action types with the schema version that introduced them. Anything else, or
// anything newer than 1.5, fails: Teams renders 1.5.
const INTRODUCED: Record<string, number> = {
  AdaptiveCard: 1.0,
  TextBlock: 1.0,
  FactSet: 1.0,
  Container: 1.0,
  ColumnSet: 1.0,
  Column: 1.0,
  ActionSet: 1.2,
  "Input.Text": 1.0,
  "Input.Date": 1.0,
  "Input.Number": 1.0,
  "Input.ChoiceSet": 1.0,
  "Input.Toggle": 1.0,
  "Action.Execute": 1.4,
  "Action.ShowCard": 1.0,
  "Action.OpenUrl": 1.0,
  // Schema 1.6, but Teams runs typeahead (Input.ChoiceSet choices.data) in 1.5 cards, and clients
  // without it fall back to the static choices.
  "Data.Query": 1.5,
};
// Properties that came later than their element.
const PROPERTY_INTRODUCED: Record<string, number> = { label: 1.3, isRequired: 1.3, errorMessage: 1.3, refresh: 1.4, style: 1.0 };

const LOCALES: Locale[] = ["sv", "en"];
const LINK = "https://teams.microsoft.com/l/entity/app/board-b?label=FACT";
const manyUsers = Array.from({ length: 150 }, (_, i) => `8:orgid:user-${i}`);

function validate(json: AdaptiveCard): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(JSON.parse(JSON.stringify(json)), ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const ev of card.validateProperties().validationEvents) problems.push(`validate: ${ev.message}`);
  walk(json, (node) => {
    const type = node["type"];
    if (typeof type === "string") {
      const v = INTRODUCED[type];
      if (v === undefined) problems.push(`unknown or unchecked type ${type}`);
      else if (v > 1.5) problems.push(`${type} needs ${v}`);
    }
    for (const [prop, v] of Object.entries(PROPERTY_INTRODUCED)) if (prop in node && v > 1.5) problems.push(`${prop} needs ${v}`);
  });
  if (json.version !== "1.5") problems.push(`version ${json.version}`);
  if (json.refresh) {
    if (json.refresh.userIds.length > MAX_REFRESH_USERS) problems.push("refresh.userIds > 60");
    if (json.refresh.action.verb !== "refresh") problems.push("refresh verb");
    if (!CardRef.safeParse(json.refresh.action.data).success) problems.push("refresh data is not a card reference");
  }
  walk(json, (node) => {
    if (node["type"] === "Action.Execute" && node["verb"] !== "refresh") {
      const verb = node["verb"];
      if (!isVerb(verb)) problems.push(`unknown verb ${String(verb)}`);
    }
  });
  return problems;
}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const allText = (json: AdaptiveCard): string => JSON.stringify(json);
const executeVerbs = (json: AdaptiveCard): string[] => {
  const verbs: string[] = [];
  walk(json, (n) => {
    if (n["type"] === "Action.Execute" && n["verb"] !== "refresh") verbs.push(String(n["verb"]));
  });
  return verbs;
};

const signalBase: SignalCardData = {
  boardId: "board-1",
  signal: {
    id: "esc-1",
    etag: "W/\"datetime'1'\"",
    kind: "concern",
    urgency: "today",
    state: "open",
    proposeBoard: true,
    raisedAt: "2026-03-02 08:10",
    answerBy: "2026-03-02 12:10",
    overdue: false,
    note: "Uteblev från besök",
    declineReason: "Inte vår insats",
  },
  participant: { id: "p-1", code: "HBG-017", initials: "A.B.", onBoard: false },
  fromOrganisation: "Beroendemottagningen",
  toOrganisation: "Socialtjänsten",
  viewer: { acknowledge: true, resolve: true, decline: true, putOnBoard: true },
  today: "2026-03-02",
  defaultNextEvaluationOn: "2026-03-09",
  openInBoard: LINK,
  refreshUserIds: manyUsers,
};

const consentBase: ConsentCardData = {
  boardId: "board-1",
  participant: { id: "p-1", code: "HBG-017", initials: "A.B." },
  disclosingOrganisation: { id: "org-soc", name: "Socialtjänsten" },
  receivingOrganisations: [
    { id: "org-psy", name: "Psykiatrin", selected: true },
    { id: "org-vof", name: "Vård och omsorg", selected: false },
  ],
  status: "notAsked",
  canRecord: true,
  today: "2026-03-02",
  defaultValidUntil: "2027-03-02",
  openInBoard: LINK,
  refreshUserIds: ["8:orgid:u1"],
};

const coverBase: CoverCardData = {
  boardId: "board-1",
  absence: { id: "abs-1", etag: "e1", from: "2026-03-02", to: "2026-03-06", state: "requesting" },
  absentMemberName: "Karin Lind",
  askedSubstituteName: "Omar Said",
  coveredByName: "Omar Said",
  viewerIsAsked: true,
  viewerIsCovering: false,
  openInBoard: LINK,
  refreshUserIds: ["8:orgid:u2"],
};

describe.each(LOCALES)("cards in %s", (locale) => {
  describe("consent status", () => {
    const cases: Array<[string, Partial<ConsentCardData>]> = [
      ["missing", { status: "notAsked" }],
      ["expiring within 30 days", { status: "given", givenOn: "2025-03-01", validUntil: "2026-03-20", daysUntilExpiry: 18, etag: "e" }],
      ["withdrawn", { status: "withdrawn", withdrawnOn: "2026-02-01", etag: "e" }],
      ["expired", { status: "expired" as ConsentStatus, validUntil: "2026-01-01", etag: "e" }],
      ["declined", { status: "declined", etag: "e" }],
      ["valid", { status: "given", givenOn: "2025-03-01", validUntil: "2026-12-01", daysUntilExpiry: 274, etag: "e" }],
      ["seen by someone who may not record it", { canRecord: false }],
      ["after a click", { message: "Sparat." }],
    ];
    it.each(cases)("is a valid 1.5 card when %s", (_name, patch) => {
      const json = buildConsentCard({ ...consentBase, ...patch }, locale);
      expect(validate(json)).toEqual([]);
    });
    it("names its buttons as actions and asks before recording a decline", () => {
      const json = buildConsentCard({ ...consentBase, status: "given", etag: "e" }, locale);
      const top = json.actions!.map((a) => a.title);
      expect(top).toEqual([
        t(locale).recordGiven,
        t(locale).recordDeclined,
        t(locale).recordWithdrawn,
        t(locale).remindLater,
        t(locale).openInBoard,
      ]);
      expect(top.slice(0, 3).every((title) => /^(Registrera|Record) /.test(title))).toBe(true);
      const decline = json.actions!.find((a) => a.title === t(locale).recordDeclined)!;
      // Not one click: a card with the confirmation opens first.
      expect(decline.type).toBe("Action.ShowCard");
      const confirm = (decline as { card: AdaptiveCard }).card.actions!;
      expect(confirm).toMatchObject([
        { type: "Action.Execute", verb: "consent.declined", title: t(locale).confirmDecline, style: "destructive" },
      ]);
    });
    it("offers given, declined and remind-later to someone who may record; nothing to others", () => {
      expect(executeVerbs(buildConsentCard(consentBase, locale)).sort()).toEqual([
        "consent.declined",
        "consent.given",
        "consent.remindLater",
      ]);
      expect(executeVerbs(buildConsentCard({ ...consentBase, status: "given", etag: "e" }, locale))).toContain("consent.withdrawn");
      expect(executeVerbs(buildConsentCard({ ...consentBase, canRecord: false }, locale))).toEqual([]);
    });
  });

  describe("signal", () => {
    const states: SignalState[] = ["open", "acknowledged", "resolved", "declined"];
    const hidden: SignalCardData = {
      ...signalBase,
      participant: undefined,
      signal: { ...signalBase.signal, kind: undefined, note: undefined, declineReason: undefined },
      viewer: { acknowledge: false, resolve: false, decline: false, putOnBoard: false },
    };
    it.each(states)("is a valid card in state %s, with the participant and without", (state) => {
      for (const data of [signalBase, hidden]) {
        const json = buildSignalCard({ ...data, signal: { ...data.signal, state, overdue: state === "open" } }, locale);
        expect(validate(json)).toEqual([]);
        expect(json.refresh!.userIds.length).toBeLessThanOrEqual(60);
      }
    });
    it("keeps two buttons side by side and puts the rest in the overflow menu", () => {
      const all = buildSignalCard(signalBase, locale);
      expect(all.actions!.map((a) => a.mode ?? "primary")).toEqual(["primary", "primary", "secondary", "secondary", "secondary"]);
      const consent = buildConsentCard({ ...consentBase, status: "given", etag: "e" }, locale);
      const shown = consent.actions!.filter((a) => a.mode !== "secondary");
      // Two long Swedish titles do not fit beside the overflow menu: the likeliest answer stays.
      expect(shown.map((a) => a.title)).toEqual(
        locale === "sv" ? [t(locale).recordGiven] : [t(locale).recordGiven, t(locale).recordDeclined],
      );
    });
    it("shows only the buttons the viewer's rights and the state allow", () => {
      const none = buildSignalCard(
        { ...signalBase, viewer: { acknowledge: false, resolve: false, decline: false, putOnBoard: false } },
        locale,
      );
      expect(executeVerbs(none)).toEqual([]);
      const all = buildSignalCard(signalBase, locale);
      expect(executeVerbs(all).sort()).toEqual(["signal.acknowledge", "signal.decline", "signal.putOnBoard", "signal.resolve"]);
      const onBoard = buildSignalCard({ ...signalBase, participant: { ...signalBase.participant!, onBoard: true } }, locale);
      expect(executeVerbs(onBoard)).not.toContain("signal.putOnBoard");
    });
    it("to someone who may not see the participant now shows no code, initials, kind of need or note", () => {
      const body = allText(buildSignalCard({ ...hidden, signal: { ...hidden.signal, state: "declined" } }, locale));
      expect(body).not.toContain("HBG-017");
      expect(body).not.toContain("A.B.");
      expect(body).not.toContain(t(locale).signalKind.concern);
      expect(body).not.toContain("Uteblev");
      expect(body).not.toContain("Inte vår insats");
      expect(body).toContain(t(locale).signalHiddenText);
    });
    it("keeps the participant out of the fallback text (notifications, chat list)", () => {
      expect(buildSignalCard(signalBase, locale).fallbackText).not.toContain("HBG-017");
    });
    it("uses the Swedish words", () => {
      if (locale !== "sv") return;
      const body = allText(buildSignalCard(signalBase, locale));
      expect(body).toContain("Kvittera");
      expect(body).toContain("Avböj");
      expect(body).toContain("Ta upp på tavlan");
    });
  });

  describe("what a shared conversation is told about a signal", () => {
    const states: SignalState[] = ["open", "acknowledged", "resolved", "declined"];
    it.each(states)("is a valid card in state %s with a count and a link, nothing about the participant", (state) => {
      const json = buildSignalNoticeCard(
        {
          boardId: "board-1",
          signalId: "esc-1",
          toOrganisation: "Norrby kommun",
          state,
          boardUrl: "https://teams.microsoft.com/l/entity/app/board?label=FACT",
          refreshUserIds: manyUsers,
        },
        locale,
      );
      expect(validate(json)).toEqual([]);
      expect(executeVerbs(json)).toEqual([]);
      const body = allText(json);
      if (state === "open") expect(body).toContain(locale === "sv" ? "1 ny signal till Norrby kommun" : "1 new signal to Norrby kommun");
      expect(body).toContain(t(locale).openInBoard);
      for (const kind of Object.values(t(locale).signalKind)) expect(body).not.toContain(kind);
      expect(body).not.toMatch(/[A-ZÅÄÖ]{2,4}-\d{3,4}/);
    });
  });

  describe("a card whose read could not be logged", () => {
    it("is a valid card with the error and the same refresh, and nothing else", () => {
      const ref = { card: "signal", boardId: "board-1", signalId: "esc-1", audience: "personal" } as const;
      const json = buildNotLoggedCard({ ref, refreshUserIds: ["8:orgid:u1"] }, locale);
      expect(validate(json)).toEqual([]);
      expect(json.refresh!.action.data).toEqual(ref);
      expect(executeVerbs(json)).toEqual([]);
      expect(allText(json)).toContain(t(locale).notLoggedTitle);
    });
  });

  describe("cover request", () => {
    const states: CoverState[] = ["requesting", "covered", "uncovered", "cancelled"];
    it.each(states)("is a valid card in state %s", (state) => {
      for (const viewerIsAsked of [true, false]) {
        const json = buildCoverCard(
          { ...coverBase, viewerIsAsked, viewerIsCovering: !viewerIsAsked, absence: { ...coverBase.absence, state } },
          locale,
        );
        expect(validate(json)).toEqual([]);
      }
    });
    it("gives the two buttons only to the substitute being asked while requesting", () => {
      const asked = buildCoverCard(coverBase, locale);
      expect(executeVerbs(asked)).toEqual(["cover.accept", "cover.decline"]);
      if (locale === "sv") expect(allText(asked)).toMatch(/Jag täcker[\s\S]*Kan inte/);
      expect(executeVerbs(buildCoverCard({ ...coverBase, viewerIsAsked: false }, locale))).toEqual([]);
      expect(executeVerbs(buildCoverCard({ ...coverBase, absence: { ...coverBase.absence, state: "covered" } }, locale))).toEqual([]);
    });
  });

  describe("manager alerts", () => {
    const alerts: ManagerAlertData[] = [
      {
        kind: "coverWithoutSubstitute",
        boardId: "b",
        absence: { id: "a", from: "2026-03-02", to: "2026-03-03", state: "uncovered" },
        absentMemberName: "Karin Lind",
        openInBoard: LINK,
        refreshUserIds: ["8:orgid:m"],
      },
      {
        kind: "coverWithoutSubstitute",
        boardId: "b",
        absence: { id: "a", from: "2026-03-02", to: "2026-03-02", state: "covered" },
        absentMemberName: "Karin Lind",
        openInBoard: LINK,
        refreshUserIds: [],
      },
      ...(["reminder", "manager"] as const).flatMap((stage) =>
        (["open", "acknowledged"] as const).map((state): ManagerAlertData => ({
          kind: "unansweredSignal",
          boardId: "b",
          signal: {
            id: "e",
            kind: "moreMunicipalSupport",
            urgency: "thisWeek",
            state,
            raisedAt: "2026-03-02 08:00",
            answerBy: "2026-03-05 08:00",
          },
          participantCode: "HBG-017",
          fromOrganisation: "Psykiatrin",
          toOrganisation: "Socialtjänsten",
          stage,
          openInBoard: LINK,
          refreshUserIds: ["8:orgid:m"],
        })),
      ),
    ];
    alerts.push({
      kind: "unansweredSignal",
      boardId: "b",
      signal: { id: "e", urgency: "today", state: "open", raisedAt: "2026-03-02 08:00", answerBy: "2026-03-02 12:00" },
      fromOrganisation: "Psykiatrin",
      toOrganisation: "Socialtjänsten",
      stage: "manager",
      openInBoard: LINK,
      refreshUserIds: ["8:orgid:m"],
    });
    it("to a manager who may not see the participant now carries no code and no kind of need", () => {
      const body = allText(buildManagerAlertCard(alerts[alerts.length - 1]!, locale));
      expect(body).not.toMatch(/[A-ZÅÄÖ]{2,4}-\d{3,4}/);
      for (const kind of Object.values(t(locale).signalKind)) expect(body).not.toContain(kind);
      expect(body).toContain(t(locale).detailsHidden);
    });
    it.each(alerts.map((a, i) => [i, a] as const))("alert %d is a valid card", (_i, alert) => {
      expect(validate(buildManagerAlertCard(alert, locale))).toEqual([]);
    });
  });

  describe("morning brief", () => {
    it("is a valid card with counts only and a deep link to the board tab", () => {
      const link = boardTabDeepLink("11111111-2222-3333-4444-555555555555", "board", "FACT-tavla", "19:abc@thread.tacv2");
      const json = buildMorningBriefCard(
        {
          boardId: "b",
          boardName: "FACT Helsingborg",
          date: "2026-03-02",
          counts: { onBoard: 24, newSinceYesterday: 2, evaluationsDue: 3, openSignals: 1, consentProblems: 4, absencesWithoutCover: 0 },
          boardDeepLink: link,
          refreshUserIds: manyUsers,
        },
        locale,
      );
      expect(validate(json)).toEqual([]);
      expect(link.startsWith("https://teams.microsoft.com/l/entity/11111111-2222-3333-4444-555555555555/board")).toBe(true);
      expect(allText(json)).not.toMatch(/[A-ZÅÄÖ]{2,4}-\d{3,4}/);
    });
  });

  describe("check-in summary in the meeting chat", () => {
    it("is a valid card with counts only and a link to the board", () => {
      const json = buildCheckInSummaryCard(
        {
          boardName: "FACT Helsingborg",
          meetingName: "Norrby tisdag och torsdag",
          date: "2026-03-02",
          counts: { reviewed: 9, total: 12, putOn: 1, takenOff: 2, actionsAgreed: 5, notReached: 3 },
          boardDeepLink: boardTabDeepLink("11111111-2222-3333-4444-555555555555", "board", "FACT-tavla"),
        },
        locale,
      );
      expect(validate(json)).toEqual([]);
      expect(allText(json)).toContain("9");
      expect(allText(json)).toContain("Norrby tisdag och torsdag · 2026-03-02");
      expect(allText(json)).not.toMatch(/[A-ZÅÄÖ]{2,4}-\d{3,4}/);
    });
  });

  describe("help, forms and lists", () => {
    it("help is valid with and without a board, and when input was not understood", () => {
      for (const data of [
        { boardId: "b", refreshUserIds: [], openInBoard: LINK },
        { notMember: true, refreshUserIds: [], openInBoard: LINK },
        { boardId: "b", notUnderstood: true, refreshUserIds: [], openInBoard: LINK },
      ]) {
        expect(validate(buildHelpCard(data, locale))).toEqual([]);
      }
    });
    it("the welcome card is valid in each install scope and says what a shared conversation never shows", () => {
      for (const scope of ["personal", "team", "groupChat"] as const) expect(validate(buildWelcomeCard(scope, locale))).toEqual([]);
      expect(allText(buildWelcomeCard("team", locale))).not.toEqual(allText(buildWelcomeCard("groupChat", locale)));
    });
    it("the absence form and its receipt are valid", () => {
      expect(
        validate(buildAbsenceFormCard({ boardId: "b", today: "2026-03-02", openInBoard: LINK, refreshUserIds: ["x"] }, locale)),
      ).toEqual([]);
      for (const state of ["requesting", "uncovered", "covered"] as const) {
        const json = buildAbsenceFormCard(
          {
            boardId: "b",
            today: "2026-03-02",
            registered: { from: "2026-03-02", to: "2026-03-04", state, askedSubstituteName: "Omar Said" },
            openInBoard: LINK,
            refreshUserIds: [],
          },
          locale,
        );
        expect(validate(json)).toEqual([]);
      }
    });
    it("the signal form is valid, and says so when there is nobody to signal about", () => {
      const data = {
        boardId: "b",
        participants: [{ id: "p-1", code: "HBG-017", initials: "A.B." }],
        organisations: [{ id: "org-soc", name: "Socialtjänsten" }],
        requestId: "req-1",
        refreshUserIds: ["x"],
        openInBoard: LINK,
      };
      expect(validate(buildSignalFormCard(data, locale))).toEqual([]);
      expect(executeVerbs(buildSignalFormCard(data, locale))).toEqual(["signal.raise"]);
      expect(validate(buildSignalFormCard({ ...data, participants: [] }, locale))).toEqual([]);
    });
    it("the signal form searches participants by typeahead on its own board", () => {
      const json = buildSignalFormCard(
        {
          boardId: "b.1",
          participants: [{ id: "p", code: "FIK-001" }],
          organisations: [{ id: "o", name: "O" }],
          requestId: "r",
          openInBoard: LINK,
          refreshUserIds: [],
        },
        locale,
      );
      const input = json.body.find((e) => "id" in e && e.id === "participantId") as {
        style?: string;
        "choices.data"?: { type: string; dataset: string };
      };
      expect(input.style).toBe("filtered");
      expect(input["choices.data"]).toMatchObject({ type: "Data.Query" });
      expect(boardOfParticipantDataset(input["choices.data"]!.dataset)).toBe("b.1");
      expect(boardOfParticipantDataset("participantsToSignal.../x")).toBeUndefined();
      // The library reads choices.data only in a card it treats as 1.6 (Teams honours it in 1.5):
      // read that way, the typeahead is well formed and survives the parser.
      const parsed = new AC.AdaptiveCard();
      const ctx = new AC.SerializationContext();
      parsed.parse({ ...JSON.parse(JSON.stringify(json)), version: "1.6" }, ctx);
      expect(ctx.eventCount).toBe(0);
      expect(parsed.validateProperties().validationEvents).toEqual([]);
      expect(JSON.stringify(parsed.toJSON())).toContain('"choices.data":{"type":"Data.Query","dataset":"participantsToSignal.b.1"');
    });
    it("my participants is valid, empty or long", () => {
      const p = {
        id: "p1",
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
      };
      for (const participants of [[], [p], Array.from({ length: 40 }, (_, i) => ({ ...p, id: `p${i}` }))]) {
        const json = buildMyParticipantsCard(
          {
            boardId: "b",
            board: { name: "FACT Nordstad", model: "fact", onBoard: 12, caseload: 200 },
            participants,
            hiddenCount: 2,
            aboutUrl: "https://teams.microsoft.com/l/entity/a/b",
            openInBoard: "https://fact.example/tab/?board=b&open=myParticipants",
            refreshUserIds: ["x"],
          },
          locale,
        );
        expect(validate(json)).toEqual([]);
        // Teams caps a message at about 28 KB: 25 participants with their plans and buttons stay well inside.
        expect(JSON.stringify(json).length).toBeLessThan(24_000);
      }
    });

    it("my participants says 'Ej angivet' for a plan nobody stated, never 'Ingen', and flags an overdue SIP follow-up", () => {
      const json = JSON.stringify(
        buildMyParticipantsCard(
          {
            boardId: "b",
            board: { name: "Samverkan Lund", model: "enhancedCollaboration", onBoard: 3, caseload: 0 },
            participants: [
              {
                id: "p1",
                code: "HBG-017",
                initials: "A.B.",
                onBoard: false,
                plans: {
                  crisisPlan: "notSet",
                  earlySignsPlan: "no",
                  sip: { held: "yes", heldOn: "2025-06-01", nextFollowUpOn: "2025-12-01", followUpOverdue: true },
                },
                consentProblem: false,
                consents: [],
              },
            ],
            hiddenCount: 0,
            openInBoard: "https://fact.example/tab/?board=b&open=myParticipants",
            refreshUserIds: ["x"],
          },
          locale,
        ),
      );
      const s = t(locale);
      expect(json).toContain(`${s.crisisPlan}: ${s.planStatus.notSet}`);
      expect(json).toContain(`${s.earlySignsPlan}: ${s.planStatus.no}`);
      expect(json).toContain(s.sipFollowUpOverdue);
      expect(json).not.toMatch(/Ingen krisplan|No crisis plan/);
      // The board says what it is, and a caseload of 0 is no division by zero.
      expect(json).toContain(`Samverkan Lund · ${s.boardModel.enhancedCollaboration} · ${s.caseloadShare(3, 0)}`);
      expect(s.caseloadShare(3, 0)).toMatch(/^3 (av|of) 0 .*\(0\s?%\)$/);
      // Without may.set, no button to change them.
      expect(json).not.toContain("open.participantPlans");
    });

    it("the plans card offers the form only to the record's writer, with every plan and the SIP's details", () => {
      const base = {
        boardId: "b",
        participantId: "p1",
        code: "HBG-017",
        organisations: [
          { id: "r", name: "Psykiatrin" },
          { id: "k", name: "Socialtjänsten" },
        ],
        etag: "W/1",
        openInBoard: "https://fact.example/tab/?board=b&open=participant~p1",
        refreshUserIds: ["x"],
      };
      const plans = {
        crisisPlan: "yes" as const,
        earlySignsPlan: "notSet" as const,
        sip: { held: "notSet" as const, followUpOverdue: false },
      };
      const writer = buildPlansCard({ ...base, plans: { ...plans, may: { set: true } } }, locale);
      expect(validate(writer)).toEqual([]);
      const ids = JSON.stringify(writer);
      for (const id of ["crisisPlan", "earlySignsPlan", "sipHeld", "sipHeldOn", "sipNextFollowUpOn", "sipConvenedBy", "plans.set"])
        expect(ids).toContain(`"${id}"`);
      const reader = buildPlansCard({ ...base, plans: { ...plans, may: { set: false } } }, locale);
      expect(validate(reader)).toEqual([]);
      expect(JSON.stringify(reader)).not.toContain("plans.set");
      expect(JSON.stringify(reader)).toContain(t(locale).planStatus.notSet);
    });
  });
});

describe.each(LOCALES)("the gallery the 450 px browser test renders, in %s", (locale) => {
  it.each(cardGallery(locale))("%s is a valid card", (_name, json) => {
    expect(validate(json)).toEqual([]);
  });
});

describe("verb data", () => {
  it("parses what a card sends and refuses what it should not", () => {
    const ok = VERBS["signal.decline"].safeParse({
      card: "signal",
      boardId: "b",
      signalId: "e",
      audience: "personal",
      etag: "x",
      declineReason: " Inte vår ",
    });
    expect(ok.success && ok.data.declineReason).toBe("Inte vår");
    expect(
      VERBS["signal.decline"].safeParse({
        card: "signal",
        boardId: "b",
        signalId: "e",
        audience: "personal",
        etag: "x",
        declineReason: " ",
      }).success,
    ).toBe(false);
    const given = VERBS["consent.given"].parse({
      card: "consent",
      boardId: "b",
      participantId: "p",
      disclosingOrganisationId: "o",
      givenOn: "2026-03-01",
      validUntil: "2027-03-01",
      receivingOrganisationIds: "org-a,org-b",
    });
    expect(given.receivingOrganisationIds).toEqual(["org-a", "org-b"]);
    expect(
      VERBS["signal.raise"].parse({
        card: "signalForm",
        boardId: "b",
        participantId: "p",
        toOrganisationId: "o",
        kind: "concern",
        urgency: "today",
        requestId: "r",
        proposeBoard: "true",
        note: "",
      }),
    ).toMatchObject({ proposeBoard: true, note: undefined });
    expect(VERBS.refresh.safeParse({ card: "signal", boardId: "../x", signalId: "e", audience: "personal" }).success).toBe(false);
  });
});

describe("the card check itself", () => {
  it("catches unknown elements, elements newer than 1.5, duplicate ids and too many refresh users", () => {
    const bad = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "Foo" },
        { type: "Table", columns: [], rows: [] },
        { type: "Input.Text", id: "x", label: "x" },
        { type: "Input.Text", id: "x", label: "x" },
      ],
      refresh: { action: { type: "Action.Execute", verb: "refresh", data: { card: "help" } }, userIds: manyUsers },
    } as unknown as AdaptiveCard;
    const problems = validate(bad);
    expect(problems.some((p) => p.includes("Foo"))).toBe(true);
    expect(problems.some((p) => p.includes("Table"))).toBe(true);
    expect(problems.some((p) => p.startsWith("validate:"))).toBe(true);
    expect(problems).toContain("refresh.userIds > 60");
  });
});
