// The permission matrix, through HTTP: every route as every role and every relation to the
// participant (case manager / cover / neither; own organisation or another). The expected answer
// is computed from `permissionMatrix` (isAllowed), never written here, so the table cannot drift
// from the one place the rules live.
import type { Role } from "@fact-board/contract";
import { addDays } from "../../bot/src/domain/dates";
import { isAllowed, permissionMatrix, type Permission, type Relation } from "../../bot/src/domain/permissions";
import type { Member } from "../../bot/src/domain/types";
import { aCheckIn, anEntry, uniqueId } from "../support/storage";
import {
  aCoveredAbsence,
  aCoverRequest,
  aFreshParticipant,
  anOpenSignal,
  BOARD,
  DEMO_BOARD_ID,
  freshCode,
  freshInitials,
  ORG,
  registeredRoutes,
  startWorld,
  type World,
} from "./world";

type Who = "caseManager" | "cover" | "neither";

interface Variant {
  label: string;
  relation: Relation;
  /** When one route checks different permissions by situation (own absence or a colleague's). */
  permission?: Permission;
  who?: Who;
  /** Own organisation / the other one, where the rule has `requires: ownOrganisation`. */
  own?: boolean;
  asked?: boolean;
  /** The entry was put on by a partner (Norrby): the actor's region steers it as the board's lead organisation (issue 24). */
  partnersEntry?: boolean;
  /** The actor is marked a meeting leader (Mötesledare) for the call, or explicitly not (issue 26). */
  leader?: boolean;
}

interface RouteCase {
  route: string;
  permission?: Permission;
  variants: Variant[];
  okStatus: number;
  request(w: World, actor: Member, v: Variant): Promise<{ path: string; body?: unknown }>;
}

const ANY: Variant[] = [{ label: "any relation", relation: {} }];
const PARTICIPANT_RELATIONS: Variant[] = [
  { label: "case manager", relation: { caseManagerOrCover: true }, who: "caseManager" },
  { label: "covering for the case manager", relation: { caseManagerOrCover: true }, who: "cover" },
  { label: "neither case manager nor cover", relation: { caseManagerOrCover: false }, who: "neither" },
];
const WITH_ORGANISATION: Variant[] = [
  { label: "case manager, own organisation", relation: { caseManagerOrCover: true, ownOrganisation: true }, who: "caseManager", own: true },
  { label: "cover, own organisation", relation: { caseManagerOrCover: true, ownOrganisation: true }, who: "cover", own: true },
  { label: "neither, own organisation", relation: { caseManagerOrCover: false, ownOrganisation: true }, who: "neither", own: true },
  {
    label: "case manager, another organisation",
    relation: { caseManagerOrCover: true, ownOrganisation: false },
    who: "caseManager",
    own: false,
  },
  { label: "neither, another organisation", relation: { caseManagerOrCover: false, ownOrganisation: false }, who: "neither", own: false },
];

/** Whether an admin marked the actor a meeting leader: who may start and lead the walkthrough (issue 26). */
const LEADER: Variant[] = [
  { label: "not a meeting leader", relation: { meetingLeader: false }, leader: false },
  { label: "meeting leader", relation: { meetingLeader: true }, leader: true },
];

const REVIEWER: Variant[] = [
  { label: "named log reviewer", relation: { namedLogReviewer: true } },
  { label: "not a named log reviewer", relation: { namedLogReviewer: false } },
];

let w: World;
let dayCounter = 0;

/**
 * Night-time reads by two region members: the sample (drawn once, on first opening) takes every
 * access outside meeting times, so whoever reviews finds a record that is not their own.
 */
async function accessesToReview() {
  await w.app.storage.audit.append(
    [w.member("coordinator"), w.member("manager")].map((m) => ({
      boardId: DEMO_BOARD_ID,
      at: `${w.today()}T01:00:00.000Z`,
      actor: { tenantId: m.tenantId, objectId: m.objectId, organisationId: m.organisationId, role: m.role },
      what: "viewedDetails" as const,
      participantId: "night-read",
      participantCode: "ZQX-9999",
      channel: "tab" as const,
      outcome: "allowed" as const,
    })),
  );
}

