/** @jest-environment jsdom */
import type {
  AdminAuditPage,
  AdminOverview,
  ImportReport,
  JoinRequestView,
  LeaveBoardBody,
  MemberAdminView,
  Role,
  SetWorkingPatternBody,
  WorkingPatternView,
} from "@fact-board/contract";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ApiContext } from "../../api/ApiContext";
import type { ApiClient } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { BoardContext } from "../../board/BoardContext";
import { openedDialog } from "../../test-support/dialogs";
import { boardContext, boardView } from "../../test-support/fixtures";
import { renderInTab } from "../../test-support/render";
import SettingsView from "./SettingsView";

// The "Inställningar" forms: what they send, and the server's refusals told in words. Under jsdom
// tabster's modalizer may hide an open dialog's surface (see board/FormDialog.test.tsx), so queries
// inside a dialog include hidden elements once the dialog has opened.

// Fluent's MessageBar measures itself for reflow; jsdom has no ResizeObserver (browsers do).
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const ALL_ROLES: Role[] = ["staff", "coordinator", "manager", "admin"];

const member = (overrides: Partial<MemberAdminView>): MemberAdminView => ({
  id: "m1",
  tenantId: "t-region",
  objectId: "o1",
  displayName: "Ada Fiktiv",
  organisationId: "region",
  role: "admin",
  substituteIds: [],
  caseManagerFor: [],
  caseManagerForHidden: 0,
  etag: "e-m1",
  // What the server tells an admin viewer about each member (issue 29: rights come with the data).
  may: { edit: true, roles: ALL_ROLES, leave: true },
  ...overrides,
});

const overview = (may: Partial<AdminOverview["may"]> = {}): AdminOverview => ({
  board: {
    id: "b1",
    name: "FACT Exempelstad",
    allowedTenantIds: ["t-region", "t-north"],
    settings: {
      timeZone: "Europe/Stockholm",
      morningBriefAt: "07:45",
      botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
      meetings: [],
      followUpTargets: [],
    },
    model: "fact",
    leadOrganisationId: "region",
    etag: "e-b",
  },
  organisations: [
    { id: "region", name: "Psykiatrin", kind: "regionPsychiatry", tenantIds: ["t-region"], retentionDays: 3650, etag: "e-o1" },
    { id: "north", name: "Norrby soc", kind: "municipalSocialServices", tenantIds: ["t-north"], retentionDays: 1825, etag: "e-o2" },
  ],
  members: [
    member({}),
    member({
      id: "m2",
      objectId: "o2",
      displayName: "Bertil Påhittad",
      role: "staff",
      caseManagerFor: [
        { participantId: "p1", code: "FIK-001" },
        { participantId: "p2", code: "FIK-002" },
      ],
      caseManagerForHidden: 1,
      etag: "e-m2",
    }),
    member({ id: "m3", objectId: "o3", displayName: "Cecilia Låtsas", role: "staff", etag: "e-m3" }),
  ],
  joinRequests: [],
  grantable: [
    { organisationId: "region", roles: ALL_ROLES },
    { organisationId: "north", roles: ALL_ROLES },
  ],
  may: {
    configure: true,
    manageOrganisations: true,
    manageMembers: true,
    manageOwnOrganisation: true,
    importParticipants: true,
    readAdminAudit: true,
    ...may,
  },
});

