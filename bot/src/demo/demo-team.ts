import type { SinceLastNote } from "../domain/since-last";
import type { ParticipantContact } from "../domain/contacts";
import { demoContacts, withDemoWorkPhones } from "./demo-contacts";
import type { Intervention } from "../domain/interventions";
import type { BoardReason, Priority, Role, SignalKind } from "@fact-board/contract";
import { addDays, workingDaysBetween } from "../domain/dates";
import { isScheduledOn, meetingParticipants } from "../domain/meeting-schedule";
import { localTimeToInstant } from "../domain/working-hours";
import { answerDeadline } from "../domain/signal";
import { registerAbsence } from "../domain/cover";
import { allowedTenantsOf, assertSubstitutes } from "../domain/membership";
import { assertRegistrable } from "../domain/participant-registration";
import {
  memberIdOf,
  type Absence,
  type Board,
  type BoardEntry,
  type CheckIn,
  type RecurringMeeting,
  type Consent,
  type Signal,
  type Member,
  type Organisation,
  type Participant,
} from "../domain/types";

// A fictitious FACT team for the demo, the tests and the bench. Everything here is invented and
// says so: tenants are 0000… GUIDs, codes start with FIK- (fiktiv), names are obvious inventions.
// Deterministic (seeded), so tests can rely on who sees what.

export const DEMO_BOARD_ID = "demo-fact-exempelstad";

export const DEMO_TENANTS = {
  region: "00000000-0000-4000-8000-000000000001",
  north: "00000000-0000-4000-8000-000000000002",
  south: "00000000-0000-4000-8000-000000000003",
  west: "00000000-0000-4000-8000-000000000004",
} as const;

type OrgKey = keyof typeof DEMO_TENANTS;

/** The guest account in the hosting (region) tenant of Norrby's coordinator, Hugo Fiktivsson. */
export const DEMO_GUEST_IDENTITY = { tenantId: DEMO_TENANTS.region, objectId: "00000000-0000-4000-b000-000000000008" } as const;

/** The user the Agents Playground always sends as (not a real tenant or person). */
export const AGENTS_PLAYGROUND_USER = {
  tenantId: "00000000-0000-0000-0000-0000000000001",
  objectId: "00000000-0000-0000-0000-0000000000020",
} as const;

export const DEMO_MEETINGS: RecurringMeeting[] = [
  {
    id: "morgonmote",
    name: "Morgonmöte, alla",
    days: "workingDays",
    time: "08:30",
    organisationIds: ["region-psykiatri", "norrby-soc", "sodervik-soc", "vastra-vo"],
  },
  { id: "norrby", name: "Norrby tisdag och torsdag", days: ["tue", "thu"], time: "13:00", organisationIds: ["norrby-soc"] },
];

const ORGANISATIONS: Array<{ key: OrgKey; id: string; name: string; kind: Organisation["kind"]; retentionDays: number }> = [
  {
    key: "region",
    id: "region-psykiatri",
    name: "Psykiatrimottagning Exempelstad (fiktiv)",
    kind: "regionPsychiatry",
    retentionDays: 3650,
  },
  {
    key: "north",
    id: "norrby-soc",
    name: "Norrby kommun, socialförvaltningen (fiktiv)",
    kind: "municipalSocialServices",
    retentionDays: 1825,
  },
  {
    key: "south",
    id: "sodervik-soc",
    name: "Södervik kommun, socialförvaltningen (fiktiv)",
    kind: "municipalSocialServices",
    retentionDays: 1825,
  },
  { key: "west", id: "vastra-vo", name: "Västra kommun, vård och omsorg (fiktiv)", kind: "municipalCare", retentionDays: 1825 },
];