/** The region's log reviewers: its manager (who draws the period) and, if `named`, the actor too. */
async function nameReviewer(actor: Member, named: boolean) {
  const stored = await w.app.storage.logReviews.getReviewers(DEMO_BOARD_ID, ORG.region);
  const memberIds = [...new Set([w.member("manager").id, ...(named ? [actor.id] : [])])].filter((id) => named || id !== actor.id);
  const reviewers = {
    boardId: DEMO_BOARD_ID,
    organisationId: ORG.region,
    memberIds,
    updatedBy: actor.id,
    updatedAt: new Date().toISOString(),
  };
  await w.app.storage.logReviews.saveReviewers(reviewers, stored ? { expectedEtag: stored.etag } : {});
}
/** A date range no other test uses, so absences never overlap. */
const freshDays = () => {
  const from = addDays(w.today(), 30 + 3 * ++dayCounter);
  return { from, to: from };
};
const someoneElse = () => w.byName("Tove Testdotter");

/** A participant written by the actor's organisation, related to the actor as the variant says. */
async function participantFor(actor: Member, v: Variant, onBoard: boolean) {
  const caseManagerId = v.who === "caseManager" ? actor.id : v.who === "cover" ? await aCoveredAbsence(w, actor) : someoneElse().id;
  const consents = [
    { from: ORG.region, to: [ORG.north] },
    { from: ORG.north, to: [ORG.region] },
  ];
  if (!v.partnersEntry) return aFreshParticipant(w, { caseManagerId, onBoard, consents });
  // The region's participant, on the board by Norrby's hand: the region (the demo board's lead organisation) steers it.
  const { participant } = await aFreshParticipant(w, { caseManagerId, onBoard: false, consents });
  const entry = await w.app.storage.entries.create(
    anEntry(DEMO_BOARD_ID, participant.id, {
      id: uniqueId("e"),
      writtenBy: ORG.north,
      reasonNote: "Norrbys skäl",
      putOnOn: addDays(w.today(), -2),
      putOnBy: w.member("coordinator", ORG.north).id,
      nextEvaluationOn: addDays(w.today(), 5),
      updatedAt: `${w.today()}T07:00:00.000Z`,
      updatedBy: w.member("coordinator", ORG.north).id,
    }),
  );
  return { participant, entry };
}

/** The same relations on an entry a partner put on: what the lead organisation's people may do (`entry.steer`). */
const STEERING: Variant[] = PARTICIPANT_RELATIONS.map((v) => ({
  ...v,
  label: `${v.label}, a partner's entry (lead organisation)`,
  relation: { ...v.relation, leadOrganisation: true },
  permission: "entry.steer",
  partnersEntry: true,
}));

/** A study of the demo board whose data manager is Norrby's manager (no actor here), and `dataManager` if given. */
async function aStudy(dataManager?: Member) {
  const now = `${w.today()}T07:00:00.000Z`;
  const by = w.member("admin").id;
  return w.app.storage.studies.create({
    id: uniqueId("study"),
    boardId: DEMO_BOARD_ID,
    name: "Fiktiv studie",
    ethicsApprovalReference: "Dnr 2019-01234",
    from: "2026-01-01",
    to: "2026-12-31",
    dataManagerIds: [w.member("manager", ORG.north).id, ...(dataManager ? [dataManager.id] : [])],
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
  });
}

/** A participant the actor's organisation sees, related as the variant says, with a research consent for a fresh study. */
async function consentedForStudy(actor: Member, v: Variant, enrolled: boolean) {
  const study = await aStudy();
  const { participant } = await participantFor(actor, v, false);
  const enrolment = await w.app.storage.studies.saveEnrolment({
    boardId: DEMO_BOARD_ID,
    studyId: study.id,
    participantId: participant.id,
    researchConsent: { givenOn: "2026-02-01", organisationId: ORG.region, recordedBy: actor.id, recordedAt: `${w.today()}T07:00:00.000Z` },
    ...(enrolled ? { studyParticipantId: uniqueId("LU"), enrolledAt: `${w.today()}T07:00:00.000Z`, enrolledBy: actor.id } : {}),
  });
  return { path: `${BOARD}/studies/${study.id}/participants/${participant.id}`, etag: enrolment.etag };
}

/** Whoever may see the participant acts on their study data (study.enrol): the actor's organisation always does here. */
const SEEING: Variant[] = PARTICIPANT_RELATIONS.map((v) => ({ ...v, relation: { ...v.relation, seesParticipant: true } }));
const DATA_MANAGER: Variant[] = [
  { label: "the study's data manager", relation: { studyDataManager: true } },
  { label: "not the study's data manager", relation: { studyDataManager: false } },
];

const entryRoute = (
  route: string,
  permission: Permission,
  body: (etag: string) => Record<string, unknown>,
  suffix = "",
  variants: Variant[] = PARTICIPANT_RELATIONS,
): RouteCase => ({
  route,
  permission,
  variants,
  okStatus: 200,
  async request(_w, actor, v) {
    const { participant, entry } = await participantFor(actor, v, true);
    return { path: `${BOARD}/entries/${participant.id}${suffix}`, body: body(entry!.etag) };
  },
});

