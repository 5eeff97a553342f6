import type { ContactView, ContactsResponse, SetContactBody, SetWorkPhoneBody, TodaysDecisions, WorkPhoneView } from "@fact-board/contract";
import type {
  RaiseTodayBody,
  RaisedView,
  EditStudyBody,
  EnrolBody,
  EnrolmentView,
  ParticipantStudies,
  RecordResearchConsentBody,
  RegisterStudyBody,
  StudyList,
  StudyView,
  WithdrawFromStudyBody,
} from "@fact-board/contract";
import type {
  StatisticsPeriod,
  AbsenceView,
  AddActionBody,
  AnswerCoverBody,
  AnswerSignalBody,
  AuditPage,
  CreateBoardBody,
  CreateParticipantBody,
  BoardView,
  CheckInView,
  ClosedEntryView,
  ConsentView,
  EditEntryBody,
  EntryView,
  InboxView,
  SignalView,
  JoinWalkthroughBody,
  LogExtract,
  LogReviewersView,
  LogReviewView,
  MarkLogReviewItemBody,
  MeResponse,
  MeetingList,
  NameLogReviewersBody,
  Overview,
  ParticipantHistory,
  ParticipantList,
  PutOnBoardBody,
  RaiseSignalBody,
  RecordConsentBody,
  RegisterAbsenceBody,
  ReviewBody,
  SetActionDoneBody,
  SetPlansBody,
  TakeOffBody,
  WalkthroughEventBody,
  WalkthroughResponse,
  SinceLastNoteView,
  WriteSinceLastBody,
  FollowUpView,
  AddInterventionBody,
  EditInterventionBody,
  EndInterventionBody,
  InterventionView,
  SetGoalBody,
} from "@fact-board/contract";
import type {
  AddMemberBody,
  AdminAuditPage,
  AdminOverview,
  BoardAdminView,
  DecideJoinRequestBody,
  EditBoardSettingsBody,
  EditMemberBody,
  EditOrganisationBody,
  EditParticipantBody,
  ImportReport,
  JoinRequestBody,
  JoinRequestView,
  LeaveBoardBody,
  MemberAdminView,
  OrganisationAdminView,
  OrganisationBody,
  ParticipantView,
  RosterPerson,
  SetWorkingPatternBody,
  WorkingPatternView,
} from "@fact-board/contract";
import type { DevPeopleResponse, DevPerson, DevSignInBody, DevSignInResponse, SignInConfig } from "@fact-board/contract";
import type { PresenceLiveEvent, WalkthroughLiveEvent, WalkthroughMoveView } from "@fact-board/contract";
import { createParser } from "eventsource-parser";
import { apiHeaders, takeEarly, takeEarlyPublic } from "./early";
import { ApiRequestError, errorMessage, toApiRequestError } from "./errors";

/** A form's request key (the API's Idempotency-Key): chosen when the form opens, sent with every submit of it. */
export const newRequestKey = (): string => crypto.randomUUID();

/** Where the bearer token comes from: the dev sign-in outside Teams, Teams SSO inside. */
export type TokenSource = () => Promise<string>;

export type { DevPerson };

const seg = encodeURIComponent;
/**
 * The tab's downloads are for people, so they ask for the form that opens by double-click in
 * Swedish Excel; the comma form (the API's default) is for scripts.
 */
const EXCEL = "format=excel";
/** The meeting a walkthrough or check-in belongs to, as a query (none: the server picks the board's meeting today). */
const meetingQuery = (meetingId?: string) => (meetingId ? `?meeting=${seg(meetingId)}` : "");

/**
 * The tab's only way to the server. Types come from the shared contract; responses are trusted
 * (the server parses at its edge and the contract is shared), so zod stays out of the bundle.
 */
export class ApiClient {
  constructor(
    private readonly token: TokenSource,
    private readonly baseUrl = "",
  ) {}

