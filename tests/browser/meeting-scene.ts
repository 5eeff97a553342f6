import { addDays } from "../../bot/src/domain/dates";
import { DEMO_BOARD_ID, signIn } from "../support/app";
import { aConsent, anEntry, aParticipant, uniqueId } from "../support/storage";
import { openInTeamsHost, type TeamsHost } from "../support/teams-host.cjs";
import { type BrowserSuite, people, type Person, WAIT_MS, waitForBoard } from "./browser";

// The scene of the morning meeting's browser tests: the demo board's Morgonmöte on the meeting
// stage in the Teams-like host, and a fictitious participant the region wrote, on the board, with
// the consents a test names.

const IN_MEETING = { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" };
const STAGE_URL = `/tab/?board=${DEMO_BOARD_ID}&meeting=morgonmote`;
const REGION = "region-psykiatri";

/** `person`'s meeting stage (1280 × 720) of the demo board's Morgonmöte, the board shown. */
export async function onMorningStage(suite: BrowserSuite, person: Person): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(WAIT_MS);
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "meetingStage",
    url: STAGE_URL,
    token,
    person,
    context: IN_MEETING,
    width: 1280,
    height: 720,
  });
  await waitForBoard(host);
  return host;
}

export interface SharedParticipantScene {
  /** The code's three letters; four digits of the clock follow. */
  codePrefix: string;
  initials: string;
  organisationIds: string[];
  /** Each disclosing organisation's given consent and whom it names (valid from ten days ago for 300 days). */
  consents: ReadonlyArray<readonly [from: string, to: readonly string[]]>;
  goal?: string;
}

/** A participant the region wrote (Ada, its coordinator, their case manager), on the board at high priority. */
export async function aParticipantOnBoard(
  suite: BrowserSuite,
  today: string,
  scene: SharedParticipantScene,
): Promise<{ id: string; code: string }> {
  const storage = suite.app.storage;
  const caseManagerId = `${people.coordinator.tenantId}.${people.coordinator.objectId}`;
  const at = `${today}T06:00:00.000Z`;
  const code = `${scene.codePrefix}-${String(Date.now() % 10_000).padStart(4, "0")}`;
  const participant = await storage.participants.create(
    aParticipant(DEMO_BOARD_ID, {
      code,
      initials: scene.initials,
      caseManagerId,
      writtenBy: REGION,
      organisationIds: scene.organisationIds,
      onBoard: true,
      createdAt: at,
      ...(scene.goal ? { goal: { text: scene.goal, organisationId: REGION, writtenBy: caseManagerId, writtenAt: at } } : {}),
    }),
  );
  for (const [from, to] of scene.consents) {
    await storage.consents.save(
      aConsent(DEMO_BOARD_ID, participant.id, {
        disclosingOrganisationId: from,
        receivingOrganisationIds: [...to],
        status: "given",
        givenOn: addDays(today, -10),
        validUntil: addDays(today, 300),
        recordedBy: caseManagerId,
        recordedAt: at,
      }),
    );
  }
  await storage.entries.create(
    anEntry(DEMO_BOARD_ID, participant.id, {
      id: uniqueId("e"),
      writtenBy: REGION,
      priority: "high",
      putOnOn: addDays(today, -2),
      putOnBy: caseManagerId,
      nextEvaluationOn: addDays(today, 3),
      actions: [],
      updatedAt: at,
      updatedBy: caseManagerId,
    }),
  );
  return { id: participant.id, code };
}