/** An ongoing intervention of the actor's organisation on a participant related to the actor as the variant says. */
async function anInterventionOf(actor: Member, v: Variant) {
  const { participant } = await participantFor(actor, v, true);
  const intervention = await w.app.storage.interventions.create({
    boardId: DEMO_BOARD_ID,
    participantId: participant.id,
    id: uniqueId("i"),
    organisationId: actor.organisationId,
    kind: "housingSupport",
    startedOn: addDays(w.today(), -30),
    writtenBy: actor.id,
    writtenAt: `${w.today()}T07:00:00.000Z`,
  });
  return { participant, intervention };
}

const CASES: RouteCase[] = [
  { route: "GET /api/me", variants: ANY, okStatus: 200, request: async () => ({ path: "/api/me" }) },
  { route: "GET /api/boards/:boardId", permission: "board.read", variants: ANY, okStatus: 200, request: async () => ({ path: BOARD }) },
  {
    route: "GET /api/boards/:boardId/inbox",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/inbox` }),
  },
  {
    route: "GET /api/boards/:boardId/overview",
    permission: "overview.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/overview` }),
  },
  {
    route: "GET /api/boards/:boardId/participants",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/participants?q=ZQX` }),
  },
  {
    route: "POST /api/boards/:boardId/participants",
    permission: "participant.create",
    variants: ANY,
    okStatus: 201,
    request: async (_w, actor) => ({
      path: `${BOARD}/participants`,
      body: { code: freshCode(), initials: freshInitials(), caseManagerId: actor.id, organisationIds: [actor.organisationId] },
    }),
  },
  {
    route: "GET /api/boards/:boardId/participants/:participantId/history",
    permission: "board.read",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    request: async (_w, actor, v) => ({ path: `${BOARD}/participants/${(await participantFor(actor, v, true)).participant.id}/history` }),
  },
  {
    route: "GET /api/boards/:boardId/participants/:participantId/consents",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    request: async (_w, actor, v) => ({ path: `${BOARD}/participants/${(await participantFor(actor, v, false)).participant.id}/consents` }),
  },
  {
    route: "PUT /api/boards/:boardId/participants/:participantId/consents/:organisationId",
    permission: "consent.record",
    variants: WITH_ORGANISATION,
    okStatus: 200,
    async request(_w, actor, v) {
      const caseManagerId = v.who === "caseManager" ? actor.id : v.who === "cover" ? await aCoveredAbsence(w, actor) : someoneElse().id;
      const { participant } = await aFreshParticipant(w, { caseManagerId, organisationIds: [ORG.region, ORG.north] });
      const disclosing = v.own ? ORG.region : ORG.north;
      const today = w.today();
      return {
        path: `${BOARD}/participants/${participant.id}/consents/${disclosing}`,
        body: {
          status: "given",
          receivingOrganisationIds: [v.own ? ORG.north : ORG.region],
          givenOn: today,
          validUntil: addDays(today, 180),
        },
      };
    },
  },
  {
    route: "GET /api/boards/:boardId/participants/:participantId/contacts",
    permission: "board.read",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    request: async (_w, actor, v) => ({ path: `${BOARD}/participants/${(await participantFor(actor, v, true)).participant.id}/contacts` }),
  },
  {
    route: "PUT /api/boards/:boardId/participants/:participantId/contacts",
    permission: "contact.write",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    request: async (_w, actor, v) => ({
      path: `${BOARD}/participants/${(await participantFor(actor, v, true)).participant.id}/contacts`,
      body: { kind: "external", name: "Fia Påhittad", role: "Boendestödjare", phone: "070-174 06 50" },
    }),
  },
  {
    route: "GET /api/boards/:boardId/me/work-phone",
    permission: "workPhone.editOwn",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/me/work-phone` }),
  },
  {
    route: "PUT /api/boards/:boardId/me/work-phone",
    permission: "workPhone.editOwn",
    variants: ANY,
    okStatus: 200,
    async request(_w, actor) {
      const own = await w.app.storage.members.get(DEMO_BOARD_ID, actor.id);
      return { path: `${BOARD}/me/work-phone`, body: { etag: own!.etag, phone: "010-123 45 67" } };
    },
  },
  {
    route: "GET /api/boards/:boardId/todays-decisions",
    permission: "decisions.readOwn",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/todays-decisions` }),
  },
  {
    route: "PUT /api/boards/:boardId/participants/:participantId/plans",
    permission: "participant.setPlans",
    variants: WITH_ORGANISATION,
    okStatus: 200,
    async request(_w, actor, v) {
      // Own organisation: the region wrote the record; another: Norrby did (its consent lets the region see it).
      const caseManagerId = v.who === "caseManager" ? actor.id : v.who === "cover" ? await aCoveredAbsence(w, actor) : someoneElse().id;
      const { participant } = await aFreshParticipant(w, {
        writtenBy: v.own ? ORG.region : ORG.north,
        caseManagerId,
        organisationIds: [ORG.region, ORG.north],
        consents: [
          { from: ORG.region, to: [ORG.north] },
          { from: ORG.north, to: [ORG.region] },
        ],
      });
      return {
        path: `${BOARD}/participants/${participant.id}/plans`,
        body: { etag: participant.etag, crisisPlan: "yes", sip: { held: "yes", heldOn: addDays(w.today(), -10) } },
      };
    },
  },
  {
    route: "POST /api/boards/:boardId/participants/:participantId/leave",
    permission: "entry.takeOff",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    request: async (_w, actor, v) => ({
      path: `${BOARD}/participants/${(await participantFor(actor, v, true)).participant.id}/leave`,
      body: {},
    }),
  },
  {
    route: "POST /api/boards/:boardId/entries",
    permission: "entry.putOn",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 201,
    async request(_w, actor, v) {
      const { participant } = await participantFor(actor, v, false);
      return {
        path: `${BOARD}/entries`,
        body: { participantId: participant.id, reason: "crisis", priority: "high", nextEvaluationOn: addDays(w.today(), 7) },
      };
    },
  },
  entryRoute("PATCH /api/boards/:boardId/entries/:participantId", "entry.edit", (etag) => ({ etag, priority: "low" }), "", [
    ...PARTICIPANT_RELATIONS,
    ...STEERING,
  ]),
  {
    ...entryRoute(
      "POST /api/boards/:boardId/entries/:participantId/actions",
      "entry.edit",
      (etag) => ({ etag, what: "Ringa boendestödet", responsibleId: someoneElse().id, byWhen: addDays(w.today(), 1) }),
      "/actions",
    ),
    okStatus: 201,
  },
  entryRoute(
    "PATCH /api/boards/:boardId/entries/:participantId/actions/:actionId",
    "entry.edit",
    (etag) => ({ etag, done: true }),
    "/actions/a1",
  ),
  entryRoute("POST /api/boards/:boardId/entries/:participantId/review", "entry.review", (etag) => ({ etag }), "/review"),
  entryRoute(
    "PUT /api/boards/:boardId/entries/:participantId/since-last",
    "sinceLast.write",
    () => ({ text: "Påhittad: sedan sist" }),
    "/since-last",
  ),
  {
    // Any member whose organisation sees the participant (one it may not see is a 404, as everywhere).
    route: "POST /api/boards/:boardId/participants/:participantId/raise-today",
    permission: "participant.raiseToday",
    variants: [{ label: "their organisation sees the participant", relation: { seesParticipant: true } }],
    okStatus: 201,
    async request(_w, actor) {
      const { participant } = await participantFor(actor, { label: "", relation: {}, who: "neither" }, false);
      return { path: `${BOARD}/participants/${participant.id}/raise-today`, body: { reason: "Påhittad: tas upp idag" } };
    },
  },
  // Pågående insatser (issue 26): the own organisation's interventions.
  {
    route: "POST /api/boards/:boardId/participants/:participantId/interventions",
    permission: "intervention.keep",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 201,
    async request(_w, actor, v) {
      const { participant } = await participantFor(actor, v, true);
      return {
        path: `${BOARD}/participants/${participant.id}/interventions`,
        body: { kind: "depotMedication", label: "Var tredje vecka" },
      };
    },
  },
  {
    route: "PUT /api/boards/:boardId/participants/:participantId/interventions/:interventionId",
    permission: "intervention.keep",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    async request(_w, actor, v) {
      const { participant, intervention } = await anInterventionOf(actor, v);
      return {
        path: `${BOARD}/participants/${participant.id}/interventions/${intervention.id}`,
        body: { etag: intervention.etag, label: "Varannan vecka" },
      };
    },
  },
  {
    route: "POST /api/boards/:boardId/participants/:participantId/interventions/:interventionId/end",
    permission: "intervention.keep",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 200,
    async request(_w, actor, v) {
      const { participant, intervention } = await anInterventionOf(actor, v);
      return { path: `${BOARD}/participants/${participant.id}/interventions/${intervention.id}/end`, body: { etag: intervention.etag } };
    },
  },
  // Deltagarens mål (issue 26): the case manager's organisation writes it.
  {
    route: "PUT /api/boards/:boardId/participants/:participantId/goal",
    permission: "participant.setGoal",
    variants: [
      { label: "case manager", relation: { caseManagerOrCover: true, ownOrganisation: true }, who: "caseManager", own: true },
      {
        label: "neither, the case manager of the own organisation",
        relation: { caseManagerOrCover: false, ownOrganisation: true },
        who: "neither",
        own: true,
      },
      {
        label: "neither, the case manager of another organisation",
        relation: { caseManagerOrCover: false, ownOrganisation: false },
        who: "neither",
        own: false,
      },
    ],
    okStatus: 200,
    async request(_w, actor, v) {
      const caseManagerId = v.who === "caseManager" ? actor.id : v.own ? someoneElse().id : w.member("coordinator", ORG.north).id;
      const { participant } = await aFreshParticipant(w, {
        caseManagerId,
        consents: [
          { from: ORG.region, to: [ORG.north] },
          { from: ORG.north, to: [ORG.region] },
        ],
      });
      return { path: `${BOARD}/participants/${participant.id}/goal`, body: { etag: participant.etag, text: "Ha kvar lägenheten" } };
    },
  },
  entryRoute(
    "POST /api/boards/:boardId/entries/:participantId/take-off",
    "entry.takeOff",
    (etag) => ({ etag, outcome: "stable" }),
    "/take-off",
    [...PARTICIPANT_RELATIONS, ...STEERING],
  ),
  {
    route: "POST /api/boards/:boardId/signals",
    permission: "signal.raise",
    variants: PARTICIPANT_RELATIONS,
    okStatus: 201,
    async request(_w, actor, v) {
      const { participant } = await participantFor(actor, v, false);
      return {
        path: `${BOARD}/signals`,
        body: { participantId: participant.id, toOrganisationId: ORG.north, kind: "concern", urgency: "today" },
      };
    },
  },
  {
    route: "GET /api/boards/:boardId/signals/:signalId",
    variants: ANY,
    okStatus: 200,
    async request(_w, actor, v) {
      const { participant } = await participantFor(actor, v, false);
      return { path: `${BOARD}/signals/${(await anOpenSignal(w, participant.id, ORG.region, ORG.north, someoneElse().id)).id}` };
    },
  },
  {
    route: "POST /api/boards/:boardId/signals/:signalId/answer",
    permission: "signal.answer",
    variants: WITH_ORGANISATION,
    okStatus: 200,
    async request(_w, actor, v) {
      const { participant } = await participantFor(actor, v, false);
      // Own organisation: the signal was sent to the actor's organisation; otherwise the actor's organisation sent it.
      const signal = v.own
        ? await anOpenSignal(w, participant.id, ORG.north, ORG.region, w.member("staff", ORG.north).id)
        : await anOpenSignal(w, participant.id, ORG.region, ORG.north, someoneElse().id);
      return { path: `${BOARD}/signals/${signal.id}/answer`, body: { answer: "acknowledge", etag: signal.etag } };
    },
  },
  {
    route: "POST /api/boards/:boardId/absences",
    variants: [
      { label: "own absence", relation: {}, permission: "absence.registerOwn" },
      {
        label: "a colleague of the own organisation",
        relation: { ownOrganisation: true },
        permission: "absence.registerForOther",
        own: true,
      },
      {
        label: "someone of another organisation",
        relation: { ownOrganisation: false },
        permission: "absence.registerForOther",
        own: false,
      },
    ],
    okStatus: 201,
    async request(_w, actor, v) {
      const memberId = v.permission === "absence.registerOwn" ? undefined : v.own ? someoneElse().id : w.member("staff", ORG.north).id;
      return { path: `${BOARD}/absences`, body: { ...(memberId ? { memberId } : {}), ...freshDays(), reason: "vacation" } };
    },
  },
  {
    route: "POST /api/boards/:boardId/absences/:absenceId/cover",
    permission: "cover.answer",
    variants: [
      { label: "the substitute being asked", relation: { askedSubstitute: true }, asked: true },
      { label: "a colleague not being asked", relation: { askedSubstitute: false }, asked: false },
    ],
    okStatus: 200,
    async request(_w, actor, v) {
      const absence = await aCoverRequest(w, someoneElse(), v.asked ? actor.id : w.byName("Filip Demosson").id);
      return { path: `${BOARD}/absences/${absence.id}/cover`, body: { etag: absence.etag, answer: "accept" } };
    },
  },
  {
    route: "POST /api/boards/:boardId/absences/:absenceId/cancel",
    variants: [
      { label: "own absence", relation: {}, permission: "absence.registerOwn" },
      { label: "a colleague's, own organisation", relation: { ownOrganisation: true }, permission: "absence.registerForOther", own: true },
      {
        label: "someone's of another organisation",
        relation: { ownOrganisation: false },
        permission: "absence.registerForOther",
        own: false,
      },
    ],
    okStatus: 200,
    async request(_w, actor, v) {
      const absent = v.permission === "absence.registerOwn" ? actor : v.own ? someoneElse() : w.member("staff", ORG.north);
      const absence = await aCoverRequest(w, absent, w.byName("Filip Demosson").id);
      return { path: `${BOARD}/absences/${absence.id}/cancel`, body: { etag: absence.etag } };
    },
  },
  {
    route: "GET /api/boards/:boardId/check-ins/:date",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    async request() {
      const date = addDays(w.today(), -40 - ++dayCounter); // before the demo's four weeks of check-ins
      await w.app.storage.checkIns.save(
        aCheckIn(DEMO_BOARD_ID, date, { attendeeIds: [someoneElse().id], reviewedParticipantIds: [], recordedBy: someoneElse().id }),
      );
      return { path: `${BOARD}/check-ins/${date}` };
    },
  },
  {
    route: "GET /api/boards/:boardId/meetings",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/meetings` }),
  },
  {
    route: "GET /api/boards/:boardId/walkthrough",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/walkthrough` }),
  },
  {
    route: "POST /api/boards/:boardId/walkthrough",
    permission: "checkIn.record",
    variants: LEADER,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/walkthrough`, body: {} }),
  },
  {
    route: "POST /api/boards/:boardId/walkthrough/join",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    async request() {
      await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/walkthrough`, {});
      return { path: `${BOARD}/walkthrough/join`, body: {} };
    },
  },
  {
    route: "POST /api/boards/:boardId/walkthrough/events",
    permission: "checkIn.record",
    variants: LEADER,
    okStatus: 200,
    async request() {
      await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/walkthrough`, {});
      return { path: `${BOARD}/walkthrough/events`, body: { type: "takeOver" } };
    },
  },
  {
    route: "GET /api/boards/:boardId/walkthrough/current",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    async request() {
      await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/walkthrough`, {});
      return { path: `${BOARD}/walkthrough/current` };
    },
  },
  {
    route: "POST /api/boards/:boardId/walkthrough/presence",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    async request() {
      await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/walkthrough`, {});
      return { path: `${BOARD}/walkthrough/presence`, body: {} };
    },
  },
  {
    route: "GET /api/boards/:boardId/audit",
    permission: "audit.read",
    variants: ANY,
    okStatus: 200,
    request: async (_w, actor) => ({
      path: `${BOARD}/audit?participantId=${(await participantFor(actor, { label: "", relation: {} }, true)).participant.id}`,
    }),
  },
  {
    route: "GET /api/boards/:boardId/audit.csv",
    permission: "audit.read",
    variants: ANY,
    okStatus: 200,
    request: async (_w, actor) => ({
      path: `${BOARD}/audit.csv?participantId=${(await participantFor(actor, { label: "", relation: {} }, true)).participant.id}`,
    }),
  },
  {
    route: "GET /api/boards/:boardId/log-reviewers/:organisationId",
    permission: "logReview.appoint",
    variants: [
      { label: "own organisation", relation: { ownOrganisation: true }, own: true },
      { label: "another organisation", relation: { ownOrganisation: false }, own: false },
    ],
    okStatus: 200,
    request: async (_w, actor, v) => ({ path: `${BOARD}/log-reviewers/${v.own ? actor.organisationId : ORG.north}` }),
  },
  {
    route: "PUT /api/boards/:boardId/log-reviewers/:organisationId",
    permission: "logReview.appoint",
    variants: [
      { label: "own organisation", relation: { ownOrganisation: true }, own: true },
      { label: "another organisation", relation: { ownOrganisation: false }, own: false },
    ],
    okStatus: 200,
    async request(_w, actor, v) {
      const organisationId = v.own ? actor.organisationId : ORG.north;
      const stored = await w.app.storage.logReviews.getReviewers(DEMO_BOARD_ID, organisationId);
      const memberIds = [w.member("manager", organisationId).id];
      return { path: `${BOARD}/log-reviewers/${organisationId}`, body: stored ? { memberIds, etag: stored.etag } : { memberIds } };
    },
  },
  ...["", "/report.csv"].map((suffix): RouteCase => ({
    route: `GET /api/boards/:boardId/log-reviews/:period${suffix}`,
    permission: "logReview.perform",
    variants: REVIEWER,
    okStatus: 200,
    async request(_w, actor, v) {
      // The report needs the period drawn: a named reviewer of the region draws it first.
      await nameReviewer(w.member("manager"), true);
      await accessesToReview();
      await w.call(w.member("manager"), "GET", `${BOARD}/log-reviews/${w.today().slice(0, 7)}`);
      await nameReviewer(actor, v.relation.namedLogReviewer === true);
      return { path: `${BOARD}/log-reviews/${w.today().slice(0, 7)}${suffix}` };
    },
  })),
  {
    route: "POST /api/boards/:boardId/log-reviews/:period/items/:itemId",
    permission: "logReview.perform",
    variants: REVIEWER,
    okStatus: 200,
    async request(_w, actor, v) {
      const period = w.today().slice(0, 7);
      await nameReviewer(w.member("manager"), true);
      await accessesToReview();
      const review = (await w.call(w.member("manager"), "GET", `${BOARD}/log-reviews/${period}`)).body;
      await nameReviewer(actor, v.relation.namedLogReviewer === true);
      const item = review.items.find((i: { ownAccess: boolean; memberId: string }) => i.memberId !== actor.id);
      return { path: `${BOARD}/log-reviews/${period}/items/${item?.id ?? "none"}`, body: { status: "inOrder", etag: review.etag } };
    },
  },
  ...["", ".csv"].map((suffix): RouteCase => ({
    route: `GET /api/boards/:boardId/participants/:participantId/log-extract${suffix}`,
    permission: "audit.read",
    variants: ANY,
    okStatus: 200,
    request: async (_w, actor) => ({
      path: `${BOARD}/participants/${(await participantFor(actor, { label: "", relation: {} }, true)).participant.id}/log-extract${suffix}`,
    }),
  })),
  {
    route: "GET /api/boards/:boardId/statistics.csv",
    permission: "statistics.export",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/statistics.csv?months=2` }),
  },
  ...["", ".csv"].map((suffix): RouteCase => ({
    route: `GET /api/boards/:boardId/follow-up${suffix}`,
    permission: "followUp.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/follow-up${suffix}?year=2026` }),
  })),
  {
    route: "GET /api/boards/:boardId/studies",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async () => ({ path: `${BOARD}/studies` }),
  },
  {
    route: "POST /api/boards/:boardId/studies",
    permission: "study.manage",
    variants: ANY,
    okStatus: 201,
    request: async (_w, actor) => ({
      path: `${BOARD}/studies`,
      body: {
        name: "Fiktiv studie",
        ethicsApprovalReference: "Dnr 2019-01234",
        from: "2026-01-01",
        to: "2026-12-31",
        dataManagerIds: [actor.id],
      },
    }),
  },
  {
    route: "PATCH /api/boards/:boardId/studies/:studyId",
    permission: "study.manage",
    variants: ANY,
    okStatus: 200,
    async request() {
      const study = await aStudy();
      return { path: `${BOARD}/studies/${study.id}`, body: { etag: study.etag, name: "Fiktiv studie, ny" } };
    },
  },
  {
    route: "GET /api/boards/:boardId/participants/:participantId/studies",
    permission: "board.read",
    variants: ANY,
    okStatus: 200,
    request: async (_w, actor) => ({
      path: `${BOARD}/participants/${(await participantFor(actor, { label: "", relation: {} }, false)).participant.id}/studies`,
    }),
  },
  {
    route: "PUT /api/boards/:boardId/studies/:studyId/participants/:participantId/research-consent",
    permission: "study.enrol",
    variants: SEEING,
    okStatus: 200,
    async request(_w, actor, v) {
      const study = await aStudy();
      const { participant } = await participantFor(actor, v, false);
      return { path: `${BOARD}/studies/${study.id}/participants/${participant.id}/research-consent`, body: { givenOn: "2026-02-01" } };
    },
  },
  {
    route: "POST /api/boards/:boardId/studies/:studyId/participants/:participantId/enrol",
    permission: "study.enrol",
    variants: SEEING,
    okStatus: 200,
    async request(_w, actor, v) {
      const { path, etag } = await consentedForStudy(actor, v, false);
      return { path: `${path}/enrol`, body: { studyParticipantId: uniqueId("LU"), etag } };
    },
  },
  {
    route: "POST /api/boards/:boardId/studies/:studyId/participants/:participantId/withdraw",
    permission: "study.enrol",
    variants: SEEING,
    okStatus: 200,
    async request(_w, actor, v) {
      const { path, etag } = await consentedForStudy(actor, v, true);
      return { path: `${path}/withdraw`, body: { withdrawnOn: w.today(), etag } };
    },
  },
  {
    route: "GET /api/boards/:boardId/studies/:studyId/export.csv",
    permission: "study.export",
    variants: DATA_MANAGER,
    okStatus: 200,
    async request(_w, actor, v) {
      const study = await aStudy(v.relation.studyDataManager ? actor : undefined);
      return { path: `${BOARD}/studies/${study.id}/export.csv` };
    },
  },
];

