/** @jest-environment jsdom */
import type { LogReviewersView, LogReviewView } from "@fact-board/contract";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ApiContext } from "../../api/ApiContext";
import type { ApiClient } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { BoardContext } from "../../board/BoardContext";
import { EntryActionsProvider } from "../../board/EntryActions";
import { boardContext, boardView } from "../../test-support/fixtures";
import { dialogGone, openedDialog } from "../../test-support/dialogs";
import { renderInTab } from "../../test-support/render";
import { LogReviewSection } from "./LogReviewSection";

// Loggkontroll in the overview: naming the organisation's reviewers and assessing a period's sample.
// The server decides who may review (mayReview) and refuses a reviewer's own access; the tab shows it.
// Inside an open dialog the queries pass `hidden: true`: under jsdom tabster's modalizer may mark a
// surface aria-hidden some 250 ms after it opened (see FormDialog.test.tsx) — a jsdom artefact that
// made these tests fail whenever they ran slower. `openedDialog` has checked the dialog is reachable.
const inDialog = { hidden: true } as const;

const board = boardView([], {
  viewer: {
    memberId: "m1",
    displayName: "Ada Fiktiv",
    organisationId: "region",
    role: "manager",
    permissions: ["board.read", "overview.read", "audit.read", "logReview.appoint"],
  },
  members: [
    { id: "m1", displayName: "Ada Fiktiv", organisationId: "region", role: "manager", substituteIds: [] },
    { id: "m2", displayName: "Bertil Påhittad", organisationId: "region", role: "staff", substituteIds: [] },
    { id: "n1", displayName: "Hugo Fiktivsson", organisationId: "north", role: "manager", substituteIds: [] },
  ],
});

const review = (overrides: Partial<LogReviewView> = {}): LogReviewView => ({
  organisationId: "region",
  period: "2026-11",
  seed: "b1/region/2026-11",
  drawnAt: "2026-11-24T08:00:00.000Z",
  drawnBy: "m1",
  population: 40,
  marked: 0,
  followUp: 0,
  etag: 'W/"r1"',
  items: [
    {
      id: "i-night",
      at: "2026-11-20T01:00:00.000Z",
      lastAt: "2026-11-20T01:00:00.000Z",
      count: 1,
      memberId: "m2",
      role: "staff",
      what: "viewedDetails",
      participantCode: "FIK-007",
      channel: "tab",
      rules: ["outsideMeetingTimes", "noRelation"],
      ownAccess: false,
    },
    {
      id: "i-own",
      at: "2026-11-21T09:00:00.000Z",
      lastAt: "2026-11-21T09:10:00.000Z",
      count: 3,
      memberId: "m1",
      role: "manager",
      what: "viewedDetails",
      participantCode: "—",
      channel: "tab",
      rules: ["random"],
      ownAccess: true,
    },
  ],
  ...overrides,
});