function renderSettings(client: Partial<ApiClient>, role: "admin" | "manager" = "admin") {
  const board = boardView([], {
    viewer: { memberId: "m1", displayName: "Ada", organisationId: "region", role, permissions: ["board.read"] },
  });
  const api = {
    participants: async () => ({ participants: [], hiddenCount: 0 }),
    adminAudit: async () => ({ events: [] }),
    ...client,
  } as unknown as ApiClient;
  renderInTab(
    <ApiContext.Provider value={api}>
      <BoardContext.Provider value={boardContext(board)}>
        <SettingsView />
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

it("offers a manager only the pages the server's `may` allows", async () => {
  renderSettings(
    {
      adminOverview: async () =>
        overview({ configure: false, manageOrganisations: false, manageMembers: false, importParticipants: false, readAdminAudit: false }),
    },
    "manager",
  );
  const pages = await screen.findByRole("tablist", { name: "Inställningar för tavlan" });
  // Studies (issue 28) are listed for everyone: admins register them, data managers export.
  expect(
    within(pages)
      .getAllByRole("tab")
      .map((t) => t.getAttribute("value")),
  ).toEqual(["members", "participants", "studies", "pattern"]);
});

it("lets a member set their own working days and hours (Arbetstider), sent with the etag read", async () => {
  const sent: SetWorkingPatternBody[] = [];
  const stored = {
    memberId: "m1",
    pattern: { days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "08:00", closesAt: "17:00" },
    own: false,
    mayEdit: true,
    etag: "e-p1",
  } satisfies WorkingPatternView;
  renderSettings({
    adminOverview: async () => overview(),
    workingPattern: async () => stored,
    setWorkingPattern: async (_b: string, _m: string, body: SetWorkingPatternBody) => {
      sent.push(body);
      return { ...stored, pattern: body.pattern!, own: true, etag: "e-p2" };
    },
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Arbetstider" }));
  const form = await screen.findByRole("form", { name: "Arbetstider" });
  expect(within(form).getByText("Följer tavlans arbetstider (måndag–fredag 08–17).")).toBeTruthy();
  for (const day of ["Måndag", "Onsdag", "Torsdag", "Fredag"]) fireEvent.click(within(form).getByRole("checkbox", { name: day }));
  fireEvent.change(within(form).getByLabelText(/Slutar/), { target: { value: "16:00" } });
  fireEvent.click(within(form).getByRole("button", { name: "Spara" }));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toEqual({ etag: "e-p1", pattern: { days: ["tue"], opensAt: "08:00", closesAt: "16:00" } });
});

it("asks a new case manager for each participant of a member who leaves, and shows the server's refusal in words", async () => {
  const sent: LeaveBoardBody[] = [];
  renderSettings({
    adminOverview: async () => overview(),
    leaveBoard: async (_b: string, _m: string, body: LeaveBoardBody) => {
      sent.push(body);
      if (body.handOver.length < 2 && !body.defaultCaseManagerId)
        throw new ApiRequestError(
          400,
          "Invalid",
          "Every participant needs a new case manager before their case manager leaves.",
          "handOver.p2",
        );
      return member({ id: "m2", leftAt: "2026-11-24T08:00:00.000Z" });
    },
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Medlemmar" }));
  fireEvent.click(await screen.findByRole("button", { name: "Bertil Påhittad lämnar tavlan" }));
  const dialog = await openedDialog("Bertil Påhittad lämnar tavlan", { role: "combobox", name: "Ny vård- och stödsamordnare för FIK-001" });
  expect(dialog.getByRole("combobox", { name: /även 1 deltagare som din organisation inte ser/, hidden: true })).toBeTruthy();
  fireEvent.change(dialog.getByRole("combobox", { name: "Ny vård- och stödsamordnare för FIK-001", hidden: true }), {
    target: { value: "m3" },
  });
  fireEvent.change(dialog.getByRole("textbox", { name: /Anledning/, hidden: true }), { target: { value: "Slutar sin tjänst" } });
  fireEvent.click(dialog.getByRole("button", { name: "Lämna tavlan", hidden: true }));
  await waitFor(() =>
    expect(dialog.getByRole("alert", { hidden: true }).textContent).toBe(
      "Varje deltagare behöver en ny vård- och stödsamordnare innan den nuvarande lämnar tavlan. Välj en för var och en, eller en för alla.",
    ),
  );
  expect(sent[0]).toEqual({ etag: "e-m2", reason: "Slutar sin tjänst", handOver: [{ participantId: "p1", caseManagerId: "m3" }] });

  fireEvent.change(dialog.getByRole("combobox", { name: /även 1 deltagare/, hidden: true }), { target: { value: "m1" } });
  fireEvent.click(dialog.getByRole("button", { name: "Lämna tavlan", hidden: true }));
  await screen.findByText("Bertil Påhittad har lämnat tavlan. Namnet finns kvar i historiken och loggen.");
  expect(sent[1]).toEqual({
    etag: "e-m2",
    reason: "Slutar sin tjänst",
    handOver: [{ participantId: "p1", caseManagerId: "m3" }],
    defaultCaseManagerId: "m1",
  });
});

it("sets ordered substitutes from the member's own organisation only", async () => {
  const north = member({ id: "n1", objectId: "o9", displayName: "Nora Norrby", organisationId: "north", role: "coordinator" });
  const sent: unknown[] = [];
  renderSettings({
    adminOverview: async () => ({ ...overview(), members: [...overview().members, north] }),
    editMember: async (_b: string, _m: string, body: unknown) => (sent.push(body), member({})),
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Medlemmar" }));
  fireEvent.click(await screen.findByRole("button", { name: "Ändra Ada Fiktiv" }));
  const dialog = await openedDialog("Ändra Ada Fiktiv", { role: "combobox", name: "Ny ersättare" });
  const choices = within(dialog.getByRole("combobox", { name: "Ny ersättare", hidden: true }))
    .getAllByRole("option", { hidden: true })
    .map((o) => o.textContent);
  expect(choices).toEqual(["Välj…", "Bertil Påhittad", "Cecilia Låtsas"]);
  for (const id of ["m3", "m2"]) {
    fireEvent.change(dialog.getByRole("combobox", { name: "Ny ersättare", hidden: true }), { target: { value: id } });
    fireEvent.click(dialog.getByRole("button", { name: "Lägg till ersättare", hidden: true }));
  }
  fireEvent.click(dialog.getByRole("button", { name: "Flytta upp Bertil Påhittad", hidden: true }));
  fireEvent.click(dialog.getByRole("button", { name: "Spara", hidden: true }));
  await waitFor(() => expect(sent).toEqual([{ etag: "e-m1", substituteIds: ["m2", "m3"] }]));
});

it("checks a CSV file first, lists every refused line with its number and why, and imports only when asked", async () => {
  const calls: Array<{ csv: string; dryRun: boolean }> = [];
  const report = (dryRun: boolean): ImportReport => ({
    imported: dryRun ? 0 : 2,
    updated: 0,
    alreadyThere: 0,
    lines: [
      { line: 1, outcome: "created" },
      { line: 2, outcome: "created" },
    ],
    refused: [
      {
        line: 3,
        reason: "Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.",
        column: 1,
      },
      { line: 4, reason: "Something new the tab does not know." },
    ],
  });
  renderSettings({
    adminOverview: async () => overview(),
    // The tab sends the file's bytes where the browser gives them (the server decodes UTF-8 or Windows-1252).
    importParticipants: async (_b: string, csv: string | ArrayBuffer, dryRun: boolean) => (
      calls.push({ csv: typeof csv === "string" ? csv : new TextDecoder().decode(csv), dryRun }),
      report(dryRun)
    ),
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Deltagare" }));
  const csv =
    "FIK-001;A.B.;Ada Fiktiv;Psykiatrin\nFIK-002;C.D.;Ada Fiktiv;Psykiatrin\n19850101-1234;E.F.;Ada Fiktiv;Psykiatrin\nFIK-004;G.H.;Ada Fiktiv;Psykiatrin";
  const file = new File([csv], "deltagare.csv", { type: "text/csv" });
  // jsdom's File may lack text(); the component reads the file the way browsers do.
  if (!("text" in file)) Object.assign(file, { text: async () => csv });
  expect(screen.getByRole("button", { name: "Importera" })).toHaveProperty("disabled", true);
  fireEvent.change(screen.getByLabelText("CSV-fil"), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByRole("button", { name: "Kontrollera filen" })).toHaveProperty("disabled", false));
  fireEvent.click(screen.getByRole("button", { name: "Kontrollera filen" }));
  const refused = await screen.findByRole("table", { name: "Avvisade rader" });
  expect(
    within(refused)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent),
  ).toEqual([
    "3Ser ut som ett personnummer eller samordningsnummer: använd bara den pseudonyma koden. (kolumn 1)",
    "4Something new the tab does not know.",
  ]);
  expect(calls).toEqual([{ csv, dryRun: true }]);
  fireEvent.click(screen.getByRole("button", { name: "Importera" }));
  await screen.findByText("2 deltagare importerade, 2 rader avvisade, 0 fanns redan.");
  expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
});

it("tells of a conflict in words and shows what is stored now", async () => {
  let reads = 0;
  renderSettings({
    adminOverview: async () => {
      reads++;
      return overview();
    },
    editBoardSettings: async () => {
      throw new ApiRequestError(409, "Conflict", "The board changed.");
    },
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Tavlans inställningar" }));
  fireEvent.click(screen.getByRole("button", { name: "Spara" }));
  await screen.findByText(/Någon annan ändrade samma sak samtidigt/);
  expect(reads).toBe(2);
});

it("adds a partner organisation with every tenant its people sign in from and its retention period", async () => {
  const sent: unknown[] = [];
  renderSettings({
    adminOverview: async () => overview(),
    addOrganisation: async (_b: string, body: unknown) => (sent.push(body), overview().organisations[1]!),
  });
  fireEvent.click(await screen.findByRole("button", { name: "Lägg till organisation" }));
  const dialog = await openedDialog("Lägg till organisation", { role: "textbox", name: /Namn/ });
  fireEvent.change(dialog.getByRole("textbox", { name: /Namn/, hidden: true }), { target: { value: "Vård och omsorg Västra" } });
  fireEvent.change(dialog.getByRole("textbox", { name: /tenant-id/, hidden: true }), {
    target: { value: "AAAAAAAA-0000-4000-8000-000000000001\n aaaaaaaa-0000-4000-8000-000000000002 " },
  });
  fireEvent.change(dialog.getByRole("spinbutton", { name: /Bevarandetid/, hidden: true }), { target: { value: "3650" } });
  fireEvent.click(dialog.getByRole("button", { name: "Lägg till", hidden: true }));
  await waitFor(() =>
    expect(sent).toEqual([
      {
        name: "Vård och omsorg Västra",
        kind: "municipalSocialServices",
        tenantIds: ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"],
        retentionDays: 3650,
      },
    ]),
  );
});

it("sets up a partner meeting with nothing chosen for the person, and keeps a saved meeting's id when it is renamed", async () => {
  const sent: unknown[] = [];
  const saved = {
    id: "morgonmote-alla",
    name: "Morgonmöte, alla",
    days: "workingDays" as const,
    time: "08:30",
    organisationIds: ["region", "north"],
  };
  const base = overview();
  renderSettings({
    adminOverview: async () => ({ ...base, board: { ...base.board, settings: { ...base.board.settings, meetings: [saved] } } }),
    editBoardSettings: async (_b: string, body: unknown) => (sent.push(body), base.board),
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Möten" }));
  fireEvent.click(await screen.findByRole("button", { name: "Lägg till möte" }));
  const added = screen.getByRole("group", { name: "Nytt möte" });
  const save = screen.getByRole("button", { name: "Spara möten" });
  // A new meeting has no name, time, days or organisations until the person chooses them.
  expect(save).toHaveProperty("disabled", true);
  expect(
    within(added)
      .getAllByRole("checkbox")
      .filter((c) => (c as HTMLInputElement).checked),
  ).toEqual([]);
  fireEvent.change(within(added).getByRole("textbox", { name: /Mötets namn/ }), { target: { value: "Norrby tisdag och torsdag" } });
  fireEvent.click(within(added).getByRole("radio", { name: "Vissa veckodagar" }));
  fireEvent.click(within(added).getByRole("checkbox", { name: "tor" }));
  fireEvent.click(within(added).getByRole("checkbox", { name: "tis" }));
  fireEvent.change(within(added).getByLabelText(/Klockan/), { target: { value: "09:15" } });
  expect(save).toHaveProperty("disabled", true);
  fireEvent.click(within(added).getByRole("checkbox", { name: "Norrby soc" }));
  fireEvent.change(within(screen.getByRole("group", { name: "Morgonmöte, alla" })).getByRole("textbox", { name: /Mötets namn/ }), {
    target: { value: "Morgonmöte med alla" },
  });
  fireEvent.click(save);
  await waitFor(() =>
    expect(sent).toEqual([
      {
        etag: "e-b",
        meetings: [
          { ...saved, name: "Morgonmöte med alla" },
          {
            id: "norrby-tisdag-och-torsdag",
            name: "Norrby tisdag och torsdag",
            days: ["tue", "thu"],
            time: "09:15",
            organisationIds: ["north"],
          },
        ],
      },
    ]),
  );
});

// Issue 29: who may grant what comes from the server; display names stand beside organisation and tenant.
const northManagerView = (): AdminOverview => {
  const base = overview({
    configure: false,
    manageOrganisations: false,
    manageMembers: false,
    importParticipants: false,
    readAdminAudit: false,
  });
  const request: JoinRequestView = {
    memberId: "t-north.o7",
    tenantId: "t-north",
    objectId: "o7",
    displayName: "Greta Provberg (admin)",
    organisationIds: ["north"],
    requestedAt: "2026-03-04T08:00:00.000Z",
    state: "pending",
    etag: "e-j",
    may: { decline: true, approveInto: [{ organisationId: "north", roles: ["staff", "coordinator"] }] },
  };
  return {
    ...base,
    members: [
      member({ may: { edit: false, roles: [], leave: false } }),
      member({
        id: "n1",
        tenantId: "t-north",
        objectId: "o9",
        displayName: "Nora Norrby",
        organisationId: "north",
        role: "staff",
        may: { edit: true, roles: ["staff", "coordinator"], leave: true },
      }),
      member({
        id: "n2",
        tenantId: "t-north",
        objectId: "o8",
        displayName: "Karin Chef",
        organisationId: "north",
        role: "manager",
        may: { edit: true, roles: [], leave: true },
      }),
    ],
    joinRequests: [request],
    grantable: [{ organisationId: "north", roles: ["staff", "coordinator"] }],
  };
};

it("offers a manager only the roles and organisations the server says, and shows the request's tenant beside its free name", async () => {
  const sent: unknown[] = [];
  renderSettings(
    {
      adminOverview: async () => northManagerView(),
      decideJoinRequest: async (_b: string, _m: string, body: unknown) => (sent.push(body), northManagerView().joinRequests[0]!),
    },
    "manager",
  );
  const request = await screen.findByRole("group", { name: "Greta Provberg (admin)" });
  // The name is the person's own words; who they are is the tenant and organisation the server knows.
  expect(request.textContent).toContain("“Greta Provberg (admin)”");
  expect(request.textContent).toContain("namnet har personen själv angett");
  expect(request.textContent).toContain("Loggar in från Norrby soc · Tenant t-north");
  fireEvent.click(within(request).getByRole("button", { name: "Godkänn Greta Provberg (admin)" }));
  const dialog = await openedDialog("Godkänn Greta Provberg (admin) som medlem", { role: "combobox", name: /Roll/ });
  const options = (name: RegExp) =>
    within(dialog.getByRole("combobox", { name, hidden: true }))
      .getAllByRole("option", { hidden: true })
      .map((o) => o.textContent);
  expect(options(/Organisation/)).toEqual(["Norrby soc"]);
  expect(options(/Roll/)).toEqual(["Handläggare", "Samordnare"]);
  fireEvent.click(dialog.getByRole("button", { name: "Godkänn", hidden: true }));
  await waitFor(() => expect(sent).toEqual([{ decision: "approve", etag: "e-j", organisationId: "north", role: "staff" }]));
});

it("shows change buttons only where the server allows, and no role choice where the role is beyond reach", async () => {
  renderSettings({ adminOverview: async () => northManagerView() }, "manager");
  const table = await screen.findByRole("table", { name: "Medlemmar" });
  const row = (name: string) =>
    within(table)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes(name))!;
  expect(within(row("Ada Fiktiv")).queryByRole("button")).toBeNull();
  expect(row("Nora Norrby").textContent).toContain("Tenant t-north");
  fireEvent.click(within(row("Karin Chef")).getByRole("button", { name: "Ändra Karin Chef" }));
  const dialog = await openedDialog("Ändra Karin Chef", { role: "combobox", name: "Ny ersättare" });
  expect(dialog.queryByRole("combobox", { name: /^Roll/, hidden: true })).toBeNull();
  expect(dialog.getByText("Rollen kan du inte ändra: Chef")).toBeTruthy();
});

it("tells the server's refusal of a role beyond reach, and of the last admin, in Swedish", async () => {
  let refusal = "RoleBeyondReach";
  renderSettings({
    adminOverview: async () => overview(),
    editMember: async () => {
      throw new ApiRequestError(
        refusal === "LastAdmin" ? 400 : 403,
        refusal === "LastAdmin" ? "Invalid" : "Forbidden",
        "English words",
        undefined,
        undefined,
        refusal,
      );
    },
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Medlemmar" }));
  for (const [reason, words] of [
    ["RoleBeyondReach", /Din roll räcker inte för att ge, ändra eller ta bort den rollen/],
    ["LastAdmin", /Tavlan måste alltid ha minst en administratör/],
  ] as const) {
    refusal = reason;
    fireEvent.click(await screen.findByRole("button", { name: "Ändra Bertil Påhittad" }));
    const dialog = await openedDialog("Ändra Bertil Påhittad", { role: "combobox", name: /^Roll/ });
    fireEvent.change(dialog.getByRole("combobox", { name: /^Roll/, hidden: true }), { target: { value: "admin" } });
    fireEvent.click(dialog.getByRole("button", { name: "Spara", hidden: true }));
    await waitFor(() => expect(dialog.getByRole("alert", { hidden: true }).textContent).toMatch(words));
    fireEvent.keyDown(dialog.getByRole("combobox", { name: /^Roll/, hidden: true }), { key: "Escape" });
  }
});

it("shows refused grants in the change log, with who tried it by organisation and tenant", async () => {
  const page: AdminAuditPage = {
    events: [
      {
        at: "2026-03-04T08:00:00.000Z",
        actor: { memberId: "t-north.o8", tenantId: "t-north", displayName: "Karin Chef", organisationId: "north", role: "manager" },
        what: "roleGrantRefused",
        subject: { kind: "member", id: "t-north.o7", name: "Greta Provberg (admin)" },
        detail: "→ admin",
      },
      {
        at: "2026-03-04T07:00:00.000Z",
        actor: { memberId: "t-north.o7", tenantId: "t-north", displayName: "Greta Provberg (admin)", organisationId: "", role: "staff" },
        what: "joinRequested",
        subject: { kind: "member", id: "t-north.o7", name: "Greta Provberg (admin)" },
      },
    ],
  };
  renderSettings({ adminOverview: async () => overview(), adminAudit: async () => page });
  fireEvent.click(await screen.findByRole("tab", { name: "Ändringslogg" }));
  const table = await screen.findByRole("table", { name: "Ändringslogg" });
  const [refused, asked] = within(table).getAllByRole("row").slice(1);
  expect(refused!.textContent).toContain("Karin Chef");
  expect(refused!.textContent).toContain("Norrby soc · Tenant t-north");
  expect(refused!.textContent).toContain("Nekad Nekades: försökte ge, ändra eller ta bort en roll");
  expect(refused!.textContent).toContain("→ Administratör");
  expect(asked!.textContent).toContain("“Greta Provberg (admin)”");
  expect(asked!.textContent).toContain("inte medlem · Tenant t-north");
});

it("reports what each imported line does, naming the fields an update changes", async () => {
  const report: ImportReport = {
    imported: 0,
    updated: 0,
    alreadyThere: 1,
    refused: [
      {
        line: 4,
        reason:
          "This code belonged to a participant whose code has since changed (or whose details were erased): nothing was written for this line.",
      },
    ],
    lines: [
      { line: 2, outcome: "created" },
      { line: 3, outcome: "updated", fields: ["initials", "caseManagerId"] },
      { line: 5, outcome: "unchanged" },
    ],
  };
  renderSettings({ adminOverview: async () => overview(), importParticipants: async () => report });
  fireEvent.click(await screen.findByRole("tab", { name: "Deltagare" }));
  const csv = "kod;initialer;handläggare;organisationer;åtgärd\nFIK-001;A.B.;Ada Fiktiv;Psykiatrin;update";
  const file = new File([csv], "deltagare.csv", { type: "text/csv" });
  if (!("text" in file)) Object.assign(file, { text: async () => csv });
  fireEvent.change(screen.getByLabelText("CSV-fil"), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByRole("button", { name: "Kontrollera filen" })).toHaveProperty("disabled", false));
  fireEvent.click(screen.getByRole("button", { name: "Kontrollera filen" }));
  const lines = await screen.findByRole("table", { name: "Rader som läses in" });
  expect(
    within(lines)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent),
  ).toEqual(["2Ny deltagare", "3Uppdateras: initialer, vård- och stödsamordnare", "5Finns redan, oförändrad"]);
  expect(within(screen.getByRole("table", { name: "Avvisade rader" })).getAllByRole("row")[1]!.textContent).toBe(
    "4Koden tillhörde en deltagare vars kod har ändrats sedan (eller vars uppgifter har raderats). Inget skrevs för raden.",
  );
});

// Issue 28: the follow-up's yearly target per organisation is a board setting, sent only when changed.
it("sets a yearly target for an organisation and refuses one that is not a whole number of zero or more", async () => {
  const sent: unknown[] = [];
  const base = overview();
  renderSettings({
    adminOverview: async () => base,
    editBoardSettings: async (_b: string, body: unknown) => (sent.push(body), base.board),
  });
  fireEvent.click(await screen.findByRole("tab", { name: "Tavlans inställningar" }));
  const targets = await screen.findByRole("group", { name: "Målsättning per år (uppföljning per organisation)" });
  const save = screen.getByRole("button", { name: "Spara" });
  fireEvent.change(within(targets).getByRole("spinbutton", { name: /Norrby soc/ }), { target: { value: "-3" } });
  expect(save).toHaveProperty("disabled", true);
  fireEvent.change(within(targets).getByRole("spinbutton", { name: /Norrby soc/ }), { target: { value: "30" } });
  expect(save).toHaveProperty("disabled", false);
  fireEvent.click(save);
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toMatchObject({ etag: "e-b", followUpTargets: [{ organisationId: "north", perYear: 30 }] });
});