const ROLES: Role[] = ["coordinator", "staff", "manager", "admin"];
/** One region member per role; staff is a colleague who is not away in the demo team. */
const actorOf = (role: Role): Member => (role === "staff" ? w.byName("David Exempel") : w.member(role));

/** Marks (or unmarks) the member a meeting leader in storage: the role and the flag are read at each request. */
async function markLeader(member: Member, leader: boolean) {
  const stored = await w.app.storage.members.get(DEMO_BOARD_ID, member.id);
  if (!stored || (stored.meetingLeader === true) === leader) return;
  const { etag, meetingLeader: _was, ...rest } = stored;
  await w.app.storage.members.update(leader ? { ...rest, meetingLeader: true } : rest, { expectedEtag: etag });
}

beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

describe("the table covers the API", () => {
  it("has a row for every route the server registers", () => {
    expect(CASES.map((c) => c.route).sort()).toEqual(registeredRoutes());
  });

  it("exercises every permission of the matrix", () => {
    const used = new Set(CASES.flatMap((c) => [c.permission, ...c.variants.map((v) => v.permission)]).filter(Boolean));
    // The setup permissions (issue 11, api/admin-routes.ts) are walked by tests/api/board-setup.test.ts
    // on an empty store; TODO: give their routes rows here too.
    const setup: Permission[] = [
      "participant.edit",
      "participant.import",
      "board.configure",
      "organisation.manage",
      "member.manage",
      "member.manageOwnOrganisation",
      "adminAudit.read",
      // Checked on the member named as case manager (tests/api/admin-rights.test.ts).
      "participant.beCaseManager",
      // Issue 27: pairing across organisations and working patterns (tests/api/cover-and-patterns.test.ts).
      "member.substituteAcrossOrganisations",
      "workingPattern.editOwn",
      "workingPattern.editOthers",
    ];
    expect([...used, ...setup].sort()).toEqual(Object.keys(permissionMatrix).sort());
  });
});