function renderSection(client: Partial<ApiClient>) {
  renderInTab(
    <ApiContext.Provider value={client as ApiClient}>
      <BoardContext.Provider value={boardContext(board)}>
        <EntryActionsProvider>
          <LogReviewSection />
        </EntryActionsProvider>
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

const reviewers = (overrides: Partial<LogReviewersView> = {}): LogReviewersView => ({
  organisationId: "region",
  memberIds: [],
  mayReview: false,
  ...overrides,
});

describe("naming log reviewers", () => {
  it("offers only the own organisation's members and sends the chosen ones with the etag seen", async () => {
    const nameLogReviewers = jest.fn(async (_b: string, _o: string, body: { memberIds: string[] }) =>
      reviewers({ memberIds: body.memberIds, etag: 'W/"2"', mayReview: true }),
    );
    renderSection({ logReviewers: async () => reviewers({ memberIds: ["m2"], etag: 'W/"1"' }), nameLogReviewers, logReview: jest.fn() });
    const group = await screen.findByRole("group", { name: "Logggranskare" });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(2);
    expect(within(group).queryByLabelText(/Hugo/)).toBeNull();
    expect(within(group).getByRole("checkbox", { name: /Bertil/ })).toHaveProperty("checked", true);
    expect(screen.getByText(/Du är inte utsedd till logggranskare/)).toBeTruthy();

    fireEvent.click(within(group).getByRole("checkbox", { name: /Ada/ }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Spara granskare" })));
    expect(nameLogReviewers).toHaveBeenCalledWith("b1", "region", { memberIds: ["m2", "m1"], etag: 'W/"1"' });
    // Now named: the period can be opened.
    await screen.findByRole("button", { name: "Öppna urvalet" });
  });

  it("shows a naming saved meanwhile and re-applies one's own on top of it", async () => {
    const current = reviewers({ memberIds: ["m2"], etag: 'W/"9"' });
    const nameLogReviewers = jest
      .fn()
      .mockRejectedValueOnce(new ApiRequestError(409, "Conflict", "changed", undefined, current))
      .mockResolvedValueOnce(reviewers({ memberIds: ["m1"], etag: 'W/"10"', mayReview: true }));
    renderSection({ logReviewers: async () => reviewers({ memberIds: [], etag: 'W/"1"' }), nameLogReviewers });
    fireEvent.click(await screen.findByRole("checkbox", { name: /Ada/ }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Spara granskare" })));
    const dialog = await openedDialog(
      /ändrade logggranskarna samtidigt/,
      { role: "button", name: "Använd min ändring igen" },
      "alertdialog",
    );
    expect(dialog.getAllByText("Bertil Påhittad").length).toBeGreaterThan(0);
    await act(async () => fireEvent.click(dialog.getByRole("button", { name: "Använd min ändring igen", ...inDialog })));
    expect(nameLogReviewers).toHaveBeenLastCalledWith("b1", "region", { memberIds: ["m1"], etag: 'W/"9"' });
  });
});

describe("assessing the sample", () => {
  it("shows why each record was drawn and says a reviewer's own access is another reviewer's to assess", async () => {
    renderSection({
      logReviewers: async () => reviewers({ memberIds: ["m1"], etag: 'W/"1"', mayReview: true }),
      logReview: async () => review(),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Öppna urvalet" }));
    const table = await screen.findByRole("table", { name: /Urval för november 2026/ });
    const [, night, own] = within(table).getAllByRole("row");
    expect(night!.textContent).toContain("Utanför mötestid");
    expect(night!.textContent).toContain("Utan relation");
    expect(within(night!).getByRole("button", { name: "Bedöm" })).toBeTruthy();
    expect(own!.textContent).toContain("Slumpvis");
    expect(own!.textContent).toContain("Din egen åtkomst: en annan granskare bedömer den.");
    expect(within(own!).queryByRole("button")).toBeNull();
    expect(screen.getByText("0 av 2 poster granskade, 0 att följa upp")).toBeTruthy();
  });

  it("asks for a note before a record is marked to follow up, and sends it with the review's etag", async () => {
    const marked = review({ marked: 1, followUp: 1, etag: 'W/"r2"' });
    marked.items[0] = {
      ...marked.items[0]!,
      mark: { status: "followUp", note: "Fråga om nattläsningen", by: "m1", at: "2026-11-24T09:00:00.000Z" },
    };
    const markLogReviewItem = jest.fn(async () => marked);
    renderSection({
      logReviewers: async () => reviewers({ memberIds: ["m1"], etag: 'W/"1"', mayReview: true }),
      logReview: async () => review(),
      markLogReviewItem,
    });
    fireEvent.click(await screen.findByRole("button", { name: "Öppna urvalet" }));
    fireEvent.click(await screen.findByRole("button", { name: "Bedöm" }));
    const dialog = await openedDialog(/Bedöm åtkomsten till FIK-007/, { role: "radio", name: "Att följa upp" });
    // Nothing pre-selected: the reviewer decides.
    expect(dialog.getAllByRole("radio", inDialog).some((r: HTMLElement) => (r as HTMLInputElement).checked)).toBe(false);
    const save = dialog.getByRole("button", { name: "Spara bedömning", ...inDialog });
    expect(save).toHaveProperty("disabled", true);
    fireEvent.click(dialog.getByRole("radio", { name: "Att följa upp", ...inDialog }));
    expect(save).toHaveProperty("disabled", true);
    expect(dialog.getByText("Skriv vad som ska följas upp.")).toBeTruthy();
    fireEvent.change(dialog.getByRole("textbox", { name: /Anteckning/, ...inDialog }), { target: { value: "Fråga om nattläsningen" } });
    expect(save).toHaveProperty("disabled", false);
    await act(async () => fireEvent.click(save));
    expect(markLogReviewItem).toHaveBeenCalledWith("b1", "2026-11", "i-night", {
      status: "followUp",
      note: "Fråga om nattläsningen",
      etag: 'W/"r1"',
    });
    await dialogGone();
    await waitFor(() => expect(screen.getByText("1 av 2 poster granskade, 1 att följa upp")).toBeTruthy());
    expect(screen.getByText("Fråga om nattläsningen")).toBeTruthy();
  });

  it("says so when the server refuses to open the period", async () => {
    renderSection({
      logReviewers: async () => reviewers({ memberIds: ["m1"], etag: 'W/"1"', mayReview: true }),
      logReview: async () => {
        throw new ApiRequestError(403, "Forbidden", "no");
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Öppna urvalet" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Du har inte behörighet");
  });
});