  private async request<T>(method: string, path: string, body?: unknown, csv?: string | ArrayBuffer, requestKey?: string): Promise<T> {
    const token = await this.token();
    let response: Response;
    try {
      const early = method === "GET" && !this.baseUrl ? await takeEarly(path, token) : undefined;
      response =
        early ??
        (await fetch(this.baseUrl + path, {
          method,
          headers: {
            ...apiHeaders(token, false),
            ...(csv !== undefined ? { "Content-Type": "text/csv" } : body === undefined ? {} : { "Content-Type": "application/json" }),
            ...(requestKey ? { "Idempotency-Key": requestKey } : {}),
          },
          body: csv ?? (body === undefined ? undefined : JSON.stringify(body)),
        }));
    } catch (e) {
      throw new ApiRequestError(0, "Network", errorMessage(e));
    }
    if (!response.ok) throw await toApiRequestError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  me = () => this.request<MeResponse>("GET", "/api/me");
  createBoard = (body: CreateBoardBody, requestKey?: string) =>
    this.request<MeResponse>("POST", "/api/boards", body, undefined, requestKey);
  board = (boardId: string) => this.request<BoardView>("GET", `/api/boards/${seg(boardId)}`);
  participants = (boardId: string, query: { q?: string; mine?: boolean; offBoard?: boolean; cursor?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.cursor) params.set("cursor", query.cursor);
    if (query.q) params.set("q", query.q);
    if (query.mine) params.set("mine", "true");
    if (query.offBoard) params.set("offBoard", "true");
    const qs = params.toString();
    return this.request<ParticipantList>("GET", `/api/boards/${seg(boardId)}/participants${qs ? `?${qs}` : ""}`);
  };
  putOnBoard = (boardId: string, body: PutOnBoardBody) => this.request<EntryView>("POST", `/api/boards/${seg(boardId)}/entries`, body);
  editEntry = (boardId: string, participantId: string, body: EditEntryBody) =>
    this.request<EntryView>("PATCH", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}`, body);
  addAction = (boardId: string, participantId: string, body: AddActionBody) =>
    this.request<EntryView>("POST", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}/actions`, body);
  setActionDone = (boardId: string, participantId: string, actionId: string, body: SetActionDoneBody) =>
    this.request<EntryView>("PATCH", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}/actions/${seg(actionId)}`, body);
  writeSinceLast = (boardId: string, participantId: string, body: WriteSinceLastBody) =>
    this.request<SinceLastNoteView>("PUT", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}/since-last`, body);
  raiseToday = (boardId: string, participantId: string, body: RaiseTodayBody) =>
    this.request<RaisedView>("POST", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/raise-today`, body);
  /** Pågående insatser: the own organisation's ongoing interventions (issue 26). */
  addIntervention = (boardId: string, participantId: string, body: AddInterventionBody) =>
    this.request<InterventionView>("POST", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/interventions`, body);
  editIntervention = (boardId: string, participantId: string, interventionId: string, body: EditInterventionBody) =>
    this.request<InterventionView>(
      "PUT",
      `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/interventions/${seg(interventionId)}`,
      body,
    );
  endIntervention = (boardId: string, participantId: string, interventionId: string, body: EndInterventionBody) =>
    this.request<InterventionView>(
      "POST",
      `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/interventions/${seg(interventionId)}/end`,
      body,
    );
  /** Deltagarens mål: the case manager's organisation writes it, under the participant's etag. */
  setGoal = (boardId: string, participantId: string, body: SetGoalBody) =>
    this.request<ParticipantView>("PUT", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/goal`, body);
  review = (boardId: string, participantId: string, body: ReviewBody) =>
    this.request<EntryView>("POST", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}/review`, body);
  takeOff = (boardId: string, participantId: string, body: TakeOffBody) =>
    this.request<ClosedEntryView>("POST", `/api/boards/${seg(boardId)}/entries/${seg(participantId)}/take-off`, body);
  /** A participant's plans (the record's writer's): the fields given change, under the record's etag. */
  setPlans = (boardId: string, participantId: string, body: SetPlansBody) =>
    this.request<ParticipantView>("PUT", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/plans`, body);
  /** Kontakter: each organisation's contact the viewer may read. */
  contacts = (boardId: string, participantId: string) =>
    this.request<ContactsResponse>("GET", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/contacts`);
  setContact = (boardId: string, participantId: string, body: SetContactBody) =>
    this.request<ContactView>("PUT", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/contacts`, body);
  workPhone = (boardId: string) => this.request<WorkPhoneView>("GET", `/api/boards/${seg(boardId)}/me/work-phone`);
  setWorkPhone = (boardId: string, body: SetWorkPhoneBody) =>
    this.request<WorkPhoneView>("PUT", `/api/boards/${seg(boardId)}/me/work-phone`, body);
  /** Dagens beslut: what the viewer's organisation wrote today. */
  todaysDecisions = (boardId: string) => this.request<TodaysDecisions>("GET", `/api/boards/${seg(boardId)}/todays-decisions`);
  history = (boardId: string, participantId: string) =>
    this.request<ParticipantHistory>("GET", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/history`);
  checkIn = async (boardId: string, date: string, meetingId?: string): Promise<CheckInView | undefined> => {
    try {
      return await this.request<CheckInView>("GET", `/api/boards/${seg(boardId)}/check-ins/${seg(date)}${meetingQuery(meetingId)}`);
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 404) return undefined;
      throw e;
    }
  };
  /** Today's shared walkthrough of the meeting (the tab's linked one; none: the board's meeting today) as this viewer may see it (`walkthrough` absent before anyone starts it). */
  walkthrough = (boardId: string, meetingId?: string) =>
    this.request<WalkthroughResponse>("GET", `/api/boards/${seg(boardId)}/walkthrough${meetingQuery(meetingId)}`);
  startWalkthrough = (boardId: string, meetingId?: string, body: JoinWalkthroughBody = {}) =>
    this.request<WalkthroughResponse>("POST", `/api/boards/${seg(boardId)}/walkthrough${meetingQuery(meetingId)}`, body);
  joinWalkthrough = (boardId: string, meetingId?: string, body: JoinWalkthroughBody = {}) =>
    this.request<WalkthroughResponse>("POST", `/api/boards/${seg(boardId)}/walkthrough/join${meetingQuery(meetingId)}`, body);
  /** On a move: the walkthrough's position and the current participant as this viewer may see them. */
  walkthroughMove = (boardId: string, meetingId: string) =>
    this.request<WalkthroughMoveView>("GET", `/api/boards/${seg(boardId)}/walkthrough/current${meetingQuery(meetingId)}`);
  /** The presenting stage's heartbeat: attendees are told when it stops. */
  presenterHeartbeat = (boardId: string, meetingId: string) =>
    this.request<{ presenting: boolean }>("POST", `/api/boards/${seg(boardId)}/walkthrough/presence${meetingQuery(meetingId)}`, {});
  walkthroughEvent = (boardId: string, body: WalkthroughEventBody, meetingId?: string) =>
    this.request<WalkthroughResponse>("POST", `/api/boards/${seg(boardId)}/walkthrough/events${meetingQuery(meetingId)}`, body);
  /** The board's recurring meetings (empty: no schedule, one implicit daily meeting). */
  meetings = (boardId: string) => this.request<MeetingList>("GET", `/api/boards/${seg(boardId)}/meetings`);
  overview = (boardId: string) => this.request<Overview>("GET", `/api/boards/${seg(boardId)}/overview`);
  /** `requestKey`: chosen once per form (newRequestKey), so a repeated or concurrent submit raises one signal. */
  raiseSignal = (boardId: string, body: RaiseSignalBody, requestKey?: string) =>
    this.request<SignalView>("POST", `/api/boards/${seg(boardId)}/signals`, body, undefined, requestKey);
  answerSignal = (boardId: string, signalId: string, body: AnswerSignalBody) =>
    this.request<SignalView>("POST", `/api/boards/${seg(boardId)}/signals/${seg(signalId)}/answer`, body);
  recordConsent = (boardId: string, participantId: string, organisationId: string, body: RecordConsentBody) =>
    this.request<ConsentView>(
      "PUT",
      `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/consents/${seg(organisationId)}`,
      body,
    );
  /** Att göra: what waits for the viewer or their organisation. Reading it counts as being reached. */
  inbox = (boardId: string) => this.request<InboxView>("GET", `/api/boards/${seg(boardId)}/inbox`);
  registerAbsence = (boardId: string, body: RegisterAbsenceBody, requestKey?: string) =>
    this.request<AbsenceView>("POST", `/api/boards/${seg(boardId)}/absences`, body, undefined, requestKey);
  answerCover = (boardId: string, absenceId: string, body: AnswerCoverBody) =>
    this.request<AbsenceView>("POST", `/api/boards/${seg(boardId)}/absences/${seg(absenceId)}/cover`, body);
  audit = (boardId: string, filter: { participantId?: string; memberId?: string; cursor?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    return this.request<AuditPage>("GET", `/api/boards/${seg(boardId)}/audit?${params.toString()}`);
  };
  // Setting up and running a board (the "Inställningar" view).
  adminOverview = (boardId: string) => this.request<AdminOverview>("GET", `/api/boards/${seg(boardId)}/admin`);
  editBoardSettings = (boardId: string, body: EditBoardSettingsBody) =>
    this.request<BoardAdminView>("PATCH", `/api/boards/${seg(boardId)}/settings`, body);
  addOrganisation = (boardId: string, body: OrganisationBody, requestKey?: string) =>
    this.request<OrganisationAdminView>("POST", `/api/boards/${seg(boardId)}/organisations`, body, undefined, requestKey);
  editOrganisation = (boardId: string, organisationId: string, body: EditOrganisationBody) =>
    this.request<OrganisationAdminView>("PATCH", `/api/boards/${seg(boardId)}/organisations/${seg(organisationId)}`, body);
  roster = (boardId: string) => this.request<{ people: RosterPerson[]; installed: boolean }>("GET", `/api/boards/${seg(boardId)}/roster`);
  addMember = (boardId: string, body: AddMemberBody) => this.request<MemberAdminView>("POST", `/api/boards/${seg(boardId)}/members`, body);
  editMember = (boardId: string, memberId: string, body: EditMemberBody) =>
    this.request<MemberAdminView>("PATCH", `/api/boards/${seg(boardId)}/members/${seg(memberId)}`, body);
  workingPattern = (boardId: string, memberId: string) =>
    this.request<WorkingPatternView>("GET", `/api/boards/${seg(boardId)}/members/${seg(memberId)}/working-pattern`);
  setWorkingPattern = (boardId: string, memberId: string, body: SetWorkingPatternBody) =>
    this.request<WorkingPatternView>("PUT", `/api/boards/${seg(boardId)}/members/${seg(memberId)}/working-pattern`, body);
  leaveBoard = (boardId: string, memberId: string, body: LeaveBoardBody) =>
    this.request<MemberAdminView>("POST", `/api/boards/${seg(boardId)}/members/${seg(memberId)}/leave`, body);
  requestToJoin = (boardId: string, body: JoinRequestBody) =>
    this.request<{ state: JoinRequestView["state"] }>("POST", `/api/boards/${seg(boardId)}/join-requests`, body);
  decideJoinRequest = (boardId: string, memberId: string, body: DecideJoinRequestBody) =>
    this.request<JoinRequestView>("POST", `/api/boards/${seg(boardId)}/join-requests/${seg(memberId)}/decide`, body);
  createParticipant = (boardId: string, body: CreateParticipantBody) =>
    this.request<ParticipantView>("POST", `/api/boards/${seg(boardId)}/participants`, body);
  editParticipant = (boardId: string, participantId: string, body: EditParticipantBody) =>
    this.request<ParticipantView>("PATCH", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}`, body);
  /** The file as its bytes: the server reads UTF-8 (with or without BOM) and the Windows-1252 of Swedish Excel alike. */
  importParticipants = (boardId: string, csv: string | ArrayBuffer, dryRun: boolean) =>
    this.request<ImportReport>("POST", `/api/boards/${seg(boardId)}/participants/import${dryRun ? "?dryRun=true" : ""}`, undefined, csv);
  adminAudit = (boardId: string, cursor?: string) =>
    this.request<AdminAuditPage>("GET", `/api/boards/${seg(boardId)}/admin-audit${cursor ? `?cursor=${seg(cursor)}` : ""}`);
  /** The access log as a file for Excel (the CSV exports need the bearer header, so they come as blobs). */
  auditCsv = (boardId: string, filter: { participantId?: string; memberId?: string }): Promise<Blob> => {
    const params = new URLSearchParams(EXCEL);
    for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
    return this.blob(`/api/boards/${seg(boardId)}/audit.csv?${params.toString()}`);
  };
  logReviewers = (boardId: string, organisationId: string) =>
    this.request<LogReviewersView>("GET", `/api/boards/${seg(boardId)}/log-reviewers/${seg(organisationId)}`);
  nameLogReviewers = (boardId: string, organisationId: string, body: NameLogReviewersBody) =>
    this.request<LogReviewersView>("PUT", `/api/boards/${seg(boardId)}/log-reviewers/${seg(organisationId)}`, body);
  /** The period's sample of the viewer's own organisation (drawn by the server the first time it is opened). */
  logReview = (boardId: string, period: string) =>
    this.request<LogReviewView>("GET", `/api/boards/${seg(boardId)}/log-reviews/${seg(period)}`);
  markLogReviewItem = (boardId: string, period: string, itemId: string, body: MarkLogReviewItemBody) =>
    this.request<LogReviewView>("POST", `/api/boards/${seg(boardId)}/log-reviews/${seg(period)}/items/${seg(itemId)}`, body);
  logReviewReportCsv = (boardId: string, period: string) =>
    this.blob(`/api/boards/${seg(boardId)}/log-reviews/${seg(period)}/report.csv?${EXCEL}`);
  logExtract = (boardId: string, participantId: string) =>
    this.request<LogExtract>("GET", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/log-extract`);
  logExtractCsv = (boardId: string, participantId: string, organisationId?: string) =>
    this.blob(
      `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/log-extract.csv?${EXCEL}${organisationId ? `&organisationId=${seg(organisationId)}` : ""}`,
    );
  statisticsCsv = (boardId: string, period: StatisticsPeriod = "month") =>
    this.blob(`/api/boards/${seg(boardId)}/statistics.csv?${EXCEL}&months=12&period=${period}`);
  /** The follow-up per organisation of a year (this year without one): counts only, for managers. */
  followUp = (boardId: string, year?: number) =>
    this.request<FollowUpView>("GET", `/api/boards/${seg(boardId)}/follow-up${year ? `?year=${year}` : ""}`);
  followUpCsv = (boardId: string, year: number) => this.blob(`/api/boards/${seg(boardId)}/follow-up.csv?${EXCEL}&year=${year}`);

  // A research study (issue 28): registration, research consent and enrolment, the data managers' export.
  studies = (boardId: string) => this.request<StudyList>("GET", `/api/boards/${seg(boardId)}/studies`);
  registerStudy = (boardId: string, body: RegisterStudyBody) =>
    this.request<StudyView>("POST", `/api/boards/${seg(boardId)}/studies`, body);
  editStudy = (boardId: string, studyId: string, body: EditStudyBody) =>
    this.request<StudyView>("PATCH", `/api/boards/${seg(boardId)}/studies/${seg(studyId)}`, body);
  participantStudies = (boardId: string, participantId: string) =>
    this.request<ParticipantStudies>("GET", `/api/boards/${seg(boardId)}/participants/${seg(participantId)}/studies`);
  recordResearchConsent = (boardId: string, studyId: string, participantId: string, body: RecordResearchConsentBody) =>
    this.request<EnrolmentView>(
      "PUT",
      `/api/boards/${seg(boardId)}/studies/${seg(studyId)}/participants/${seg(participantId)}/research-consent`,
      body,
    );
  enrol = (boardId: string, studyId: string, participantId: string, body: EnrolBody) =>
    this.request<EnrolmentView>(
      "POST",
      `/api/boards/${seg(boardId)}/studies/${seg(studyId)}/participants/${seg(participantId)}/enrol`,
      body,
    );
  withdrawFromStudy = (boardId: string, studyId: string, participantId: string, body: WithdrawFromStudyBody) =>
    this.request<EnrolmentView>(
      "POST",
      `/api/boards/${seg(boardId)}/studies/${seg(studyId)}/participants/${seg(participantId)}/withdraw`,
      body,
    );
  studyCsv = (boardId: string, studyId: string) => this.blob(`/api/boards/${seg(boardId)}/studies/${seg(studyId)}/export.csv?${EXCEL}`);

  /** A file download that needs the bearer header, handed over as a blob. */
  private async blob(path: string): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, { headers: { Authorization: `Bearer ${await this.token()}`, "X-Fact-Client": "tab" } });
    } catch (e) {
      throw new ApiRequestError(0, "Network", errorMessage(e));
    }
    if (!response.ok) throw await toApiRequestError(response);
    return response.blob();
  }

  /**
   * The board's live stream, read with fetch so the token goes in the Authorization header like
   * every other request and never in a URL (App Service and Application Insights record URLs;
   * EventSource cannot send headers). Resolves when `signal` aborts; rejects when the stream fails
   * or ends, and never retries by itself: the caller reconnects with backoff and a fresh token.
   */
  liveVersions = async (boardId: string, on: LiveHandlers, signal: AbortSignal): Promise<void> => {
    const token = await this.token();
    if (signal.aborted) return;
    const failed = (e: unknown) => (e instanceof ApiRequestError ? e : new ApiRequestError(0, "Network", errorMessage(e)));
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/boards/${seg(boardId)}/events`, {
        signal,
        headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream", "X-Fact-Client": "tab" },
      });
    } catch (e) {
      if (signal.aborted) return;
      throw failed(e);
    }
    if (!response.ok) throw await toApiRequestError(response);
    if (!response.headers.get("content-type")?.startsWith("text/event-stream") || !response.body) {
      throw new ApiRequestError(response.status, "Internal", "The live stream answered something else.");
    }
    on.open();
    const parser = createParser({
      onEvent: (message) => {
        try {
          // Checked by hand rather than with the contract's schemas: zod stays out of the tab's first load.
          const data = JSON.parse(message.data) as Record<string, unknown>;
          const isInt = (v: unknown): v is number => Number.isInteger(v);
          if (message.event === "version") {
            if (isInt(data.version)) on.version(data.version);
          } else if (message.event === "walkthrough") {
            const { meetingId, version, index, change } = data;
            if (typeof meetingId === "string" && isInt(version) && isInt(index) && (change === "move" || change === "other")) {
              on.walkthrough?.({ meetingId, version, index, change });
            }
          } else if (message.event === "presence") {
            const { meetingId, presenterId, presenterPresent } = data;
            if (typeof meetingId === "string" && typeof presenterId === "string" && typeof presenterPresent === "boolean") {
              on.presence?.({ meetingId, presenterId, presenterPresent });
            }
          }
        } catch {
          // A malformed event is ignored; the next one or a reconnect brings the board up to date.
        }
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch (e) {
      if (signal.aborted) return;
      throw failed(e);
    }
    if (signal.aborted) return;
    // The server ends streams only when it shuts down: the caller reconnects (to another instance).
    throw new ApiRequestError(0, "Network", "The live stream ended.");
  };
}

export interface LiveHandlers {
  open: () => void;
  /** The board changed. */
  version: (version: number) => void;
  /** The walkthrough changed (a move: its position only). */
  walkthrough?: (event: WalkthroughLiveEvent) => void;
  /** The presenter's stage stopped (or resumed) its heartbeat. */
  presence?: (event: PresenceLiveEvent) => void;
}

/** How to sign in outside Teams (GET /api/sign-in/config, no token needed); undefined when it cannot be read. */
export async function fetchSignInConfig(baseUrl = ""): Promise<SignInConfig | undefined> {
  try {
    const path = `${baseUrl}/api/sign-in/config`;
    const response = await (takeEarlyPublic(path) ?? fetch(path, { headers: { Accept: "application/json" } }));
    if (!response.ok) return undefined;
    return (await response.json()) as SignInConfig;
  } catch {
    return undefined;
  }
}

/** The development sign-in (only where the server enables it, i.e. the `npm start` demo). */
export async function listDevPeople(baseUrl = ""): Promise<DevPerson[] | undefined> {
  try {
    const response = await fetch(`${baseUrl}/api/dev/people`, { headers: { Accept: "application/json" } });
    if (!response.ok) return undefined;
    return ((await response.json()) as DevPeopleResponse).people;
  } catch {
    return undefined;
  }
}

export async function devSignIn(person: DevSignInBody, baseUrl = ""): Promise<DevSignInResponse> {
  const response = await fetch(`${baseUrl}/api/dev/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ tenantId: person.tenantId, objectId: person.objectId }),
  }).catch((e: unknown) => {
    throw new ApiRequestError(0, "Network", errorMessage(e));
  });
  if (!response.ok) throw await toApiRequestError(response);
  return (await response.json()) as DevSignInResponse;
}