const rows = CASES.flatMap((c) =>
  ROLES.flatMap((role) =>
    c.variants.map((v) => {
      const permission = v.permission ?? c.permission;
      const allowed = permission === undefined || isAllowed(role, permission, v.relation);
      return { c, role, v, permission, allowed, title: `${c.route} as ${role} (${v.label}) → ${allowed ? "allowed" : "403"}` };
    }),
  ),
);

describe("every route as every role and relation", () => {
  it.each(rows)("$title", async ({ c, role, v, allowed }) => {
    const actor = actorOf(role);
    const { path, body } = await c.request(w, actor, v);
    const method = c.route.split(" ")[0]!;
    if (v.leader !== undefined) await markLeader(actor, v.leader);
    const res = await w.call(actor, method, path, body).finally(() => v.leader && markLeader(actor, false));
    if (allowed) {
      expect({ status: res.status, body: res.status === c.okStatus ? "ok" : res.body }).toEqual({ status: c.okStatus, body: "ok" });
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "Forbidden" } });
    }
  });
});

describe("a member of another organisation", () => {
  it("gets 404 — not 403 — for a participant their organisation may not see, whatever their role", async () => {
    // Written by the region, no consent for the north: the north does not learn the participant exists.
    const { participant, entry } = await aFreshParticipant(w, {
      onBoard: true,
      caseManagerId: someoneElse().id,
      organisationIds: [ORG.region, ORG.north],
    });
    for (const role of ["coordinator", "staff", "manager"] as const) {
      const north = w.member(role, ORG.north);
      for (const [method, path, body] of [
        ["GET", `${BOARD}/participants/${participant.id}/history`, undefined],
        ["GET", `${BOARD}/participants/${participant.id}/consents`, undefined],
        ["PATCH", `${BOARD}/entries/${participant.id}`, { etag: entry!.etag, priority: "low" }],
        ["POST", `${BOARD}/entries/${participant.id}/take-off`, { etag: entry!.etag, outcome: "stable" }],
        ["POST", `${BOARD}/participants/${participant.id}/leave`, {}],
      ] as const) {
        const res = await w.call(north, method, path, body);
        expect(`${role} ${method} ${path} → ${res.status}`).toBe(`${role} ${method} ${path} → 404`);
      }
    }
  });
});