const PEOPLE: Array<{ org: OrgKey; name: string; role: Role }> = [
  { org: "region", name: "Ada Fiktiv", role: "coordinator" },
  { org: "region", name: "Bertil Påhittad", role: "staff" },
  { org: "region", name: "Cecilia Låtsas", role: "staff" },
  { org: "region", name: "David Exempel", role: "staff" },
  { org: "region", name: "Eva Testsson", role: "manager" },
  { org: "region", name: "Filip Demosson", role: "staff" },
  { org: "region", name: "Greta Provberg", role: "admin" },
  { org: "north", name: "Hugo Fiktivsson", role: "coordinator" },
  { org: "north", name: "Ines Påhitt", role: "staff" },
  { org: "north", name: "Johan Låtsasson", role: "staff" },
  { org: "north", name: "Karin Exempeldotter", role: "manager" },
  { org: "south", name: "Lars Testberg", role: "coordinator" },
  { org: "south", name: "Maja Demodotter", role: "staff" },
  { org: "south", name: "Nils Provsson", role: "staff" },
  { org: "south", name: "Olga Fiktivberg", role: "manager" },
  { org: "west", name: "Per Påhittsson", role: "coordinator" },
  { org: "west", name: "Rut Låtsasdotter", role: "staff" },
  { org: "west", name: "Sven Exempelsson", role: "manager" },
  { org: "region", name: "Tove Testdotter", role: "staff" },
  { org: "north", name: "Ulf Demoberg", role: "staff" },
];

export interface DemoTeamOptions {
  today: string;
  now: string;
  participants?: number;
  onBoard?: number;
  /** Add the Agents Playground's fixed user as a region coordinator with three participants (local bot trials only). */
  withAgentsPlaygroundUser?: boolean;
}

export interface DemoTeam {
  board: Board;
  organisations: Organisation[];
  members: Member[];
  participants: Participant[];
  entries: BoardEntry[];
  consents: Consent[];
  signals: Signal[];
  absences: Absence[];
  checkIns: CheckIn[];
  /** A couple of since-yesterday notes (Sedan sist), obviously made up. */
  sinceLastNotes: SinceLastNote[];
  /** Kontakter: each involved organisation's contact for the participants on the board, all made up. */
  contacts: ParticipantContact[];
  /** Ongoing support on every entry, by the entry's organisation and a partner (Pågående insatser), obviously made up. */
  interventions: Intervention[];
}

