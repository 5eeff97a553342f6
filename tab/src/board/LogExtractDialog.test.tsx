/** @jest-environment jsdom */
import type { LogExtract } from "@fact-board/contract";
import { act, fireEvent, screen } from "@testing-library/react";
import { ApiContext } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import { boardContext, boardView } from "../test-support/fixtures";
import { openedDialog } from "../test-support/dialogs";
import { renderInTab } from "../test-support/render";
import { BoardContext } from "./BoardContext";
import LogExtractDialog from "./LogExtractDialog";

// The participant's log extract (PDL 8 kap. 5 §): per organisation and unit, each access and when;
// printable, and as CSV for all organisations or one. Inside the open dialog the queries pass
// `hidden: true` (tabster's modalizer under jsdom, see LogReviewSection.test.tsx).
const inDialog = { hidden: true } as const;

const extract: LogExtract = {
  participantCode: "FIK-001",
  organisations: [
    {
      organisationId: "north",
      organisationName: "Norrby soc",
      unit: "municipalSocialServices",
      accesses: [{ at: "2026-11-20T08:00:00.000Z", lastAt: "2026-11-20T08:10:00.000Z", count: 4, what: "viewedDetails", channel: "bot" }],
    },
    {
      organisationId: "region",
      organisationName: "Psykiatrin",
      unit: "regionPsychiatry",
      accesses: [
        { at: "2026-11-21T08:00:00.000Z", lastAt: "2026-11-21T08:00:00.000Z", count: 1, what: "viewedHistory", channel: "tab" },
        { at: "2026-11-22T08:00:00.000Z", lastAt: "2026-11-22T08:00:00.000Z", count: 1, what: "changed", channel: "tab" },
      ],
    },
  ],
};

function renderExtract(client: Partial<ApiClient>) {
  const board = boardView([]);
  renderInTab(
    <ApiContext.Provider value={client as ApiClient}>
      <BoardContext.Provider value={boardContext(board)}>
        <LogExtractDialog participantId="p001" code="FIK-001" onClose={() => {}} />
      </BoardContext.Provider>
    </ApiContext.Provider>,
  );
}

it("lists each organisation with its unit and every access in words", async () => {
  renderExtract({ logExtract: async () => extract });
  const dialog = await openedDialog("Registerutdrag (logg) för FIK-001", { role: "table", name: "Åtkomster från Psykiatrin" });
  dialog.getByRole("heading", { name: "Norrby soc (Kommunal socialtjänst)", ...inDialog });
  dialog.getByRole("heading", { name: "Psykiatrin (Regionpsykiatri)", ...inDialog });
  expect(dialog.getByRole("table", { name: "Åtkomster från Psykiatrin", ...inDialog }).querySelectorAll("tbody tr")).toHaveLength(2);
  const north = dialog.getByRole("table", { name: "Åtkomster från Norrby soc", ...inDialog }).textContent ?? "";
  expect(north).toContain("Visade uppgifter");
  expect(north).toContain("Bot");
  expect(north).not.toMatch(/viewedDetails/);
  // The printable copy is there for the print stylesheet, outside the dialog.
  expect(document.querySelector("[data-fact-print]")?.textContent).toContain("Registerutdrag (logg) för FIK-001");
  expect(document.body.hasAttribute("data-fact-printing")).toBe(true);
});

it("downloads the CSV of one organisation, and prints", async () => {
  const logExtractCsv = jest.fn(async () => new Blob(["participantCode\r\n"]));
  const print = jest.spyOn(window, "print").mockImplementation(() => {});
  URL.createObjectURL = jest.fn(() => "blob:x");
  URL.revokeObjectURL = jest.fn();
  // jsdom does not navigate; the download link's click is the browser's part.
  const clicked = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  renderExtract({ logExtract: async () => extract, logExtractCsv });
  const dialog = await openedDialog("Registerutdrag (logg) för FIK-001", { role: "combobox", name: "CSV för" });
  fireEvent.change(dialog.getByRole("combobox", { name: "CSV för", ...inDialog }), { target: { value: "north" } });
  await act(async () => fireEvent.click(dialog.getByRole("button", { name: "Ladda ner CSV", ...inDialog })));
  expect(logExtractCsv).toHaveBeenCalledWith("b1", "p001", "north");
  expect(clicked).toHaveBeenCalled();
  fireEvent.click(dialog.getByRole("button", { name: "Skriv ut", ...inDialog }));
  expect(print).toHaveBeenCalled();
});

it("says it when there is nothing to show", async () => {
  renderExtract({ logExtract: async () => ({ participantCode: "FIK-001", organisations: [] }) });
  await screen.findAllByText("Ingen organisation har tagit del av deltagarens uppgifter.");
});