/** Small seeded PRNG (mulberry32): the same team every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 3) => String(n).padStart(width, "0");
const objectId = (n: number) => `00000000-0000-4000-a000-${pad(n, 12)}`;

export function demoTeam(options: DemoTeamOptions): DemoTeam {
  const rnd = random(20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const { today, now } = options;
  const participantCount = options.participants ?? 200;
  const onBoardCount = Math.min(options.onBoard ?? 30, participantCount);

  const organisations: Organisation[] = ORGANISATIONS.map((o) => ({
    id: o.id,
    boardId: DEMO_BOARD_ID,
    name: o.name,
    kind: o.kind,
    tenantId: DEMO_TENANTS[o.key],
    retentionDays: o.retentionDays,
  }));
  const orgId = (key: OrgKey) => ORGANISATIONS.find((o) => o.key === key)!.id;

  const members: Member[] = PEOPLE.map((p, i) => ({
    id: memberIdOf(DEMO_TENANTS[p.org], objectId(i + 1)),
    boardId: DEMO_BOARD_ID,
    tenantId: DEMO_TENANTS[p.org],
    objectId: objectId(i + 1),
    displayName: p.name,
    organisationId: orgId(p.org),
    role: p.role,
    substituteIds: [],
  }));
  // Hugo (Norrby's coordinator) also has a guest account in the hosting tenant, as partners invited
  // by B2B do: in the hosting team's channels and meetings he signs in with it, in a shared channel
  // or a plain browser with his home tenant. Both are the same member.
  members[7]!.identities = [DEMO_GUEST_IDENTITY];
  // The Microsoft 365 Agents Playground's fixed user, so `npm start` + the playground shows real cards.
  if (options.withAgentsPlaygroundUser)
    members.push({
      id: memberIdOf(AGENTS_PLAYGROUND_USER.tenantId, AGENTS_PLAYGROUND_USER.objectId),
      boardId: DEMO_BOARD_ID,
      tenantId: AGENTS_PLAYGROUND_USER.tenantId,
      objectId: AGENTS_PLAYGROUND_USER.objectId,
      displayName: "Lekplats Testperson (Agents Playground)",
      organisationId: orgId("region"),
      role: "coordinator",
      substituteIds: [],
    });
  // Substitutes: the other non-manager colleagues of the same organisation, in a fixed order.
  for (const m of members) {
    m.substituteIds = members
      .filter((o) => o.organisationId === m.organisationId && o.id !== m.id && o.role !== "manager" && o.role !== "admin")
      .map((o) => o.id)
      .slice(0, 3);
  }
  // The same rules as a real team's setup (domain/membership.ts): substitutes from the same organisation.
  for (const m of members) assertSubstitutes(m, m.substituteIds, members);
  // The Agents Playground's user signs in from its own fixed tenant: the region lets it in, as an organisation's further tenant.
  if (options.withAgentsPlaygroundUser) organisations[0]!.additionalTenantIds = [AGENTS_PLAYGROUND_USER.tenantId];
  const caseManagers = members.filter(
    (m) => (m.role === "staff" || m.role === "coordinator") && m.tenantId !== AGENTS_PLAYGROUND_USER.tenantId,
  );

  const board: Board = {
    id: DEMO_BOARD_ID,
    name: "FACT Exempelstad (demo)",
    // The regional psychiatry's FACT team steers the board; the municipalities put on and signal.
    leadOrganisationId: orgId("region"),
    // Follows from the organisations, as for a real board (board-setup.ts): one source of allowed tenants.
    allowedTenantIds: allowedTenantsOf(organisations),
    createdAt: now,
    // Both shapes FACT teams meet in (issue 18): every working day with all partners, and one
    // partner on its own days, reviewing only the participants that involve it.
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
      meetings: DEMO_MEETINGS,
      model: "fact",
      about: {
        text: "Fiktiv rutin: deltagare tas upp vid kris, risk för återfall, in- och utskrivning eller samordningsbehov. Tavlan gås igenom varje vardag kl. 08.30; nästa uppföljning sätts vid varje genomgång.",
        link: "https://intranat.exempel.invalid/fact-rutin",
        version: 1,
        updatedAt: now,
        updatedBy: members[0]!.id,
      },
    },
  };

  const participants: Participant[] = [];
  const consents: Consent[] = [];
  for (let i = 1; i <= participantCount; i++) {
    const caseManager = pick(caseManagers);
    const others = organisations.map((o) => o.id).filter((id) => id !== caseManager.organisationId);
    const involved = [caseManager.organisationId, ...others.filter(() => rnd() < 0.45)];
    if (involved.length === 1) involved.push(caseManager.organisationId === orgId("region") ? pick(others) : orgId("region"));
    const letters = "ABDEFGHIJKLMNOPRSTUVÅÄÖ";
    // The rolls are taken in the order the demo always took them, so the rest of the team is unchanged.
    const code = `FIK-${pad(i)}`;
    const initials = `${pick([...letters])}.${pick([...letters])}.`;
    const sipRoll = rnd();
    const heldOn = sipRoll < 0.4 ? addDays(today, -Math.floor(rnd() * 200)) : undefined;
    const crisisRoll = rnd();
    const earlyRoll = rnd();
    participants.push({
      id: `p${pad(i)}`,
      boardId: DEMO_BOARD_ID,
      code,
      initials,
      caseManagerId: caseManager.id,
      writtenBy: caseManager.organisationId,
      organisationIds: involved,
      // Some plans stated yes, some no, some never stated ("Ej angivet"); a SIP held over 180 days ago is past its follow-up.
      plans: {
        crisisPlan: crisisRoll < 0.6 ? "yes" : crisisRoll < 0.85 ? "no" : "notSet",
        earlySignsPlan: earlyRoll < 0.5 ? "yes" : earlyRoll < 0.8 ? "no" : "notSet",
        sip: heldOn
          ? { held: "yes", heldOn, nextFollowUpOn: addDays(heldOn, 180), convenedBy: involved[i % involved.length]! }
          : { held: sipRoll < 0.75 ? "no" : "notSet" },
      },
      onBoard: false,
      createdAt: now,
    });
    for (const disclosing of involved) {
      const receivers = involved.filter((o) => o !== disclosing);
      const roll = rnd();
      const base = {
        boardId: DEMO_BOARD_ID,
        participantId: `p${pad(i)}`,
        disclosingOrganisationId: disclosing,
        receivingOrganisationIds: receivers,
        basis: "consent" as const,
        recordedBy: caseManager.id,
        recordedAt: now,
      };
      if (roll < 0.72)
        consents.push({
          ...base,
          status: "given",
          givenOn: addDays(today, -Math.floor(rnd() * 300)),
          validUntil: addDays(today, 60 + Math.floor(rnd() * 300)),
        });
      else if (roll < 0.8)
        consents.push({ ...base, status: "given", givenOn: addDays(today, -358), validUntil: addDays(today, 3 + Math.floor(rnd() * 5)) });
      else if (roll < 0.85)
        consents.push({
          ...base,
          status: "withdrawn",
          givenOn: addDays(today, -200),
          validUntil: addDays(today, 165),
          withdrawnOn: addDays(today, -Math.floor(rnd() * 20)),
        });
      else if (roll < 0.88) consents.push({ ...base, status: "declined" });
      else if (roll < 0.91)
        consents.push({ ...base, status: "given", givenOn: addDays(today, -400), validUntil: addDays(today, -Math.floor(1 + rnd() * 30)) });
      // else: not asked — no record at all.
    }
  }

  // Give the playground user a few participants of their own ("mina deltagare"), off the board.
  const playgroundId = memberIdOf(AGENTS_PLAYGROUND_USER.tenantId, AGENTS_PLAYGROUND_USER.objectId);
  if (options.withAgentsPlaygroundUser) {
    participants
      .slice(onBoardCount)
      .filter((p) => p.writtenBy === orgId("region"))
      .slice(-3)
      .forEach((p) => (p.caseManagerId = playgroundId));
  }

  // Every participant passes the rules a registration or an import applies (code, initials, case manager, organisations, no personal identity number).
  for (const p of participants) assertRegistrable(p, { members, organisations });

  const reasons: BoardReason[] = ["crisis", "relapseRisk", "admission", "discharge", "newParticipant", "coordinationNeed", "other"];
  const priorities: Priority[] = ["high", "medium", "medium", "low"];
  const actionTexts = [
    "Hembesök",
    "Ringa boendestödet",
    "Läkarbesök",
    "Samordna med SIP-ansvarig",
    "Följa upp medicinering",
    "Kontakt med anhörig (med samtycke)",
  ];
  const entries: BoardEntry[] = participants.slice(0, onBoardCount).map((p, i) => {
    p.onBoard = true;
    const putOnOn = addDays(today, -Math.floor(rnd() * 40));
    const by = members.find((m) => m.id === p.caseManagerId)!;
    const actions = Array.from({ length: Math.floor(rnd() * 3) }, (_, k) => ({
      id: `a${pad(i)}${k}`,
      what: pick(actionTexts),
      responsibleId: pick(caseManagers.filter((m) => m.organisationId === by.organisationId)).id,
      byWhen: addDays(today, Math.floor(rnd() * 5)),
      done: rnd() < 0.3,
      writtenBy: by.organisationId,
      createdBy: by.id,
      createdAt: now,
    }));
    return {
      id: `e${pad(i + 1)}`,
      boardId: DEMO_BOARD_ID,
      participantId: p.id,
      writtenBy: by.organisationId,
      reason: pick(reasons),
      priority: pick(priorities),
      putOnOn,
      putOnBy: by.id,
      nextEvaluationOn: addDays(today, Math.floor(rnd() * 10)),
      actions,
      // Yesterday's check-in reviewed half of them: the writer's own review.
      reviews: rnd() < 0.5 ? [{ organisationId: by.organisationId, on: addDays(today, -1), by: by.id }] : [],
      updatedAt: now,
      updatedBy: by.id,
    };
  });

  const kinds: SignalKind[] = ["morePsychiatricSupport", "moreMunicipalSupport", "concern", "lessPsychiatricSupport"];
  const signals: Signal[] = [];
  for (const p of participants.slice(0, 60)) {
    if (signals.length >= 4) break;
    const from = p.writtenBy;
    const to = p.organisationIds.find((o) => o !== from);
    const consent = consents.find((c) => c.participantId === p.id && c.disclosingOrganisationId === from);
    if (!to || consent?.status !== "given" || (consent.validUntil ?? "") < addDays(today, 30)) continue;
    const raisedAt = new Date(Date.parse(now) - (signals.length === 0 ? 6 : 1) * 3_600_000);
    const urgency = signals.length % 2 === 0 ? ("today" as const) : ("thisWeek" as const);
    signals.push({
      id: `s${pad(signals.length + 1)}`,
      boardId: DEMO_BOARD_ID,
      participantId: p.id,
      fromOrganisationId: from,
      toOrganisationId: to,
      kind: kinds[signals.length % kinds.length]!,
      urgency,
      note: "Fiktiv signal för demo",
      proposeBoard: !p.onBoard,
      state: "open",
      raisedBy: p.caseManagerId,
      raisedAt: raisedAt.toISOString(),
      answerBy: answerDeadline(urgency, raisedAt).toISOString(),
      remindersSent: 0,
      managerNotified: false,
    });
  }

  const absent = members.find((m) => m.displayName === "Bertil Påhittad")!;
  const absence = registerAbsence(
    { id: "f001", member: absent, from: today, to: addDays(today, 4), reason: "sick", registeredBy: absent },
    members,
    [],
    today,
    now,
  );
  // Four weeks of morning check-ins, most working days held (two missed), so the fidelity view has a
  // history; Norrby's own meeting is held on its days (one missed). Check-ins are written by the
  // walkthrough (use-cases/walkthroughs.ts): these stand for walkthroughs held before the demo started.
  const coordinators = members.filter((m) => m.role === "coordinator" && m.tenantId !== AGENTS_PLAYGROUND_USER.tenantId);
  const checkIns: CheckIn[] = workingDaysBetween(addDays(today, -28), addDays(today, -1))
    .filter((_, i) => i !== 4 && i !== 13)
    .map((date) => {
      const onBoardThen = entries.filter((e) => e.putOnOn <= date).map((e) => e.participantId);
      const reviewed = onBoardThen.filter(() => rnd() < 0.9);
      const minutes = 14 + Math.floor(rnd() * 14);
      const startedAt = `${date}T07:00:00.000Z`;
      return {
        boardId: DEMO_BOARD_ID,
        date,
        meetingId: "morgonmote",
        startedAt,
        endedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
        durationSeconds: minutes * 60,
        attendeeIds: coordinators.map((m) => m.id),
        reviewedParticipantIds: reviewed,
        addedParticipantIds: entries.filter((e) => e.putOnOn === date).map((e) => e.participantId),
        removedParticipantIds: [],
        actionsAgreed: Math.floor(rnd() * 6),
        recordedBy: coordinators[0]!.id,
      };
    });

  const norrby = DEMO_MEETINGS[1]!;
  const norrbyParticipants = new Map(participants.map((p) => [p.id, p]));
  const norrbyDays = workingDaysBetween(addDays(today, -28), addDays(today, -1)).filter((d) => isScheduledOn(norrby, d));
  for (const [i, date] of norrbyDays.entries()) {
    if (i === 2) continue;
    const covered = meetingParticipants(
      norrby,
      entries.filter((e) => e.putOnOn <= date).map((e) => e.participantId),
      norrbyParticipants,
    );
    const startedAt = localTimeToInstant(date, norrby.time, "Europe/Stockholm").toISOString();
    checkIns.push({
      boardId: DEMO_BOARD_ID,
      date,
      meetingId: norrby.id,
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 10 * 60_000).toISOString(),
      durationSeconds: 600,
      attendeeIds: coordinators
        .filter((m) => m.organisationId === "region-psykiatri" || m.organisationId === "norrby-soc")
        .map((m) => m.id),
      reviewedParticipantIds: covered,
      addedParticipantIds: [],
      removedParticipantIds: [],
      actionsAgreed: 1,
      recordedBy: coordinators[0]!.id,
    });
  }

  // Written by the entry's organisation yesterday: shown today as "since the last meeting".
  const demoNotes = ["Påhittad demo: missade depåinjektionen i går, ny tid bokad.", "Påhittad demo: bostadsmöte flyttat till torsdag."];
  const sinceLastNotes: SinceLastNote[] = entries.slice(0, demoNotes.length).map((e, i) => ({
    boardId: DEMO_BOARD_ID,
    participantId: e.participantId,
    entryId: e.id,
    on: addDays(today, -1),
    organisationId: e.writtenBy,
    text: demoNotes[i]!,
    writtenBy: e.putOnBy,
    writtenAt: now,
  }));

  withDemoWorkPhones(members);
  const contacts = demoContacts(participants, entries, members, now);
  // Issue 26: every entry gets ongoing support and the participant's goal; some actions are done by
  // someone outside the board. Picked by position, not by the random stream, so the rest of the team
  // stays as it was.
  const kindsBy = (kind: string): Intervention["kind"][] =>
    kind === "regionPsychiatry"
      ? ["depotMedication", "outpatientTreatment", "laro", "inpatientCare"]
      : ["housingSupport", "financialAssistance", "ipsWork", "other"];
  const kindOf = new Map(organisations.map((o) => [o.id, o.kind]));
  const goals = [
    "Påhittat demomål: ha kvar lägenheten och sova bättre.",
    "Påhittat demomål: börja praktik på AMF i vår.",
    "Påhittat demomål: träffa dottern varje vecka.",
    "Påhittat demomål: klara en månad utan inläggning.",
  ];
  const externalOwners = [
    { role: "amfGuide", name: "Påhittad guide" },
    { role: "housingSupportWorker" },
    { role: "guardian", name: "Demo god man" },
    { role: "relative" },
  ] as const;
  const interventions: Intervention[] = [];
  entries.forEach((e, i) => {
    const p = participants.find((x) => x.id === e.participantId)!;
    const caseManager = members.find((m) => m.id === p.caseManagerId)!;
    p.goal = { text: goals[i % goals.length]!, organisationId: caseManager.organisationId, writtenBy: caseManager.id, writtenAt: now };
    const keepers = [e.writtenBy, ...p.organisationIds.filter((o) => o !== e.writtenBy).slice(0, 1)];
    keepers.forEach((org, k) => {
      const kinds = kindsBy(kindOf.get(org) ?? "other");
      interventions.push({
        boardId: DEMO_BOARD_ID,
        participantId: p.id,
        id: `i${pad(i + 1)}${k}`,
        organisationId: org,
        kind: kinds[(i + k) % kinds.length]!,
        ...(k === 0 ? { label: "Påhittad demo: två gånger i veckan" } : {}),
        startedOn: addDays(today, -(20 + ((i * 7) % 90))),
        writtenBy: e.putOnBy,
        writtenAt: now,
      });
    });
    if (i % 3 === 0) {
      // Done by someone outside the board; the entry's writer stays responsible. It takes the place of
      // the entry's last action, so the plan is as long as before (the stage must still fit).
      const owner = externalOwners[(i / 3) % externalOwners.length]!;
      const external: BoardEntry["actions"][number] = {
        id: `x${pad(i + 1)}`,
        what: "Påhittad: följa med till AMF",
        responsibleId: e.putOnBy,
        external: { ...owner },
        byWhen: addDays(today, 2),
        done: false,
        writtenBy: e.writtenBy,
        createdBy: e.putOnBy,
        createdAt: now,
      };
      e.actions = [...e.actions.slice(0, Math.max(0, e.actions.length - 1)), external];
    }
  });

  return {
    board,
    organisations,
    members,
    participants,
    entries,
    consents,
    signals,
    absences: [absence],
    checkIns,
    sinceLastNotes,
    contacts,
    interventions,
  };
}
